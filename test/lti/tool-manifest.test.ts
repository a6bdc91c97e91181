import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BaseUrlError,
  CANVAS_PRIVACY_LEVEL,
  LTI_TOOL_CONFIGURATION,
  PLATFORM_PRESETS,
  TOOL_NAME,
  TOOL_SCOPES,
  buildDynamicRegistrationRequest,
  canvasDeveloperKey,
  moodlePlatformEndpoints,
  moodleSettings,
  normalizeBaseUrl,
  platformOpenIdConfigurationSchema,
  schoologySettings,
  toolDomain,
  toolRegistrationResponseSchema,
  toolRoutes,
} from '../../server/lti/tool-manifest';

const BASE = 'https://ecap.example.org';
const repoRoot = path.resolve(__dirname, '..', '..');

/** Canvas's OpenID configuration, shaped like the example in Canvas's Dynamic Registration docs. */
function canvasConfig(overrides: Record<string, unknown> = {}) {
  return platformOpenIdConfigurationSchema.parse({
    issuer: 'https://canvas.instructure.com',
    authorization_endpoint: 'https://sso.canvaslms.com/api/lti/authorize_redirect',
    registration_endpoint: 'https://district.instructure.com/api/lti/registrations',
    jwks_uri: 'https://sso.canvaslms.com/api/lti/security/jwks',
    token_endpoint: 'https://sso.canvaslms.com/login/oauth2/token',
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
    scopes_supported: [
      'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
      'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly',
      'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
      'https://purl.imsglobal.org/spec/lti-ags/scope/score',
      'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
      'https://canvas.instructure.com/lti/public_jwk/scope/update',
    ],
    id_token_signing_alg_values_supported: ['RS256'],
    'https://purl.imsglobal.org/spec/lti-platform-configuration': {
      product_family_code: 'canvas',
      version: 'vCloud',
      messages_supported: [
        { type: 'LtiResourceLinkRequest', placements: ['account_navigation', 'course_navigation', 'wiki_page_menu'] },
        { type: 'LtiDeepLinkingRequest', placements: ['assignment_selection', 'link_selection', 'editor_button'] },
      ],
      variables: ['ResourceLink.id', 'Canvas.course.id'],
      'https://canvas.instructure.com/lti/account_name': 'Test District',
    },
    ...overrides,
  });
}

/** Moodle's OpenID configuration, shaped like mod/lti/openid-configuration.php (messages_supported as strings). */
function moodleConfig(scopes: string[] | undefined) {
  return platformOpenIdConfigurationSchema.parse({
    issuer: 'https://moodle.district.org',
    token_endpoint: 'https://moodle.district.org/mod/lti/token.php',
    token_endpoint_auth_methods_supported: ['private_key_jwt'],
    jwks_uri: 'https://moodle.district.org/mod/lti/certs.php',
    authorization_endpoint: 'https://moodle.district.org/mod/lti/auth.php',
    registration_endpoint: 'https://moodle.district.org/mod/lti/openid-registration.php',
    ...(scopes === undefined ? {} : { scopes_supported: scopes }),
    response_types_supported: ['id_token'],
    id_token_signing_alg_values_supported: ['RS256'],
    'https://purl.imsglobal.org/spec/lti-platform-configuration': {
      product_family_code: 'moodle',
      version: '4.1.2 (Build: 20230313)',
      messages_supported: ['LtiResourceLinkRequest', 'LtiDeepLinkingRequest'],
      placements: ['AddContentMenu'],
      variables: ['basic-lti-launch-request', 'Context.id'],
    },
  });
}

describe('toolRoutes and base URL validation', () => {
  it('builds the absolute URLs of every route', () => {
    expect(toolRoutes(BASE)).toEqual({
      login: 'https://ecap.example.org/lti/login',
      launch: 'https://ecap.example.org/lti/launch',
      keys: 'https://ecap.example.org/lti/keys',
      register: 'https://ecap.example.org/lti/register',
      manualRegister: 'https://ecap.example.org/admin/register',
      icon: 'https://ecap.example.org/app/icon.svg',
    });
  });

  it('removes trailing slashes and keeps a path prefix and a port', () => {
    expect(normalizeBaseUrl('https://ecap.example.org/')).toBe(BASE);
    expect(normalizeBaseUrl('  https://ecap.example.org//  ')).toBe(BASE);
    expect(toolRoutes('https://lti.district.org/ecap/').launch).toBe('https://lti.district.org/ecap/lti/launch');
    expect(toolRoutes('http://localhost:3000').login).toBe('http://localhost:3000/lti/login');
    expect(toolDomain('https://lti.district.org:8443/ecap')).toBe('lti.district.org:8443');
    expect(toolDomain(BASE)).toBe('ecap.example.org');
  });

  it.each([
    ['', /empty/],
    ['ecap.example.org', /not an absolute URL/],
    ['ftp://ecap.example.org', /https:\/\//],
    ['javascript:alert(1)', /https:\/\//],
    ['https://ecap.example.org/?tenant=1', /query string/],
    ['https://ecap.example.org?', /query string/],
    ['https://ecap.example.org/#top', /fragment/],
    ['https://admin:secret@ecap.example.org', /user name or password/],
  ])('refuses %j with a clear message', (input, message) => {
    expect(() => toolRoutes(input)).toThrow(BaseUrlError);
    expect(() => toolRoutes(input)).toThrow(message);
  });
});

describe('platformOpenIdConfigurationSchema', () => {
  it('keeps unknown keys and accepts both object and string messages_supported', () => {
    const canvas = canvasConfig();
    const platform = canvas['https://purl.imsglobal.org/spec/lti-platform-configuration'];
    expect(platform['https://canvas.instructure.com/lti/account_name']).toBe('Test District');
    expect(moodleConfig(undefined)['https://purl.imsglobal.org/spec/lti-platform-configuration'].messages_supported).toEqual([
      'LtiResourceLinkRequest',
      'LtiDeepLinkingRequest',
    ]);
  });

  it('rejects a configuration without a registration endpoint or platform configuration', () => {
    const { registration_endpoint: _dropped, ...rest } = canvasConfig();
    expect(platformOpenIdConfigurationSchema.safeParse(rest).success).toBe(false);
    const noPlatform: Record<string, unknown> = { ...canvasConfig() };
    delete noPlatform['https://purl.imsglobal.org/spec/lti-platform-configuration'];
    expect(platformOpenIdConfigurationSchema.safeParse(noPlatform).success).toBe(false);
  });
});

describe('buildDynamicRegistrationRequest', () => {
  it('builds the spec fields', () => {
    const req = buildDynamicRegistrationRequest(BASE, moodleConfig(undefined));
    expect(req).toMatchObject({
      application_type: 'web',
      grant_types: ['client_credentials', 'implicit'],
      response_types: ['id_token'],
      redirect_uris: ['https://ecap.example.org/lti/launch'],
      initiate_login_uri: 'https://ecap.example.org/lti/login',
      client_name: TOOL_NAME,
      jwks_uri: 'https://ecap.example.org/lti/keys',
      logo_uri: 'https://ecap.example.org/app/icon.svg',
      token_endpoint_auth_method: 'private_key_jwt',
    });
    const config = req[LTI_TOOL_CONFIGURATION];
    expect(config.domain).toBe('ecap.example.org');
    expect(config.target_link_uri).toBe('https://ecap.example.org/lti/launch');
    expect(config.claims).toEqual(['iss', 'sub', 'name', 'given_name', 'family_name', 'email', 'locale']);
    expect(config.messages.map((m) => m.type)).toEqual(['LtiResourceLinkRequest', 'LtiDeepLinkingRequest']);
    expect(config.messages.every((m) => m.target_link_uri === 'https://ecap.example.org/lti/launch')).toBe(true);
  });

  it('asks for all its scopes when the platform lists none', () => {
    expect(buildDynamicRegistrationRequest(BASE, moodleConfig(undefined)).scope).toBe(TOOL_SCOPES.join(' '));
    expect(buildDynamicRegistrationRequest(BASE, moodleConfig([])).scope).toBe(TOOL_SCOPES.join(' '));
  });

  it('asks only for the scopes the platform supports', () => {
    const req = buildDynamicRegistrationRequest(
      BASE,
      moodleConfig([
        'https://purl.imsglobal.org/spec/lti-ags/scope/score',
        'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
        'https://purl.imsglobal.org/spec/lti-ts/scope/toolsetting',
        'openid',
      ]),
    );
    expect(req.scope).toBe(
      'https://purl.imsglobal.org/spec/lti-ags/scope/score https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
    );
    expect(req.scope).not.toContain('toolsetting');
    expect(req.scope).not.toContain('openid');
  });

  it('adds the Canvas privacy level, tool id and placements only for Canvas', () => {
    const canvas = buildDynamicRegistrationRequest(BASE, canvasConfig())[LTI_TOOL_CONFIGURATION];
    expect(canvas[CANVAS_PRIVACY_LEVEL]).toBe('public');
    expect(canvas['https://canvas.instructure.com/lti/tool_id']).toBe('ecap-planner');
    expect(canvas.messages).toEqual([
      expect.objectContaining({ type: 'LtiResourceLinkRequest', placements: ['course_navigation'] }),
      expect.objectContaining({
        type: 'LtiResourceLinkRequest',
        placements: ['account_navigation'],
        'https://canvas.instructure.com/lti/visibility': 'admins',
      }),
      expect.objectContaining({ type: 'LtiDeepLinkingRequest', placements: ['assignment_selection', 'link_selection'] }),
    ]);

    const moodle = buildDynamicRegistrationRequest(BASE, moodleConfig(undefined));
    const moodleToolConfig = moodle[LTI_TOOL_CONFIGURATION];
    expect(moodleToolConfig).not.toHaveProperty([CANVAS_PRIVACY_LEVEL]);
    expect(JSON.stringify(moodle)).not.toContain('canvas.instructure.com');
    expect(moodleToolConfig.messages.some((m) => m.placements !== undefined)).toBe(false);
  });

  it('limits Canvas placements to the ones Canvas lists, accepting prefixed names', () => {
    const config = canvasConfig({
      'https://purl.imsglobal.org/spec/lti-platform-configuration': {
        product_family_code: 'canvas',
        messages_supported: [
          { type: 'LtiResourceLinkRequest', placements: ['https://canvas.instructure.com/lti/course_navigation'] },
          { type: 'LtiDeepLinkingRequest', placements: ['link_selection'] },
        ],
      },
    });
    const messages = buildDynamicRegistrationRequest(BASE, config)[LTI_TOOL_CONFIGURATION].messages;
    expect(messages.map((m) => m.placements)).toEqual([['course_navigation'], ['link_selection']]);
  });

  it('leaves out a message type the platform does not support', () => {
    const config = moodleConfig(undefined);
    config['https://purl.imsglobal.org/spec/lti-platform-configuration'].messages_supported = ['LtiResourceLinkRequest'];
    const messages = buildDynamicRegistrationRequest(BASE, config)[LTI_TOOL_CONFIGURATION].messages;
    expect(messages.map((m) => m.type)).toEqual(['LtiResourceLinkRequest']);
  });

  it('refuses a bad base URL', () => {
    expect(() => buildDynamicRegistrationRequest('not a url', canvasConfig())).toThrow(BaseUrlError);
  });
});

describe('toolRegistrationResponseSchema', () => {
  it('reads the client id and the deployment id (Moodle answer)', () => {
    const parsed = toolRegistrationResponseSchema.parse({
      client_id: 'Xq8h1YqNl5cMsmH',
      application_type: ['web'],
      token_endpoint_auth_method: 'private_key_jwt',
      'https://purl.imsglobal.org/spec/lti-tool-configuration': { deployment_id: '7', domain: 'ecap.example.org' },
    });
    expect(parsed.client_id).toBe('Xq8h1YqNl5cMsmH');
    expect(parsed['https://purl.imsglobal.org/spec/lti-tool-configuration']?.deployment_id).toBe('7');
    expect(parsed.application_type).toEqual(['web']);
  });

  it('accepts an answer without a deployment id and numeric ids (Canvas)', () => {
    const parsed = toolRegistrationResponseSchema.parse({ client_id: 10000000000001, client_name: 'ECAP Planner' });
    expect(parsed.client_id).toBe('10000000000001');
    expect(parsed['https://purl.imsglobal.org/spec/lti-tool-configuration']).toBeUndefined();
  });

  it('requires a client id', () => {
    expect(toolRegistrationResponseSchema.safeParse({ client_name: 'x' }).success).toBe(false);
    expect(toolRegistrationResponseSchema.safeParse({ client_id: '' }).success).toBe(false);
  });
});

describe('canvasDeveloperKey', () => {
  const key = canvasDeveloperKey(BASE);

  it('has the URLs and scopes', () => {
    expect(key).toMatchObject({
      title: TOOL_NAME,
      oidc_initiation_url: 'https://ecap.example.org/lti/login',
      target_link_uri: 'https://ecap.example.org/lti/launch',
      public_jwk_url: 'https://ecap.example.org/lti/keys',
    });
    expect(key.description.length).toBeGreaterThan(0);
    expect(key.scopes).toEqual([...TOOL_SCOPES]);
  });

  it('has one Canvas extension, public privacy, and the four placements', () => {
    expect(key.extensions).toHaveLength(1);
    const ext = key.extensions[0]!;
    expect(ext).toMatchObject({ platform: 'canvas.instructure.com', privacy_level: 'public', domain: 'ecap.example.org' });
    const placements = Object.fromEntries(ext.settings.placements.map((p) => [p.placement, p]));
    expect(Object.keys(placements).sort()).toEqual(
      ['account_navigation', 'assignment_selection', 'course_navigation', 'link_selection'].sort(),
    );
    expect(placements.course_navigation?.message_type).toBe('LtiResourceLinkRequest');
    expect(placements.account_navigation?.message_type).toBe('LtiResourceLinkRequest');
    expect(placements.assignment_selection?.message_type).toBe('LtiDeepLinkingRequest');
    expect(placements.link_selection?.message_type).toBe('LtiDeepLinkingRequest');
    for (const p of ext.settings.placements) expect(p.target_link_uri).toBe('https://ecap.example.org/lti/launch');
  });
});

describe('Moodle and Schoology settings, presets', () => {
  it('gives Moodle the registration URL and the manual fields', () => {
    const moodle = moodleSettings(BASE);
    expect(moodle.dynamicRegistration.toolUrl).toBe('https://ecap.example.org/lti/register');
    const fields = Object.fromEntries(moodle.manual.sections.flatMap((s) => s.fields).map((f) => [f.label, f.value]));
    expect(fields).toMatchObject({
      'LTI version': 'LTI 1.3',
      'Public key type': 'Keyset URL',
      'Public keyset': 'https://ecap.example.org/lti/keys',
      'Initiate login URL': 'https://ecap.example.org/lti/login',
      'Redirection URI(s)': 'https://ecap.example.org/lti/launch',
      'Content Selection URL': 'https://ecap.example.org/lti/launch',
      "Share launcher's name with tool": 'Always',
      "Share launcher's email with tool": 'Always',
    });
  });

  it('gives Schoology the app fields and the fixed platform values', () => {
    const schoology = schoologySettings(BASE);
    const fields = Object.fromEntries(schoology.appFields.map((f) => [f.label, f.value]));
    expect(fields).toMatchObject({
      'Type of App': 'LTI 1.3 App',
      'JWKS URL': 'https://ecap.example.org/lti/keys',
      'OIDC Login Init URL': 'https://ecap.example.org/lti/login',
      'Redirect URLs': 'https://ecap.example.org/lti/launch',
    });
    expect(schoology.copyBackToTool.fixedPlatformValues.issuer).toBe('https://schoology.schoology.com');
  });

  it('has the documented platform endpoints', () => {
    expect(PLATFORM_PRESETS.schoology).toMatchObject({
      issuer: 'https://schoology.schoology.com',
      authEndpoint: 'https://lti-service.svc.schoology.com/lti-service/authorize-redirect',
      tokenEndpoint: 'https://lti-service.svc.schoology.com/lti-service/access-token',
      jwksUrl: 'https://lti-service.svc.schoology.com/lti-service/.well-known/jwks',
    });
    expect(PLATFORM_PRESETS['canvas-cloud']).toMatchObject({
      issuer: 'https://canvas.instructure.com',
      authEndpoint: 'https://sso.canvaslms.com/api/lti/authorize_redirect',
      tokenEndpoint: 'https://sso.canvaslms.com/login/oauth2/token',
      jwksUrl: 'https://sso.canvaslms.com/api/lti/security/jwks',
    });
    expect(moodlePlatformEndpoints('https://moodle.district.org/')).toEqual({
      issuer: 'https://moodle.district.org',
      authEndpoint: 'https://moodle.district.org/mod/lti/auth.php',
      tokenEndpoint: 'https://moodle.district.org/mod/lti/token.php',
      jwksUrl: 'https://moodle.district.org/mod/lti/certs.php',
    });
  });
});

describe('npm run lti-config', () => {
  const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
  const cli = path.join(repoRoot, 'server', 'cli', 'lti-config.ts');
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'lti-config-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function run(args: string[]) {
    return spawnSync(tsx, [cli, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  }

  it('writes the four files', () => {
    const out = path.join(dir, 'cfg');
    const result = run(['--base-url', 'https://ecap.example.org/', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    for (const name of ['canvas-developer-key.json', 'moodle.json', 'schoology.json', 'README.md']) {
      expect(existsSync(path.join(out, name))).toBe(true);
      expect(result.stdout).toContain(path.join(out, name));
    }
    const key: unknown = JSON.parse(readFileSync(path.join(out, 'canvas-developer-key.json'), 'utf8'));
    expect(key).toEqual(canvasDeveloperKey(BASE));
    const moodle: unknown = JSON.parse(readFileSync(path.join(out, 'moodle.json'), 'utf8'));
    expect(moodle).toEqual(moodleSettings(BASE));
    expect(readFileSync(path.join(out, 'README.md'), 'utf8')).toContain('https://ecap.example.org/lti/register');
  }, 60_000);

  it('defaults --out to lti-config in the working directory', () => {
    const result = run(['--base-url', BASE]);
    expect(result.status).toBe(0);
    expect(existsSync(path.join(dir, 'lti-config', 'schoology.json'))).toBe(true);
  }, 60_000);

  it.each([
    [[], /Missing --base-url/],
    [['--base-url', 'ecap.example.org'], /not an absolute URL/],
    [['--base-url', 'https://ecap.example.org/?x=1'], /query string/],
    [['--base-url', BASE, '--colour'], /Unknown option/],
  ])('exits 2 with a clear message for %j', (args, message) => {
    const result = run(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Usage: npm run lti-config');
    expect(existsSync(path.join(dir, 'lti-config'))).toBe(false);
  }, 60_000);
});
