import express from 'express';
import request from 'supertest';
import { Types } from 'mongoose';
import { authenticate } from '../../server/session/authenticate';
import { errorHandler } from '../../server/http/error-handler';
import { gradeRouter } from '../../server/grades/grade.routes';
import { enqueueScore, syncStatesFor } from '../../server/grades/grade.service';
import { drainGradeOutbox } from '../../server/grades/grade-worker';
import { createTenant, signIn } from '../support/factories';
import { trustedTenantId } from '../../server/tenants/tenant-id';
import { createPlacement, createStudent, fastWorker, scoresOf, startGradeEnv, type GradeEnv } from './grade-support';

let env: GradeEnv;
/** The API as app.ts mounts it: /api, JSON, authenticate, then the grade routes and the one error handler. */
let api: express.Express;

beforeAll(async () => {
  env = await startGradeEnv();
  api = express();
  api.use('/api', express.json(), authenticate(env.tool.config.ltiKey), gradeRouter());
  api.use(errorHandler);
});
afterAll(async () => {
  await env.sim.stop();
  await env.tool.close();
});

const retryUrl = (placementId: unknown, userId: unknown) => `/api/placements/${String(placementId)}/students/${String(userId)}/retry-sync`;

describe('sync states and the retry action', () => {
  it('shows a permanent failure with its error, and the teacher\'s retry sends it once the platform recovers', async () => {
    const contextId = 'course-visible';
    const li = env.sim.createLineItem(contextId, { scoreMaximum: 10, label: 'Resume', resourceLinkId: 'rl-visible' });
    const placement = await createPlacement(env, { contextId, lineItemUrl: li.id });
    const [failing, fine, never] = [await createStudent(env, contextId), await createStudent(env, contextId), await createStudent(env, contextId)];
    const pid = String(placement._id);

    env.sim.failNext('scores', 1, { status: 400 });
    await enqueueScore({ tenantId: env.tenantId, placementId: placement._id, userId: failing._id, activityProgress: 'Completed', gradingProgress: 'FullyGraded', scoreGiven: 10 });
    await drainGradeOutbox(fastWorker(env, { concurrency: 1 }));
    await enqueueScore({ tenantId: env.tenantId, placementId: placement._id, userId: fine._id, activityProgress: 'Completed', gradingProgress: 'FullyGraded', scoreGiven: 8 });

    let states = await syncStatesFor(env.tenantId, [pid], [String(failing._id), String(fine._id), String(never._id)]);
    expect(states.get(`${pid}:${String(failing._id)}`)).toEqual({ state: 'failed', error: expect.stringMatching(/answered 400/), updatedAt: expect.any(Date) });
    expect(states.get(`${pid}:${String(fine._id)}`)).toMatchObject({ state: 'pending', error: null });
    expect(states.get(`${pid}:${String(never._id)}`)).toEqual({ state: 'none', error: null, updatedAt: null });

    // Another district cannot even see the placement.
    const otherTenant = await createTenant();
    const outsider = await signIn(env.tool.config, otherTenant, 'teacher', { contextId });
    expect(await syncStatesFor(trustedTenantId(otherTenant._id), [pid], [String(failing._id)])).toEqual(
      new Map([[`${pid}:${String(failing._id)}`, { state: 'none', error: null, updatedAt: null }]]),
    );
    await request(api).post(retryUrl(pid, failing._id)).set(...outsider.auth).expect(404);

    // A student, or a teacher of another course, may not retry.
    const student = await signIn(env.tool.config, env.tenant, 'student', { contextId });
    await request(api).post(retryUrl(pid, failing._id)).set(...student.auth).expect(403);
    const otherCourse = await signIn(env.tool.config, env.tenant, 'teacher', { contextId: 'another-course' });
    await request(api).post(retryUrl(pid, failing._id)).set(...otherCourse.auth).expect(403);

    const teacher = await signIn(env.tool.config, env.tenant, 'teacher', { contextId });
    await request(api).post(retryUrl(new Types.ObjectId(), failing._id)).set(...teacher.auth).expect(404);
    await request(api).post(retryUrl(pid, new Types.ObjectId())).set(...teacher.auth).expect(404);
    await request(api).post(retryUrl('not-an-id', failing._id)).set(...teacher.auth).expect(400);
    const res = await request(api).post(retryUrl(pid, failing._id)).set(...teacher.auth).expect(200);
    expect(res.body).toEqual({ placementId: pid, userId: String(failing._id), sync: 'pending', syncError: null, updatedAt: expect.any(String) });

    await drainGradeOutbox(fastWorker(env));
    states = await syncStatesFor(env.tenantId, [pid], [String(failing._id), String(fine._id)]);
    expect(states.get(`${pid}:${String(failing._id)}`)).toMatchObject({ state: 'synced', error: null });
    expect(states.get(`${pid}:${String(fine._id)}`)).toMatchObject({ state: 'synced' });
    expect(scoresOf(env.sim, li.id, failing.ltiSubject)).toHaveLength(1);

    // A district admin may retry too (here: nothing to do, the answer is the current state).
    const admin = await signIn(env.tool.config, env.tenant, 'admin', { contextId: null });
    const again = await request(api).post(retryUrl(pid, failing._id)).set(...admin.auth).expect(200);
    expect(again.body.sync).toBe('synced');
  });

  it('shows a job waiting for its next attempt as retrying, with the last error', async () => {
    const contextId = 'course-retrying';
    const li = env.sim.createLineItem(contextId, { scoreMaximum: 10, label: 'Resume' });
    const placement = await createPlacement(env, { contextId, lineItemUrl: li.id });
    const student = await createStudent(env, contextId);
    env.sim.failNext('scores', 1, { status: 503 });
    await enqueueScore({ tenantId: env.tenantId, placementId: placement._id, userId: student._id, activityProgress: 'Completed', gradingProgress: 'FullyGraded', scoreGiven: 1 });
    await drainGradeOutbox(fastWorker(env, { retry: { baseDelayMs: 60_000 } }));
    const states = await syncStatesFor(env.tenantId, [String(placement._id)], [String(student._id)]);
    expect(states.get(`${String(placement._id)}:${String(student._id)}`)).toMatchObject({ state: 'retrying', error: expect.stringMatching(/answered 503/) });

    // The teacher's retry makes it due now.
    const teacher = await signIn(env.tool.config, env.tenant, 'teacher', { contextId });
    await request(api).post(retryUrl(placement._id, student._id)).set(...teacher.auth).expect(200);
    await drainGradeOutbox(fastWorker(env));
    expect(scoresOf(env.sim, li.id, student.ltiSubject)).toHaveLength(1);
  });
});
