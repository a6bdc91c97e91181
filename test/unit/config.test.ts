import { ConfigError, loadConfig } from '../../server/config';

const base = { NODE_ENV: 'test', LTI_KEY: 'k'.repeat(40), ADMIN_TOKEN: 'a'.repeat(30), DATA_DIR: '/tmp/ecap-config-test' };

describe('configuration from the environment', () => {
  it('uses the embedded defaults', () => {
    const config = loadConfig(base);
    expect(config.port).toBe(3000);
    expect(config.baseUrl).toBe('http://localhost:3000');
    expect(config.mongodbUri).toBeUndefined();
    expect(config.secureCookies).toBe(false);
  });

  it.each([
    ['PORT', 'eighty'],
    ['BASE_URL', 'ftp://x.example'],
    ['MONGODB_URI', 'postgres://db'],
    ['LTI_KEY', 'short'],
    ['SESSION_TTL_SECONDS', '5'],
    ['LOG_LEVEL', 'loud'],
  ])('stops with a message naming %s when it is invalid', (name, value) => {
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(new RegExp(`${name}:`));
  });

  it('requires the production settings in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/BASE_URL: required in production[\s\S]*MONGODB_URI[\s\S]*LTI_KEY[\s\S]*ADMIN_TOKEN/);
  });

  it('turns on secure cookies for an https base URL and drops a trailing slash', () => {
    const config = loadConfig({ ...base, BASE_URL: 'https://ecap.example.org/' });
    expect(config.baseUrl).toBe('https://ecap.example.org');
    expect(config.secureCookies).toBe(true);
  });

  it('keeps generated secrets across restarts', () => {
    const dir = `/tmp/ecap-secret-${Date.now()}`;
    const first = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir });
    const second = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir });
    expect(first.ltiKey).toHaveLength(43);
    expect(second.ltiKey).toBe(first.ltiKey);
    expect(second.adminToken).toBe(first.adminToken);
    expect(first.adminToken).not.toBe(first.ltiKey);
  });
});
