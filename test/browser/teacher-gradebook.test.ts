/**
 * Teachers and the gradebook, tried as a teacher would (issue 5, "Done means"), in the simulated LMS's iframe:
 * the teacher places two ECAP activities through the LMS's activity chooser (deep linking), a student completes
 * one of them, the score reaches the LMS gradebook (AGS), the teacher sees the class fill in on the dashboard
 * with every student of the NRPS roster, and a score sent while the gradebook was down arrives once it is back.
 *
 * One journey in ordered steps sharing state. The grade outbox is drained in this process with
 * drainGradeOutbox(): the app runs in-process (startLms), so the worker operates on the same database, and no
 * background worker runs in tests.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { INTEREST_ITEMS, scoreInterestInventory } from '../../shared/career/inventory';
import type { PlanView } from '../../shared/api/plan';
import { drainGradeOutbox, type DrainOptions } from '../../server/grades/grade-worker';
import { launchBrowser, newPage, requireClientBuild } from './support/browser';
import { CustomActivityModel } from '../../server/activities/custom-activity.model';
import { PlacementModel } from '../../server/activities/placement.model';
import { ActivityProgressModel } from '../../server/activities/progress.model';
import { TenantModel } from '../../server/tenants/tenant.model';
import { UserModel } from '../../server/users/user.model';
import { axeToolFrame } from './support/axe';
import { TOOL_FRAME, openFromLms, startLms, type Lms } from './support/journey';
import { openSection, waitForSaved } from './support/plan';
import {
  answerInterestInventory,
  apiAs,
  chooseActivity,
  dashboardCell,
  dashboardRow,
  dashboardTable,
  launchInLms,
  waitForCellText,
  type LmsTab,
} from './support/course';
import { ROLES } from '../support/lti-flow';
import type { DeepLinkResponseRecord, LaunchOptions, LineItem } from '../support/platform-simulator';

let lms: Lms;
let browser: Browser;
const tabs: LmsTab[] = [];

beforeAll(async () => {
  requireClientBuild();
  [lms, browser] = await Promise.all([startLms(), launchBrowser()]);
});
afterAll(async () => {
  for (const t of tabs) await t.context.close().catch(() => undefined);
  await browser?.close();
  await lms?.close();
});

const COURSE = { id: 'course-gradebook', title: 'Advisory 9A', label: 'ADV-9A' };
const TEACHER = { sub: 'teacher-rivera', name: 'Ms. Rivera', locale: 'en-US' };
const ANA = { sub: 'stu-ana', name: 'Ana Lopez', locale: 'en-US' };
const BEN = { sub: 'stu-ben', name: 'Ben Ortiz', locale: 'en-US' };
const CORA = { sub: 'stu-cora', name: 'Cora Diaz', locale: 'en-US' }; // on the roster, never opens the tool
const INVENTORY = { id: 'interest-inventory', title: 'Interest Inventory', points: 12 };
const LOG = { id: 'extracurricular-log', title: 'Extracurricular Log', points: 15 };
const STUDENT_ROLES = [ROLES.learner, ROLES.institutionStudent];

/** Answers by RIASEC letter: a clear S > A > E profile. */
const RATING_BY_LETTER = { R: 1, I: 2, A: 4, S: 5, E: 3, C: 2 } as const;

const worker = (extra: DrainOptions = {}): DrainOptions => ({ baseUrl: lms.tool.baseUrl, retry: { baseDelayMs: 50 }, ...extra });
const scoresFor = (lineItemId: string, sub: string) => lms.sim.scores.filter((s) => s.lineItemId === lineItemId && s.score.userId === sub);

/** What the deep linking round trip left behind: the response, and per activity its content item and line item. */
let returned: DeepLinkResponseRecord;
const placed: Record<string, { custom: Record<string, string>; lineItem: LineItem; placementId: string }> = {};

/** A student opening a placed link from the LMS (custom parameters and resource link id as the platform sends them). */
function linkLaunch(user: typeof ANA, activityId: string): LaunchOptions {
  const p = placed[activityId]!;
  return {
    clientId: lms.reg.clientId,
    user,
    roles: STUDENT_ROLES,
    context: COURSE,
    resourceLink: { id: p.lineItem.resourceLinkId!, title: p.lineItem.label },
    custom: p.custom,
    ags: true,
  };
}

describe('a teacher places activities, a student completes one, the score reaches the gradebook', () => {
  let teacher: { page: Page; frame: Frame } | null = null;
  let benTab: LmsTab | null = null;

  it('places two activities with points from the LMS activity chooser (deep linking)', async () => {
    const tab = await launchInLms(browser, lms, {
      clientId: lms.reg.clientId,
      user: TEACHER,
      roles: [ROLES.instructor],
      context: COURSE,
      messageType: 'LtiDeepLinkingRequest',
      deepLinking: { acceptTypes: ['ltiResourceLink'], acceptMultiple: true, data: 'canvas-dl-state-7' },
      ags: true,
    });
    tabs.push(tab);
    const { frame, page } = tab;
    await frame.getByRole('heading', { level: 1, name: 'Add ECAP activities to your course' }).waitFor();
    await frame.getByText('Advisory 9A', { exact: true }).first().waitFor();
    await frame.getByRole('checkbox', { name: INVENTORY.title, exact: true }).waitFor();
    await axeToolFrame(page);

    await chooseActivity(frame, INVENTORY.title, INVENTORY.points);
    await chooseActivity(frame, LOG.title, LOG.points);
    await frame.getByRole('heading', { level: 2, name: 'Your selection (2)' }).waitFor();

    const before = lms.sim.deepLinkResponses.length;
    const landed = page.waitForResponse((r) => r.url().startsWith(lms.sim.deepLinkReturnUrl) && r.request().method() === 'POST');
    await frame.getByRole('button', { name: 'Add to course' }).click();
    const response = await landed;
    // The simulator verified the JWT (tool JWKS, iss/aud/nonce, deployment, data echo) or it would answer 400.
    expect(response.status()).toBe(200);
    await frame.getByText('Received 2 content item(s).').waitFor();
    expect(lms.sim.deepLinkResponses).toHaveLength(before + 1);

    returned = lms.sim.deepLinkResponses.at(-1)!;
    expect(returned.claims).toMatchObject({
      iss: lms.reg.clientId,
      aud: lms.sim.issuer,
      'https://purl.imsglobal.org/spec/lti/claim/message_type': 'LtiDeepLinkingResponse',
      'https://purl.imsglobal.org/spec/lti-dl/claim/data': 'canvas-dl-state-7',
    });
    expect(returned.contentItems).toHaveLength(2);
    expect(returned.createdLineItems).toHaveLength(2);
    for (const [i, a] of [INVENTORY, LOG].entries()) {
      const item = returned.contentItems[i]!;
      expect(item).toMatchObject({
        type: 'ltiResourceLink',
        title: a.title,
        custom: { ecap_placement: expect.stringMatching(/^[0-9a-f]{24}$/), ecap_activity: a.id },
        lineItem: { scoreMaximum: a.points, label: a.title, tag: a.id },
      });
      const custom = item.custom as Record<string, string>;
      const lineItem = returned.createdLineItems[i]!;
      expect(lineItem).toMatchObject({ scoreMaximum: a.points, label: a.title, tag: a.id, resourceId: `ecap:${custom['ecap_placement']}` });
      placed[a.id] = { custom, lineItem, placementId: custom['ecap_placement']! };
    }
    // The platform's gradebook has the two columns.
    expect(lms.sim.getLineItems(COURSE.id).map((li) => [li.label, li.scoreMaximum])).toEqual([
      [INVENTORY.title, INVENTORY.points],
      [LOG.title, LOG.points],
    ]);
    await tab.context.close();
  });

  it('a student opens the placed Interest Inventory, follows it to the Career screen and completes it there', async () => {
    // The course roster on the platform (NRPS): three learners, Cora never opens the tool; and the teacher.
    lms.sim.setRoster(
      COURSE.id,
      [
        { user_id: TEACHER.sub, name: TEACHER.name, roles: [ROLES.instructor] },
        ...[ANA, BEN, CORA].map((s) => ({ user_id: s.sub, name: s.name, roles: [ROLES.learner] })),
      ],
      { title: COURSE.title, label: COURSE.label },
    );

    const tab = await launchInLms(browser, lms, linkLaunch(ANA, INVENTORY.id));
    tabs.push(tab);
    const { frame, page } = tab;
    // The launch lands on the activity itself (#/activity/<placementId>), inside the plan.
    await frame.waitForURL(new RegExp(`#/activity/${placed[INVENTORY.id]!.placementId}$`));
    await frame.getByRole('heading', { level: 1, name: INVENTORY.title }).waitFor();
    await frame.getByText(`${INVENTORY.points} points`, { exact: true }).waitFor();
    await frame.getByText('It is complete when you finish the interest inventory on the Career screen.').waitFor();
    await axeToolFrame(page);
    await frame.getByRole('link', { name: 'Open the Career screen' }).click();
    await frame.getByRole('heading', { level: 1, name: 'Career', exact: true }).waitFor();

    // Through the UI, every page of the inventory, as student-plan.test.ts does.
    await answerInterestInventory(frame, (item) => RATING_BY_LETTER[item.letter]);
    await frame.getByText(/^Your code is SAE: /).waitFor();
    await waitForSaved(frame, 'Career');

    // Back to the activity from the plan: it says Completed.
    await frame.evaluate((id) => {
      window.location.hash = `#/activity/${id}`;
    }, placed[INVENTORY.id]!.placementId);
    await frame.getByRole('heading', { level: 1, name: INVENTORY.title }).waitFor();
    await frame.getByRole('status').filter({ hasText: 'Your status:' }).filter({ hasText: 'Completed' }).waitFor();
  });

  it('Ben opens the same activity but does not finish it', async () => {
    const tab = await launchInLms(browser, lms, linkLaunch(BEN, INVENTORY.id));
    tabs.push(tab);
    benTab = tab;
    await tab.frame.getByRole('heading', { level: 1, name: INVENTORY.title }).waitFor();
    await tab.frame.getByRole('status').filter({ hasText: 'Your status:' }).filter({ hasText: 'In progress' }).waitFor();
  });

  it('delivers exactly one score for Ana to the Interest Inventory column (FullyGraded, Completed, full points)', async () => {
    const lineItem = placed[INVENTORY.id]!.lineItem;
    expect(scoresFor(lineItem.id, ANA.sub)).toHaveLength(0); // queued in the outbox, not sent in the request
    const report = await drainGradeOutbox(worker());
    expect(report).toMatchObject({ synced: 1, failed: 0, timedOut: false });
    const [score, ...more] = scoresFor(lineItem.id, ANA.sub);
    expect(more).toHaveLength(0);
    // The simulator refuses a score without application/vnd.ims.lis.v1.score+json (415) or a User-Agent (400),
    // so a recorded score passed both checks.
    expect(score).toMatchObject({
      contextId: COURSE.id,
      clientId: lms.reg.clientId,
      applied: true,
      score: { userId: ANA.sub, activityProgress: 'Completed', gradingProgress: 'FullyGraded', scoreGiven: INVENTORY.points, scoreMaximum: INVENTORY.points },
    });
    expect(score!.userAgent).toMatch(/^ECAP-Planner\/\S+/);
    expect(Date.parse(score!.score.timestamp)).not.toBeNaN();
    // Nothing for the activity nobody completed, nor for Ben.
    expect(lms.sim.scores.filter((s) => s.lineItemId === placed[LOG.id]!.lineItem.id)).toHaveLength(0);
    expect(scoresFor(lineItem.id, BEN.sub)).toHaveLength(0);
    // A second drain sends nothing again.
    expect(await drainGradeOutbox(worker())).toMatchObject({ synced: 0 });
    expect(scoresFor(lineItem.id, ANA.sub)).toHaveLength(1);
  });

  it('the teacher opens the course: every roster student, Ana completed and synced, no axe violations', async () => {
    const tab = await launchInLms(browser, lms, {
      clientId: lms.reg.clientId,
      user: TEACHER,
      roles: [ROLES.instructor],
      context: COURSE,
      resourceLink: { id: 'course-nav-ecap', title: 'ECAP Planner' }, // Canvas course navigation: a resource link launch
      ags: true,
      nrps: true,
    });
    tabs.push(tab);
    const { frame, page } = tab;
    teacher = { frame, page };
    await frame.getByRole('heading', { level: 1, name: COURSE.title }).waitFor();
    const table = dashboardTable(frame, COURSE.title);
    await table.waitFor();
    await frame.getByText(/^Class list from your learning platform/).waitFor();
    await frame.getByText(/Students: 3\. Not opened ECAP Planner yet: 1\./).waitFor();

    const names = (await table.getByRole('rowheader').allTextContents()).map((n) => n.trim());
    expect(names).toEqual([ANA.name, BEN.name, expect.stringMatching(/^Cora Diaz\s*Has not opened ECAP Planner$/)]);
    expect(await dashboardRow(frame, COURSE.title, CORA.name).getByText('Has not opened ECAP Planner').count()).toBe(1);
    expect(await dashboardRow(frame, COURSE.title, ANA.name).getByText('Has not opened ECAP Planner').count()).toBe(0);

    const cell = (student: string, activity: string) => dashboardCell(frame, COURSE.title, student, activity);
    expect(await (await cell(ANA.name, INVENTORY.title)).textContent()).toMatch(/Completed.*Grade synced/);
    expect(await (await cell(ANA.name, LOG.title)).textContent()).toMatch(/Not started/);
    expect(await (await cell(ANA.name, LOG.title)).textContent()).not.toMatch(/Grade/);
    // Opening the activity counts as starting it.
    expect(await (await cell(BEN.name, INVENTORY.title)).textContent()).toMatch(/In progress/);
    expect(await (await cell(BEN.name, INVENTORY.title)).textContent()).not.toMatch(/Grade/);
    expect(await (await cell(CORA.name, INVENTORY.title)).textContent()).toMatch(/Not started/);
    await axeToolFrame(page);
  });

  it('while the gradebook is down, Ben\'s score shows as retrying; once it is back it is synced and arrives once', async () => {
    const lineItem = placed[INVENTORY.id]!.lineItem;
    const ben = benTab!;
    // Ben's answers go through the plan API with his own launch token: the UI path was proven above with Ana,
    // and typing 36 answers again would only cost time.
    const api = apiAs(lms, ben.token);
    const plan = (await (await api('GET', '/api/plans/me')).json()) as PlanView;
    const answers = Object.fromEntries(INTEREST_ITEMS.map((i) => [i.id, RATING_BY_LETTER[i.letter]]));
    expect(scoreInterestInventory(answers)?.code).toBe('SAE');
    const career = plan.sections.career;
    lms.sim.failNext('scores', 2, { status: 503, retryAfterSec: 1 });
    const saved = await api('PUT', '/api/plans/me/sections/career', {
      version: career.version,
      data: { ...career.data, interestInventory: { answers } },
    });
    expect(saved.status).toBe(200);

    // Queued, not yet tried: the teacher sees it pending.
    const { frame } = teacher!;
    const cell = () => dashboardCell(frame, COURSE.title, BEN.name, INVENTORY.title);
    await frame.getByRole('button', { name: 'Refresh roster' }).click();
    await waitForCellText(cell, /Completed.*Grade sync pending/);

    // First attempt: 503 with Retry-After; the job waits for its next attempt.
    const first = await drainGradeOutbox(worker());
    expect(first).toMatchObject({ synced: 0, retried: 1, failed: 0 });
    expect(scoresFor(lineItem.id, BEN.sub)).toHaveLength(0);

    await frame.getByRole('button', { name: 'Refresh roster' }).click();
    expect(await waitForCellText(cell, /Completed.*Grade sync retrying/)).toMatch(/Completed/);
    expect(await (await dashboardCell(frame, COURSE.title, ANA.name, INVENTORY.title)).textContent()).toMatch(/Grade synced/);

    // The gradebook comes back (after one more 503): the outbox keeps trying, honouring Retry-After.
    const rest = await drainGradeOutbox(worker({ waitForRetriesWithinMs: 10_000, timeoutMs: 20_000 }));
    expect(rest).toMatchObject({ synced: 1, failed: 0, timedOut: false });
    const arrived = scoresFor(lineItem.id, BEN.sub);
    expect(arrived).toHaveLength(1);
    expect(arrived[0]!.score).toMatchObject({ activityProgress: 'Completed', gradingProgress: 'FullyGraded', scoreGiven: INVENTORY.points });
    expect(scoresFor(lineItem.id, ANA.sub)).toHaveLength(1);

    await frame.getByRole('button', { name: 'Refresh roster' }).click();
    await waitForCellText(cell, /Completed.*Grade synced/);
    await axeToolFrame(teacher!.page);
  });

  it('the teacher reads a submitted custom response (and the previous comment) beside Approve / Request revision', async () => {
    // A district activity placed in the course, answered by Ana, returned once and submitted again (set up in the
    // database: the student's side of custom activities is covered by the API tests).
    const tenant = (await TenantModel.findOne({ issuer: lms.sim.issuer, clientId: lms.reg.clientId }).lean())!;
    const ana = (await UserModel.findOne({ tenantId: tenant._id, ltiSubject: ANA.sub }).lean())!;
    const activity = await CustomActivityModel.create({
      tenantId: tenant._id,
      title: 'Informational interview',
      prompt: 'Interview someone who works in a career you like.',
      evidence: 'Five questions and their answers',
      gradeBands: ['9'],
      suggestedPoints: 5,
      createdBy: ana._id,
    });
    const placement = await PlacementModel.create({
      tenantId: tenant._id,
      deploymentId: lms.reg.deploymentId,
      contextId: COURSE.id,
      contextTitle: COURSE.title,
      activityId: String(activity._id),
      title: 'Informational interview',
      points: 5,
      createdBy: ana._id,
    });
    await ActivityProgressModel.create({
      tenantId: tenant._id,
      placementId: placement._id,
      userId: ana._id,
      status: 'submitted',
      response: 'I interviewed a nurse.\nShe works three twelve-hour shifts a week.',
      teacherComment: 'Add the questions you asked.',
      submittedAt: new Date(),
    });
    // And a built-in activity waiting for review: its evidence is the plan itself.
    await ActivityProgressModel.updateOne(
      { tenantId: tenant._id, placementId: placed[LOG.id]!.placementId, userId: ana._id },
      { $set: { status: 'submitted', submittedAt: new Date() } },
      { upsert: true },
    );

    const { frame, page } = teacher!;
    await frame.getByRole('button', { name: 'Refresh roster' }).click();
    await dashboardTable(frame, COURSE.title).getByRole('columnheader', { name: /^Informational interview/ }).waitFor();
    await waitForCellText(() => dashboardCell(frame, COURSE.title, ANA.name, 'Informational interview'), /Submitted/);
    await frame.getByRole('link', { name: `Review ${ANA.name}: Informational interview` }).click();
    await frame.getByRole('heading', { level: 1, name: `Plan of ${ANA.name}` }).waitFor();
    const review = frame.getByRole('group', { name: 'Review: Informational interview' });
    await review.getByRole('heading', { level: 3, name: `Response of ${ANA.name}` }).waitFor();
    await review.getByText('She works three twelve-hour shifts a week.', { exact: false }).waitFor();
    await review.getByText(/^Submitted /).waitFor();
    await review.getByText('Previous teacher comment').waitFor();
    await review.getByText('Add the questions you asked.').waitFor();
    await review.getByRole('button', { name: 'Approve Informational interview' }).waitFor();
    await review.getByRole('button', { name: 'Request revision of Informational interview' }).waitFor();
    const builtIn = frame.getByRole('group', { name: `Review: ${LOG.title}` });
    await builtIn.getByText('The evidence for this activity is in the student’s plan, in the Extracurricular section.').waitFor();
    expect(await builtIn.getByRole('heading', { name: /^Response of/ }).count()).toBe(0);
    await axeToolFrame(page);
    await frame.getByRole('link', { name: 'Back to the class dashboard' }).click();
    await dashboardTable(frame, COURSE.title).waitFor();
  });

  it('the teacher removes the Extracurricular Log from ECAP Planner; its column goes and its LMS link shows a notice', async () => {
    const { frame, page } = teacher!;
    await frame.getByRole('button', { name: `Remove ${LOG.title} from ECAP Planner` }).click();
    const dialog = frame.getByRole('dialog', { name: `Remove ${LOG.title} from ECAP Planner?` });
    await dialog.getByText(/The link stays in your course/).waitFor();
    await dialog.getByText('Grades already sent stay in the gradebook. Grades not sent yet are not sent.').waitFor();
    await axeToolFrame(page);
    // Cancel keeps it.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await dashboardTable(frame, COURSE.title).getByRole('columnheader').allTextContents()).some((h) => h.startsWith(LOG.title))).toBe(true);

    await frame.getByRole('button', { name: `Remove ${LOG.title} from ECAP Planner` }).click();
    await dialog.getByRole('button', { name: 'Remove activity' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await frame.getByRole('status').filter({ hasText: `${LOG.title} was removed from ECAP Planner.` }).waitFor();
    // Its button is gone with the column: focus starts again at the page heading.
    await frame.waitForFunction(() => document.activeElement?.tagName === 'H1');
    const headers = (await dashboardTable(frame, COURSE.title).getByRole('columnheader').allTextContents()).map((h) => h.trim());
    expect(headers.some((h) => h.startsWith(LOG.title))).toBe(false);
    expect(headers.some((h) => h.startsWith(INVENTORY.title))).toBe(true);
    expect((await PlacementModel.findById(placed[LOG.id]!.placementId).lean())?.deletedAt).toBeInstanceOf(Date);
    // Still gone after a reload of the class view.
    await frame.getByRole('button', { name: 'Refresh roster' }).click();
    await waitForCellText(() => dashboardCell(frame, COURSE.title, ANA.name, INVENTORY.title), /Completed/);
    expect((await dashboardTable(frame, COURSE.title).getByRole('columnheader').allTextContents()).some((h) => h.startsWith(LOG.title))).toBe(false);

    // Ana opens the link, still in the LMS course: the clear page, not the activity.
    const { context, page: anaPage } = await newPage(browser, ANA.locale);
    tabs.push({ context, page: anaPage, frame: anaPage.mainFrame(), token: '' });
    await openFromLms(anaPage, lms, linkLaunch(ANA, LOG.id));
    await anaPage.frameLocator(TOOL_FRAME).getByText(/This ECAP activity is no longer available/).waitFor();
  });
});
