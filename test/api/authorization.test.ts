import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app-harness';
import { createTenant, signIn } from '../support/factories';
import { signSession } from '../../server/session/session-token';
import { TenantModel } from '../../server/tenants/tenant.model';

let tool: TestApp;
beforeAll(async () => {
  tool = await startTestApp();
});
afterAll(async () => {
  await tool.close();
});

const validSettings = { name: 'Mesa Unified', schoolYear: '2026-2027', gradeSpan: { from: 6, to: 12 }, languages: ['en', 'es'] };

describe('authentication', () => {
  it('answers 401 without a token, with a forged token and with an expired one', async () => {
    const tenant = await createTenant();
    const { user } = await signIn(tool.config, tenant, 'student');
    await request(tool.app).get('/api/session').expect(401);
    const forged = signSession({ uid: String(user._id), tid: String(tenant._id), role: 'admin', lid: 'x', loc: 'en' }, 'another-secret', 60);
    await request(tool.app).get('/api/session').set('Authorization', `Bearer ${forged}`).expect(401);
    const expired = signSession({ uid: String(user._id), tid: String(tenant._id), role: 'student', lid: 'x', loc: 'en' }, tool.config.ltiKey, -1);
    const res = await request(tool.app).get('/api/session').set('Authorization', `Bearer ${expired}`).expect(401);
    expect(res.body).toMatchObject({ error: 'unauthenticated', referenceId: expect.any(String) });
  });

  it('never authenticates from a cookie', async () => {
    const tenant = await createTenant();
    const { token } = await signIn(tool.config, tenant, 'student');
    await request(tool.app).get('/api/session').set('Cookie', `session=${token}`).expect(401);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const tenant = await createTenant();
    const { auth } = await signIn(tool.config, tenant, 'student');
    const res = await request(tool.app).get('/api/nope').set(...auth).expect(404);
    expect(res.body.error).toBe('not_found');
  });
});

describe('role policies', () => {
  it.each([
    ['student', '/api/plans/me/summary', 200],
    ['student', '/api/tenant', 403],
    ['student', '/api/courses/current', 403],
    ['student', '/api/mentees', 403],
    ['teacher', '/api/courses/current', 200],
    ['teacher', '/api/tenant', 403],
    ['teacher', '/api/plans/me/summary', 403],
    ['parent', '/api/mentees', 200],
    ['parent', '/api/courses/current', 403],
    ['admin', '/api/tenant', 200],
  ] as const)('%s GET %s -> %i', async (role, path, status) => {
    const tenant = await createTenant();
    const { auth } = await signIn(tool.config, tenant, role);
    await request(tool.app).get(path).set(...auth).expect(status);
  });

  it('shows a student the four attributes with progress for the district school year', async () => {
    const tenant = await createTenant();
    const { auth } = await signIn(tool.config, tenant, 'student');
    const res = await request(tool.app).get('/api/plans/me/summary').set(...auth).expect(200);
    expect(res.body.schoolYear).toBe('2026-2027');
    expect(res.body.attributes.map((a: { key: string }) => a.key)).toEqual(['academic', 'career', 'postsecondary', 'extracurricular']);
  });
});

describe('district settings', () => {
  it('lets an admin change the settings and validates every field', async () => {
    const tenant = await createTenant();
    const { auth } = await signIn(tool.config, tenant, 'admin', { contextId: null });
    const ok = await request(tool.app).patch('/api/tenant').set(...auth).send(validSettings).expect(200);
    expect(ok.body.settings.name).toBe('Mesa Unified');
    const bad = await request(tool.app)
      .patch('/api/tenant')
      .set(...auth)
      .send({ ...validSettings, schoolYear: '2026', gradeSpan: { from: 12, to: 6 }, languages: [] })
      .expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['gradeSpan', 'languages', 'schoolYear']);
    const stored = await TenantModel.findById(tenant._id).lean();
    expect(stored?.settings.name).toBe('Mesa Unified');
  });

  it('refuses operator injection in a body instead of running it', async () => {
    const tenant = await createTenant();
    const { auth } = await signIn(tool.config, tenant, 'admin', { contextId: null });
    await request(tool.app).patch('/api/tenant').set(...auth).send({ ...validSettings, name: { $ne: null } }).expect(400);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const tenant = await createTenant();
    const { auth } = await signIn(tool.config, tenant, 'admin', { contextId: null });
    const res = await request(tool.app).patch('/api/tenant').set(...auth).set('Content-Type', 'application/json').send('{"name":').expect(400);
    expect(res.body.error).toBe('malformed_body');
  });

  it('adds a school deployment once and answers 409 the second time', async () => {
    const tenant = await createTenant();
    const { auth } = await signIn(tool.config, tenant, 'admin', { contextId: null });
    const body = { deploymentId: 'dep-new', name: 'North Middle School' };
    const added = await request(tool.app).post('/api/tenant/deployments').set(...auth).send(body).expect(201);
    expect(added.body.deployments).toEqual(expect.arrayContaining([body]));
    const again = await request(tool.app).post('/api/tenant/deployments').set(...auth).send(body).expect(409);
    expect(again.body.message).toContain('dep-new');
    await request(tool.app).post('/api/tenant/deployments').set(...auth).send({ deploymentId: '', name: 'x' }).expect(400);
  });

  it('keeps each admin inside their own district', async () => {
    const [a, b] = [await createTenant(), await createTenant()];
    const adminA = await signIn(tool.config, a, 'admin', { contextId: null });
    const res = await request(tool.app).get('/api/tenant').set(...adminA.auth).expect(200);
    expect(res.body.id).toBe(String(a._id));
    await request(tool.app).patch('/api/tenant').set(...adminA.auth).send({ ...validSettings, name: 'Changed by A' }).expect(200);
    const other = await TenantModel.findById(b._id).lean();
    expect(other?.settings.name).toBe(b.settings.name);
  });
});

describe('courses and mentees stay in their tenant', () => {
  it('lists only students of the teacher course and tenant', async () => {
    const [a, b] = [await createTenant(), await createTenant()];
    const teacher = await signIn(tool.config, a, 'teacher');
    await signIn(tool.config, a, 'student', { name: 'In Course A' });
    await signIn(tool.config, a, 'student', { name: 'Other Course', contextId: 'course-2' });
    await signIn(tool.config, b, 'student', { name: 'Same course id, other district' });
    const res = await request(tool.app).get('/api/courses/current').set(...teacher.auth).expect(200);
    expect(res.body.roster.map((r: { name: string }) => r.name)).toEqual(['In Course A']);
  });

  it('does not resolve a parent mentee from another tenant', async () => {
    const [a, b] = [await createTenant(), await createTenant()];
    const childInB = await signIn(tool.config, b, 'student');
    const parent = await signIn(tool.config, a, 'parent', { menteeSubjects: [childInB.user.ltiSubject] });
    const res = await request(tool.app).get('/api/mentees').set(...parent.auth).expect(200);
    expect(res.body.mentees).toEqual([{ id: null, ltiSubject: childInB.user.ltiSubject, name: null }]);
  });
});
