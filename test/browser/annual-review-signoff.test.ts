/**
 * The annual review sign-off in the LMS (DESIGN.md: "student submits, advisor reviews, parent signs"): the student
 * has submitted the year; the teacher reviews it from the class dashboard; a parent signs it, in Spanish.
 */
import request from 'supertest';
import type { Browser } from 'playwright-core';
import { inNewPage, launchBrowser, newPage, requireClientBuild } from './support/browser';
import { axeToolFrame } from './support/axe';
import { openAs, startLms, type Lms } from './support/journey';
import { launch, learnerLaunch, ROLES } from '../support/lti-flow';
import { PlanSnapshotModel } from '../../server/plans/plan-snapshot.model';
import type { PlanSnapshotSummary } from '../../shared/api/plan';
import { schoolYearOf } from '../../server/tenants/school-year';

/** The registration gives the district the school year of today (server/tenants/tenant.service.ts). */
const YEAR = schoolYearOf();

let lms: Lms;
let browser: Browser;
let studentToken: string;
const COURSE = { id: 'advisory-11', title: 'Advisory 11' };

beforeAll(async () => {
  requireClientBuild();
  [lms, browser] = await Promise.all([startLms(), launchBrowser()]);
  const student = await launch(lms.tool, lms.sim, learnerLaunch(lms.reg.clientId, { user: { sub: 'signoff-student', name: 'Valeria Cruz' }, context: COURSE }));
  studentToken = student.sessionToken!;
  await request(lms.tool.app)
    .post('/api/plans/me/annual-review')
    .set('Authorization', `Bearer ${studentToken}`)
    .send({ reflection: 'I learned that I like helping people and science.' })
    .expect(200);
});
afterAll(async () => {
  await browser?.close();
  await lms?.close();
});

it('the teacher marks the submitted year reviewed, with a comment, from the student’s plan', async () => {
  await inNewPage(browser, async (page) => {
    const frame = await openAs(page, lms, { sub: 'signoff-teacher', name: 'Mr. Okafor', locale: 'en-US', roles: [ROLES.instructor], context: COURSE });
    await frame.getByRole('link', { name: 'Valeria Cruz' }).click();
    await frame.getByRole('heading', { level: 2, name: 'Annual reviews' }).waitFor();
    await frame.getByText('Not reviewed by an advisor yet').waitFor();
    await frame.getByRole('textbox', { name: 'Comment for the student (optional)' }).fill('Great reflection. Look at the health science pathway.');
    await frame.getByRole('button', { name: `Mark ${YEAR} as reviewed` }).click();
    await frame.getByText('Review saved.').waitFor();
    await frame.getByText(/^Reviewed by Mr\. Okafor on /).waitFor();
    expect(await frame.getByRole('button', { name: `Mark ${YEAR} as reviewed` }).count()).toBe(0);
    await axeToolFrame(page);
  });
});

it('a parent reads the review and signs it, in Spanish, after being told what is missing', async () => {
  await inNewPage(browser, async (page) => {
    const frame = await openAs(page, lms, { sub: 'signoff-parent', name: 'Rosa Cruz', locale: 'es-MX', roles: [ROLES.mentor], mentees: ['signoff-student'] });
    await frame.getByRole('link', { name: 'Abrir el plan de Valeria Cruz' }).click();
    await frame.getByRole('heading', { level: 2, name: 'Revisiones anuales' }).waitFor();
    await frame.getByText(/^Revisado por Mr\. Okafor el /).waitFor();
    await frame.getByText('Comentario del consejero: Great reflection. Look at the health science pathway.').waitFor();
    await axeToolFrame(page);

    const sign = frame.getByRole('button', { name: `Firmar ${YEAR}` });
    await sign.click();
    await frame.getByText('Marque la casilla para confirmar que revisó el plan.').waitFor();
    await frame.getByText('Escriba su nombre completo (120 caracteres como máximo).').waitFor();
    expect(await PlanSnapshotModel.countDocuments({ 'parentSignatures.0': { $exists: true } })).toBe(0);

    await frame.getByText('Revisé este plan con mi hijo o hija.', { exact: true }).click(); // the label: InstUI's facade covers the input
    expect(await frame.getByRole('checkbox', { name: 'Revisé este plan con mi hijo o hija.' }).isChecked()).toBe(true);
    await frame.getByRole('textbox', { name: 'Escriba su nombre completo para firmar' }).fill('Rosa María Cruz');
    await sign.click();
    await frame.getByText('Gracias. Su firma quedó guardada.').waitFor();
    await frame.getByText(/^Usted lo firmó el /).waitFor();
    expect(await sign.count()).toBe(0);
    await axeToolFrame(page);
  });

  // The student sees both sign-offs in their history.
  const mine = await request(lms.tool.app).get('/api/plans/me/snapshots').set('Authorization', `Bearer ${studentToken}`).expect(200);
  const [year] = mine.body as PlanSnapshotSummary[];
  expect(year?.advisorReview).toMatchObject({ reviewerName: 'Mr. Okafor', comment: 'Great reflection. Look at the health science pathway.' });
  expect(year?.parentSignatures).toEqual([{ parentName: 'Rosa Cruz', typedName: 'Rosa María Cruz', signedAt: expect.any(String), mine: false }]);
});

it('a parent without an LMS account signs through a link the teacher made, until the teacher turns it off', async () => {
  let url = '';
  await inNewPage(browser, async (page) => {
    const frame = await openAs(page, lms, { sub: 'signoff-teacher', name: 'Mr. Okafor', locale: 'en-US', roles: [ROLES.instructor], context: COURSE });
    await frame.getByRole('link', { name: 'Valeria Cruz' }).click();
    await frame.getByRole('heading', { level: 2, name: 'Parents without an LMS account' }).waitFor();
    await frame.getByRole('button', { name: 'Create link' }).click();
    await frame.getByText('Enter the name (at most 120 characters).').waitFor();
    await frame.getByRole('textbox', { name: 'Parent’s or guardian’s name' }).fill('Jorge Cruz');
    await frame.getByRole('button', { name: 'Create link' }).click();
    const field = frame.getByRole('textbox', { name: 'Link for Jorge Cruz' });
    url = await field.inputValue();
    expect(url).toMatch(/\/parent-link\/[A-Za-z0-9_-]{43}$/);
    await frame.getByRole('row', { name: /Jorge Cruz/ }).getByText(/^Works until /).waitFor();
    await axeToolFrame(page);
  });

  // The parent opens the link in their own browser, outside the LMS.
  const { context, page } = await newPage(browser);
  try {
    await page.goto(url);
    await page.getByRole('link', { name: 'Open Valeria Cruz’s plan' }).click();
    await page.getByRole('heading', { level: 2, name: 'Annual reviews' }).waitFor();
    await page.getByText('I reviewed this plan with my child.', { exact: true }).click();
    await page.getByRole('textbox', { name: 'Type your full name to sign' }).fill('Jorge Cruz');
    await page.getByRole('button', { name: `Sign ${YEAR}` }).click();
    await page.getByText('Thank you. Your signature is saved.').waitFor();
    await page.getByText(/^Signed by Rosa Cruz \(typed “Rosa María Cruz”\) on /).waitFor();
  } finally {
    await context.close();
  }
  const [year] = (await request(lms.tool.app).get('/api/plans/me/snapshots').set('Authorization', `Bearer ${studentToken}`).expect(200)).body as PlanSnapshotSummary[];
  expect(year?.parentSignatures.map((s) => s.parentName)).toEqual(['Rosa Cruz', 'Jorge Cruz']);

  // The teacher turns the link off: it no longer opens.
  await inNewPage(browser, async (page) => {
    const frame = await openAs(page, lms, { sub: 'signoff-teacher', name: 'Mr. Okafor', locale: 'en-US', roles: [ROLES.instructor], context: COURSE });
    await frame.getByRole('link', { name: 'Valeria Cruz' }).click();
    await frame.getByRole('button', { name: 'Turn off the link for Jorge Cruz' }).click();
    await frame.getByText('The link for Jorge Cruz is turned off.').waitFor();
    await frame.getByRole('row', { name: /Jorge Cruz/ }).getByText(/^Turned off on /).waitFor();
  });
  const again = await fetch(url, { redirect: 'manual' });
  expect(again.status).toBe(410);
});
