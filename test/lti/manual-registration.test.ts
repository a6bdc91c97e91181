import request from 'supertest';
import { startTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../support/app-harness';
import { TenantModel } from '../../server/tenants/tenant.model';
import { PLATFORM_PRESETS } from '../../server/lti/tool-manifest';

let tool: TestApp;
beforeAll(async () => {
  tool = await startTestApp();
});
afterAll(async () => {
  await tool.close();
});

const admin = ['Authorization', `Bearer ${TEST_ADMIN_TOKEN}`] as const;

describe('manual registration form (Schoology and LMSs without dynamic registration)', () => {
  it('registers Schoology from the three values the admin pastes', async () => {
    const page = await request(tool.app).get('/admin/register').expect(200);
    expect(page.text).toContain('<option value="schoology"');
    const res = await request(tool.app)
      .post('/admin/register')
      .type('form')
      .send({ preset: 'schoology', name: 'Tempe Elementary', clientId: '7654321', deploymentId: '7654321-1-abc', adminToken: TEST_ADMIN_TOKEN })
      .expect(200);
    expect(res.text).toContain('LMS registered');
    const tenant = await TenantModel.findOne({ clientId: '7654321' }).lean();
    expect(tenant).toMatchObject({ issuer: PLATFORM_PRESETS.schoology.issuer, product: 'schoology' });
    expect(tenant?.deployments.map((d) => d.deploymentId)).toEqual(['7654321-1-abc']);
  });

  it('shows each bad field next to it and keeps what the admin typed', async () => {
    const res = await request(tool.app)
      .post('/admin/register')
      .type('form')
      .send({ name: 'Keep Me', clientId: '', issuer: 'not a url', adminToken: TEST_ADMIN_TOKEN })
      .expect(400);
    expect(res.text).toContain('id="clientId-error"');
    expect(res.text).toContain('id="issuer-error"');
    expect(res.text).toContain('value="Keep Me"');
    expect(res.text).toContain('value="not a url"');
  });

  it('refuses a wrong admin token without registering', async () => {
    const res = await request(tool.app)
      .post('/admin/register')
      .type('form')
      .send({ preset: 'schoology', name: 'Nope', clientId: 'nope-1', adminToken: 'guess' })
      .expect(403);
    expect(res.text).toContain('install admin token is not valid');
    expect(res.text).not.toContain('guess'); // a secret is never echoed back into the page
    expect(await TenantModel.countDocuments({ clientId: 'nope-1' })).toBe(0);
  });

  it('speaks Spanish to a Spanish browser, and keeps the chosen language through a refused submission', async () => {
    const page = await request(tool.app).get('/admin/register').set('Accept-Language', 'es-MX,es;q=0.9').expect(200);
    expect(page.text).toContain('<html lang="es"');
    expect(page.text).toContain('<label for="clientId">ID de cliente</label>');
    expect(page.text).toContain('action="/admin/register?lang=es"');
    const refused = await request(tool.app)
      .post('/admin/register?lang=es')
      .type('form')
      .send({ name: '', clientId: 'es-1', issuer: 'no es una url', adminToken: TEST_ADMIN_TOKEN })
      .expect(400);
    expect(refused.text).toContain('Revisa los campos marcados abajo.');
    expect(refused.text).toMatch(/id="name-error">Escribe el nombre del distrito/);
    expect(refused.text).toMatch(/id="issuer-error">Escribe una dirección completa http\(s\)/);
    expect(refused.text).toContain('value="no es una url"');
    expect(await TenantModel.countDocuments({ clientId: 'es-1' })).toBe(0);
    const done = await request(tool.app)
      .post('/admin/register?lang=es')
      .type('form')
      .send({ preset: 'schoology', name: 'Distrito Nogales', clientId: 'es-2', adminToken: TEST_ADMIN_TOKEN })
      .expect(200);
    expect(done.text).toContain('LMS registrado');
    expect(done.text).toContain('<strong>Distrito Nogales</strong> quedó registrado');
    expect(done.text).toContain('ninguna todavía');
  });

  it('offers the other language from the page, whatever the browser prefers', async () => {
    const english = await request(tool.app).get('/admin/register?lang=en').set('Accept-Language', 'es').expect(200);
    expect(english.text).toContain('<label for="clientId">Client ID</label>');
    expect(english.text).toContain('<a href="/admin/register?lang=es" lang="es">Español</a>');
  });
});

describe('admin registration API', () => {
  it('validates the body with field errors', async () => {
    const res = await request(tool.app).post('/api/admin/registrations').set(...admin).send({ name: '', issuer: 'x' }).expect(400);
    expect(res.body.fields).toEqual(expect.objectContaining({ name: expect.any(Array), issuer: expect.any(Array), clientId: expect.any(Array) }));
  });

  it('registers many districts on one issuer, told apart by client_id', async () => {
    const base = {
      product: 'canvas',
      issuer: 'https://canvas.instructure.com',
      authEndpoint: 'https://sso.canvaslms.com/api/lti/authorize_redirect',
      tokenEndpoint: 'https://sso.canvaslms.com/login/oauth2/token',
      jwksUrl: 'https://sso.canvaslms.com/api/lti/security/jwks',
    };
    await request(tool.app).post('/api/admin/registrations').set(...admin).send({ ...base, name: 'A', clientId: '1001' }).expect(201);
    await request(tool.app).post('/api/admin/registrations').set(...admin).send({ ...base, name: 'B', clientId: '1002' }).expect(201);
    expect(await TenantModel.countDocuments({ issuer: base.issuer })).toBe(2);
    // The same registration again updates it instead of creating a second district.
    await request(tool.app).post('/api/admin/registrations').set(...admin).send({ ...base, name: 'A', clientId: '1001', deploymentId: '9:x' }).expect(201);
    const a = await TenantModel.findOne({ clientId: '1001' }).lean();
    expect(a?.deployments.map((d) => d.deploymentId)).toEqual(['9:x']);
    expect(await TenantModel.countDocuments({ issuer: base.issuer })).toBe(2);
  });
});
