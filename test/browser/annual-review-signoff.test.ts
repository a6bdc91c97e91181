/**
 * The annual review sign-off in the LMS (DESIGN.md: "student submits, advisor reviews, parent signs"): the student
 * has submitted the year; the teacher reviews it from the class dashboard; a parent signs it, in Spanish.
 */
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, requireClientBuild } from './support/browser';
import { axeToolFrame } from './support/axe';
import { openFromLms, startLms, waitForApp, type Lms } from './support/journey';
import { launch, learnerLaunch, ROLES } from '../support/lti-flow';
import { PlanSnapshotModel } from '../../server/plans/plan-snapshot.model';
import type { PlanSnapshotSummary } from '../../shared/api/plan';

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

async function inLms(fn: (page: Page) => Promise<void>): Promise<void> {
  const { context, page } = await newPage(browser);
  try {
    await fn(page);
  } finally {
    await context.close();
  }
}

it('the teacher marks the submitted year reviewed, with a comment, from the student’s plan', async () => {
  await inLms(async (page) => {
    await openFromLms(page, lms, {
      ...learnerLaunch(lms.reg.clientId),
      user: { sub: 'signoff-teacher', name: 'Mr. Okafor', locale: 'en-US' },
      roles: [ROLES.instructor],
      context: COURSE,
    });
    const frame = await waitForApp(page);
    await frame.getByRole('link', { name: 'Valeria Cruz' }).click();
    await frame.getByRole('heading', { level: 2, name: 'Annual reviews' }).waitFor();
    await frame.getByText('Not reviewed by an advisor yet').waitFor();
    await frame.getByRole('textbox', { name: 'Comment for the student (optional)' }).fill('Great reflection. Look at the health science pathway.');
    await frame.getByRole('button', { name: 'Mark 2026-2027 as reviewed' }).click();
    await frame.getByText('Review saved.').waitFor();
    await frame.getByText(/^Reviewed by Mr\. Okafor on /).waitFor();
    expect(await frame.getByRole('button', { name: 'Mark 2026-2027 as reviewed' }).count()).toBe(0);
    await axeToolFrame(page);
  });
});

it('a parent reads the review and signs it, in Spanish, after being told what is missing', async () => {
  await inLms(async (page) => {
    await openFromLms(page, lms, {
      ...learnerLaunch(lms.reg.clientId),
      user: { sub: 'signoff-parent', name: 'Rosa Cruz', locale: 'es-MX' },
      roles: [ROLES.mentor],
      mentees: ['signoff-student'],
    });
    const frame = await waitForApp(page);
    await frame.getByRole('link', { name: 'Abrir el plan de Valeria Cruz' }).click();
    await frame.getByRole('heading', { level: 2, name: 'Revisiones anuales' }).waitFor();
    await frame.getByText(/^Revisado por Mr\. Okafor el /).waitFor();
    await frame.getByText('Comentario del consejero: Great reflection. Look at the health science pathway.').waitFor();
    await axeToolFrame(page);

    const sign = frame.getByRole('button', { name: 'Firmar 2026-2027' });
    await sign.click();
    await frame.getByText('Marca la casilla para confirmar que revisaste el plan.').waitFor();
    await frame.getByText('Escribe tu nombre completo (120 caracteres como máximo).').waitFor();
    expect(await PlanSnapshotModel.countDocuments({ 'parentSignatures.0': { $exists: true } })).toBe(0);

    await frame.getByText('Revisé este plan con mi hijo o hija.', { exact: true }).click(); // the label: InstUI's facade covers the input
    expect(await frame.getByRole('checkbox', { name: 'Revisé este plan con mi hijo o hija.' }).isChecked()).toBe(true);
    await frame.getByRole('textbox', { name: 'Escribe tu nombre completo para firmar' }).fill('Rosa María Cruz');
    await sign.click();
    await frame.getByText('Gracias. Tu firma quedó guardada.').waitFor();
    await frame.getByText(/^Lo firmaste el /).waitFor();
    expect(await sign.count()).toBe(0);
    await axeToolFrame(page);
  });

  // The student sees both sign-offs in their history.
  const mine = await request(lms.tool.app).get('/api/plans/me/snapshots').set('Authorization', `Bearer ${studentToken}`).expect(200);
  const [year] = mine.body as PlanSnapshotSummary[];
  expect(year?.advisorReview).toMatchObject({ reviewerName: 'Mr. Okafor', comment: 'Great reflection. Look at the health science pathway.' });
  expect(year?.parentSignatures).toEqual([{ parentName: 'Rosa Cruz', typedName: 'Rosa María Cruz', signedAt: expect.any(String), mine: false }]);
});
