import { readFile } from 'node:fs/promises';
/** Teacher, district admin and parent each open ECAP Planner from the LMS and see their home. */
import type { Browser } from 'playwright-core';
import { inNewPage, launchBrowser, requireClientBuild } from './support/browser';
import { axeToolFrame } from './support/axe';
import { openAs, startLms, waitForApp, type Lms } from './support/journey';
import { launch, learnerLaunch, ROLES } from '../support/lti-flow';

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

it('teacher: the class dashboard with the course title and the students who have launched', async () => {
  const student = await launch(lms.tool, lms.sim, learnerLaunch(lms.reg.clientId, { user: { sub: 'stu-ben', name: 'Ben Ortiz' } }));
  expect(student.sessionToken).not.toBeNull();
  await inNewPage(browser, async (page) => {
    const frame = await openAs(page, lms, { sub: 'teacher-1', name: 'Ms. Rivera', locale: 'en-US', roles: [ROLES.instructor] });
    await frame.getByRole('heading', { level: 1, name: 'Advisory 9A' }).waitFor();
    await frame.getByText(/No ECAP activities are placed in this course yet/).waitFor();
    await frame.getByRole('table', { name: 'Students of Advisory 9A and their progress on each ECAP activity' }).waitFor();
    await frame.getByRole('rowheader', { name: /Ben Ortiz/ }).waitFor();
    await axeToolFrame(page);
  });
});

it('district admin (institution Administrator, no course): edits the district name, saves, and a reload shows it; adds a custom ECAP activity', async () => {
  await inNewPage(browser, async (page) => {
    let frame = await openAs(page, lms, { sub: 'admin-1', name: 'Dr. Okafor', locale: 'en-US', roles: [ROLES.institutionAdmin], context: undefined });
    await frame.getByRole('heading', { level: 1, name: 'District settings' }).waitFor();
    const name = frame.getByRole('textbox', { name: /District name/ });
    expect(await name.inputValue()).toBe('Simulated District');
    await axeToolFrame(page);

    await name.fill('Mesa Unified School District');
    await frame.getByRole('button', { name: 'Save settings' }).click();
    await frame.getByText('Settings saved.').waitFor();

    // Reload the course page, as a user does: the LMS launches the tool again and the new name is there.
    // (Reloading only the iframe needs sessionStorage, which browsers blocking third-party cookies also block.)
    await page.reload();
    frame = await waitForApp(page);
    await frame.getByRole('heading', { level: 1, name: 'District settings' }).waitFor();
    expect(await frame.getByRole('textbox', { name: /District name/ }).inputValue()).toBe('Mesa Unified School District');
    await frame.getByText('· Mesa Unified School District').waitFor();

    // Custom ECAP activities: an empty form is refused with a message next to each field, then one is added.
    await frame.getByRole('heading', { level: 2, name: 'Custom ECAP activities' }).waitFor();
    await frame.getByText('Your district has no custom activities yet.').waitFor();
    await frame.getByRole('button', { name: 'Add activity' }).click();
    await frame.getByText('Enter a title.').waitFor();
    await frame.getByText('Choose at least one grade band.').waitFor();
    const title = frame.getByRole('textbox', { name: /^Title/ });
    expect(await title.evaluate((el) => el === document.activeElement)).toBe(true);
    await title.fill('Job shadow reflection');
    await frame.getByRole('textbox', { name: /Prompt for students/ }).fill('Shadow a professional for a day and reflect on it.');
    await frame.getByRole('textbox', { name: /Evidence required/ }).fill('A one-page reflection signed by the host.');
    await frame.getByText('Grade 11', { exact: true }).click(); // the label: InstUI's facade covers the input
    await frame.getByText('Grade 12', { exact: true }).click();
    expect(await frame.getByRole('checkbox', { name: 'Grade 12' }).isChecked()).toBe(true);
    await frame.getByRole('spinbutton', { name: /Suggested points/ }).fill('25');
    await frame.getByRole('button', { name: 'Add activity' }).click();
    await frame.getByRole('status').filter({ hasText: 'Job shadow reflection was added to your district’s activities.' }).waitFor();
    const listed = frame.getByRole('list', { name: 'Your district’s custom activities' }).getByRole('listitem');
    expect(await listed.allTextContents()).toEqual([
      expect.stringContaining('Job shadow reflection'),
    ]);
    await listed.getByText('Grades 11, 12 · Suggested points: 25').waitFor();
    await axeToolFrame(page);
  });
});

it('parent (Mentor with role_scope_mentor): the list of their children, and a child’s plan read-only', async () => {
  const child = await launch(lms.tool, lms.sim, learnerLaunch(lms.reg.clientId, { user: { sub: 'child-1', name: 'Cora Diaz' } }));
  expect(child.sessionToken).not.toBeNull();
  await inNewPage(browser, async (page) => {
    const frame = await openAs(page, lms, { sub: 'parent-1', name: 'Luis Diaz', locale: 'en-US', roles: [ROLES.mentor], mentees: ['child-1', 'child-not-yet'] });
    await frame.getByRole('heading', { level: 1, name: 'Your children’s plans' }).waitFor();
    const list = frame.getByRole('list', { name: 'Your children' });
    expect(await list.getByRole('listitem').allTextContents()).toEqual(['Open Cora Diaz’s plan', 'Student not yet signed in to ECAP Planner']);
    await axeToolFrame(page);

    await list.getByRole('link', { name: 'Open Cora Diaz’s plan' }).click();
    await frame.getByRole('heading', { level: 1, name: 'Cora Diaz’s Education and Career Action Plan' }).waitFor();
    await frame.getByText('You can read this plan; your child and their school keep it up to date.').waitFor();
    expect(await frame.getByRole('textbox').count()).toBe(0);
    const [answer, download] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/export.pdf')),
      page.waitForEvent('download'),
      frame.getByRole('button', { name: 'Export PDF' }).click(),
    ]);
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toMatch(/^application\/pdf/);
    // (Playwright does not hand back the body of this cross-site frame's fetch; the saved file is checked instead.)
    const saved = await readFile((await download.path()) as string);
    expect(saved.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await axeToolFrame(page);
    await frame.getByRole('link', { name: 'Back to your children' }).click();
    await frame.getByRole('heading', { level: 1, name: 'Your children’s plans' }).waitFor();
  });
});
