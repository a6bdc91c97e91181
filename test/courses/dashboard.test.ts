import request from 'supertest';
import mongoose from 'mongoose';
import { PlatformSimulator, type RosterMember, type ToolRegistration } from '../support/platform-simulator';
import { startTestApp, type TestApp } from '../support/app-harness';
import { createTenant, signIn } from '../support/factories';
import { launch, learnerLaunch, registerToolManually, ROLES } from '../support/lti-flow';
import { TenantModel, type Tenant } from '../../server/tenants/tenant.model';
import { UserModel, type User } from '../../server/users/user.model';
import { RosterCacheModel } from '../../server/roster/roster-cache.model';
import { learners, nonLearners, fetchCallsTo } from '../roster/support';
import { createPlacement, setProgress } from './support';
import type { ClassDashboardView } from '../../shared/api/activities';

let tool: TestApp;
let sim: PlatformSimulator;
let reg: ToolRegistration;
let tenant: Tenant;

beforeAll(async () => {
  [tool, sim] = await Promise.all([startTestApp(), PlatformSimulator.start({ product: 'canvas', nrpsPageSize: 5 })]);
  reg = await registerToolManually(tool, sim);
  tenant = (await TenantModel.findOne({ issuer: sim.issuer, clientId: reg.clientId }).lean())!;
});
afterAll(async () => {
  await sim.stop();
  await tool.close();
});
afterEach(() => jest.restoreAllMocks());

let courseSeq = 0;
interface Course {
  contextId: string;
  token: string;
  teacher: User;
}

/** A course whose roster the platform knows, and its teacher signed in through a real launch (NRPS claim on). */
async function courseWithRoster(members: RosterMember[], opts: { nrps?: boolean } = {}): Promise<Course> {
  courseSeq += 1;
  const contextId = `dash-${courseSeq}`;
  sim.setRoster(contextId, members, { title: 'Advisory 10B' });
  const sub = `teacher-${contextId}`;
  const out = await launch(tool, sim, {
    ...learnerLaunch(reg.clientId),
    user: { sub, name: 'Ms. Rivera' },
    roles: [ROLES.instructor],
    context: { id: contextId, title: 'Advisory 10B' },
    nrps: opts.nrps ?? true,
  });
  expect(out.sessionToken).toBeTruthy();
  const teacher = (await UserModel.findOne({ tenantId: tenant._id, ltiSubject: sub }).lean())!;
  return { contextId, token: out.sessionToken!, teacher };
}

/** A student opening the tool from the course (a real launch). */
async function studentLaunches(contextId: string, sub: string, name: string): Promise<User> {
  const out = await launch(tool, sim, learnerLaunch(reg.clientId, { user: { sub, name }, context: { id: contextId, title: 'Advisory 10B' } }));
  expect(out.sessionToken).toBeTruthy();
  return (await UserModel.findOne({ tenantId: tenant._id, ltiSubject: sub }).lean())!;
}

const dashboard = (token: string, query = '') => request(tool.app).get(`/api/courses/current/dashboard${query}`).set('Authorization', `Bearer ${token}`);
const body = (res: { body: unknown }) => res.body as ClassDashboardView;

describe('GET /api/courses/current/dashboard', () => {
  it('lists every NRPS learner, merged with those who launched, with progress per placement', async () => {
    const members = [...learners('m', 12), ...nonLearners('m')];
    const c = await courseWithRoster(members);
    const s1 = await studentLaunches(c.contextId, 'm-01', 'Student 01');
    const s2 = await studentLaunches(c.contextId, 'm-02', 'Student 02');
    const p1 = await createPlacement(tenant._id, c.contextId, c.teacher._id, { title: 'Career Goal', points: 10, lineItemUrl: 'https://lms/li/1' });
    const p2 = await createPlacement(tenant._id, c.contextId, c.teacher._id, { title: 'Resume', points: 5 });
    await createPlacement(tenant._id, c.contextId, c.teacher._id, { title: 'Removed', deletedAt: new Date() });
    await createPlacement(tenant._id, 'another-course', c.teacher._id, { title: 'Elsewhere' });
    const later = new Date(Date.now() + 60_000);
    await setProgress(tenant._id, p1._id, s1._id, 'completed', { updatedAt: later });
    await setProgress(tenant._id, p2._id, s1._id, 'submitted');
    await setProgress(tenant._id, p1._id, s2._id, 'in_progress');

    const view = body(await dashboard(c.token).expect(200));
    expect(view.context).toEqual({ id: c.contextId, title: 'Advisory 10B' });
    expect(view.placements).toEqual([
      { id: String(p1._id), activityId: 'career-goal', title: 'Career Goal', points: 10, contextId: c.contextId, hasLineItem: true },
      { id: String(p2._id), activityId: 'career-goal', title: 'Resume', points: 5, contextId: c.contextId, hasLineItem: false },
    ]);
    expect(view.roster).toEqual({ source: 'nrps', fetchedAt: expect.any(String), error: null });
    expect(view.students).toHaveLength(12);
    expect(view.students.map((s) => s.ltiSubject)).not.toEqual(expect.arrayContaining(['m-teacher', 'm-inactive']));
    const one = view.students.find((s) => s.ltiSubject === 'm-01')!;
    expect(one).toEqual({
      userId: String(s1._id),
      ltiSubject: 'm-01',
      name: 'Student 01',
      email: 'm01@school.example',
      launched: true,
      lastActivityAt: later.toISOString(),
      progress: {
        [String(p1._id)]: { status: 'completed', sync: 'none', syncError: null, updatedAt: later.toISOString() },
        [String(p2._id)]: { status: 'submitted', sync: 'none', syncError: null, updatedAt: expect.any(String) },
      },
    });
    const never = view.students.find((s) => s.ltiSubject === 'm-07')!;
    expect(never).toMatchObject({ userId: null, launched: false, lastActivityAt: null, name: 'Student 07' });
    expect(Object.values(never.progress)).toEqual([
      { status: 'not_started', sync: 'none', syncError: null, updatedAt: null },
      { status: 'not_started', sync: 'none', syncError: null, updatedAt: null },
    ]);
    const two = view.students.find((s) => s.ltiSubject === 'm-02')!;
    // Progress written after the launch: the later of the two is the last activity.
    expect(two.lastActivityAt).toBe(two.progress[String(p1._id)]!.updatedAt);
  });

  it('serves the roster from its cache, refreshes on ?refresh=1 and shows an outage with the previous roster', async () => {
    const c = await courseWithRoster(learners('k', 6));
    const spy = jest.spyOn(globalThis, 'fetch');
    const first = body(await dashboard(c.token).expect(200));
    expect(first.students).toHaveLength(6);
    expect(fetchCallsTo(spy, `/nrps/${c.contextId}/`)).toHaveLength(2);
    await dashboard(c.token).expect(200);
    expect(fetchCallsTo(spy, `/nrps/${c.contextId}/`)).toHaveLength(2);

    sim.setRoster(c.contextId, learners('k', 8));
    expect(body(await dashboard(c.token, '?refresh=1').expect(200)).students).toHaveLength(8);

    sim.failNext('nrps', 1, { status: 500 });
    const down = body(await dashboard(c.token, '?refresh=true').expect(200));
    expect(down.students).toHaveLength(8);
    expect(down.roster).toEqual({ source: 'nrps', fetchedAt: expect.any(String), error: 'The LMS could not send the roster (500).' });
    expect(Date.parse(down.roster.fetchedAt!)).toBeGreaterThanOrEqual(Date.parse(first.roster.fetchedAt!));
  });

  it('refetches a roster older than ten minutes', async () => {
    const c = await courseWithRoster(learners('o', 2));
    await dashboard(c.token).expect(200);
    sim.setRoster(c.contextId, learners('o', 3));
    expect(body(await dashboard(c.token).expect(200)).students).toHaveLength(2);
    await RosterCacheModel.updateOne({ tenantId: tenant._id, contextId: c.contextId }, { $set: { fetchedAt: new Date(Date.now() - 11 * 60_000) } });
    expect(body(await dashboard(c.token).expect(200)).students).toHaveLength(3);
  });

  it('falls back to the students who launched when the LMS sent no NRPS claim, or the roster never loaded', async () => {
    const c = await courseWithRoster(learners('f', 5), { nrps: false });
    await studentLaunches(c.contextId, 'f-01', 'Student 01');
    const view = body(await dashboard(c.token).expect(200));
    expect(view.roster).toEqual({ source: 'launches', fetchedAt: null, error: null });
    expect(view.students.map((s) => s.ltiSubject)).toEqual(['f-01']);

    const d = await courseWithRoster(learners('g', 5));
    await studentLaunches(d.contextId, 'g-03', 'Student 03');
    sim.failNext('nrps', 1, { status: 403 });
    const failed = body(await dashboard(d.token).expect(200));
    expect(failed.roster).toEqual({ source: 'launches', fetchedAt: null, error: expect.stringMatching(/refused/) });
    expect(failed.students.map((s) => s.ltiSubject)).toEqual(['g-03']);
  });

  it('adds students who launched after the roster was fetched, and drops those who left the course', async () => {
    const c = await courseWithRoster(learners('n', 2));
    await studentLaunches(c.contextId, 'n-gone', 'Gone Student');
    await dashboard(c.token).expect(200);
    await studentLaunches(c.contextId, 'n-new', 'New Student');
    const view = body(await dashboard(c.token).expect(200));
    expect(view.students.map((s) => s.ltiSubject).sort()).toEqual(['n-01', 'n-02', 'n-new']);
  });

  it('filters by status and activity, and sorts by name, last activity and progress', async () => {
    const c = await courseWithRoster([
      { user_id: 'z-ana', name: 'Ana', roles: [ROLES.learner] },
      { user_id: 'z-bo', name: 'bo', roles: [ROLES.learner] },
      { user_id: 'z-cy', name: 'Cy', roles: [ROLES.learner] },
      { user_id: 'z-di', name: 'Di', roles: [ROLES.learner] },
    ]);
    const ana = await studentLaunches(c.contextId, 'z-ana', 'Ana');
    const bo = await studentLaunches(c.contextId, 'z-bo', 'bo');
    const cy = await studentLaunches(c.contextId, 'z-cy', 'Cy');
    const p1 = await createPlacement(tenant._id, c.contextId, c.teacher._id);
    const p2 = await createPlacement(tenant._id, c.contextId, c.teacher._id);
    const future = (min: number) => new Date(Date.now() + min * 60_000);
    await setProgress(tenant._id, p1._id, ana._id, 'in_progress', { updatedAt: future(1) });
    await setProgress(tenant._id, p1._id, bo._id, 'completed', { updatedAt: future(3) });
    await setProgress(tenant._id, p2._id, bo._id, 'submitted', { updatedAt: future(2) });
    await setProgress(tenant._id, p2._id, cy._id, 'completed', { updatedAt: future(5) });
    const names = async (q: string) => body(await dashboard(c.token, q).expect(200)).students.map((s) => s.name);

    expect(await names('')).toEqual(['Ana', 'bo', 'Cy', 'Di']);
    expect(await names('?sort=lastActivity')).toEqual(['Cy', 'bo', 'Ana', 'Di']);
    expect(await names('?sort=progress')).toEqual(['bo', 'Cy', 'Ana', 'Di']);
    expect(await names('?status=completed')).toEqual(['bo', 'Cy']);
    expect(await names(`?status=completed&activity=${String(p1._id)}`)).toEqual(['bo']);
    expect(await names(`?status=not_started&activity=${String(p2._id)}`)).toEqual(['Ana', 'Di']);
    const filtered = body(await dashboard(c.token, `?activity=${String(p2._id)}`).expect(200));
    expect(filtered.placements.map((p) => p.id)).toEqual([String(p2._id)]);
    expect(Object.keys(filtered.students[0]!.progress)).toEqual([String(p2._id)]);
  });

  it('answers 400 with field errors for a bad query', async () => {
    const c = await courseWithRoster(learners('q', 1), { nrps: false });
    const bad = await dashboard(c.token, '?status=done&sort=age&refresh=maybe&activity=nope&extra=1').expect(400);
    expect(bad.body.error).toBe('validation_error');
    expect(Object.keys(bad.body.fields).sort()).toEqual(['_', 'activity', 'refresh', 'sort', 'status']);
    const unknown = await dashboard(c.token, `?activity=${new mongoose.Types.ObjectId().toHexString()}`).expect(400);
    expect(unknown.body.fields).toEqual({ activity: ['Not an activity of this course'] });
  });

  it('answers 403 to students and parents, and to a launch outside a course with 400', async () => {
    const t = await createTenant();
    for (const role of ['student', 'parent'] as const) {
      const who = await signIn(tool.config, t, role);
      await request(tool.app).get('/api/courses/current/dashboard').set(...who.auth).expect(403);
    }
    const noCourse = await signIn(tool.config, t, 'admin', { contextId: null });
    await request(tool.app).get('/api/courses/current/dashboard').set(...noCourse.auth).expect(400);
  });

  it('never shows another district’s students, placements or progress for the same course id', async () => {
    const other = await createTenant();
    const theirTeacher = await signIn(tool.config, other, 'teacher', { contextId: 'shared-course' });
    const theirStudent = await signIn(tool.config, other, 'student', { contextId: 'shared-course', name: 'Their Student' });
    const theirPlacement = await createPlacement(other._id, 'shared-course', theirTeacher.user._id);
    await setProgress(other._id, theirPlacement._id, theirStudent.user._id, 'completed');

    const mine = await createTenant();
    const myTeacher = await signIn(tool.config, mine, 'teacher', { contextId: 'shared-course' });
    const myStudent = await signIn(tool.config, mine, 'student', { contextId: 'shared-course', name: 'My Student' });
    const view = body(await request(tool.app).get('/api/courses/current/dashboard').set(...myTeacher.auth).expect(200));
    expect(view.placements).toEqual([]);
    expect(view.students.map((s) => s.userId)).toEqual([String(myStudent.user._id)]);
    expect(view.roster).toEqual({ source: 'launches', fetchedAt: null, error: null });
  });

  it('costs the same number of queries for 3 or 30 students', async () => {
    const count = async (n: number) => {
      const c = await courseWithRoster(learners(`qc${n}`, n));
      const ps = await Promise.all([1, 2, 3].map(() => createPlacement(tenant._id, c.contextId, c.teacher._id)));
      for (let i = 1; i <= n; i += 1) {
        const u = await UserModel.create({
          tenantId: tenant._id,
          ltiSubject: `qc${n}-${String(i).padStart(2, '0')}`,
          name: `S${i}`,
          role: 'student',
          contexts: [{ contextId: c.contextId, title: 'x', deploymentId: 'd', role: 'student', lastLaunchAt: new Date() }],
          lastLaunchAt: new Date(),
        });
        await Promise.all(ps.map((p) => setProgress(tenant._id, p._id, u._id, 'in_progress')));
      }
      await dashboard(c.token).expect(200); // warm the roster cache
      let queries = 0;
      mongoose.set('debug', () => {
        queries += 1;
      });
      try {
        const view = body(await dashboard(c.token).expect(200));
        expect(view.students.filter((s) => s.launched)).toHaveLength(n);
      } finally {
        mongoose.set('debug', false);
      }
      return queries;
    };
    const small = await count(3);
    const large = await count(30);
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(8);
  });
});
