import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app-harness';
import { createTenant, signIn, type SignedInUser } from '../support/factories';
import { putSection, validSections } from '../plans/support';
import { INTEREST_ITEMS } from '../../shared/career/inventory';
import { TenantModel, type Tenant } from '../../server/tenants/tenant.model';
import { UserModel } from '../../server/users/user.model';
import type { CompletionReport } from '../../shared/api/reports';

let tool: TestApp;
let tenant: Tenant;
let admin: SignedInUser;
let teacher: SignedInUser;
let parent: SignedInUser;
const WEST = 'dep-west';

const submit = (s: SignedInUser) => request(tool.app).post('/api/plans/me/annual-review').set(...s.auth).send({ reflection: 'My year.' }).expect(200);
const review = (s: SignedInUser, year: string) =>
  request(tool.app).post(`/api/plans/${String(s.user._id)}/snapshots/${year}/advisor-review`).set(...teacher.auth).send({}).expect(201);
const setYear = (year: string) => TenantModel.updateOne({ _id: tenant._id }, { $set: { 'settings.schoolYear': year } });

/** A plan whose four attributes are all complete (every checklist item of the summary), as the summary confirms. */
async function completePlan(s: SignedInUser): Promise<void> {
  const v = validSections();
  const answers = Object.fromEntries(INTEREST_ITEMS.map((i) => [i.id, 3]));
  await putSection(tool, s, 'academic', 0, v.academic).expect(200);
  await putSection(tool, s, 'career', 0, { ...v.career, interestInventory: { answers } }).expect(200);
  await putSection(tool, s, 'postsecondary', 0, v.postsecondary).expect(200);
  await putSection(tool, s, 'extracurricular', 0, v.extracurricular).expect(200);
  const summary = await request(tool.app).get('/api/plans/me/summary').set(...s.auth).expect(200);
  expect(summary.body.attributes.every((a: { completed: number; total: number }) => a.completed === a.total)).toBe(true);
}

beforeAll(async () => {
  tool = await startTestApp();
  tenant = await createTenant();
  await TenantModel.updateOne({ _id: tenant._id }, { $push: { deployments: { deploymentId: WEST, name: '=West, High', source: 'manual', addedAt: new Date() } } });
  admin = await signIn(tool.config, tenant, 'admin', { contextId: null });
  teacher = await signIn(tool.config, tenant, 'teacher');
  // Last year: one student submitted (grade 9 then), reviewed.
  await setYear('2025-2026');
  const veteran = await signIn(tool.config, tenant, 'student', { name: 'Vera' });
  await submit(veteran);
  await review(veteran, '2025-2026');
  await setYear('2026-2027');
  // This year, Central High grade 9: one complete (all attributes, reviewed, signed), one submitted and reviewed only.
  const ava = await signIn(tool.config, tenant, 'student', { name: 'Ava' });
  await completePlan(ava);
  await submit(ava);
  await review(ava, '2026-2027');
  parent = await signIn(tool.config, tenant, 'parent', { contextId: null, menteeSubjects: [ava.user.ltiSubject] });
  await request(tool.app).post(`/api/plans/${String(ava.user._id)}/snapshots/2026-2027/signatures`).set(...parent.auth).send({ typedName: 'P', confirm: true }).expect(201);
  const bo = await signIn(tool.config, tenant, 'student', { name: 'Bo' });
  await submit(bo);
  await review(bo, '2026-2027');
  // West High grade 10: started, not submitted.
  const cy = await signIn(tool.config, tenant, 'student', { name: 'Cy', contextId: 'west-course' });
  await UserModel.updateOne({ _id: cy.user._id }, { $set: { 'contexts.0.deploymentId': WEST } });
  await putSection(tool, cy, 'profile', 0, { grade: 10, graduationYear: 2029, careerStage: 'exploration' }).expect(200);
  // Central High: opened the tool this year, never the plan.
  await signIn(tool.config, tenant, 'student', { name: 'Dee' });
});
afterAll(() => tool.close());

describe('district completion report', () => {
  it('counts each school year by school and grade, and the district per year', async () => {
    const report = (await request(tool.app).get('/api/tenant/reports/completion').set(...admin.auth).expect(200)).body as CompletionReport;
    expect(report.currentSchoolYear).toBe('2026-2027');
    expect(report.schoolYears).toEqual(['2026-2027', '2025-2026']);
    const counts = (r: CompletionReport['rows'][number]) => [r.schoolYear, r.schoolName, r.grade, r.students, r.submitted, r.allAttributes, r.advisorReviewed, r.parentSigned, r.complete];
    expect(report.rows.map(counts)).toEqual([
      ['2026-2027', '=West, High', 10, 1, 0, 0, 0, 0, 0],
      ['2026-2027', 'Central High', 9, 2, 2, 1, 2, 1, 1],
      ['2026-2027', 'Central High', 10, 1, 0, 0, 0, 0, 0], // Vera, now in grade 10, working on this year
      ['2026-2027', 'Central High', null, 1, 0, 0, 0, 0, 0], // Dee, no plan yet: grade unknown
      ['2025-2026', 'Central High', 9, 1, 1, 0, 1, 0, 0],
    ]);
    expect(report.years).toEqual([
      { schoolYear: '2026-2027', students: 5, submitted: 2, allAttributes: 1, advisorReviewed: 2, parentSigned: 1, complete: 1 },
      { schoolYear: '2025-2026', students: 1, submitted: 1, allAttributes: 0, advisorReviewed: 1, parentSigned: 0, complete: 0 },
    ]);
  });

  it('exports the rows as CSV, safe to open in a spreadsheet', async () => {
    const res = await request(tool.app).get('/api/tenant/reports/completion?format=csv').set(...admin.auth).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="ecap-completion-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('school_year,school,grade,students,submitted,all_four_attributes,advisor_reviewed,parent_signed,complete,percent_complete');
    expect(lines[1]).toBe(`2026-2027,"'=West, High",10,1,0,0,0,0,0,0`);
    expect(lines[2]).toBe('2026-2027,Central High,9,2,2,1,2,1,1,50');
    expect(lines[4]).toBe('2026-2027,Central High,,1,0,0,0,0,0,0');
    expect(lines).toHaveLength(6);
  });

  it('is for district admins, with a validated query', async () => {
    await request(tool.app).get('/api/tenant/reports/completion').set(...teacher.auth).expect(403);
    await request(tool.app).get('/api/tenant/reports/completion').set(...parent.auth).expect(403);
    await request(tool.app).get('/api/tenant/reports/completion?format=xlsx').set(...admin.auth).expect(400);
    const other = await signIn(tool.config, await createTenant(), 'admin', { contextId: null });
    const empty = (await request(tool.app).get('/api/tenant/reports/completion').set(...other.auth).expect(200)).body as CompletionReport;
    expect(empty.rows).toEqual([]);
  });
});
