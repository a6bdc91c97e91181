/** A district admin exports the district's data and deletes one student's data on request, in the LMS. */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import request from 'supertest';
import type { Browser } from 'playwright-core';
import { inNewPage, launchBrowser, requireClientBuild } from './support/browser';
import { axeToolFrame } from './support/axe';
import { openAs, startLms, type Lms } from './support/journey';
import { launch, learnerLaunch, ROLES } from '../support/lti-flow';
import { PlanModel } from '../../server/plans/plan.model';
import { UserModel } from '../../server/users/user.model';
import { schoolYearOf } from '../../server/tenants/school-year';

/** The registration gives the district the school year of today (server/tenants/tenant.service.ts). */
const YEAR = schoolYearOf();

let lms: Lms;
let browser: Browser;

beforeAll(async () => {
  requireClientBuild();
  [lms, browser] = await Promise.all([startLms(), launchBrowser()]);
  for (const [sub, name] of [['dd-1', 'Mateo Silva'], ['dd-2', 'Mateo Rivera']] as const) {
    const s = await launch(lms.tool, lms.sim, learnerLaunch(lms.reg.clientId, { user: { sub, name } }));
    await request(lms.tool.app).get('/api/plans/me').set('Authorization', `Bearer ${s.sessionToken}`).expect(200);
  }
});
afterAll(async () => {
  await browser?.close();
  await lms?.close();
});

it('shows ECAP completion by year, school and grade, and downloads it as CSV', async () => {
  await inNewPage(browser, async (page) => {
    const frame = await openAs(page, lms, { sub: 'dd-admin', name: 'Dr. Okafor', roles: [ROLES.institutionAdmin], context: undefined });
    await frame.getByRole('heading', { level: 2, name: 'ECAP completion' }).waitFor();
    await frame.getByText(`${YEAR}: 0% complete (0 of 2 students).`).waitFor();
    const row = frame.getByRole('table', { name: `Completion by school and grade, ${YEAR}` }).getByRole('row', { name: /Default deployment/ });
    expect(await row.getByRole('cell').allTextContents()).toEqual(['9', '2', '0', '0', '0', '0', '0', '0']);
    await axeToolFrame(page);
    const [download] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = (await readFile((await download.path()) as string)).toString('utf8').split('\r\n');
    expect(csv.slice(0, 2)).toEqual([
      'school_year,school,grade,students,submitted,all_four_attributes,advisor_reviewed,parent_signed,complete,percent_complete',
      `${YEAR},Default deployment,9,2,0,0,0,0,0,0`,
    ]);
  });
});

it('exports everything, then deletes one student’s data after the name is typed again', async () => {
  await inNewPage(browser, async (page) => {
    const frame = await openAs(page, lms, { sub: 'dd-admin', name: 'Dr. Okafor', roles: [ROLES.institutionAdmin], context: undefined });
    await frame.getByRole('heading', { level: 2, name: 'District data' }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), frame.getByRole('button', { name: 'Export all district data' }).click()]);
    const lines = gunzipSync(await readFile((await download.path()) as string)).toString('utf8').trim().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'ecap-planner-district-export', version: 1 });
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ end: true, counts: { plans: 2 } });
    await frame.getByText('The export is downloaded.').waitFor();
    await frame.getByText(/: Dr\. Okafor exported all data\.$/).waitFor();

    await frame.getByRole('textbox', { name: 'Student’s name or LMS user ID' }).fill('mateo');
    await frame.getByRole('button', { name: 'Find students' }).click();
    await frame.getByRole('button', { name: 'Delete the data of Mateo Silva' }).click();
    const dialog = frame.getByRole('dialog', { name: 'Delete the data of Mateo Silva?' });
    await dialog.getByRole('textbox', { name: 'Student’s name' }).fill('Mateo Rivera');
    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    await dialog.getByText('Type the name exactly as shown: Mateo Silva.').waitFor();
    await axeToolFrame(page);
    expect(await UserModel.countDocuments({ ltiSubject: 'dd-1' })).toBe(1);

    await dialog.getByRole('textbox', { name: 'Student’s name' }).fill('Mateo Silva');
    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    await frame.getByText(/^The data of Mateo Silva is deleted \(\d+ records\)\.$/).waitFor();
    await frame.getByText(/: Dr\. Okafor deleted the data of Mateo Silva\.$/).waitFor();
    expect(await frame.getByRole('button', { name: 'Delete the data of Mateo Silva' }).count()).toBe(0);
    await axeToolFrame(page);
  });
  expect(await UserModel.countDocuments({ ltiSubject: 'dd-1' })).toBe(0);
  const rivera = await UserModel.findOne({ ltiSubject: 'dd-2' }).lean();
  expect(await PlanModel.countDocuments({ studentId: rivera!._id })).toBe(1);
});
