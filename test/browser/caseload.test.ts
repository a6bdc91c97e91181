/** A district admin gives a counselor a school; the counselor runs the annual review cycle from the caseload. */
import request from 'supertest';
import type { Browser } from 'playwright-core';
import { inNewPage, launchBrowser, requireClientBuild } from './support/browser';
import { axeToolFrame } from './support/axe';
import { openAs, startLms, type Lms } from './support/journey';
import { launch, learnerLaunch, ROLES } from '../support/lti-flow';
import { schoolYearOf } from '../../server/tenants/school-year';

/** The registration gives the district the school year of today (server/tenants/tenant.service.ts). */
const YEAR = schoolYearOf();

let lms: Lms;
let browser: Browser;
const ADVISORY = { id: 'advisory-9', title: 'Advisory 9' };
const OFFICE = { id: 'counseling-office', title: 'Counseling Office' };

beforeAll(async () => {
  requireClientBuild();
  [lms, browser] = await Promise.all([startLms(), launchBrowser()]);
  const ines = await launch(lms.tool, lms.sim, learnerLaunch(lms.reg.clientId, { user: { sub: 'cl-ines', name: 'Ines Park' }, context: ADVISORY }));
  await request(lms.tool.app).post('/api/plans/me/annual-review').set('Authorization', `Bearer ${ines.sessionToken}`).send({ reflection: 'My year.' }).expect(200);
  await launch(lms.tool, lms.sim, learnerLaunch(lms.reg.clientId, { user: { sub: 'cl-jon', name: 'Jon Diaz' }, context: ADVISORY }));
  await launch(lms.tool, lms.sim, { ...learnerLaunch(lms.reg.clientId), user: { sub: 'cl-counselor', name: 'Ms. Lopez' }, roles: [ROLES.instructor], context: OFFICE });
});
afterAll(async () => {
  await browser?.close();
  await lms?.close();
});

it('the admin gives Ms. Lopez the school, and she reviews the one submitted plan from her caseload', async () => {
  await inNewPage(browser, async (page) => {
    const frame = await openAs(page, lms, { sub: 'cl-admin', name: 'Dr. Okafor', locale: 'en-US', roles: [ROLES.institutionAdmin], context: undefined });
    await frame.getByRole('heading', { level: 2, name: 'Counselors' }).waitFor();
    await frame.getByText('No counselor yet.').waitFor();
    await frame.getByRole('textbox', { name: 'Staff member’s name or email' }).fill('lopez');
    await frame.getByRole('button', { name: 'Find staff' }).click();
    await frame.getByRole('group', { name: 'Schools of Ms. Lopez' }).getByText('Default deployment').click();
    await frame.getByRole('button', { name: 'Save schools of Ms. Lopez' }).click();
    await frame.getByText('Schools of Ms. Lopez saved.').waitFor();
    await axeToolFrame(page);
  });

  await inNewPage(browser, async (page) => {
    const frame = await openAs(page, lms, { sub: 'cl-counselor', name: 'Ms. Lopez', locale: 'en-US', roles: [ROLES.instructor], context: OFFICE });
    await frame.getByRole('link', { name: 'Your caseload' }).click();
    await frame.getByRole('heading', { level: 1, name: 'Your caseload' }).waitFor();
    await frame.getByText('2 of 2 students').waitFor();
    await axeToolFrame(page);
    await frame.getByRole('combobox', { name: 'Annual review' }).click();
    await frame.getByRole('option', { name: 'Submitted: needs your review' }).click();
    await frame.getByText('1 of 2 students').waitFor();
    await frame.getByRole('link', { name: 'Ines Park' }).click();
    await frame.getByRole('button', { name: `Mark ${YEAR} as reviewed` }).click();
    await frame.getByText('Review saved.').waitFor();
    await frame.getByRole('link', { name: 'Back to your caseload' }).click();
    await frame.getByRole('row', { name: /Ines Park/ }).getByText('Reviewed: waiting for a parent').waitFor();
  });
});
