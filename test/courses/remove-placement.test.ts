import request from 'supertest';
import mongoose from 'mongoose';
import { startTestApp, type TestApp } from '../support/app-harness';
import { createTenant, signIn, type SignedInUser } from '../support/factories';
import { PlatformSimulator, type ToolRegistration } from '../support/platform-simulator';
import { launch, learnerLaunch, registerToolManually } from '../support/lti-flow';
import { appRedirect } from '../activities/support';
import { PlacementModel, type Placement } from '../../server/activities/placement.model';
import { ActivityProgressModel } from '../../server/activities/progress.model';
import { ScoreJobModel } from '../../server/grades/score-job.model';
import { TenantModel, type Tenant } from '../../server/tenants/tenant.model';
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

async function course(): Promise<Course> {
  const tenant = await createTenant();
  const teacher = await signIn(tool.config, tenant, 'teacher', { contextId: 'course-x' });
  const student = await signIn(tool.config, tenant, 'student', { contextId: 'course-x' });
  const placement = await createPlacement(tenant._id, 'course-x', teacher.user._id, { title: 'Career Goal', lineItemUrl: 'https://lms.example/li/9' });
  return { tenant, teacher, student, placement };
}

const remove = (who: SignedInUser, placementId: unknown) => request(tool.app).delete(`/api/placements/${String(placementId)}`).set(...who.auth);
const live = async (p: Placement) => (await PlacementModel.findById(p._id).lean())?.deletedAt === null;

describe('DELETE /api/placements/:placementId', () => {
  it('removes the placement (deletedAt), keeps progress and grade jobs, hides it from the course and dashboard; 404 the second time', async () => {
    const c = await course();
    const kept = await createPlacement(c.tenant._id, 'course-x', c.teacher.user._id, { title: 'Resume' });
    await setProgress(c.tenant._id, c.placement._id, c.student.user._id, 'completed');
    await ScoreJobModel.collection.insertOne({ tenantId: c.tenant._id, placementId: c.placement._id, userId: c.student.user._id, marker: 'kept' });

    const before = await request(tool.app).get('/api/courses/current/dashboard').set(...c.teacher.auth).expect(200);
    expect(before.body.placements.map((p: { id: string }) => p.id)).toEqual([String(c.placement._id), String(kept._id)]);

    const res = await remove(c.teacher, c.placement._id).expect(200);
    expect(res.body).toEqual({ id: String(c.placement._id), title: 'Career Goal', removedAt: expect.any(String) });
    const stored = await PlacementModel.findById(c.placement._id).lean();
    expect(stored?.deletedAt?.toISOString()).toBe(res.body.removedAt);
    expect(await ActivityProgressModel.countDocuments({ placementId: c.placement._id })).toBe(1);
    expect(await ScoreJobModel.collection.countDocuments({ placementId: c.placement._id })).toBe(1);

    const again = await remove(c.teacher, c.placement._id).expect(404);
    expect(again.body).toMatchObject({ error: 'not_found' });

    const dashboard = await request(tool.app).get('/api/courses/current/dashboard').set(...c.teacher.auth).expect(200);
    expect(dashboard.body.placements.map((p: { id: string }) => p.id)).toEqual([String(kept._id)]);
    expect(Object.keys(dashboard.body.students[0].progress)).toEqual([String(kept._id)]);
    await request(tool.app).get('/api/courses/current/dashboard').query({ activity: String(c.placement._id) }).set(...c.teacher.auth).expect(400);
    const overview = await request(tool.app).get('/api/courses/current').set(...c.teacher.auth).expect(200);
    expect(overview.body.placements.map((p: { id: string }) => p.id)).toEqual([String(kept._id)]);

    // The student's view of it, and a review of it, are gone too.
    await request(tool.app).get(`/api/activities/placements/${String(c.placement._id)}`).set(...c.student.auth).expect(404);
    await request(tool.app)
      .post(`/api/placements/${String(c.placement._id)}/students/${String(c.student.user._id)}/review`)
      .set(...c.teacher.auth)
      .send({ decision: 'approve' })
      .expect(404);
  });

  it('answers 403 to students, parents and teachers of other courses; an admin of the district may remove it', async () => {
    const c = await course();
    const parent = await signIn(tool.config, c.tenant, 'parent', { menteeSubjects: [c.student.user.ltiSubject] });
    const otherTeacher = await signIn(tool.config, c.tenant, 'teacher', { contextId: 'another-course' });
    for (const who of [c.student, parent, otherTeacher]) await remove(who, c.placement._id).expect(403);
    expect(await live(c.placement)).toBe(true);
    const admin = await signIn(tool.config, c.tenant, 'admin', { contextId: null });
    await remove(admin, c.placement._id).expect(200);
    expect(await live(c.placement)).toBe(false);
  });

  it('answers 404 for another district’s placement and an unknown one, 400 for a malformed id, 401 without a session', async () => {
    const c = await course();
    const other = await course();
    await remove(c.teacher, other.placement._id).expect(404);
    const otherAdmin = await signIn(tool.config, other.tenant, 'admin', { contextId: null });
    await remove(otherAdmin, c.placement._id).expect(404);
    expect(await live(other.placement)).toBe(true);
    expect(await live(c.placement)).toBe(true);
    await remove(c.teacher, new mongoose.Types.ObjectId()).expect(404);
    await remove(c.teacher, 'nope').expect(400);
    await request(tool.app).delete(`/api/placements/${String(c.placement._id)}`).expect(401);
  });

  it('lets only one of two simultaneous removals succeed', async () => {
    const c = await course();
    const [a, b] = await Promise.all([remove(c.teacher, c.placement._id), remove(c.teacher, c.placement._id)]);
    expect([a.status, b.status].sort()).toEqual([200, 404]);
  });
});

describe('launching a removed placement from the LMS', () => {
  let sim: PlatformSimulator;
  let reg: ToolRegistration;
  beforeAll(async () => {
    sim = await PlatformSimulator.start({ product: 'canvas' });
    reg = await registerToolManually(tool, sim);
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('shows the placement_missing page to a student, whether the link carries ecap_placement or only its resource link id', async () => {
    const tenant = (await TenantModel.findOne({ issuer: sim.issuer, clientId: reg.clientId }).lean())!;
    const context = { id: 'course-removed', title: 'Advisory 11C' };
    const teacher = await signIn(tool.config, tenant, 'teacher', { contextId: context.id });
    const placement = await createPlacement(tenant._id, context.id, teacher.user._id, { activityId: 'resume', title: 'Resume', deploymentId: reg.deploymentId });
    const custom = { ecap_placement: String(placement._id), ecap_activity: 'resume' };
    const resourceLink = { id: 'rl-removed-1', title: 'Resume' };

    // Before: the link opens the activity (and the tool learns its resource link id).
    const opened = await launch(tool, sim, learnerLaunch(reg.clientId, { context, resourceLink, custom }));
    expect(appRedirect(opened.response).view).toBe(`activity:${String(placement._id)}`);

    await remove(teacher, placement._id).expect(200);

    const named = await launch(tool, sim, learnerLaunch(reg.clientId, { context, resourceLink, custom }));
    expect(named.response.status).toBe(404);
    expect(named.response.headers.get('content-type')).toMatch(/text\/html/);
    expect(named.response.text).toContain('This ECAP activity is no longer available');
    expect(appRedirect(named.response).token).toBeNull();

    // A platform that drops the custom parameters: found by the resource link id, still the clear page.
    const byLink = await launch(tool, sim, learnerLaunch(reg.clientId, { context, resourceLink }));
    expect(byLink.response.status).toBe(404);
    expect(byLink.response.text).toContain('This ECAP activity is no longer available');

    // The same link copied into another course (course copy keeps custom parameters): no copy is made of it.
    const copied = await launch(tool, sim, learnerLaunch(reg.clientId, { context: { id: 'course-copy', title: 'Copy' }, resourceLink: { id: 'rl-copy' }, custom }));
    expect(copied.response.status).toBe(404);
    expect(await PlacementModel.countDocuments({ tenantId: tenant._id, contextId: 'course-copy' })).toBe(0);
  });
});
