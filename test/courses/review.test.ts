import request from 'supertest';
import mongoose from 'mongoose';
import { startTestApp, type TestApp } from '../support/app-harness';
import { createTenant, signIn, type SignedInUser } from '../support/factories';
import { ActivityProgressModel } from '../../server/activities/progress.model';
import { ScoreJobModel } from '../../server/grades/score-job.model';
import { PlanAuditModel } from '../../server/plans/plan-audit.model';
import { UserModel } from '../../server/users/user.model';
import type { Tenant } from '../../server/tenants/tenant.model';
import type { Placement } from '../../server/activities/placement.model';
import { createPlacement, setProgress } from './support';

let tool: TestApp;
beforeAll(async () => {
  tool = await startTestApp();
});
afterAll(async () => {
  await tool.close();
});

interface Course {
  tenant: Tenant;
  teacher: SignedInUser;
  student: SignedInUser;
  placement: Placement;
}

/** A district with a course, its teacher, a student and a 20-point placement. */
async function course(points = 20): Promise<Course> {
  const tenant = await createTenant();
  const teacher = await signIn(tool.config, tenant, 'teacher', { contextId: 'course-r' });
  const student = await signIn(tool.config, tenant, 'student', { contextId: 'course-r' });
  const placement = await createPlacement(tenant._id, 'course-r', teacher.user._id, { points, lineItemUrl: 'https://lms.example/li/1' });
  return { tenant, teacher, student, placement };
}

const review = (who: SignedInUser, placementId: unknown, userId: unknown, body: unknown) =>
  request(tool.app).post(`/api/placements/${String(placementId)}/students/${String(userId)}/review`).set(...who.auth).send(body as object);
const job = (c: Course) => ScoreJobModel.findOne({ tenantId: c.tenant._id, placementId: c.placement._id, userId: c.student.user._id }).lean();
const progressOf = (c: Course) => ActivityProgressModel.findOne({ tenantId: c.tenant._id, placementId: c.placement._id, userId: c.student.user._id }).lean();

describe('POST /api/placements/:placementId/students/:userId/review', () => {
  it('approves submitted work: completed, and a FullyGraded score of the placement points in the outbox', async () => {
    const c = await course();
    await setProgress(c.tenant._id, c.placement._id, c.student.user._id, 'submitted', { response: 'My answer' });
    const res = await review(c.teacher, c.placement._id, c.student.user._id, { decision: 'approve', comment: 'Well done' }).expect(200);
    expect(res.body).toMatchObject({ placementId: String(c.placement._id), userId: String(c.student.user._id), status: 'completed', teacherComment: 'Well done', completedAt: expect.any(String) });
    expect(await progressOf(c)).toMatchObject({ status: 'completed', teacherComment: 'Well done', completedAt: expect.any(Date) });
    expect((await job(c))?.score).toMatchObject({ scoreGiven: 20, scoreMaximum: 20, activityProgress: 'Completed', gradingProgress: 'FullyGraded', comment: 'Well done' });
    expect((await job(c))?.ltiSubject).toBe(c.student.user.ltiSubject);
    const audit = await PlanAuditModel.findOne({ tenantId: c.tenant._id, studentId: c.student.user._id, action: 'write' }).lean();
    expect(audit).toMatchObject({ actorRole: 'teacher', section: 'activityReview' });
  });

  it('shows the queued score as pending in the class dashboard', async () => {
    const c = await course();
    await setProgress(c.tenant._id, c.placement._id, c.student.user._id, 'submitted');
    await review(c.teacher, c.placement._id, c.student.user._id, { decision: 'approve' }).expect(200);
    const res = await request(tool.app).get('/api/courses/current/dashboard').set(...c.teacher.auth).expect(200);
    expect(res.body.students[0].progress[String(c.placement._id)]).toMatchObject({ status: 'completed', sync: 'pending', syncError: null });
  });

  it('returns work for revision with the comment: needs_revision, and an InProgress / Pending score without points', async () => {
    const c = await course();
    await setProgress(c.tenant._id, c.placement._id, c.student.user._id, 'submitted');
    const res = await review(c.teacher, c.placement._id, c.student.user._id, { decision: 'request_revision', comment: 'Add your sources.' }).expect(200);
    expect(res.body).toMatchObject({ status: 'needs_revision', teacherComment: 'Add your sources.', completedAt: null });
    expect(await progressOf(c)).toMatchObject({ status: 'needs_revision', teacherComment: 'Add your sources.' });
    const score = (await job(c))?.score;
    expect(score).toMatchObject({ activityProgress: 'InProgress', gradingProgress: 'Pending', comment: 'Add your sources.', scoreGiven: null });
  });

  it('lets a completed activity be returned for revision and approved again (latest score wins)', async () => {
    const c = await course();
    await setProgress(c.tenant._id, c.placement._id, c.student.user._id, 'completed');
    await review(c.teacher, c.placement._id, c.student.user._id, { decision: 'request_revision', comment: 'One more goal.' }).expect(200);
    await ActivityProgressModel.updateOne({ placementId: c.placement._id, userId: c.student.user._id }, { $set: { status: 'submitted' } });
    await review(c.teacher, c.placement._id, c.student.user._id, { decision: 'approve' }).expect(200);
    const j = await job(c);
    expect(j?.revision).toBe(2);
    expect(j?.score).toMatchObject({ gradingProgress: 'FullyGraded', scoreGiven: 20 });
  });

  it.each(['not_started', 'in_progress', 'needs_revision'] as const)('answers 409 for %s work, and for work never started', async (status) => {
    const c = await course();
    const none = await review(c.teacher, c.placement._id, c.student.user._id, { decision: 'approve' }).expect(409);
    expect(none.body).toMatchObject({ error: 'conflict', message: expect.stringMatching(/Only submitted or completed work can be reviewed; this activity is not started/) });
    await setProgress(c.tenant._id, c.placement._id, c.student.user._id, status);
    const res = await review(c.teacher, c.placement._id, c.student.user._id, { decision: 'approve' }).expect(409);
    expect(res.body.message).toContain(status.replace('_', ' '));
    expect(await job(c)).toBeNull();
    expect((await progressOf(c))?.status).toBe(status);
  });

  it('answers 400 for a revision request without a comment, and for malformed ids', async () => {
    const c = await course();
    await setProgress(c.tenant._id, c.placement._id, c.student.user._id, 'submitted');
    const res = await review(c.teacher, c.placement._id, c.student.user._id, { decision: 'request_revision' }).expect(400);
    expect(res.body.fields).toEqual({ comment: ['Say what needs revision'] });
    await review(c.teacher, c.placement._id, c.student.user._id, { decision: 'maybe' }).expect(400);
    await review(c.teacher, 'nope', c.student.user._id, { decision: 'approve' }).expect(400);
  });

  it('answers 403 to students, parents and teachers of other courses; lets an admin of the district review', async () => {
    const c = await course();
    await setProgress(c.tenant._id, c.placement._id, c.student.user._id, 'submitted');
    const parent = await signIn(tool.config, c.tenant, 'parent', { menteeSubjects: [c.student.user.ltiSubject] });
    const otherTeacher = await signIn(tool.config, c.tenant, 'teacher', { contextId: 'another-course' });
    for (const who of [c.student, parent, otherTeacher]) await review(who, c.placement._id, c.student.user._id, { decision: 'approve' }).expect(403);
    const admin = await signIn(tool.config, c.tenant, 'admin', { contextId: null });
    await review(admin, c.placement._id, c.student.user._id, { decision: 'approve' }).expect(200);
  });

  it('answers 404 for an unknown or removed placement, an unknown student, and another district’s placement', async () => {
    const c = await course();
    const id = new mongoose.Types.ObjectId();
    await review(c.teacher, id, c.student.user._id, { decision: 'approve' }).expect(404);
    await review(c.teacher, c.placement._id, id, { decision: 'approve' }).expect(404);
    const removed = await createPlacement(c.tenant._id, 'course-r', c.teacher.user._id, { deletedAt: new Date() });
    await review(c.teacher, removed._id, c.student.user._id, { decision: 'approve' }).expect(404);

    const other = await course();
    await setProgress(other.tenant._id, other.placement._id, other.student.user._id, 'submitted');
    await review(c.teacher, other.placement._id, other.student.user._id, { decision: 'approve' }).expect(404);
    const otherAdmin = await signIn(tool.config, other.tenant, 'admin');
    await review(otherAdmin, c.placement._id, c.student.user._id, { decision: 'approve' }).expect(404);
    expect((await progressOf(other))?.status).toBe('submitted');
  });

  it('completes a zero-point activity without a score job (no grade column)', async () => {
    const c = await course(0);
    await setProgress(c.tenant._id, c.placement._id, c.student.user._id, 'submitted');
    await review(c.teacher, c.placement._id, c.student.user._id, { decision: 'approve' }).expect(200);
    expect((await progressOf(c))?.status).toBe('completed');
    expect(await job(c)).toBeNull();
  });

  it('applies only one of two simultaneous decisions on one submission', async () => {
    const c = await course();
    await setProgress(c.tenant._id, c.placement._id, c.student.user._id, 'submitted');
    const [a, b] = await Promise.all([
      review(c.teacher, c.placement._id, c.student.user._id, { decision: 'request_revision', comment: 'Fix it' }),
      review(c.teacher, c.placement._id, c.student.user._id, { decision: 'request_revision', comment: 'Fix it too' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });
});

describe('GET /api/courses/current/students/:userId/plan', () => {
  it('gives the teacher of the course the student’s plan read-only, and audits the read', async () => {
    const c = await course();
    const res = await request(tool.app).get(`/api/courses/current/students/${String(c.student.user._id)}/plan`).set(...c.teacher.auth).expect(200);
    expect(res.body.readOnly).toBe(true);
    const audit = await PlanAuditModel.findOne({ tenantId: c.tenant._id, studentId: c.student.user._id, action: 'read' }).lean();
    expect(audit).toMatchObject({ actorId: c.teacher.user._id, actorRole: 'teacher' });
  });

  it('answers 404 for a student of another course or district, 403 to students and parents', async () => {
    const c = await course();
    const elsewhere = await signIn(tool.config, c.tenant, 'student', { contextId: 'another-course' });
    const path = (id: unknown) => `/api/courses/current/students/${String(id)}/plan`;
    await request(tool.app).get(path(elsewhere.user._id)).set(...c.teacher.auth).expect(404);
    const other = await course();
    await request(tool.app).get(path(other.student.user._id)).set(...c.teacher.auth).expect(404);
    await request(tool.app).get(path('nope')).set(...c.teacher.auth).expect(400);
    const parent = await signIn(tool.config, c.tenant, 'parent', { menteeSubjects: [c.student.user.ltiSubject] });
    await request(tool.app).get(path(c.student.user._id)).set(...parent.auth).expect(403);
    await request(tool.app).get(path(c.student.user._id)).set(...c.student.auth).expect(403);
  });

  it('refuses a teacher whose only tie to the course is the session role (launched there as a student)', async () => {
    const c = await course();
    // Same person, a student in this course, but signed in as a teacher from another course's launch.
    await UserModel.updateOne({ _id: c.teacher.user._id }, { $set: { contexts: [{ contextId: 'course-r', title: 'x', deploymentId: 'd', role: 'student', lastLaunchAt: new Date() }] } });
    await request(tool.app).get(`/api/courses/current/students/${String(c.student.user._id)}/plan`).set(...c.teacher.auth).expect(403);
    await request(tool.app).get('/api/courses/current/dashboard').set(...c.teacher.auth).expect(403);
  });
});
