import { DEFAULT_RETRY_POLICY } from '../../server/grades/job-base';
import { ScoreJobModel } from '../../server/grades/score-job.model';
import { enqueueScore } from '../../server/grades/grade.service';
import { drainGradeOutbox, startGradeWorker, stopGradeWorker } from '../../server/grades/grade-worker';
import { PlacementModel } from '../../server/activities/placement.model';
import { createPlacement, createStudent, fastWorker, scoresOf, startGradeEnv, waitFor, type GradeEnv } from './grade-support';

let env: GradeEnv;

beforeAll(async () => {
  env = await startGradeEnv();
});
afterEach(async () => {
  env.sim.latencyMs = 0;
  await stopGradeWorker();
});
afterAll(async () => {
  await env.sim.stop();
  await env.tool.close();
});

/** A placement with a line item the platform already has (as after Deep Linking on Canvas). */
async function placementWithLineItem(points = 10) {
  const contextId = `course-li-${Math.random().toString(36).slice(2, 8)}`;
  const li = env.sim.createLineItem(contextId, { scoreMaximum: points, label: 'Career Goal', resourceLinkId: `rl-${contextId}` });
  const placement = await createPlacement(env, { contextId, points, lineItemUrl: li.id, resourceLinkId: `rl-${contextId}` });
  return { placement, li };
}

const jobOf = (placementId: unknown, userId: unknown) => ScoreJobModel.findOne({ placementId, userId }).lean().exec();

describe('grade passback through AGS', () => {
  it('posts a completion to the score endpoint with the score media type, the body and a User-Agent', async () => {
    const { placement, li } = await placementWithLineItem(10);
    const student = await createStudent(env, placement.contextId);
    const earned = new Date('2026-11-24T10:00:00.000Z');
    const queued = await enqueueScore({
      tenantId: env.tenantId,
      placementId: placement._id,
      userId: student._id,
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
      scoreGiven: 10,
      timestamp: earned,
    });
    expect(queued).toMatchObject({ queued: true, revision: 1 });
    const report = await drainGradeOutbox(fastWorker(env));
    expect(report.synced).toBeGreaterThanOrEqual(1);

    const received = scoresOf(env.sim, li.id, student.ltiSubject);
    expect(received).toHaveLength(1);
    expect(received[0]!.applied).toBe(true);
    expect(received[0]!.score).toEqual({
      userId: student.ltiSubject,
      scoreGiven: 10,
      scoreMaximum: 10,
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
      timestamp: '2026-11-24T10:00:00.000Z',
    });
    expect(received[0]!.userAgent).toMatch(/^ECAP-Planner\/\d+\.\d+\.\d+ \(\+http:\/\/127\.0\.0\.1:\d+\)$/);
    const job = await jobOf(placement._id, student._id);
    expect(job).toMatchObject({ state: 'synced', syncedRevision: 1, attempts: 0, leaseOwner: null });
  });

  it('sends PendingManual without a score while a teacher must review, then FullyGraded on approval', async () => {
    const { placement, li } = await placementWithLineItem(20);
    const student = await createStudent(env, placement.contextId);
    const base = { tenantId: env.tenantId, placementId: placement._id, userId: student._id };
    await enqueueScore({ ...base, activityProgress: 'Submitted', gradingProgress: 'PendingManual', timestamp: new Date(Date.now() - 1000) });
    await drainGradeOutbox(fastWorker(env));
    await enqueueScore({ ...base, activityProgress: 'Completed', gradingProgress: 'FullyGraded', scoreGiven: 18, comment: 'Well argued.' });
    await drainGradeOutbox(fastWorker(env));
    const received = scoresOf(env.sim, li.id, student.ltiSubject).map((s) => s.score);
    expect(received).toHaveLength(2);
    expect(received[0]).not.toHaveProperty('scoreGiven');
    expect(received[0]).toMatchObject({ activityProgress: 'Submitted', gradingProgress: 'PendingManual' });
    expect(received[1]).toMatchObject({ scoreGiven: 18, scoreMaximum: 20, gradingProgress: 'FullyGraded', comment: 'Well argued.' });
    expect(await jobOf(placement._id, student._id)).toMatchObject({ state: 'synced', revision: 2, syncedRevision: 2 });
  });

  it('creates the line item when the placement has none, stores it, and reuses it for the next student', async () => {
    const placement = await createPlacement(env, { points: 15, title: 'Four-Year Plan', activityId: 'four-year-plan', resourceLinkId: 'rl-new' });
    const [a, b] = [await createStudent(env, placement.contextId), await createStudent(env, placement.contextId)];
    await enqueueScore({ tenantId: env.tenantId, placementId: placement._id, userId: a._id, activityProgress: 'Completed', gradingProgress: 'FullyGraded', scoreGiven: 15 });
    await drainGradeOutbox(fastWorker(env));
    const items = env.sim.getLineItems(placement.contextId);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ scoreMaximum: 15, label: 'Four-Year Plan', resourceId: `ecap:${placement._id}`, tag: 'four-year-plan', resourceLinkId: 'rl-new' });
    const stored = await PlacementModel.findById(placement._id).lean();
    expect(stored?.lineItemUrl).toBe(items[0]!.id);

    await enqueueScore({ tenantId: env.tenantId, placementId: placement._id, userId: b._id, activityProgress: 'Completed', gradingProgress: 'FullyGraded', scoreGiven: 12 });
    await drainGradeOutbox(fastWorker(env));
    expect(env.sim.getLineItems(placement.contextId)).toHaveLength(1);
    expect(scoresOf(env.sim, items[0]!.id, b.ltiSubject)).toHaveLength(1);
  });

  it('finds the line item the platform made for the resource link instead of creating one', async () => {
    const contextId = 'course-platform-made';
    const li = env.sim.createLineItem(contextId, { scoreMaximum: 10, label: 'Career Goal', resourceLinkId: 'rl-platform' });
    env.sim.createLineItem(contextId, { scoreMaximum: 5, label: 'Something else', resourceLinkId: 'rl-other' });
    const placement = await createPlacement(env, { contextId, resourceLinkId: 'rl-platform' });
    const student = await createStudent(env, contextId);
    await enqueueScore({ tenantId: env.tenantId, placementId: placement._id, userId: student._id, activityProgress: 'Completed', gradingProgress: 'FullyGraded', scoreGiven: 10 });
    await drainGradeOutbox(fastWorker(env));
    expect(env.sim.getLineItems(contextId)).toHaveLength(2);
    expect(scoresOf(env.sim, li.id, student.ltiSubject)).toHaveLength(1);
    expect((await PlacementModel.findById(placement._id).lean())?.lineItemUrl).toBe(li.id);
  });

  it('rides out an outage of the score endpoint (three 500s) with exactly one applied score', async () => {
    const { placement, li } = await placementWithLineItem();
    const student = await createStudent(env, placement.contextId);
    env.sim.failNext('scores', 3, { status: 500 });
    await enqueueScore({ tenantId: env.tenantId, placementId: placement._id, userId: student._id, activityProgress: 'Completed', gradingProgress: 'FullyGraded', scoreGiven: 10 });
    const report = await drainGradeOutbox(fastWorker(env, { waitForRetriesWithinMs: 5000 }));
    expect(report.retried).toBe(3);
    const received = scoresOf(env.sim, li.id, student.ltiSubject);
    expect(received).toHaveLength(1);
    expect(received[0]!.applied).toBe(true);
    expect(await jobOf(placement._id, student._id)).toMatchObject({ state: 'synced', attempts: 3, lastError: null });
  });

  it('honours 429 Retry-After: the next attempt is not before the platform asked', async () => {
    const { placement, li } = await placementWithLineItem();
    const student = await createStudent(env, placement.contextId);
    env.sim.failNext('scores', 1, { status: 429, retryAfterSec: 1 });
    await enqueueScore({ tenantId: env.tenantId, placementId: placement._id, userId: student._id, activityProgress: 'Completed', gradingProgress: 'FullyGraded', scoreGiven: 7 });
    const t0 = Date.now();
    const first = await drainGradeOutbox(fastWorker(env));
    expect(first.retried).toBe(1);
    const waiting = await jobOf(placement._id, student._id);
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1, throttles: 1, lastStatus: 429 });
    expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(t0 + 1000);

    await drainGradeOutbox(fastWorker(env, { waitForRetriesWithinMs: 3000 }));
    const received = scoresOf(env.sim, li.id, student.ltiSubject);
    expect(received).toHaveLength(1);
    expect(received[0]!.receivedAt.getTime()).toBeGreaterThanOrEqual(t0 + 1000);
  });

  it('gives up after the policy maximum of failed attempts and marks the job failed with the error', async () => {
    const { placement } = await placementWithLineItem();
    const student = await createStudent(env, placement.contextId);
    env.sim.failNext('scores', DEFAULT_RETRY_POLICY.maxAttempts, { status: 502 });
    await enqueueScore({ tenantId: env.tenantId, placementId: placement._id, userId: student._id, activityProgress: 'Completed', gradingProgress: 'FullyGraded', scoreGiven: 3 });
    await drainGradeOutbox(fastWorker(env, { retry: { baseDelayMs: 1, maxDelayMs: 20 }, waitForRetriesWithinMs: 5000 }));
    const job = await jobOf(placement._id, student._id);
    expect(job).toMatchObject({ state: 'failed', attempts: DEFAULT_RETRY_POLICY.maxAttempts, lastStatus: 502 });
    expect(job!.lastError).toMatch(/answered 502/);
  });

  it('lets the newest desired score win when one arrives while the older is on the wire', async () => {
    const { placement, li } = await placementWithLineItem();
    const student = await createStudent(env, placement.contextId);
    const base = { tenantId: env.tenantId, placementId: placement._id, userId: student._id, activityProgress: 'Completed' as const, gradingProgress: 'FullyGraded' as const };
    await enqueueScore({ ...base, scoreGiven: 5, timestamp: new Date(Date.now() - 2000) });
    env.sim.latencyMs = 300;
    const draining = drainGradeOutbox(fastWorker(env, { waitForRetriesWithinMs: 1000 }));
    await waitFor('the job in flight', async () => (await jobOf(placement._id, student._id))?.state === 'in_flight');
    const second = await enqueueScore({ ...base, scoreGiven: 9 });
    expect(second).toMatchObject({ queued: true, revision: 2 });
    const report = await draining;
    // Normally the second score arrives while 5 is on the wire (superseded 1); on a loaded machine the post of 5
    // can finish before the second enqueue lands (superseded 0). Either way 5 then 9 reach the gradebook once each.
    expect([0, 1]).toContain(report.superseded);
    const received = scoresOf(env.sim, li.id, student.ltiSubject);
    expect(received.map((s) => s.score.scoreGiven)).toEqual([5, 9]);
    expect(received.every((s) => s.applied)).toBe(true);
    expect(await jobOf(placement._id, student._id)).toMatchObject({ state: 'synced', revision: 2, syncedRevision: 2 });
  });

  it('loses nothing when the worker stops between retries: a new worker sends the score once', async () => {
    const { placement, li } = await placementWithLineItem();
    const student = await createStudent(env, placement.contextId);
    env.sim.failNext('scores', 1, { status: 503 });
    startGradeWorker(fastWorker(env, { retry: { baseDelayMs: 60_000 } }));
    await enqueueScore({ tenantId: env.tenantId, placementId: placement._id, userId: student._id, activityProgress: 'Completed', gradingProgress: 'FullyGraded', scoreGiven: 4 });
    await waitFor('a failed first attempt', async () => (await jobOf(placement._id, student._id))?.attempts === 1);
    await stopGradeWorker();
    expect(await jobOf(placement._id, student._id)).toMatchObject({ state: 'pending', lastStatus: 503 });
    // Time passes while the server is down: the retry is due when it comes back.
    await ScoreJobModel.updateOne({ placementId: placement._id, userId: student._id }, { $set: { nextAttemptAt: new Date() } });
    startGradeWorker(fastWorker(env));
    await waitFor('the score synced', async () => (await jobOf(placement._id, student._id))?.state === 'synced');
    expect(scoresOf(env.sim, li.id, student.ltiSubject)).toHaveLength(1);
  });

  it('reclaims a job whose worker died mid-flight once its lease ends, and never one still leased', async () => {
    const { placement, li } = await placementWithLineItem();
    const [dead, alive] = [await createStudent(env, placement.contextId), await createStudent(env, placement.contextId)];
    for (const s of [dead, alive]) {
      await enqueueScore({ tenantId: env.tenantId, placementId: placement._id, userId: s._id, activityProgress: 'Completed', gradingProgress: 'FullyGraded', scoreGiven: 6 });
    }
    // A crashed process left one job in flight with an expired lease; another process holds a live lease.
    await ScoreJobModel.updateOne({ placementId: placement._id, userId: dead._id }, { $set: { state: 'in_flight', leaseOwner: 'crashed:1', leaseUntil: new Date(Date.now() - 1000) } });
    await ScoreJobModel.updateOne({ placementId: placement._id, userId: alive._id }, { $set: { state: 'in_flight', leaseOwner: 'busy:2', leaseUntil: new Date(Date.now() + 60_000) } });
    await drainGradeOutbox(fastWorker(env));
    expect(scoresOf(env.sim, li.id, dead.ltiSubject)).toHaveLength(1);
    expect(await jobOf(placement._id, dead._id)).toMatchObject({ state: 'synced', leaseOwner: null });
    expect(scoresOf(env.sim, li.id, alive.ltiSubject)).toHaveLength(0);
    expect(await jobOf(placement._id, alive._id)).toMatchObject({ state: 'in_flight', leaseOwner: 'busy:2' });
    await ScoreJobModel.deleteOne({ placementId: placement._id, userId: alive._id });
  });

  it('posts each job once when two workers (two processes) drain the same outbox', async () => {
    const placement = await createPlacement(env, { points: 10 });
    const students = await Promise.all(Array.from({ length: 30 }, () => createStudent(env, placement.contextId)));
    for (const s of students) {
      await enqueueScore({ tenantId: env.tenantId, placementId: placement._id, userId: s._id, activityProgress: 'Completed', gradingProgress: 'FullyGraded', scoreGiven: 8 });
    }
    env.sim.latencyMs = 5;
    const [a, b] = await Promise.all([
      drainGradeOutbox(fastWorker(env, { owner: 'process-a', concurrency: 4 })),
      drainGradeOutbox(fastWorker(env, { owner: 'process-b', concurrency: 4 })),
    ]);
    expect(a.synced + b.synced).toBe(30);
    expect(a.synced).toBeGreaterThan(0);
    expect(b.synced).toBeGreaterThan(0);
    const items = env.sim.getLineItems(placement.contextId);
    expect(items).toHaveLength(1);
    for (const s of students) expect(scoresOf(env.sim, items[0]!.id, s.ltiSubject)).toHaveLength(1);
  });

  it('reuses the access token across many scores and gets a new one after the platform revokes it', async () => {
    const { placement, li } = await placementWithLineItem();
    const students = await Promise.all(Array.from({ length: 25 }, () => createStudent(env, placement.contextId)));
    const before = env.sim.tokenRequests;
    for (const s of students) {
      await enqueueScore({ tenantId: env.tenantId, placementId: placement._id, userId: s._id, activityProgress: 'Completed', gradingProgress: 'FullyGraded', scoreGiven: 9 });
    }
    await drainGradeOutbox(fastWorker(env, { concurrency: 8 }));
    expect(env.sim.tokenRequests - before).toBeLessThanOrEqual(1);

    env.sim.revokeAccessTokens();
    const late = await createStudent(env, placement.contextId);
    const mid = env.sim.tokenRequests;
    await enqueueScore({ tenantId: env.tenantId, placementId: placement._id, userId: late._id, activityProgress: 'Completed', gradingProgress: 'FullyGraded', scoreGiven: 2 });
    await drainGradeOutbox(fastWorker(env));
    expect(env.sim.tokenRequests - mid).toBe(1);
    expect(scoresOf(env.sim, li.id, late.ltiSubject)).toHaveLength(1);
    expect(await jobOf(placement._id, late._id)).toMatchObject({ state: 'synced', attempts: 0 });
  });

  it('does not queue a score for a placement without a grade column', async () => {
    const placement = await createPlacement(env, { points: 0 });
    const student = await createStudent(env, placement.contextId);
    const res = await enqueueScore({ tenantId: env.tenantId, placementId: placement._id, userId: student._id, activityProgress: 'Completed', gradingProgress: 'FullyGraded' });
    expect(res).toEqual({ queued: false, reason: 'no_grade_column' });
  });
});
