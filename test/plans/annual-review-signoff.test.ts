import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app-harness';
import { createTenant, signIn, type SignedInUser } from '../support/factories';
import { PlanAuditModel } from '../../server/plans/plan-audit.model';
import type { Tenant } from '../../server/tenants/tenant.model';
import type { PlanSnapshotSummary } from '../../shared/api/plan';

let tool: TestApp;
let tenant: Tenant;
let student: SignedInUser;
let teacher: SignedInUser;
let parent: SignedInUser;
const YEAR = '2026-2027';

beforeAll(async () => {
  tool = await startTestApp();
  tenant = await createTenant();
  student = await signIn(tool.config, tenant, 'student', { name: 'Lucia Reyes' });
  teacher = await signIn(tool.config, tenant, 'teacher', { name: 'Mr. Okafor' });
  parent = await signIn(tool.config, tenant, 'parent', { name: 'Marta Reyes', contextId: null, menteeSubjects: [student.user.ltiSubject] });
  await request(tool.app).post('/api/plans/me/annual-review').set(...student.auth).send({ reflection: 'A year of finding what I like.' }).expect(200);
});
afterAll(() => tool.close());

const sid = () => String(student.user._id);
const advise = (who: SignedInUser, body: object, year = YEAR, studentId = sid()) =>
  request(tool.app).post(`/api/plans/${studentId}/snapshots/${year}/advisor-review`).set(...who.auth).send(body);
const sign = (who: SignedInUser, body: object, year = YEAR, studentId = sid()) =>
  request(tool.app).post(`/api/plans/${studentId}/snapshots/${year}/signatures`).set(...who.auth).send(body);
const history = (who: SignedInUser) => request(tool.app).get(`/api/plans/${sid()}/snapshots`).set(...who.auth);

describe('the annual review sign-off: student submits, advisor reviews, parent signs', () => {
  it('records the advisor review once, with who and when, and audits it', async () => {
    const res = await advise(teacher, { comment: '  Strong plan; add a second science elective.  ' }).expect(201);
    const year = res.body as PlanSnapshotSummary;
    expect(year.advisorReview).toEqual({ reviewerName: 'Mr. Okafor', reviewedAt: expect.any(String), comment: 'Strong plan; add a second science elective.' });
    const again = await advise(teacher, {}).expect(409);
    expect(again.body.message).toBe(`Mr. Okafor already reviewed ${YEAR}.`);
    expect(await PlanAuditModel.countDocuments({ studentId: student.user._id, actorId: teacher.user._id, action: 'review' })).toBe(1);
  });

  it('takes a parent signature with the typed name, once per parent, and shows it to everyone who may read the plan', async () => {
    const res = await sign(parent, { typedName: 'Marta Reyes', confirm: true }).expect(201);
    expect((res.body as PlanSnapshotSummary).parentSignatures).toEqual([
      { parentName: 'Marta Reyes', typedName: 'Marta Reyes', signedAt: expect.any(String), mine: true },
    ]);
    await sign(parent, { typedName: 'Marta Reyes', confirm: true }).expect(409);

    const second = await signIn(tool.config, tenant, 'parent', { name: 'José Reyes', contextId: null, menteeSubjects: [student.user.ltiSubject] });
    await sign(second, { typedName: 'José Reyes', confirm: true }).expect(201);

    const mine = (await request(tool.app).get('/api/plans/me/snapshots').set(...student.auth).expect(200)).body as PlanSnapshotSummary[];
    expect(mine[0]?.advisorReview?.reviewerName).toBe('Mr. Okafor');
    expect(mine[0]?.parentSignatures.map((s) => [s.typedName, s.mine])).toEqual([
      ['Marta Reyes', false],
      ['José Reyes', false],
    ]);
    const seenByTeacher = (await history(teacher).expect(200)).body as PlanSnapshotSummary[];
    expect(seenByTeacher[0]?.parentSignatures).toHaveLength(2);
    const seenBySecond = (await history(second).expect(200)).body as PlanSnapshotSummary[];
    expect(seenBySecond[0]?.parentSignatures.map((s) => s.mine)).toEqual([false, true]);
    expect(await PlanAuditModel.countDocuments({ studentId: student.user._id, action: 'sign' })).toBe(2);
  });

  it('refuses a signature without the confirmation or the typed name, with field errors', async () => {
    const res = await sign(parent, { typedName: ' ', confirm: false }).expect(400);
    expect(Object.keys(res.body.fields).sort()).toEqual(['confirm', 'typedName']);
    await sign(parent, { typedName: 'Marta', confirm: true, extra: 1 }).expect(400);
    await advise(teacher, { comment: 'x'.repeat(2001) }, '2025-2026').expect(400);
    await advise(teacher, {}, '2026').expect(400);
  });

  it('answers 404 for a year the student has not submitted', async () => {
    const res = await advise(teacher, {}, '2027-2028').expect(404);
    expect(res.body.message).toBe('The student has not submitted the annual review for 2027-2028.');
    await sign(parent, { typedName: 'Marta Reyes', confirm: true }, '2027-2028').expect(404);
  });

  it('lets only the right people sign off', async () => {
    // Roles: students and teachers do not sign as parents; parents do not review as advisors.
    await sign(student, { typedName: 'Lucia', confirm: true }).expect(403);
    await sign(teacher, { typedName: 'Okafor', confirm: true }).expect(403);
    await advise(parent, {}).expect(403);
    // People: a teacher of another course, a parent of another child.
    const otherTeacher = await signIn(tool.config, tenant, 'teacher', { contextId: 'course-9' });
    await advise(otherTeacher, {}).expect(403);
    await history(otherTeacher).expect(403);
    const otherParent = await signIn(tool.config, tenant, 'parent', { contextId: null, menteeSubjects: ['someone-else'] });
    await sign(otherParent, { typedName: 'Not Mine', confirm: true }).expect(403);
    // Districts: the same student id from another district is not found.
    const elsewhere = await createTenant();
    const foreignAdmin = await signIn(tool.config, elsewhere, 'admin');
    await advise(foreignAdmin, {}).expect(404);
    await request(tool.app).get(`/api/plans/${sid()}/snapshots`).set(...foreignAdmin.auth).expect(404);
    const after = (await history(teacher).expect(200)).body as PlanSnapshotSummary[];
    expect(after[0]?.parentSignatures).toHaveLength(2);
  });
});
