import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app-harness';
import { createTenant, signIn } from '../support/factories';
import { PlanAuditModel } from '../../server/plans/plan-audit.model';
import { PlanModel } from '../../server/plans/plan.model';
import { ARIZONA_DEFAULT_TEMPLATE } from '../../server/plans/requirements';
import type { Tenant } from '../../server/tenants/tenant.model';
import type { PlanView } from '../../shared/api/plan';
import { putSection, validSections } from './support';

let tool: TestApp;
beforeAll(async () => {
  tool = await startTestApp();
});
afterAll(async () => {
  await tool.close();
});

const readPlan = (auth: [string, string], studentId: unknown) => request(tool.app).get(`/api/plans/${String(studentId)}`).set(...auth);
const addNote = (auth: [string, string], studentId: unknown, body: object) => request(tool.app).post(`/api/plans/${String(studentId)}/notes`).set(...auth).send(body);

/** A district with a student in course-1 who has saved goals. */
async function district() {
  const tenant = await createTenant();
  const student = await signIn(tool.config, tenant, 'student', { name: 'Sam Student', contextId: 'course-1' });
  await putSection(tool, student, 'goals', 0, validSections().goals).expect(200);
  return { tenant, student };
}

describe('GET /api/plans/:studentId', () => {
  it('lets a teacher of the student course read the plan, read-only, and records the read', async () => {
    const { tenant, student } = await district();
    const teacher = await signIn(tool.config, tenant, 'teacher', { contextId: 'course-1' });
    const res = await readPlan(teacher.auth, student.user._id).expect(200);
    const view = res.body as PlanView;
    expect(view).toMatchObject({ studentId: String(student.user._id), studentName: 'Sam Student', readOnly: true });
    expect(view.sections.goals.data).toEqual(validSections().goals);
    const audit = await PlanAuditModel.find({ studentId: student.user._id, action: 'read' }).lean();
    expect(audit).toEqual([expect.objectContaining({ actorId: teacher.user._id, actorRole: 'teacher' })]);
  });

  it('refuses a teacher of another course', async () => {
    const { tenant, student } = await district();
    const teacher = await signIn(tool.config, tenant, 'teacher', { contextId: 'course-2' });
    await readPlan(teacher.auth, student.user._id).expect(403);
    expect(await PlanAuditModel.countDocuments({ studentId: student.user._id, action: 'read' })).toBe(0);
  });

  it('lets a parent read only their mentees', async () => {
    const { tenant, student } = await district();
    const parent = await signIn(tool.config, tenant, 'parent', { contextId: null, menteeSubjects: [student.user.ltiSubject] });
    await readPlan(parent.auth, student.user._id).expect(200);
    const otherParent = await signIn(tool.config, tenant, 'parent', { contextId: null, menteeSubjects: ['sub-someone-else'] });
    await readPlan(otherParent.auth, student.user._id).expect(403);
  });

  it('lets an admin read students of their own district only', async () => {
    const a = await district();
    const b = await district();
    const adminA = await signIn(tool.config, a.tenant, 'admin', { contextId: null });
    await readPlan(adminA.auth, a.student.user._id).expect(200);
    const res = await readPlan(adminA.auth, b.student.user._id).expect(404);
    expect(res.body.message).not.toContain('Sam');
  });

  it('never crosses districts, even with the same course id or mentee subject', async () => {
    const a = await district();
    const b = await district();
    const teacherB = await signIn(tool.config, b.tenant, 'teacher', { contextId: 'course-1' });
    const parentB = await signIn(tool.config, b.tenant, 'parent', { contextId: null, menteeSubjects: [a.student.user.ltiSubject] });
    await readPlan(teacherB.auth, a.student.user._id).expect(404);
    await readPlan(parentB.auth, a.student.user._id).expect(404);
  });

  it('keeps students to their own plan, in and across districts', async () => {
    const a = await district();
    const classmate = await signIn(tool.config, a.tenant, 'student', { contextId: 'course-1' });
    const b = await district();
    await readPlan(classmate.auth, a.student.user._id).expect(403);
    await readPlan(b.student.auth, a.student.user._id).expect(403);
    await readPlan(a.student.auth, a.student.user._id).expect(403);
    await addNote(classmate.auth, a.student.user._id, { text: 'hi', intervention: false }).expect(403);
    // /plans/me only ever touches the caller's plan: writing there leaves the classmate's plan as it was.
    await putSection(tool, classmate, 'goals', 0, { shortTerm: [], longTerm: [] }).expect(200);
    const stored = await PlanModel.findOne({ studentId: a.student.user._id }).lean();
    expect(stored?.sections.goals.data).toEqual(validSections().goals);
  });

  it('answers 404 for an unknown id or a non-student, and 400 for a malformed one', async () => {
    const { tenant } = await district();
    const admin = await signIn(tool.config, tenant, 'admin', { contextId: null });
    await readPlan(admin.auth, '0123456789abcdef01234567').expect(404);
    await readPlan(admin.auth, admin.user._id).expect(404);
    const bad = await readPlan(admin.auth, 'not-an-id').expect(400);
    expect(bad.body.fields).toHaveProperty('studentId');
  });

  it('shows a plan the student has not opened yet without creating it', async () => {
    const tenant = await createTenant();
    const student = await signIn(tool.config, tenant, 'student');
    const admin = await signIn(tool.config, tenant, 'admin', { contextId: null });
    const res = await readPlan(admin.auth, student.user._id).expect(200);
    expect(res.body.sections.profile).toMatchObject({ version: 0, data: { grade: 9 } });
    expect(await PlanModel.countDocuments({ studentId: student.user._id })).toBe(0);
  });
});

describe('POST /api/plans/:studentId/notes', () => {
  it('lets a teacher of the course add a note the student then reads', async () => {
    const { tenant, student } = await district();
    const teacher = await signIn(tool.config, tenant, 'teacher', { contextId: 'course-1', name: 'Ms. Lopez' });
    const res = await addNote(teacher.auth, student.user._id, { text: '  Needs a math tutor.  ', intervention: true }).expect(201);
    expect(res.body).toEqual({ id: expect.any(String), authorName: 'Ms. Lopez', text: 'Needs a math tutor.', intervention: true, createdAt: expect.any(String) });
    const mine = await request(tool.app).get('/api/plans/me').set(...student.auth).expect(200);
    expect(mine.body.advisorNotes).toEqual([res.body]);
    expect(await PlanAuditModel.countDocuments({ studentId: student.user._id, action: 'write', section: 'advisorNotes' })).toBe(1);
  });

  it('validates the note', async () => {
    const { tenant, student } = await district();
    const admin = await signIn(tool.config, tenant, 'admin', { contextId: null });
    const res = await addNote(admin.auth, student.user._id, { text: '', intervention: 'yes' }).expect(400);
    expect(Object.keys(res.body.fields).sort()).toEqual(['intervention', 'text']);
    await addNote(admin.auth, student.user._id, { text: 'x'.repeat(2001), intervention: false }).expect(400);
    await addNote(admin.auth, student.user._id, { text: 'ok', intervention: false, authorName: 'Someone else' }).expect(400);
  });

  it('refuses parents, teachers of other courses and other districts', async () => {
    const a = await district();
    const b = await district();
    const parent = await signIn(tool.config, a.tenant, 'parent', { contextId: null, menteeSubjects: [a.student.user.ltiSubject] });
    const otherTeacher = await signIn(tool.config, a.tenant, 'teacher', { contextId: 'course-9' });
    const adminB = await signIn(tool.config, b.tenant, 'admin', { contextId: null });
    const note = { text: 'Hello', intervention: false };
    await addNote(parent.auth, a.student.user._id, note).expect(403);
    await addNote(otherTeacher.auth, a.student.user._id, note).expect(403);
    await addNote(adminB.auth, a.student.user._id, note).expect(404);
    const stored = await PlanModel.findOne({ studentId: a.student.user._id }).lean();
    expect(stored?.advisorNotes).toEqual([]);
  });
});

describe('/api/tenant/graduation-requirements', () => {
  const edited = { name: 'Mesa requirements', totalCredits: 24, areas: [{ area: 'english', credits: 4, alsoCounts: [] }, { area: 'math', credits: 4, alsoCounts: [] }] };

  async function admin(tenant?: Tenant) {
    return signIn(tool.config, tenant ?? (await createTenant()), 'admin', { contextId: null });
  }

  it('gives Arizona default until the district edits it, then the edited template, in every plan check', async () => {
    const tenant = await createTenant();
    const a = await admin(tenant);
    expect((await request(tool.app).get('/api/tenant/graduation-requirements').set(...a.auth).expect(200)).body).toEqual(ARIZONA_DEFAULT_TEMPLATE);
    const saved = await request(tool.app).put('/api/tenant/graduation-requirements').set(...a.auth).send(edited).expect(200);
    expect(saved.body).toEqual(edited);
    expect((await request(tool.app).get('/api/tenant/graduation-requirements').set(...a.auth).expect(200)).body).toEqual(edited);
    const student = await signIn(tool.config, tenant, 'student');
    const plan = await request(tool.app).get('/api/plans/me').set(...student.auth).expect(200);
    expect(plan.body.requirements).toMatchObject({ template: 'Mesa requirements', totalRequired: 24 });
    // Another district still has the default.
    const other = await admin();
    expect((await request(tool.app).get('/api/tenant/graduation-requirements').set(...other.auth).expect(200)).body.totalCredits).toBe(22);
  });

  it('validates the template with field errors', async () => {
    const a = await admin();
    const res = await request(tool.app)
      .put('/api/tenant/graduation-requirements')
      .set(...a.auth)
      .send({ name: '', totalCredits: -1, areas: [{ area: 'poetry', credits: 1 }] })
      .expect(400);
    expect(Object.keys(res.body.fields).sort()).toEqual(['areas.0.area', 'name', 'totalCredits']);
    const over = await request(tool.app)
      .put('/api/tenant/graduation-requirements')
      .set(...a.auth)
      .send({ ...edited, totalCredits: 6 })
      .expect(400);
    expect(Object.keys(over.body.fields)).toEqual(['totalCredits']);
  });

  it('lets every signed-in user of the district read it', async () => {
    const tenant = await createTenant();
    for (const role of ['student', 'teacher', 'parent'] as const) {
      const who = await signIn(tool.config, tenant, role);
      const res = await request(tool.app).get('/api/tenant/graduation-requirements').set(...who.auth).expect(200);
      expect(res.body.totalCredits).toBe(22);
    }
  });

  it('lets only admins change it', async () => {
    const tenant = await createTenant();
    for (const role of ['student', 'teacher', 'parent'] as const) {
      const who = await signIn(tool.config, tenant, role);
      await request(tool.app).put('/api/tenant/graduation-requirements').set(...who.auth).send(edited).expect(403);
    }
  });
});
