import { PlatformSimulator, type ToolRegistration } from '../support/platform-simulator';
import { startTestApp, type TestApp } from '../support/app-harness';
import { registerToolManually } from '../support/lti-flow';
import { courseRoster, DEFAULT_ROSTER_MAX_AGE_MS, FAILED_REFRESH_BACKOFF_MS } from '../../server/roster/roster.service';
import { RosterCacheModel } from '../../server/roster/roster-cache.model';
import { TenantModel } from '../../server/tenants/tenant.model';
import { trustedTenantId, type TenantId } from '../../server/tenants/tenant-id';
import { learners, fetchCallsTo } from './support';

let tool: TestApp;
let sim: PlatformSimulator;
let reg: ToolRegistration;
let tenantId: TenantId;

beforeAll(async () => {
  [tool, sim] = await Promise.all([startTestApp(), PlatformSimulator.start({ product: 'moodle', nrpsPageSize: 5 })]);
  reg = await registerToolManually(tool, sim);
  const tenant = await TenantModel.findOne({ issuer: sim.issuer, clientId: reg.clientId }).lean();
  tenantId = trustedTenantId(tenant!._id);
});
afterAll(async () => {
  await sim.stop();
  await tool.close();
});
afterEach(() => jest.restoreAllMocks());

const source = (contextId: string) => ({ contextId, membershipsUrl: `${sim.issuer}/nrps/${contextId}/memberships`, toolBaseUrl: tool.baseUrl });
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe('roster cache', () => {
  it('serves a young roster from the cache without asking the platform', async () => {
    sim.setRoster('c-cache', learners('c', 12));
    const spy = jest.spyOn(globalThis, 'fetch');
    const first = await courseRoster(tenantId, source('c-cache'));
    expect(first.members).toHaveLength(12);
    expect(first.error).toBeNull();
    expect(fetchCallsTo(spy, '/nrps/c-cache/')).toHaveLength(3);

    // Proof both ways: no further NRPS request, and an armed fault is never hit.
    sim.failNext('nrps', 1, { status: 500 });
    const second = await courseRoster(tenantId, source('c-cache'), { now: at(first.fetchedAt!, DEFAULT_ROSTER_MAX_AGE_MS - 1000) });
    expect(second).toEqual(first);
    expect(fetchCallsTo(spy, '/nrps/c-cache/')).toHaveLength(3);
    const refreshed = await courseRoster(tenantId, source('c-cache'), { refresh: true });
    expect(refreshed.error).toMatch(/500/);
    expect(refreshed.members).toHaveLength(12);
  });

  it('sends the tool User-Agent with its base URL', async () => {
    sim.setRoster('c-ua', learners('ua', 1));
    const spy = jest.spyOn(globalThis, 'fetch');
    await courseRoster(tenantId, source('c-ua'));
    expect(fetchCallsTo(spy, '/nrps/c-ua/')[0]?.headers['User-Agent']).toMatch(new RegExp(`^ECAP-Planner/\\d+\\.\\d+\\.\\d+ \\(\\+${tool.baseUrl.replace(/\./g, '\\.')}\\)$`));
  });

  it('refreshes a stale roster and on demand', async () => {
    sim.setRoster('c-stale', learners('s', 3));
    const first = await courseRoster(tenantId, source('c-stale'));
    sim.setRoster('c-stale', learners('s', 5));
    const young = await courseRoster(tenantId, source('c-stale'), { now: at(first.fetchedAt!, 60_000) });
    expect(young.members).toHaveLength(3);
    const stale = await courseRoster(tenantId, source('c-stale'), { now: at(first.fetchedAt!, DEFAULT_ROSTER_MAX_AGE_MS + 1) });
    expect(stale.members).toHaveLength(5);
    sim.setRoster('c-stale', learners('s', 2));
    const forced = await courseRoster(tenantId, source('c-stale'), { refresh: true });
    expect(forced.members).toHaveLength(2);
    const configured = await courseRoster(tenantId, source('c-stale'), { maxAgeMs: 0 });
    expect(configured.fetchedAt!.getTime()).toBeGreaterThanOrEqual(forced.fetchedAt!.getTime());
  });

  it('keeps the previous roster through an outage, reports it, waits before retrying, and clears it on success', async () => {
    sim.setRoster('c-outage', learners('o', 4));
    const good = await courseRoster(tenantId, source('c-outage'));
    sim.failNext('nrps', 5, { status: 503 });
    const t0 = at(good.fetchedAt!, DEFAULT_ROSTER_MAX_AGE_MS + 1);
    const failed = await courseRoster(tenantId, source('c-outage'), { now: t0 });
    expect(failed.members).toEqual(good.members);
    expect(failed.fetchedAt).toEqual(good.fetchedAt);
    expect(failed.error).toBe('The LMS could not send the roster (503).');

    const spy = jest.spyOn(globalThis, 'fetch');
    const soon = await courseRoster(tenantId, source('c-outage'), { now: at(t0, FAILED_REFRESH_BACKOFF_MS - 1000) });
    expect(soon.error).toBe(failed.error);
    expect(fetchCallsTo(spy, '/nrps/c-outage/')).toHaveLength(0);

    sim.failNext('nrps', 0, { status: 503 });
    const later = await courseRoster(tenantId, source('c-outage'), { now: at(t0, FAILED_REFRESH_BACKOFF_MS + 1000) });
    expect(later.error).toBeNull();
    expect(later.members).toHaveLength(4);
  });

  it('records an error with no members when the first fetch fails', async () => {
    sim.setRoster('c-never', learners('n', 2));
    sim.failNext('nrps', 1, { status: 403 });
    const r = await courseRoster(tenantId, source('c-never'));
    expect(r).toEqual({ members: [], fetchedAt: null, error: expect.stringMatching(/refused the roster request \(403\)/) });
    const stored = await RosterCacheModel.findOne({ tenantId, contextId: 'c-never' }).lean();
    expect(stored).toMatchObject({ members: [], fetchedAt: null, attemptedAt: expect.any(Date) });
  });

  it('shares one fetch between concurrent refreshes', async () => {
    sim.setRoster('c-burst', learners('b', 3));
    const spy = jest.spyOn(globalThis, 'fetch');
    const all = await Promise.all(Array.from({ length: 5 }, () => courseRoster(tenantId, source('c-burst'), { refresh: true })));
    expect(all.every((r) => r.members.length === 3)).toBe(true);
    expect(fetchCallsTo(spy, '/nrps/c-burst/')).toHaveLength(1);
  });

  it('keeps districts apart', async () => {
    sim.setRoster('c-tenant', learners('t', 2));
    await courseRoster(tenantId, source('c-tenant'));
    const other = trustedTenantId((await TenantModel.create({ issuer: 'https://other.example', clientId: 'x', settings: { name: 'Other', schoolYear: '2026-2027' } }))._id);
    const theirs = await courseRoster(other, source('c-tenant'));
    expect(theirs.members).toEqual([]);
    expect(theirs.error).toMatch(/refused|could not/);
  });
});
