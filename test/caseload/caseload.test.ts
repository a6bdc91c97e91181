import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app-harness';
import { createTenant, signIn, type SignedInUser } from '../support/factories';
import { TenantModel, type Tenant } from '../../server/tenants/tenant.model';
import { UserModel } from '../../server/users/user.model';
import type { CaseloadView, StaffMember } from '../../shared/api/caseload';

let tool: TestApp;
let tenant: Tenant;
let schoolA: string;
const SCHOOL_B = 'dep-school-b';
let admin: SignedInUser;
let counselor: SignedInUser;
let ana: SignedInUser; // school A, submitted, reviewed and signed
let ben: SignedInUser; // school A, nothing submitted
let cam: SignedInUser; // school B only

beforeAll(async () => {
  tool = await startTestApp();
  tenant = await createTenant();
  schoolA = tenant.deployments[0]!.deploymentId;
  await TenantModel.updateOne({ _id: tenant._id }, { $push: { deployments: { deploymentId: SCHOOL_B, name: 'West High', source: 'manual', addedAt: new Date() } } });
  admin = await signIn(tool.config, tenant, 'admin', { name: 'Dr. Admin', contextId: null });
  counselor = await signIn(tool.config, tenant, 'teacher', { name: 'Mrs. Counselor', contextId: 'counseling-office' });
  const teacher = await signIn(tool.config, tenant, 'teacher', { name: 'Mr. Teacher' });
  ana = await signIn(tool.config, tenant, 'student', { name: 'Ana Alvarez' });
  ben = await signIn(tool.config, tenant, 'student', { name: 'Ben Brooks' });
  cam = await signIn(tool.config, tenant, 'student', { name: 'Cam Chen', contextId: 'west-course' });
  await UserModel.updateOne({ _id: cam.user._id }, { $set: { 'contexts.0.deploymentId': SCHOOL_B } });
  await request(tool.app).post('/api/plans/me/annual-review').set(...ana.auth).send({ reflection: 'Year one.' }).expect(200);
  await request(tool.app).post(`/api/plans/${String(ana.user._id)}/snapshots/2026-2027/advisor-review`).set(...teacher.auth).send({}).expect(201);
  const parent = await signIn(tool.config, tenant, 'parent', { contextId: null, menteeSubjects: [ana.user.ltiSubject] });
  await request(tool.app).post(`/api/plans/${String(ana.user._id)}/snapshots/2026-2027/signatures`).set(...parent.auth).send({ typedName: 'Mom', confirm: true }).expect(201);
});
afterAll(() => tool.close());

const caseload = (who: SignedInUser) => request(tool.app).get('/api/caseload').set(...who.auth);
const grant = (userId: string, deploymentIds: string[], who = admin) =>
  request(tool.app).put(`/api/tenant/staff/${userId}/caseload`).set(...who.auth).send({ deploymentIds });

describe('counselor caseloads', () => {
  it('gives a counselor nothing beyond their courses until an admin grants schools', async () => {
    const res = await caseload(counselor).expect(403);
    expect(res.body.message).toBe('No caseload has been given to you. A district admin grants it.');
    await request(tool.app).get(`/api/plans/${String(ben.user._id)}`).set(...counselor.auth).expect(403);
    const me = await request(tool.app).get('/api/session').set(...counselor.auth).expect(200);
    expect(me.body.abilities.viewCaseload).toBe(false);
  });

  it('lets a district admin find staff and grant schools of the district only', async () => {
    const found = (await request(tool.app).get('/api/tenant/staff?q=couns').set(...admin.auth).expect(200)).body as StaffMember[];
    expect(found).toEqual([{ id: String(counselor.user._id), name: 'Mrs. Counselor', email: null, caseloadDeploymentIds: [] }]);
    const bad = await grant(String(counselor.user._id), ['not-a-school']).expect(400);
    expect(bad.body.fields.deploymentIds[0]).toContain('not-a-school');
    await grant(String(ana.user._id), [schoolA]).expect(404); // a student is not staff
    await grant(String(counselor.user._id), [schoolA], counselor).expect(403);
    const granted = (await grant(String(counselor.user._id), [schoolA, schoolA]).expect(200)).body as StaffMember;
    expect(granted.caseloadDeploymentIds).toEqual([schoolA]);
    const list = (await request(tool.app).get('/api/tenant/counselors').set(...admin.auth).expect(200)).body as StaffMember[];
    expect(list.map((s) => s.name)).toEqual(['Mrs. Counselor']);
  });

  it('shows the counselor every student of their schools with where the annual review stands', async () => {
    const me = await request(tool.app).get('/api/session').set(...counselor.auth).expect(200);
    expect(me.body.abilities.viewCaseload).toBe(true);
    const view = (await caseload(counselor).expect(200)).body as CaseloadView;
    expect(view.schoolYear).toBe('2026-2027');
    expect(view.schools).toEqual([{ deploymentId: schoolA, name: 'Central High' }]);
    expect(view.students.map((s) => [s.name, s.stage, s.schools])).toEqual([
      ['Ana Alvarez', 'complete', ['Central High']],
      ['Ben Brooks', 'not_submitted', ['Central High']],
    ]);
  });

  it('lets the counselor open and review the plans of their schools’ students, and no others', async () => {
    await request(tool.app).get(`/api/plans/${String(ben.user._id)}`).set(...counselor.auth).expect(200);
    await request(tool.app).get(`/api/plans/${String(cam.user._id)}`).set(...counselor.auth).expect(403);
    await request(tool.app).post('/api/plans/me/annual-review').set(...ben.auth).send({ reflection: 'Done.' }).expect(200);
    expect(((await caseload(counselor).expect(200)).body as CaseloadView).students.find((s) => s.name === 'Ben Brooks')?.stage).toBe('needs_review');
    await request(tool.app).post(`/api/plans/${String(ben.user._id)}/snapshots/2026-2027/advisor-review`).set(...counselor.auth).send({ comment: 'Good.' }).expect(201);
    expect(((await caseload(counselor).expect(200)).body as CaseloadView).students.find((s) => s.name === 'Ben Brooks')?.stage).toBe('needs_signature');
  });

  it('ends with the caseload: an empty grant removes access', async () => {
    await grant(String(counselor.user._id), []).expect(200);
    await caseload(counselor).expect(403);
    await request(tool.app).get(`/api/plans/${String(ben.user._id)}`).set(...counselor.auth).expect(403);
  });
});
