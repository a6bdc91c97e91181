import request from 'supertest';
import mongoose from 'mongoose';
import { startTestApp, type TestApp } from '../support/app-harness';
import { createTenant, signIn, type SignedInUser } from '../support/factories';
import { ActivityProgressModel } from '../../server/activities/progress.model';
import { PlanAuditModel } from '../../server/plans/plan-audit.model';
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

/** A district with a course, its teacher, a student and a placed custom activity. */
async function course(): Promise<Course> {
  const tenant = await createTenant();
  const teacher = await signIn(tool.config, tenant, 'teacher', { contextId: 'course-p' });
  const student = await signIn(tool.config, tenant, 'student', { contextId: 'course-p' });
  const placement = await createPlacement(tenant._id, 'course-p', teacher.user._id, { activityId: new mongoose.Types.ObjectId().toHexString(), title: 'Informational interview' });
  return { tenant, teacher, student, placement };
}

const progress = (who: SignedInUser, placementId: unknown, userId: unknown) =>
  request(tool.app).get(`/api/placements/${String(placementId)}/students/${String(userId)}/progress`).set(...who.auth);

describe('GET /api/placements/:placementId/students/:userId/progress', () => {
  it('gives the course teacher the student’s response, status, dates and the previous comment; audits the read', async () => {
    const c = await course();
    await setProgress(c.tenant._id, c.placement._id, c.student.user._id, 'submitted', { response: 'I interviewed a nurse.\nShe said…' });
    const submittedAt = new Date('2026-03-02T15:04:05.000Z');
    await ActivityProgressModel.updateOne({ placementId: c.placement._id, userId: c.student.user._id }, { $set: { submittedAt, teacherComment: 'Add your sources.' } });

    const res = await progress(c.teacher, c.placement._id, c.student.user._id).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({
      status: 'submitted',
      response: 'I interviewed a nurse.\nShe said…',
      teacherComment: 'Add your sources.',
      submittedAt: submittedAt.toISOString(),
      completedAt: null,
      updatedAt: expect.any(String),
    });
    const audit = await PlanAuditModel.findOne({ tenantId: c.tenant._id, studentId: c.student.user._id, action: 'read', section: 'activityResponse' }).lean();
    expect(audit).toMatchObject({ actorId: c.teacher.user._id, actorRole: 'teacher' });
  });

  it('answers not_started with nulls for a student who never opened the activity', async () => {
    const c = await course();
    const res = await progress(c.teacher, c.placement._id, c.student.user._id).expect(200);
    expect(res.body).toEqual({ status: 'not_started', response: null, teacherComment: null, submittedAt: null, completedAt: null, updatedAt: null });
  });

  it('answers 403 to the student, a parent and a teacher of another course; lets an admin of the district read it', async () => {
    const c = await course();
    await setProgress(c.tenant._id, c.placement._id, c.student.user._id, 'submitted', { response: 'Mine' });
    const otherTeacher = await signIn(tool.config, c.tenant, 'teacher', { contextId: 'another-course' });
    const parent = await signIn(tool.config, c.tenant, 'parent', { menteeSubjects: [c.student.user.ltiSubject] });
    for (const who of [c.student, parent, otherTeacher]) {
      const res = await progress(who, c.placement._id, c.student.user._id).expect(403);
      expect(res.body.response).toBeUndefined();
      expect(JSON.stringify(res.body)).not.toContain('Mine');
    }
    const admin = await signIn(tool.config, c.tenant, 'admin', { contextId: null });
    expect((await progress(admin, c.placement._id, c.student.user._id).expect(200)).body.response).toBe('Mine');
  });

  it('answers 404 for another district’s placement or student, an unknown or removed placement, an unknown student; 400 for bad ids', async () => {
    const c = await course();
    const other = await course();
    await setProgress(other.tenant._id, other.placement._id, other.student.user._id, 'submitted', { response: 'Theirs' });
    const elsewhere = await progress(c.teacher, other.placement._id, other.student.user._id).expect(404);
    expect(JSON.stringify(elsewhere.body)).not.toContain('Theirs');
    const otherAdmin = await signIn(tool.config, other.tenant, 'admin', { contextId: null });
    await progress(otherAdmin, c.placement._id, c.student.user._id).expect(404);
    await progress(c.teacher, c.placement._id, other.student.user._id).expect(404);
    await progress(c.teacher, new mongoose.Types.ObjectId(), c.student.user._id).expect(404);
    await progress(c.teacher, c.placement._id, new mongoose.Types.ObjectId()).expect(404);
    const removed = await createPlacement(c.tenant._id, 'course-p', c.teacher.user._id, { deletedAt: new Date() });
    await progress(c.teacher, removed._id, c.student.user._id).expect(404);
    await progress(c.teacher, 'nope', c.student.user._id).expect(400);
    await progress(c.teacher, c.placement._id, 'nope').expect(400);
    await request(tool.app).get(`/api/placements/${String(c.placement._id)}/students/${String(c.student.user._id)}/progress`).expect(401);
  });
});
