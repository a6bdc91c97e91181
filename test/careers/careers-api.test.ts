import request from 'supertest';
import { startTestApp, type TestApp } from '../support/app-harness';
import { createTenant, signIn, type SignedInUser } from '../support/factories';
import { STARTER_CATALOG } from '../../server/careers/starter-catalog';
import { riasecFit } from '../../shared/career/match';
import type { CareerSearchResult } from '../../shared/api/plan';

let tool: TestApp;
let student: SignedInUser;
beforeAll(async () => {
  tool = await startTestApp();
  student = await signIn(tool.config, await createTenant(), 'student');
});
afterAll(async () => {
  await tool.close();
});

async function search(query: Record<string, string | number>): Promise<CareerSearchResult> {
  const res = await request(tool.app).get('/api/careers').query(query).set(...student.auth).expect(200);
  return res.body as CareerSearchResult;
}

describe('GET /api/careers', () => {
  it('requires a signed-in user', async () => {
    await request(tool.app).get('/api/careers').expect(401);
    await request(tool.app).get('/api/careers/15-1252.00').expect(401);
  });

  it.each(['teacher', 'parent', 'admin'] as const)('is open to a %s as well', async (role) => {
    const other = await signIn(tool.config, await createTenant(), role);
    await request(tool.app).get('/api/careers').set(...other.auth).expect(200);
  });

  it('serves the starter catalog out of the box, by title, with the clusters for the filter', async () => {
    const body = await search({});
    expect(body.total).toBe(STARTER_CATALOG.length);
    expect(body).toMatchObject({ page: 1, pageSize: 20 });
    expect(body.items).toHaveLength(20);
    const titles = body.items.map((i) => i.title);
    expect(titles).toEqual([...titles].sort());
    expect(body.clusters).toHaveLength(16);
    expect(body.clusters).toContain('Health Science');
    expect(Object.keys(body.items[0] ?? {}).sort()).toEqual(
      ['code', 'cluster', 'description', 'education', 'fit', 'medianWage', 'outlook', 'pathway', 'riasec', 'title', 'titleEs'].sort(),
    );
    expect(body.items.every((i) => i.fit === null)).toBe(true);
  });

  it('searches English and Spanish titles case-insensitively', async () => {
    expect((await search({ q: 'NURSE' })).items.map((i) => i.code)).toContain('29-1141.00');
    expect((await search({ q: 'enfermeros' })).items.map((i) => i.code)).toEqual(['29-1141.00']);
    expect((await search({ q: '15-1252' })).items.map((i) => i.title)).toEqual(['Software Developers']);
  });

  it('matches regex special characters literally', async () => {
    for (const q of ['.*', '[a-z]+', 'Nurses|Lawyers', '\\', '^Nurses$']) expect((await search({ q })).total).toBe(0);
    // Only the two Spanish titles with parentheses, "Asociados médicos (PA)" and "Asistentes legales (paralegales)".
    expect((await search({ q: '(' })).items.map((i) => i.code).sort()).toEqual(['23-2011.00', '29-1071.00']);
    expect((await search({ q: 'Audio and Video' })).total).toBe(1);
    expect((await search({ q: 'A/V' })).total).toBe(0); // pathways are not searched, titles only
  });

  it('filters by cluster and by education', async () => {
    const health = await search({ cluster: 'Health Science', pageSize: 50 });
    expect(health.total).toBe(STARTER_CATALOG.filter((c) => c.cluster === 'Health Science').length);
    expect(health.items.every((i) => i.cluster === 'Health Science')).toBe(true);
    const both = await search({ cluster: 'Health Science', education: 'associate', pageSize: 50 });
    expect(both.items.length).toBeGreaterThan(0);
    expect(both.items.every((i) => i.cluster === 'Health Science' && i.education === 'associate')).toBe(true);
    expect((await search({ cluster: 'No Such Cluster' })).total).toBe(0);
  });

  it('sorts by RIASEC fit, then title, when matching a code', async () => {
    const body = await search({ match: 'SAE', pageSize: 50 });
    const fits = body.items.map((i) => i.fit ?? -1);
    expect(fits).toEqual([...fits].sort((a, b) => b - a));
    for (const item of body.items) expect(item.fit).toBe(riasecFit('SAE', item.riasec));
    for (let i = 1; i < body.items.length; i++) {
      const [prev, cur] = [body.items[i - 1], body.items[i]];
      if (prev && cur && prev.fit === cur.fit) expect(prev.title <= cur.title).toBe(true);
    }
    expect(body.items[0]?.fit).toBe(6);
    expect(body.items[0]?.title).toBe('Secondary School Teachers, Except Special and Career/Technical Education');
  });

  it('computes the same fit in the database as riasecFit for every career', async () => {
    for (const match of ['R', 'IC', 'SEC', 'ASE']) {
      const all = [...(await search({ match, pageSize: 50 })).items, ...(await search({ match, pageSize: 50, page: 2 })).items];
      expect(all).toHaveLength(STARTER_CATALOG.length);
      for (const item of all) expect(item.fit).toBe(riasecFit(match, item.riasec));
    }
  });

  it('pages through the results', async () => {
    const p1 = await search({ pageSize: 5, page: 1 });
    const p2 = await search({ pageSize: 5, page: 2 });
    expect(p2.total).toBe(p1.total);
    expect(p2.items).toHaveLength(5);
    expect(p2.items.map((i) => i.code)).not.toEqual(expect.arrayContaining(p1.items.map((i) => i.code)));
    expect((await search({ pageSize: 50, page: 100 })).items).toEqual([]);
  });

  it('answers an invalid query with 400 and the field messages', async () => {
    const res = await request(tool.app)
      .get('/api/careers')
      .query({ match: 'XYZ', pageSize: 500, education: 'phd', page: 0 })
      .set(...student.auth)
      .expect(400);
    expect(res.body.error).toBe('validation_error');
    expect(Object.keys(res.body.fields).sort()).toEqual(['education', 'match', 'page', 'pageSize']);
    const unknown = await request(tool.app).get('/api/careers?sort=title').set(...student.auth).expect(400);
    expect(unknown.body.error).toBe('validation_error');
    const repeated = await request(tool.app).get('/api/careers?q=a&q=b').set(...student.auth).expect(400);
    expect(Object.keys(repeated.body.fields)).toEqual(['q']);
    await request(tool.app).get(`/api/careers?q=${'x'.repeat(101)}`).set(...student.auth).expect(400);
  });
});

describe('GET /api/careers/:code', () => {
  it('returns one career', async () => {
    const res = await request(tool.app).get('/api/careers/15-1252.00').set(...student.auth).expect(200);
    expect(res.body).toEqual({
      code: '15-1252.00',
      title: 'Software Developers',
      titleEs: 'Desarrolladores de software',
      cluster: 'Information Technology',
      pathway: 'Programming & Software Development',
      riasec: 'ICR',
      education: 'bachelor',
      medianWage: null,
      outlook: null,
      description: null,
    });
  });

  it('answers 404 for an unknown code and 400 for a malformed one', async () => {
    const missing = await request(tool.app).get('/api/careers/99-9999.99').set(...student.auth).expect(404);
    expect(missing.body.error).toBe('not_found');
    const bad = await request(tool.app).get('/api/careers/not-a-code').set(...student.auth).expect(400);
    expect(bad.body.fields).toHaveProperty('code');
  });
});
