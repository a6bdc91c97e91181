import request from 'supertest';
import { PlatformSimulator, type LaunchOptions, type ToolRegistration } from './platform-simulator';
import { TestBrowser, parseAutoSubmitForm, type BrowserResponse } from './test-browser';
import { TEST_ADMIN_TOKEN, type TestApp } from './app-harness';

export const ROLES = {
  learner: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner',
  instructor: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor',
  teachingAssistant: 'http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant',
  mentor: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor',
  institutionAdmin: 'http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator',
  institutionStudent: 'http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student',
} as const;

/** The tool as the platform knows it, registered by hand on both sides (no dynamic registration). */
export async function registerToolManually(tool: TestApp, sim: PlatformSimulator): Promise<ToolRegistration> {
  const reg = sim.registerToolManually({
    jwksUri: `${tool.baseUrl}/lti/keys`,
    redirectUris: [`${tool.baseUrl}/lti/launch`],
    initiateLoginUri: `${tool.baseUrl}/lti/login`,
    targetLinkUri: `${tool.baseUrl}/lti/launch`,
  });
  await request(tool.app)
    .post('/api/admin/registrations')
    .set('Authorization', `Bearer ${TEST_ADMIN_TOKEN}`)
    .send({
      name: 'Simulated District',
      product: 'other',
      issuer: sim.issuer,
      clientId: reg.clientId,
      authEndpoint: sim.authorizationEndpoint,
      tokenEndpoint: sim.tokenEndpoint,
      jwksUrl: sim.jwksUrl,
      deploymentId: reg.deploymentId,
    })
    .expect(201);
  return reg;
}

/** Dynamic registration as an admin pasting the tool's URL into the platform does it. */
export async function registerToolDynamically(tool: TestApp, sim: PlatformSimulator, districtName = 'Dynamic District') {
  const browser = new TestBrowser({ cookies: true });
  const token = sim.createRegistrationToken();
  const url = new URL(`${tool.baseUrl}/lti/register`);
  url.searchParams.set('openid_configuration', sim.openidConfigurationUrl);
  url.searchParams.set('registration_token', token);
  const confirm = await browser.get(url.toString());
  const form = parseAutoSubmitForm(confirm.text);
  const done = await browser.postForm(new URL(form.action, confirm.url).toString(), { ...form.fields, district_name: districtName });
  const registration = sim.registrations.at(-1);
  return { confirm, done, registration };
}

export interface LaunchOutcome {
  /** The tool's answer to the launch POST (or the step that stopped the flow). */
  response: BrowserResponse;
  /** Session token from the app redirect's fragment, when the launch succeeded. */
  sessionToken: string | null;
  browser: TestBrowser;
}

/**
 * The whole launch as a browser in the LMS iframe does it: login initiation (form POST) -> platform
 * authorization endpoint -> form_post of the id_token to the tool. `cookies: false` is a browser that
 * blocks third-party cookies; `platformStorage` stands in for the LMS window answering lti.put_data/get_data.
 */
export async function launch(
  tool: TestApp,
  sim: PlatformSimulator,
  opts: LaunchOptions,
  how: { cookies?: boolean; platformStorage?: Map<string, string>; browser?: TestBrowser } = {},
): Promise<LaunchOutcome> {
  const browser = how.browser ?? new TestBrowser({ cookies: how.cookies ?? true, followRedirects: false });
  const init = sim.prepareLaunch({ ...opts, platformStorage: opts.platformStorage ?? Boolean(how.platformStorage) });
  const login = await browser.postForm(`${tool.baseUrl}/lti/login`, { ...init });
  let authUrl: string;
  if (login.status === 302) authUrl = login.headers.get('location') ?? '';
  else if (login.status === 200 && how.platformStorage) {
    const req = storageRequest(login.text);
    how.platformStorage.set(req.key, String(req.value));
    authUrl = String(req.next);
  } else return { response: login, sessionToken: null, browser };

  const auth = await browser.get(authUrl);
  if (auth.status !== 200) return { response: auth, sessionToken: null, browser };
  const form = parseAutoSubmitForm(auth.text);
  let res = await browser.postForm(form.action, form.fields);
  if (res.status === 200 && how.platformStorage && res.text.includes('lti-storage-request')) {
    const check = storageRequest(res.text) as { key: string; form: { action: string; fields: Record<string, string> }; field: string };
    res = await browser.postForm(new URL(check.form.action, tool.baseUrl).toString(), {
      ...check.form.fields,
      [check.field]: how.platformStorage.get(check.key) ?? '',
    });
  }
  return { response: res, sessionToken: sessionTokenFrom(res), browser };
}

export function sessionTokenFrom(res: BrowserResponse): string | null {
  if (res.status !== 303) return null;
  const location = res.headers.get('location') ?? '';
  return /#t=([^&]+)/.exec(location)?.[1] ?? null;
}

function storageRequest(html: string): Record<string, unknown> & { key: string; value?: string; next?: string } {
  const m = /<script type="application\/json" id="lti-storage-request">([\s\S]*?)<\/script>/.exec(html);
  if (!m?.[1]) throw new Error('no platform storage request in the page');
  return JSON.parse(m[1]) as Record<string, unknown> & { key: string };
}

let seq = 0;
/** A learner launch into a course, with overridable parts. */
export function learnerLaunch(clientId: string, overrides: Partial<LaunchOptions> = {}): LaunchOptions {
  seq += 1;
  return {
    clientId,
    user: { sub: `student-${seq}`, name: `Student ${seq}`, email: `student${seq}@school.example`, locale: 'en-US' },
    roles: [ROLES.learner, ROLES.institutionStudent],
    context: { id: 'course-1', title: 'Advisory 9A' },
    resourceLink: { id: `link-${seq}`, title: 'My ECAP' },
    ...overrides,
  };
}
