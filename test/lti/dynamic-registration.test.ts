import request from 'supertest';
import { PlatformSimulator, type LaunchOptions } from '../support/platform-simulator';
import { TestBrowser } from '../support/test-browser';
import { startTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../support/app-harness';
import { launch, learnerLaunch, registerToolDynamically, ROLES } from '../support/lti-flow';
import { TenantModel } from '../../server/tenants/tenant.model';

let tool: TestApp;
beforeAll(async () => {
  tool = await startTestApp();
});
afterAll(async () => {
  await tool.close();
});

describe('LTI Dynamic Registration', () => {
  it.each(['moodle', 'canvas'] as const)('registers with a %s-like platform, then every role launches', async (product) => {
    const sim = await PlatformSimulator.start({ product });
    try {
      const { confirm, done, registration } = await registerToolDynamically(tool, sim, `${product} district`);
      expect(confirm.status).toBe(200);
      expect(confirm.text).toContain('Register ECAP Planner');
      expect(done.status).toBe(200);
      expect(done.text).toContain('/static/lti-close.js');
      expect(registration).toBeDefined();
      const raw = registration!.raw as Record<string, unknown>;
      expect(raw.initiate_login_uri).toBe(`${tool.baseUrl}/lti/login`);
      expect(raw.redirect_uris).toEqual([`${tool.baseUrl}/lti/launch`]);
      expect(raw.jwks_uri).toBe(`${tool.baseUrl}/lti/keys`);

      const tenant = await TenantModel.findOne({ issuer: sim.issuer, clientId: registration!.clientId }).lean();
      expect(tenant?.settings.name).toBe(`${product} district`);
      expect(tenant?.product).toBe(product);
      expect(tenant?.deployments.map((d) => d.deploymentId)).toEqual([registration!.deploymentId]);

      const cases: Array<[string, string, Partial<LaunchOptions>]> = [
        [ROLES.learner, 'student', {}],
        [ROLES.instructor, 'teacher', {}],
        [ROLES.mentor, 'parent', { mentees: ['x'] }],
        [ROLES.institutionAdmin, 'admin', { context: undefined }],
      ];
      for (const [role, expected, extra] of cases) {
        const { sessionToken } = await launch(tool, sim, { ...learnerLaunch(registration!.clientId), roles: [role], ...extra });
        const me = await request(tool.app).get('/api/session').set('Authorization', `Bearer ${sessionToken}`).expect(200);
        expect(me.body.user.role).toBe(expected);
      }
    } finally {
      await sim.stop();
    }
  });

  it('never lets a registration take over an existing district (same issuer and client_id)', async () => {
    const sim = await PlatformSimulator.start({ product: 'moodle' });
    try {
      const { registration } = await registerToolDynamically(tool, sim, 'Original district');
      const original = await TenantModel.findOne({ issuer: sim.issuer, clientId: registration!.clientId }).lean();
      // A second registration answered with the same client_id (a hostile or confused platform).
      sim.registerToolManually({ clientId: 'taken', jwksUri: `${tool.baseUrl}/lti/keys`, redirectUris: [`${tool.baseUrl}/lti/launch`], initiateLoginUri: `${tool.baseUrl}/lti/login`, targetLinkUri: `${tool.baseUrl}/lti/launch` });
      await request(tool.app).post('/api/admin/registrations').set('Authorization', `Bearer ${TEST_ADMIN_TOKEN}`).send({
        name: 'Existing', issuer: sim.issuer, clientId: 'taken', authEndpoint: sim.authorizationEndpoint, tokenEndpoint: sim.tokenEndpoint, jwksUrl: sim.jwksUrl,
      }).expect(201);
      // The platform's registration answer is replaced (only that call) by one naming the taken client_id.
      const realFetch = globalThis.fetch;
      const answer = jest.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
        const url = String(input instanceof Request ? input.url : input);
        if (url === sim.registrationEndpoint) return new Response(JSON.stringify({ client_id: 'taken' }), { status: 200, headers: { 'content-type': 'application/json' } });
        return realFetch(input, init);
      });
      const browser = new TestBrowser({ cookies: true });
      const res = await browser.postForm(`${tool.baseUrl}/lti/register`, {
        openid_configuration: sim.openidConfigurationUrl,
        registration_token: sim.createRegistrationToken(),
        district_name: 'Hijacker',
      });
      answer.mockRestore();
      expect(res.status).toBe(409);
      expect(res.text).toContain('already connected to a district');
      const existing = await TenantModel.findOne({ issuer: sim.issuer, clientId: 'taken' }).lean();
      expect(existing?.settings.name).toBe('Existing');
      expect(original?.settings.name).toBe('Original district');
    } finally {
      await sim.stop();
    }
  });

  it('speaks the admin browser language (Spanish) on the confirmation page', async () => {
    const sim = await PlatformSimulator.start({ product: 'moodle' });
    try {
      const res = await request(tool.app)
        .get('/lti/register')
        .set('Accept-Language', 'es-MX,es;q=0.9,en;q=0.5')
        .query({ openid_configuration: sim.openidConfigurationUrl, registration_token: sim.createRegistrationToken() })
        .expect(200);
      expect(res.text).toContain('lang="es"');
      expect(res.text).toContain('Registrar ECAP Planner');
      expect(res.text).toContain('Tu Moodle en');
    } finally {
      await sim.stop();
    }
  });

  it('publishes the key the platform uses to verify the tool', async () => {
    const res = await request(tool.app).get('/lti/keys').expect(200);
    expect(res.body.keys.length).toBeGreaterThan(0);
    expect(res.body.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
  });

  it('explains itself when opened without a registration offer', async () => {
    const res = await request(tool.app).get('/lti/register').expect(400);
    expect(res.text).toContain('paste it as the tool registration URL');
    expect(res.text).toContain('Reference:');
  });

  it('refuses an openid configuration that is not one', async () => {
    const sim = await PlatformSimulator.start();
    try {
      const res = await request(tool.app).get('/lti/register').query({ openid_configuration: `${sim.issuer}/nowhere` }).expect(400);
      expect(res.text).toContain('cannot read');
    } finally {
      await sim.stop();
    }
  });

  it('tells the admin when the platform refuses the registration (expired token) and registers nothing', async () => {
    const sim = await PlatformSimulator.start();
    try {
      const before = await TenantModel.countDocuments();
      const browser = new TestBrowser({ cookies: true });
      const res = await browser.postForm(`${tool.baseUrl}/lti/register`, {
        openid_configuration: sim.openidConfigurationUrl,
        registration_token: 'not-a-token-the-platform-issued',
        district_name: 'X',
      });
      expect(res.status).toBe(400);
      expect(res.text).toContain('did not accept the registration');
      expect(await TenantModel.countDocuments()).toBe(before);
    } finally {
      await sim.stop();
    }
  });

  it('lists registrations for the install admin only', async () => {
    await request(tool.app).get('/api/admin/registrations').expect(401);
    await request(tool.app).get('/api/admin/registrations').set('Authorization', 'Bearer wrong-token-of-the-right-length!').expect(403);
    const res = await request(tool.app).get('/api/admin/registrations').set('Authorization', `Bearer ${TEST_ADMIN_TOKEN}`).expect(200);
    expect(Array.isArray(res.body.registrations)).toBe(true);
  });
});
