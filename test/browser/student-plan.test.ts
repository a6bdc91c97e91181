/**
 * The student's ECAP, tried as a student would (issue 4, "Done means"): launched from the simulated LMS course
 * page into the tool iframe, in English, with role- and label-based locators. One journey in ordered steps
 * sharing one page (interest inventory, career goal, four-year course plan approved by the requirements check,
 * an activity, a resume, the annual review, the PDF), then "nothing lost": the server unreachable mid-edit, and
 * two tabs editing the same section.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Frame, Page, Request, Response } from 'playwright-core';
import { INTEREST_ITEMS, scoreInterestInventory } from '../../shared/career/inventory';
import type { PlannedCourse, SubjectArea } from '../../shared/api/plan';
import { launchBrowser, requireClientBuild } from './support/browser';
import { axeToolFrame } from './support/axe';
import { startLms, type Lms } from './support/journey';
import { StudentApi, frameHasLocalStorage, launchStudent, openSection, saveStatus, tinyPdf, waitForSaved, type StudentTab } from './support/plan';

let lms: Lms;
let browser: Browser;

beforeAll(async () => {
  requireClientBuild();
  [lms, browser] = await Promise.all([startLms(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await lms?.close();
});

/** Answers by RIASEC letter: a clear S > A > E profile, so the code is known in advance. */
const RATING_BY_LETTER = { R: 1, I: 2, A: 4, S: 5, E: 3, C: 2 } as const;
const RATING_LABELS = ['Strongly dislike', 'Dislike', 'Not sure', 'Like', 'Strongly like'] as const;

describe('a student builds the whole ECAP in the LMS iframe', () => {
  let tab: StudentTab;
  let frame: Frame;
  let page: Page;
  let api: StudentApi;

  beforeAll(async () => {
    tab = await launchStudent(browser, lms, { sub: 'stu-plan', name: 'Rosa Villa' });
    ({ frame, page } = tab);
    api = await StudentApi.of(lms, tab);
  });
  afterAll(async () => {
    await tab?.context.close();
  });

  it('takes the interest inventory, every page, and sees the three-letter code', async () => {
    await openSection(frame, 'Career');
    await frame.getByRole('tab', { name: 'Interest inventory' }).waitFor();
    await frame.getByText(`0 of ${INTEREST_ITEMS.length} answered`).first().waitFor();
    const pages = Math.ceil(INTEREST_ITEMS.length / 6);
    for (let p = 1; p <= pages; p += 1) {
      await frame.getByRole('heading', { level: 3, name: `Questions, page ${p} of ${pages}` }).waitFor();
      for (const item of INTEREST_ITEMS.slice((p - 1) * 6, p * 6)) {
        const group = frame.getByRole('radiogroup', { name: item.en });
        const label = RATING_LABELS[RATING_BY_LETTER[item.letter] - 1];
        // InstUI draws its own radio over the native input, which Playwright then calls covered.
        await group.getByRole('radio', { name: label, exact: true }).check({ force: true });
      }
      if (p < pages) await frame.getByRole('button', { name: 'Next questions' }).click();
    }
    await expectDisabled(frame.getByRole('button', { name: 'Next questions' }));
    const expected = scoreInterestInventory(Object.fromEntries(INTEREST_ITEMS.map((i) => [i.id, RATING_BY_LETTER[i.letter]])));
    expect(expected?.code).toBe('SAE');
    await frame.getByText(`${INTEREST_ITEMS.length} of ${INTEREST_ITEMS.length} answered`).first().waitFor();
    await frame.getByText(/^Your code is SAE: /).waitFor();
    await waitForSaved(frame, 'Career');
    const plan = await api.plan();
    expect(Object.keys(plan.sections.career.data.interestInventory.answers)).toHaveLength(INTEREST_ITEMS.length);
    expect(plan.interestResult?.code).toBe('SAE');
  });

  it('saves a career goal with its education path', async () => {
    await frame.getByRole('tab', { name: 'Career goal' }).click();
    await frame.getByRole('button', { name: 'Add a career goal' }).click();
    const title = frame.getByRole('textbox', { name: 'Career', exact: true });
    await expectFocused(title);
    await title.fill('Registered nurse');
    await frame.getByRole('textbox', { name: 'Education this career needs' }).fill('Bachelor of Science in Nursing, then the NCLEX-RN exam');
    await frame.getByRole('textbox', { name: 'Other training or experience' }).fill('CPR certification; volunteer at the hospital');
    await frame.getByRole('textbox', { name: 'Target year (optional)' }).fill('2033');
    await frame.getByRole('textbox', { name: 'Target year (optional)' }).press('Tab');
    await waitForSaved(frame, 'Career');
    const goal = (await api.section('career')).data.careerGoal;
    expect(goal).toEqual({
      title: 'Registered nurse',
      educationPath: 'Bachelor of Science in Nursing, then the NCLEX-RN exam',
      trainingNeeded: 'CPR certification; volunteer at the hospital',
      targetYear: 2033,
    });
    // Reopen the screen: the saved goal is what the student sees.
    await openSection(frame, 'Overview');
    await openSection(frame, 'Career');
    await frame.getByRole('tab', { name: 'Career goal' }).click();
    expect(await frame.getByRole('textbox', { name: 'Education this career needs' }).inputValue()).toBe(
      'Bachelor of Science in Nursing, then the NCLEX-RN exam',
    );
  });

  it('has no axe violations on the Career screen', async () => {
    await frame.getByRole('tab', { name: 'Interest inventory' }).click();
    await frame.getByText(/^Your code is SAE: /).waitFor();
    await axeToolFrame(page);
  });

  it('builds a four-year course plan that the requirements check approves', async () => {
    await openSection(frame, 'Academic');
    await frame.getByRole('heading', { level: 2, name: 'Graduation requirements check' }).waitFor();
    await frame.getByText('Still needed:').waitFor();

    // Two courses through the editor (proves adding, typing, choosing and autosave).
    await frame.getByRole('button', { name: 'Add a course to grade 9' }).click();
    await expectFocused(frame.locator('#academic-courses-0-name'));
    await frame.locator('#academic-courses-0-name').fill('English 9');
    await frame.getByRole('button', { name: 'Add a course to grade 9' }).click();
    await expectFocused(frame.locator('#academic-courses-1-name'));
    await frame.locator('#academic-courses-1-name').fill('Algebra I');
    await frame.locator('#academic-courses-1-subjectArea').click();
    await frame.getByRole('option', { name: 'Math', exact: true }).click();
    await waitForSaved(frame, 'Academic');
    const afterUi = await api.section('academic');
    expect(afterUi.data.courses.map((c) => [c.name, c.subjectArea, c.credits, c.gradeLevel])).toEqual([
      ['English 9', 'english', 1, 9],
      ['Algebra I', 'math', 1, 9],
    ]);

    // The other 20 courses go through the API (PUT with the current version and the student's own token):
    // typing 22 courses with their selects would take a minute of browser time and prove nothing more than
    // the two above. The screen is then reopened and must show the server's check as met.
    const rest: Array<[string, SubjectArea, number]> = [
      ['Biology', 'science', 9],
      ['World History', 'social_studies', 9],
      ['Intro to Health Sciences', 'cte', 9],
      ['Art I', 'elective', 9],
      ['English 10', 'english', 10],
      ['Geometry', 'math', 10],
      ['Chemistry', 'science', 10],
      ['US History', 'social_studies', 10],
      ['Spanish I', 'elective', 10],
      ['Physical Education', 'elective', 10],
      ['English 11', 'english', 11],
      ['Algebra II', 'math', 11],
      ['Anatomy and Physiology', 'science', 11],
      ['Government and Economics', 'social_studies', 11],
      ['Spanish II', 'elective', 11],
      ['English 12', 'english', 12],
      ['Precalculus', 'math', 12],
      ['Psychology', 'elective', 12],
      ['Medical Terminology', 'elective', 12],
      ['Yearbook', 'elective', 12],
    ];
    const courses: PlannedCourse[] = [
      ...afterUi.data.courses,
      ...rest.map(([name, subjectArea, gradeLevel], i) => ({
        id: `api-course-${i}`,
        name,
        subjectArea,
        credits: 1,
        gradeLevel,
        term: 'full_year' as const,
        status: 'planned' as const,
      })),
    ];
    const saved = await api.saveSection('academic', afterUi.version, { ...afterUi.data, courses });
    expect(saved.version).toBeGreaterThan(afterUi.version);
    expect((await api.plan()).requirements).toMatchObject({ totalRequired: 22, totalPlanned: 22, met: true, gaps: [] });

    await openSection(frame, 'Overview');
    await openSection(frame, 'Academic');
    await frame.getByText('Your course plan meets every graduation requirement.').waitFor();
    await frame.getByText('22 of 22 credits planned').first().waitFor();
    expect(await frame.getByText('Still needed:').count()).toBe(0);
    for (const g of [9, 10, 11, 12]) await frame.getByRole('heading', { level: 3, name: `Grade ${g}` }).waitFor();
    expect(await frame.locator('#academic-courses-0-name').inputValue()).toBe('English 9');
    expect(await frame.locator('#academic-courses-21-name').inputValue()).toBe('Yearbook');
    const table = frame.getByRole('table', { name: 'Credits by subject area: required, planned and completed' });
    expect(await table.getByRole('cell', { name: 'Met', exact: true }).count()).toBeGreaterThanOrEqual(6);
  });

  it('has no axe violations on the Academic screen', async () => {
    await axeToolFrame(page);
  });

  it('logs an activity with category, dates, hours and reflection', async () => {
    await openSection(frame, 'Extracurricular');
    await frame.getByText('No activities yet.').waitFor();
    await frame.getByRole('button', { name: 'Add an activity' }).click();
    const category = frame.locator('#extracurricular-activities-0-category');
    await expectFocused(category);
    await category.click();
    await frame.getByRole('option', { name: 'Community service', exact: true }).click();
    await frame.getByRole('heading', { level: 3, name: 'Community service' }).waitFor();
    await frame.getByRole('textbox', { name: 'Activity' }).fill('Food bank volunteer');
    await frame.getByRole('textbox', { name: 'My role' }).fill('Shift lead');
    await frame.getByRole('textbox', { name: 'Start date' }).fill('2024-09-07');
    await frame.getByRole('textbox', { name: 'End date (optional)' }).fill('2025-05-17');
    await frame.getByRole('textbox', { name: 'Hours' }).fill('42');
    await frame.getByRole('textbox', { name: 'Reflection' }).fill('I learned to organise a team of volunteers.');
    await frame.getByRole('textbox', { name: 'Reflection' }).press('Tab');
    await waitForSaved(frame, 'Extracurricular');
    const [activity] = (await api.section('extracurricular')).data.activities;
    expect(activity).toMatchObject({
      category: 'community_service',
      name: 'Food bank volunteer',
      role: 'Shift lead',
      startDate: '2024-09-07',
      endDate: '2025-05-17',
      hours: 42,
      reflection: 'I learned to organise a team of volunteers.',
    });
  });

  it('uploads a resume, and refuses a wrong type and a file over 10 MB with a clear message', async () => {
    await openSection(frame, 'Portfolio');
    await frame.getByText('No files yet.').waitFor();
    const fileInput = frame.locator('#artifact-file');

    // Wrong type: refused before anything is sent.
    await fileInput.setInputFiles({ name: 'game.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ not a document') });
    await frame.getByText('This type of file cannot be uploaded. Use PDF, Word (.docx), PNG, JPEG or plain text.').first().waitFor();
    // Over 10 MB: refused with the size and the limit.
    await fileInput.setInputFiles({ name: 'huge.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([tinyPdf(), Buffer.alloc(11 * 1024 * 1024, 0x20)]) });
    await frame.getByText(/^This file is 11(\.\d)? MB\. The limit is 10 MB: choose a smaller file\.$/).first().waitFor();
    // The server refuses them too (clear 413/415), whatever a client sends.
    const big = new FormData();
    big.set('type', 'resume');
    big.set('title', 'Too big');
    big.set('file', new Blob([new Uint8Array(Buffer.concat([tinyPdf(), Buffer.alloc(11 * 1024 * 1024, 0x20)]))], { type: 'application/pdf' }), 'huge.pdf');
    const tooBig = await api.request('POST', '/api/plans/me/artifacts', { body: big });
    expect(tooBig.status).toBe(413);
    const fake = new FormData();
    fake.set('type', 'resume');
    fake.set('title', 'Not a PDF');
    fake.set('file', new Blob([new Uint8Array(Buffer.from('MZ this is not a pdf'))], { type: 'application/pdf' }), 'fake.pdf');
    expect((await api.request('POST', '/api/plans/me/artifacts', { body: fake })).status).toBe(415);

    // A real (small) PDF resume.
    await fileInput.setInputFiles({ name: 'rosa-villa-resume.pdf', mimeType: 'application/pdf', buffer: tinyPdf('Rosa Villa') });
    await frame.getByText(/^Chosen: rosa-villa-resume\.pdf \(/).waitFor();
    const title = frame.getByRole('textbox', { name: 'Title' });
    expect(await title.inputValue()).toBe('rosa-villa-resume');
    await title.fill('My resume');
    await frame.getByRole('button', { name: 'Upload', exact: true }).click();
    await frame.getByText('“My resume” was added to your portfolio.').waitFor();
    const files = frame.getByRole('table', { name: 'Files in my portfolio' });
    await files.getByRole('rowheader', { name: 'My resume' }).waitFor();
    await files.getByRole('cell', { name: 'Resume', exact: true }).waitFor();
    await files.getByRole('button', { name: 'Download My resume' }).waitFor();
    const listed = (await (await api.request('GET', '/api/plans/me/artifacts')).json()) as Array<{ title: string; type: string; contentType: string }>;
    expect(listed).toEqual([expect.objectContaining({ title: 'My resume', type: 'resume', contentType: 'application/pdf' })]);
  });

  it('submits the annual review with a reflection, after confirming', async () => {
    await openSection(frame, 'Annual review');
    await frame.getByText('Your annual review for this year is not submitted yet.').waitFor();
    await frame.getByRole('button', { name: 'Submit annual review' }).click();
    await frame.getByText('Write your reflection before submitting.').first().waitFor();
    await frame.getByRole('textbox', { name: 'Reflection on this year' }).fill('I finished my plan and found a career I care about.');
    await frame.getByRole('button', { name: 'Submit annual review' }).click();
    const dialog = frame.getByRole('dialog', { name: 'Submit your annual review?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Submit', exact: true }).click();
    await frame.getByText('Your annual review was submitted.').waitFor();
    await frame.getByText(/^Submitted on .+\. Your plan for this year is saved as a record\.$/).waitFor();
    expect(await frame.getByRole('textbox', { name: 'Reflection on this year' }).count()).toBe(0);
    const plan = await api.plan();
    expect(plan.annualReview.status).toBe('submitted');
    const history = frame.getByRole('table', { name: 'Annual reviews submitted' });
    await history.getByRole('rowheader', { name: plan.annualReview.schoolYear }).waitFor();
  });

  it('exports the whole plan as a PDF', async () => {
    const isExport = (r: Request | Response) => new URL(r.url()).pathname === '/api/plans/me/export.pdf';
    const [response, download] = await Promise.all([
      page.waitForResponse(isExport),
      page.waitForEvent('download'),
      frame.getByRole('button', { name: 'Export PDF' }).click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/pdf/);
    // (Playwright does not hand back the body of this cross-site frame's fetch; the saved file is checked instead.)
    expect(download.suggestedFilename()).toBe('my-ecap-plan.pdf');
    const saved = await readFile((await download.path()) as string);
    expect(saved.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(saved.length).toBeGreaterThan(1000);
    await frame.getByRole('button', { name: 'Export PDF' }).waitFor();
  });
});

describe('nothing a student typed is lost', () => {
  it('keeps a reflection typed while the server is unreachable, and saves it when it is back', async () => {
    const tab = await launchStudent(browser, lms, { sub: 'stu-offline', name: 'Leo Park' });
    const { frame, page } = tab;
    try {
      const api = await StudentApi.of(lms, tab);
      await openSection(frame, 'Goals and reflections');
      await waitForSaved(frame, 'Reflections');
      await page.route('**/api/plans/me/sections/**', (r) => r.abort('internetdisconnected'));
      const text = 'I like helping people and working with my hands.';
      await frame.getByRole('textbox', { name: 'Who am I?' }).fill(text);
      // "kept on this device" where the frame may use localStorage, "keep this page open" where the browser denies it.
      await saveStatus(frame, 'Reflections').filter({ hasText: /Offline – / }).waitFor({ timeout: 10_000 });
      // The text stays on screen; where the browser lets the third-party frame use localStorage, the draft is
      // also kept there (Chromium's default third-party cookie blocking denies it: then it lives in memory only).
      expect(await frame.getByRole('textbox', { name: 'Who am I?' }).inputValue()).toBe(text);
      if (await frameHasLocalStorage(frame)) {
        const drafts = await frame.evaluate(() =>
          Object.keys(localStorage).filter((k) => k.startsWith('ecap.draft.v1') && localStorage.getItem(k)?.includes('working with my hands')),
        );
        expect(drafts).toEqual([expect.stringMatching(/:reflections$/)]);
      }
      expect((await api.section('reflections')).data.whoAmI).toBe('');

      await page.unroute('**/api/plans/me/sections/**');
      await waitForSaved(frame, 'Reflections', 20_000);
      expect((await api.section('reflections')).data.whoAmI).toBe(text);
      expect(await frame.getByRole('textbox', { name: 'Who am I?' }).inputValue()).toBe(text);
    } finally {
      await tab.context.close();
    }
  });

  it('asks which version to keep when two tabs edit the same section, and keeps the chosen text', async () => {
    const first = await launchStudent(browser, lms, { sub: 'stu-tabs', name: 'Mia Ross' });
    try {
      const second = await launchStudent(browser, lms, { sub: 'stu-tabs', name: 'Mia Ross' }, first.context);
      const api = await StudentApi.of(lms, first);
      await openSection(first.frame, 'Goals and reflections');
      await openSection(second.frame, 'Goals and reflections');
      await waitForSaved(first.frame, 'Reflections');
      await waitForSaved(second.frame, 'Reflections');

      // Tab 1 saves first.
      await first.frame.getByRole('textbox', { name: 'Where am I going?' }).fill('Tab one: nursing school.');
      await first.frame.getByRole('textbox', { name: 'Where am I going?' }).press('Tab');
      await waitForSaved(first.frame, 'Reflections');
      expect((await api.section('reflections')).data.whereAmIGoing).toBe('Tab one: nursing school.');

      // Tab 2 still has the older version: its save is refused and the student chooses.
      const mine = 'Tab two: physical therapy, then my own clinic.';
      await second.frame.getByRole('textbox', { name: 'Where am I going?' }).fill(mine);
      await second.frame.getByRole('textbox', { name: 'Where am I going?' }).press('Tab');
      await saveStatus(second.frame, 'Reflections').filter({ hasText: 'Not saved: this section was changed somewhere else.' }).waitFor();
      await second.frame.getByText('This section was changed somewhere else', { exact: true }).waitFor();
      expect(await second.frame.getByRole('textbox', { name: 'Where am I going?' }).inputValue()).toBe(mine);
      await second.frame.getByRole('button', { name: /^Keep my version/ }).click();
      await waitForSaved(second.frame, 'Reflections');

      const saved = await api.section('reflections');
      expect(saved.data.whereAmIGoing).toBe(mine);
      expect(await second.frame.getByRole('textbox', { name: 'Where am I going?' }).inputValue()).toBe(mine);
      expect(await second.frame.getByRole('button', { name: /^Keep my version/ }).count()).toBe(0);
    } finally {
      await first.context.close();
    }
  });
  // "Keep my version" re-sends this tab's whole section on top of the newer version, so what the other tab saved
  // in another question of the same section is erased (the other tab still shows it as saved).
  it('keeps what the other tab saved in another question when "Keep my version" is chosen', async () => {
    const first = await launchStudent(browser, lms, { sub: 'stu-tabs-2', name: 'Noah Kim' });
    try {
      const second = await launchStudent(browser, lms, { sub: 'stu-tabs-2', name: 'Noah Kim' }, first.context);
      const api = await StudentApi.of(lms, first);
      await openSection(first.frame, 'Goals and reflections');
      await openSection(second.frame, 'Goals and reflections');
      await waitForSaved(second.frame, 'Reflections');

      await first.frame.getByRole('textbox', { name: 'Who am I?' }).fill('Tab one: I am curious and patient.');
      await first.frame.getByRole('textbox', { name: 'Who am I?' }).press('Tab');
      await waitForSaved(first.frame, 'Reflections');

      await second.frame.getByRole('textbox', { name: 'What are my next steps?' }).fill('Tab two: sign up for the health careers club.');
      await second.frame.getByRole('textbox', { name: 'What are my next steps?' }).press('Tab');
      await second.frame.getByRole('button', { name: /^Keep my version/ }).click();
      await waitForSaved(second.frame, 'Reflections');

      const saved = (await api.section('reflections')).data;
      expect(saved.nextSteps).toBe('Tab two: sign up for the health careers club.');
      expect(saved.whoAmI).toBe('Tab one: I am curious and patient.');
    } finally {
      await first.context.close();
    }
  });
});

async function expectFocused(locator: ReturnType<Frame['locator']>): Promise<void> {
  await locator.waitFor();
  for (let i = 0; i < 40; i += 1) {
    if (await locator.evaluate((el) => el === document.activeElement)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`expected focus on ${locator.toString()}`);
}

async function expectDisabled(locator: ReturnType<Frame['locator']>): Promise<void> {
  const disabled = await locator.evaluate((el) => el.hasAttribute('disabled') || el.getAttribute('aria-disabled') === 'true');
  expect(disabled).toBe(true);
}
