import request from 'supertest';
import { PlatformSimulator, type ToolRegistration } from '../support/platform-simulator';
import { startTestApp, type TestApp } from '../support/app-harness';
import { launch, learnerLaunch, registerToolManually, ROLES } from '../support/lti-flow';
import { UserModel } from '../../server/users/user.model';

let tool: TestApp;
let sim: PlatformSimulator;
let reg: ToolRegistration;

beforeAll(async () => {
  tool = await startTestApp();
  sim = await PlatformSimulator.start({ product: 'canvas' });
  reg = await registerToolManually(tool, sim);
});
afterAll(async () => {
  await sim.stop();
  await tool.close();
});

const session = (token: string) => request(tool.app).get('/api/session').set('Authorization', `Bearer ${token}`);

describe('launches through the platform simulator', () => {
  it('signs a learner in as a student, in Spanish when the launch says so, and records the course', async () => {
    const opts = learnerLaunch(reg.clientId, { user: { sub: 'stu-es', name: 'Ana López', locale: 'es-MX' } });
    const { response, sessionToken } = await launch(tool, sim, opts);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/app\/\?tn=[0-9a-f]{24}#t=/);
    const me = await session(sessionToken!).expect(200);
    expect(me.body.user).toMatchObject({ name: 'Ana López', role: 'student', locale: 'es' });
    expect(me.body.context).toEqual({ id: 'course-1', title: 'Advisory 9A' });
    expect(me.body.abilities).toEqual({ editOwnPlan: true, viewCourse: false, manageTenant: false, viewMentees: false, viewCaseload: false });
    const user = await UserModel.findOne({ ltiSubject: 'stu-es' }).lean();
    expect(user?.contexts).toEqual([expect.objectContaining({ contextId: 'course-1', role: 'student', deploymentId: reg.deploymentId })]);
  });

  it('signs an instructor in as a teacher who sees the students that launched', async () => {
    await launch(tool, sim, learnerLaunch(reg.clientId, { user: { sub: 'stu-roster', name: 'Ben Ortiz' } }));
    const { sessionToken } = await launch(tool, sim, {
      ...learnerLaunch(reg.clientId),
      user: { sub: 'teacher-1', name: 'Ms. Rivera' },
      roles: [ROLES.instructor],
    });
    const me = await session(sessionToken!).expect(200);
    expect(me.body.user.role).toBe('teacher');
    const course = await request(tool.app).get('/api/courses/current').set('Authorization', `Bearer ${sessionToken}`).expect(200);
    expect(course.body.context.id).toBe('course-1');
    expect(course.body.roster.map((r: { name: string }) => r.name)).toContain('Ben Ortiz');
  });

  it('maps a teaching assistant to teacher and a course administrator to admin', async () => {
    const ta = await launch(tool, sim, { ...learnerLaunch(reg.clientId), roles: [ROLES.teachingAssistant] });
    expect((await session(ta.sessionToken!).expect(200)).body.user.role).toBe('teacher');
    const admin = await launch(tool, sim, { ...learnerLaunch(reg.clientId), roles: [ROLES.institutionAdmin], context: undefined });
    expect((await session(admin.sessionToken!).expect(200)).body.user.role).toBe('admin');
  });

  it('signs a mentor in as a parent whose mentees come from role_scope_mentor', async () => {
    await launch(tool, sim, learnerLaunch(reg.clientId, { user: { sub: 'child-1', name: 'Cora Diaz' } }));
    const { sessionToken } = await launch(tool, sim, {
      ...learnerLaunch(reg.clientId),
      user: { sub: 'parent-1', name: 'Luis Diaz' },
      roles: [ROLES.mentor],
      mentees: ['child-1', 'child-unknown'],
    });
    expect((await session(sessionToken!).expect(200)).body.user.role).toBe('parent');
    const mentees = await request(tool.app).get('/api/mentees').set('Authorization', `Bearer ${sessionToken}`).expect(200);
    expect(mentees.body.mentees).toEqual([
      expect.objectContaining({ ltiSubject: 'child-1', name: 'Cora Diaz' }),
      { id: null, ltiSubject: 'child-unknown', name: null },
    ]);
  });

  it('lets only the district LMS frame the app shell and receive its forms (deep linking returns)', async () => {
    const { response } = await launch(tool, sim, learnerLaunch(reg.clientId));
    const shell = (response.headers.get('location') ?? '').split('#')[0]!;
    const res = await request(tool.app).get(shell);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain(`frame-ancestors 'self' ${sim.issuer}`);
    expect(csp).toContain(`form-action 'self' ${sim.issuer}`);
    const other = await request(tool.app).get('/app/');
    expect(String(other.headers['content-security-policy'])).toMatch(/frame-ancestors 'self'$/);
  });

  it('keeps one user per LTI subject across launches', async () => {
    const opts = learnerLaunch(reg.clientId, { user: { sub: 'repeat-1', name: 'First Name' } });
    await launch(tool, sim, opts);
    await launch(tool, sim, { ...opts, user: { sub: 'repeat-1', name: 'Changed Name' } });
    const users = await UserModel.find({ ltiSubject: 'repeat-1' }).lean();
    expect(users).toHaveLength(1);
    expect(users[0]?.name).toBe('Changed Name');
  });
});

describe('refused launches never reach the app and never write a user', () => {
  const refused: Array<[string, (sub: string) => Partial<Parameters<typeof learnerLaunch>[1]>]> = [
    ['an unknown signing key', () => ({ tamper: { signWithUnknownKey: true } })],
    ['alg none', () => ({ tamper: { algNone: true } })],
    ['a wrong aud', () => ({ tamper: { aud: 'someone-else' } })],
    ['a wrong iss', () => ({ tamper: { iss: 'https://evil.example' } })],
    ['an expired token', () => ({ tamper: { expiresInSec: -60, iatOffsetSec: -400 } })],
    ['a nonce this tool never issued', () => ({ tamper: { nonce: 'not-issued-by-the-tool' } })],
    ['an unknown deployment', () => ({ tamper: { deploymentId: 'deployment-nobody-added' } })],
    ['a missing message type', () => ({ tamper: { omitMessageType: true } })],
  ];

  it.each(refused)('refuses %s with a friendly page and a reference id', async (_name, tamper) => {
    const sub = `refused-${Math.random().toString(36).slice(2)}`;
    const { response, sessionToken } = await launch(tool, sim, learnerLaunch(reg.clientId, { user: { sub }, ...tamper(sub) }));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(response.text).toMatch(/Reference: <code>[0-9A-F]{10}<\/code>/);
    expect(response.text).not.toMatch(/at \w+ \(|Error:/);
    expect(sessionToken).toBeNull();
    expect(await UserModel.countDocuments({ ltiSubject: sub })).toBe(0);
  });

  it('answers in Spanish when the launch locale is Spanish', async () => {
    const { response } = await launch(tool, sim, learnerLaunch(reg.clientId, { user: { sub: 'es-refused', locale: 'es-419' }, tamper: { deploymentId: 'dep-es' } }));
    expect(response.status).toBe(403);
    expect(response.text).toContain('lang="es"');
    expect(response.text).toContain('ECAP Planner no pudo abrirse');
    expect(response.text).toContain('Referencia:');
  });

  it('follows the platform key rotation although keysets are cached', async () => {
    const before = await launch(tool, sim, learnerLaunch(reg.clientId));
    expect(before.response.status).toBe(303);
    await sim.rotateKeys({ retireOld: true });
    const after = await launch(tool, sim, learnerLaunch(reg.clientId));
    expect(after.response.status).toBe(303);
  });

  it('tells the user which deployment is unknown', async () => {
    const { response } = await launch(tool, sim, learnerLaunch(reg.clientId, { tamper: { deploymentId: 'dep-x' } }));
    expect(response.status).toBe(403);
    expect(response.text).toContain('dep-x');
  });

  it('refuses a replayed id_token (same state and nonce posted again)', async () => {
    const sub = 'replay-1';
    const first = await launch(tool, sim, learnerLaunch(reg.clientId, { user: { sub } }));
    expect(first.response.status).toBe(303);
    const issued = sim.issuedTokens.at(-1)!;
    const replay = await first.browser.postForm(`${tool.baseUrl}/lti/launch`, { id_token: issued.idToken, state: issued.state });
    expect(replay.status).toBe(401);
    expect(replay.text).toContain('Reference:');
  });

  it('refuses an id_token posted with a state the tool never issued', async () => {
    await launch(tool, sim, learnerLaunch(reg.clientId));
    const issued = sim.issuedTokens.at(-1)!;
    const sub = String(issued.claims.sub);
    await UserModel.deleteMany({ ltiSubject: sub });
    const forged = await request(tool.app).post('/lti/launch').type('form').send({ id_token: issued.idToken, state: 'made-up-state' });
    expect(forged.status).toBe(401);
    expect(await UserModel.countDocuments({ ltiSubject: sub })).toBe(0);
  });

  it('refuses a valid token replayed into a fresh login (nonce belongs to another login)', async () => {
    await launch(tool, sim, learnerLaunch(reg.clientId, { user: { sub: 'cross-login' } }));
    const old = sim.issuedTokens.at(-1)!;
    const { response } = await launch(tool, sim, learnerLaunch(reg.clientId, { user: { sub: 'cross-login-2' } }));
    expect(response.status).toBe(303);
    const fresh = sim.issuedTokens.at(-1)!;
    // A second login that is still open: its state with the old token must fail on the nonce.
    const init = sim.prepareLaunch(learnerLaunch(reg.clientId));
    const login = await request(tool.app).post('/lti/login').type('form').send(init);
    const state = new URL(login.headers.location as string).searchParams.get('state')!;
    const cookie = (login.headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!;
    const res = await request(tool.app).post('/lti/launch').set('Cookie', cookie).type('form').send({ id_token: old.idToken, state });
    expect(res.status).toBe(401);
    expect(fresh.state).not.toBe(state);
  });

  it('answers a malformed launch and a malformed login with a page, not a stack trace', async () => {
    const launchRes = await request(tool.app).post('/lti/launch').type('form').send({ id_token: 'not-a-jwt', state: 'x' });
    expect(launchRes.status).toBe(401);
    expect(launchRes.text).toContain('Reference:');
    const loginRes = await request(tool.app).post('/lti/login').type('form').send({ iss: 'not a url' });
    expect(loginRes.status).toBe(400);
    expect(loginRes.text).toContain('incomplete sign-in request');
    const unknown = await request(tool.app).get('/lti/login').query({ iss: 'https://unknown.example', login_hint: 'x', target_link_uri: `${tool.baseUrl}/lti/launch` });
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('not registered');
  });

  it('refuses a login whose target_link_uri points away from the tool', async () => {
    const init = sim.prepareLaunch(learnerLaunch(reg.clientId));
    const res = await request(tool.app).post('/lti/login').type('form').send({ ...init, target_link_uri: 'https://evil.example/steal' });
    expect(res.status).toBe(400);
    expect(res.headers.location).toBeUndefined();
  });
});
