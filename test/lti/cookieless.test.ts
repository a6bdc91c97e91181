import request from 'supertest';
import { PlatformSimulator, type ToolRegistration } from '../support/platform-simulator';
import { TestBrowser, decodeHtmlEntities } from '../support/test-browser';
import { startTestApp, type TestApp } from '../support/app-harness';
import { launch, learnerLaunch, registerToolManually, sessionTokenFrom } from '../support/lti-flow';
import { UserModel } from '../../server/users/user.model';

let tool: TestApp;
let sim: PlatformSimulator;
let reg: ToolRegistration;

beforeAll(async () => {
  tool = await startTestApp();
  sim = await PlatformSimulator.start({ product: 'canvas' });
  reg = await registerToolManually(tool, sim);
});
afterAll(async () => {
  await sim.stop();
  await tool.close();
});

describe('launches in browsers that keep no third-party cookie', () => {
  it('completes through LTI platform storage when the LMS offers it', async () => {
    const storage = new Map<string, string>();
    const { response, sessionToken, browser } = await launch(tool, sim, learnerLaunch(reg.clientId, { user: { sub: 'nocookie-1' } }), {
      cookies: false,
      platformStorage: storage,
    });
    expect(browser.cookies).toHaveLength(0);
    expect(storage.size).toBe(1);
    expect(response.status).toBe(303);
    const me = await request(tool.app).get('/api/session').set('Authorization', `Bearer ${sessionToken}`).expect(200);
    expect(me.body.user.role).toBe('student');
  });

  it('refuses the launch when platform storage returns another browser key', async () => {
    const storage = new Map<string, string>();
    const init = sim.prepareLaunch({ ...learnerLaunch(reg.clientId, { user: { sub: 'nocookie-evil' } }), platformStorage: true });
    const browser = new TestBrowser({ cookies: false, followRedirects: false });
    const login = await browser.postForm(`${tool.baseUrl}/lti/login`, { ...init });
    expect(login.status).toBe(200);
    const data = JSON.parse(/id="lti-storage-request">([\s\S]*?)<\/script>/.exec(login.text)![1]!) as { key: string; next: string };
    storage.set(data.key, 'a-key-from-another-browser');
    const auth = await browser.get(data.next);
    const form = /name="id_token" value="([^"]+)"[\s\S]*name="state" value="([^"]+)"/.exec(auth.text);
    const res = await browser.postForm(`${tool.baseUrl}/lti/launch`, {
      id_token: form![1]!,
      state: form![2]!,
      lti_storage_value: storage.get(data.key)!,
    });
    expect(res.status).toBe(401);
    expect(await UserModel.countDocuments({ ltiSubject: 'nocookie-evil' })).toBe(0);
  });

  it('offers a new window when there is neither cookie nor platform storage, and that window signs in', async () => {
    const opts = learnerLaunch(reg.clientId, { user: { sub: 'nocookie-2' } });
    const framed = await launch(tool, sim, opts, { cookies: false });
    expect(framed.response.status).toBe(200);
    expect(framed.response.text).toContain('Open ECAP Planner in a new window');
    expect(await UserModel.countDocuments({ ltiSubject: 'nocookie-2' })).toBe(0);

    const link = /href="(\/lti\/login\?[^"]+)" target="_blank"/.exec(framed.response.text)![1]!;
    // The new window is first-party: the tool's cookie is kept there.
    const top = new TestBrowser({ cookies: true, followRedirects: false });
    const login = await top.get(`${tool.baseUrl}${decodeHtmlEntities(link)}`);
    expect(login.status).toBe(302);
    const auth = await top.get(login.headers.get('location')!);
    const res = await top.submitForm(auth);
    expect(sessionTokenFrom(res)).toEqual(expect.any(String));
    expect(await UserModel.countDocuments({ ltiSubject: 'nocookie-2' })).toBe(1);
  });

  it('sets the login cookie only for /lti and keeps the state server-side', async () => {
    const init = sim.prepareLaunch(learnerLaunch(reg.clientId));
    const res = await request(tool.app).post('/lti/login').type('form').send(init).expect(302);
    const cookie = (res.headers['set-cookie'] as unknown as string[])[0]!;
    expect(cookie).toMatch(/^ecap_lti_[\w-]+=[\w-]+; Max-Age=600; Path=\/lti;.*HttpOnly/);
    const location = new URL(res.headers.location as string);
    expect(location.searchParams.get('redirect_uri')).toBe(`${tool.baseUrl}/lti/launch`);
    expect(location.searchParams.get('response_mode')).toBe('form_post');
    expect(location.searchParams.get('prompt')).toBe('none');
  });
});
