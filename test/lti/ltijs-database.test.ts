import mongoose from 'mongoose';
import { PlatformSimulator } from '../support/platform-simulator';
import { startTestApp, type TestApp } from '../support/app-harness';
import { launch, learnerLaunch, registerToolManually } from '../support/lti-flow';
import { LaunchDatabase, PLATFORM_CACHE_MS } from '../../server/lti/ltijs-database';

let tool: TestApp;
let now = 1_000_000;
let db: LaunchDatabase;

beforeAll(async () => {
  tool = await startTestApp();
  db = new LaunchDatabase({ url: 'unused: the app is already connected' }, () => now);
  await db.setup();
});
afterAll(() => tool.close());

const platformRow = (clientId: string, authEndpoint: string) => ({
  platformName: 'Cache test',
  platformUrl: 'https://lms.cache.example',
  clientId,
  authEndpoint,
  accesstokenEndpoint: 'https://lms.cache.example/token',
  kid: `kid-${clientId}`,
  authConfig: { method: 'JWK_SET', key: 'https://lms.cache.example/jwks' },
});
const authEndpointOf = (rows: Record<string, unknown>[] | false) => (rows ? rows[0]?.authEndpoint : null);

describe('the ltijs storage of the launch path', () => {
  it('serves a registered platform from the process cache until it expires or this process changes it', async () => {
    await db.Insert(false, 'platform', platformRow('c1', 'https://lms.cache.example/auth-1'));
    const query = { platformUrl: 'https://lms.cache.example', clientId: 'c1' };
    expect(authEndpointOf(await db.Get(false, 'platform', query))).toBe('https://lms.cache.example/auth-1');

    // Another process edits the row: this one keeps its copy until the cache time has passed.
    await mongoose.model('platform').updateOne(query, { authEndpoint: 'https://lms.cache.example/auth-2' });
    expect(authEndpointOf(await db.Get(false, 'platform', query))).toBe('https://lms.cache.example/auth-1');
    now += PLATFORM_CACHE_MS;
    expect(authEndpointOf(await db.Get(false, 'platform', query))).toBe('https://lms.cache.example/auth-2');

    // A change through this process is seen at once.
    await db.Modify(false, 'platform', query, { authEndpoint: 'https://lms.cache.example/auth-3' });
    expect(authEndpointOf(await db.Get(false, 'platform', query))).toBe('https://lms.cache.example/auth-3');
  });

  it('never caches a missing platform, so a registration made by another process is seen at once', async () => {
    const query = { platformUrl: 'https://lms.cache.example', clientId: 'c2' };
    expect(await db.Get(false, 'platform', query)).toBe(false);
    await mongoose.model('platform').create(platformRow('c2', 'https://lms.cache.example/auth'));
    expect(authEndpointOf(await db.Get(false, 'platform', query))).toBe('https://lms.cache.example/auth');
  });

  it('still checks nonces in MongoDB: a nonce stored by another process is found', async () => {
    await mongoose.model('nonce').create({ nonce: 'from-another-process' });
    expect(await db.Get(false, 'nonce', { nonce: 'from-another-process' })).toHaveLength(1);
  });

  it('keeps no ltijs copy of a launch (names, emails): the tool has its own session and launch record', async () => {
    const sim = await PlatformSimulator.start({ product: 'canvas' });
    try {
      const reg = await registerToolManually(tool, sim);
      const opts = learnerLaunch(reg.clientId, { user: { sub: 'private-1', name: 'Ana Private', email: 'ana@school.example' } });
      const { sessionToken } = await launch(tool, sim, opts);
      expect(sessionToken).toBeTruthy();
      expect(await mongoose.model('idtoken').countDocuments()).toBe(0);
      expect(await mongoose.model('contexttoken').countDocuments()).toBe(0);
      // A second launch of the same user is served with the cached platform and still passes every check.
      expect((await launch(tool, sim, opts)).sessionToken).toBeTruthy();
    } finally {
      await sim.stop();
    }
  });
});
