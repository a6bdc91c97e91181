import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PlatformSimulator, type ToolRegistration } from '../support/platform-simulator';
import { startTestApp, type TestApp } from '../support/app-harness';
import { registerToolManually, ROLES } from '../support/lti-flow';
import { fetchLearners, fetchMembership, firstPageUrl, isActiveLearner, displayName, MEMBERSHIP_CONTAINER_TYPE, NrpsFormatError } from '../../server/roster/nrps';
import { ServiceCallError } from '../../server/lti/service-http';
import { learners, nonLearners, fetchCallsTo } from './support';

let tool: TestApp;
let sim: PlatformSimulator;
let reg: ToolRegistration;
let fake: http.Server;
let fakeUrl: string;
/** What the fake platform answers at /members/:page (for link shapes the simulator does not produce). */
let fakePages: (path: string) => { status: number; link?: string; body: unknown };

beforeAll(async () => {
  [tool, sim] = await Promise.all([startTestApp(), PlatformSimulator.start({ product: 'canvas', nrpsPageSize: 5 })]);
  reg = await registerToolManually(tool, sim);
  fake = http.createServer((req, res) => {
    const page = fakePages(req.url ?? '/');
    if (page.link) res.setHeader('Link', page.link);
    res.writeHead(page.status, { 'Content-Type': MEMBERSHIP_CONTAINER_TYPE }).end(JSON.stringify(page.body));
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  fakeUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => fake.close(() => resolve()));
  await sim.stop();
  await tool.close();
});
afterEach(() => jest.restoreAllMocks());

const platform = () => ({ issuer: sim.issuer, clientId: reg.clientId });
const membershipsUrl = (contextId: string) => `${sim.issuer}/nrps/${contextId}/memberships`;
const opts = (contextId: string, extra: { limit?: number | null; maxPages?: number } = {}) => ({
  platform: platform(),
  membershipsUrl: membershipsUrl(contextId),
  userAgent: 'ECAP-Planner/0.1.0 (+http://tool.example)',
  ...extra,
});

describe('NRPS client', () => {
  it('follows rel="next" pages (page size 5, 12 learners) and keeps only active learners', async () => {
    sim.setRoster('course-paged', [...learners('p', 6), ...nonLearners('p'), ...learners('q', 6)]);
    const spy = jest.spyOn(globalThis, 'fetch');
    const got = await fetchLearners(opts('course-paged'));
    expect(got).toHaveLength(12);
    expect(got.map((m) => m.ltiSubject)).toEqual(expect.arrayContaining(['p-01', 'p-06', 'q-01', 'q-06']));
    expect(got.map((m) => m.ltiSubject)).not.toEqual(expect.arrayContaining(['p-teacher']));
    expect(got.find((m) => m.ltiSubject === 'p-01')).toEqual({ ltiSubject: 'p-01', name: 'Student 01', email: 'p01@school.example' });
    // 16 members, 5 per page (the platform caps the limit of 100 the client asks for) -> 4 pages.
    const calls = fetchCallsTo(spy, '/nrps/course-paged/');
    expect(calls).toHaveLength(4);
    expect(calls[0]?.url).toContain('limit=100');
    expect(calls[0]?.headers).toMatchObject({
      Accept: MEMBERSHIP_CONTAINER_TYPE,
      'User-Agent': 'ECAP-Planner/0.1.0 (+http://tool.example)',
      Authorization: expect.stringMatching(/^Bearer \S+$/),
    });
  });

  it('honours a smaller limit', async () => {
    sim.setRoster('course-limit', learners('l', 7));
    const spy = jest.spyOn(globalThis, 'fetch');
    const got = await fetchLearners(opts('course-limit', { limit: 2 }));
    expect(got).toHaveLength(7);
    const calls = fetchCallsTo(spy, '/nrps/course-limit/');
    expect(calls).toHaveLength(4);
    expect(calls.every((c) => new URL(c.url).searchParams.get('limit') === '2')).toBe(true);
  });

  it('keeps the platform query parameters of the memberships URL and sets limit', () => {
    expect(firstPageUrl('https://lms.example/api/lti/courses/7/names_and_roles?rlid=abc', 50)).toBe(
      'https://lms.example/api/lti/courses/7/names_and_roles?rlid=abc&limit=50',
    );
    expect(firstPageUrl('https://lms.example/m?limit=10', null)).toBe('https://lms.example/m?limit=10');
    expect(() => firstPageUrl('file:///etc/passwd', 10)).toThrow(ServiceCallError);
  });

  it('fetches a new access token once when the platform refuses the cached one', async () => {
    sim.setRoster('course-revoked', learners('r', 3));
    await fetchLearners(opts('course-revoked'));
    sim.revokeAccessTokens();
    const tokensBefore = sim.tokenRequests;
    expect(await fetchLearners(opts('course-revoked'))).toHaveLength(3);
    expect(sim.tokenRequests).toBe(tokensBefore + 1);
  });

  it('reports an outage as a ServiceCallError with the status', async () => {
    sim.setRoster('course-down', learners('d', 3));
    sim.failNext('nrps', 1, { status: 503 });
    await expect(fetchLearners(opts('course-down'))).rejects.toMatchObject({ name: 'ServiceCallError', status: 503 });
  });

  it('resolves relative next links and stops at the page cap and at a page seen before', async () => {
    const member = (id: string) => ({ user_id: id, roles: ['Learner'] });
    fakePages = (path) => {
      const n = Number(/\/members\/(\d+)/.exec(path)?.[1] ?? 1);
      return { status: 200, link: `<../members/${n + 1}?x=1>; rel="next", <${fakeUrl}/members/1>; rel="first"`, body: { members: [member(`u${n}`)] } };
    };
    const capped = await fetchMembership({ ...opts('x'), membershipsUrl: `${fakeUrl}/m/members/1`, maxPages: 7 });
    expect(capped.map((m) => m.user_id)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7']);

    fakePages = () => ({ status: 200, link: '</loop/members/1?limit=100>; rel="next"', body: { members: [member('same')] } });
    const looped = await fetchMembership({ ...opts('x'), membershipsUrl: `${fakeUrl}/loop/members/1` });
    expect(looped).toHaveLength(1);
  });

  it('refuses a container it cannot read', async () => {
    fakePages = () => ({ status: 200, body: { members: [{ name: 'no user id', roles: [] }] } });
    await expect(fetchMembership({ ...opts('x'), membershipsUrl: `${fakeUrl}/bad` })).rejects.toBeInstanceOf(NrpsFormatError);
  });
});

describe('membership rules', () => {
  it.each([
    [[ROLES.learner], undefined, true],
    [['Learner'], 'Active', true],
    [['http://purl.imsglobal.org/vocab/lis/v2/membership/Learner#Learner'], undefined, true],
    [[ROLES.learner], 'Inactive', false],
    [[ROLES.learner], 'Deleted', false],
    [[ROLES.instructor], 'Active', false],
    [[ROLES.institutionStudent], 'Active', false],
    [[ROLES.mentor], undefined, false],
  ])('roles %j with status %s -> %s', (roles, status, expected) => {
    expect(isActiveLearner({ user_id: 'u', roles, status })).toBe(expected);
  });

  it('names a member by name, else given and family name, else the user id', () => {
    expect(displayName({ user_id: 'u', roles: [], name: ' Ana López ' })).toBe('Ana López');
    expect(displayName({ user_id: 'u', roles: [], given_name: 'Ana', family_name: 'López' })).toBe('Ana López');
    expect(displayName({ user_id: 'u-7', roles: [] })).toBe('u-7');
  });
});
