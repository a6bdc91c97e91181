import http from 'node:http';
import type { AddressInfo } from 'node:net';
import crypto from 'node:crypto';
import { SignJWT, createRemoteJWKSet, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import type { JWK } from 'jose';
import { CLAIMS, MEDIA_TYPES, PlatformSimulator, SCOPES } from './platform-simulator';
import type { LaunchOptions, ToolRegistration } from './platform-simulator';
import { TestBrowser, parseAutoSubmitForm } from './test-browser';

const ROLE = {
  learner: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner',
  instructor: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor',
};

/** A tiny "tool": serves its JWKS and a few cookie routes for the TestBrowser checks. */
interface FakeTool {
  base: string;
  kid: string;
  privateKey: CryptoKey;
  close(): Promise<void>;
}

async function startFakeTool(): Promise<FakeTool> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const kid = 'tool-key-1';
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/keys') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    } else if (url.pathname === '/set-cookie') {
      res
        .writeHead(302, {
          Location: '/echo',
          'Set-Cookie': ['a=1; Path=/', 'gone=x; Path=/; Max-Age=0', 'scoped=2; Path=/other', 'sess=3; Path=/; Secure; HttpOnly; SameSite=None'],
        })
        .end();
    } else if (url.pathname === '/echo') {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end(`${req.method} ${req.headers.cookie ?? ''}`);
    } else if (url.pathname === '/post-redirect') {
      res.writeHead(303, { Location: '/echo' }).end();
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    kid,
    privateKey,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

function registrationBody(tool: FakeTool): Record<string, unknown> {
  const host = new URL(tool.base).host;
  return {
    application_type: 'web',
    response_types: ['id_token'],
    grant_types: ['implicit', 'client_credentials'],
    initiate_login_uri: `${tool.base}/login`,
    redirect_uris: [`${tool.base}/launch`],
    client_name: 'ECAP Planner',
    jwks_uri: `${tool.base}/keys`,
    token_endpoint_auth_method: 'private_key_jwt',
    scope: [SCOPES.lineItem, SCOPES.score, SCOPES.resultReadOnly, SCOPES.nrps].join(' '),
    'https://purl.imsglobal.org/spec/lti-tool-configuration': {
      domain: host,
      target_link_uri: `${tool.base}/launch`,
      claims: ['iss', 'sub', 'name'],
      messages: [{ type: 'LtiResourceLinkRequest' }, { type: 'LtiDeepLinkingRequest' }],
    },
  };
}

describe('PlatformSimulator', () => {
  let sim: PlatformSimulator;
  let tool: FakeTool;
  let reg: ToolRegistration;

  beforeAll(async () => {
    [sim, tool] = await Promise.all([PlatformSimulator.start({ product: 'moodle', nrpsPageSize: 2 }), startFakeTool()]);
  });
  afterAll(async () => {
    await Promise.all([sim.stop(), tool.close()]);
  });

  /** Runs the OIDC authorization step as the tool's browser would and returns the auto-submitted form. */
  async function authorize(opts: Omit<LaunchOptions, 'clientId'>): Promise<{ idToken: string; state: string; action: string }> {
    const init = sim.prepareLaunch({ clientId: reg.clientId, ...opts });
    const q = new URLSearchParams({
      scope: 'openid',
      response_type: 'id_token',
      response_mode: 'form_post',
      prompt: 'none',
      client_id: init.client_id,
      redirect_uri: init.target_link_uri,
      login_hint: init.login_hint,
      lti_message_hint: init.lti_message_hint,
      nonce: 'nonce-123',
      state: 'state-&-"quoted"',
    });
    const page = await new TestBrowser({ cookies: false }).get(`${sim.authorizationEndpoint}?${q}`);
    expect(page.status).toBe(200);
    const form = parseAutoSubmitForm(page.text);
    return { idToken: form.fields['id_token'] ?? '', state: form.fields['state'] ?? '', action: form.action };
  }

  async function clientAssertion(overrides: Record<string, unknown> = {}): Promise<string> {
    return new SignJWT({ iss: reg.clientId, sub: reg.clientId, aud: sim.tokenEndpoint, jti: crypto.randomUUID(), ...overrides })
      .setProtectedHeader({ alg: 'RS256', kid: tool.kid })
      .setIssuedAt()
      .setExpirationTime('1m')
      .sign(tool.privateKey);
  }

  async function accessToken(scope: string): Promise<string> {
    const resp = await fetch(sim.tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: await clientAssertion(),
        scope,
      }),
    });
    expect(resp.status).toBe(200);
    const body = (await resp.json()) as { access_token: string };
    return body.access_token;
  }

  test('openid configuration and JWKS', async () => {
    const conf = (await (await fetch(sim.openidConfigurationUrl)).json()) as Record<string, unknown>;
    expect(conf['issuer']).toBe(sim.issuer);
    expect(conf['token_endpoint']).toBe(sim.tokenEndpoint);
    expect(conf['registration_endpoint']).toBe(sim.registrationEndpoint);
    expect(conf['token_endpoint_auth_methods_supported']).toEqual(['private_key_jwt']);
    expect(conf['scopes_supported']).toEqual(expect.arrayContaining([SCOPES.score, SCOPES.nrps, SCOPES.lineItemReadOnly]));
    expect(conf['https://purl.imsglobal.org/spec/lti-platform-configuration']).toMatchObject({
      product_family_code: 'moodle',
      messages_supported: [{ type: 'LtiResourceLinkRequest' }, { type: 'LtiDeepLinkingRequest' }],
    });
    const jwks = (await (await fetch(sim.jwksUrl)).json()) as { keys: JWK[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', kid: sim.kid });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  test('dynamic registration: bad token, invalid body, success', async () => {
    const post = (token: string, body: unknown): Promise<Response> =>
      fetch(sim.registrationEndpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    expect((await post('nope', registrationBody(tool))).status).toBe(401);

    const bad = await post(sim.createRegistrationToken(), { ...registrationBody(tool), token_endpoint_auth_method: 'client_secret_basic' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toBe('invalid_client_metadata');

    const token = sim.createRegistrationToken();
    const ok = await post(token, registrationBody(tool));
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as Record<string, unknown>;
    expect(typeof body['client_id']).toBe('string');
    const toolConf = body['https://purl.imsglobal.org/spec/lti-tool-configuration'] as Record<string, unknown>;
    expect(typeof toolConf['deployment_id']).toBe('string');
    expect((await post(token, registrationBody(tool))).status).toBe(401); // one use
    reg = sim.registrations.at(-1) as ToolRegistration;
    expect(reg.clientId).toBe(body['client_id']);
    expect(reg.deploymentId).toBe(toolConf['deployment_id']);
    expect(reg.scopes).toContain(SCOPES.score);
  });

  test('authorization request errors name the problem', async () => {
    const init = sim.prepareLaunch({
      clientId: reg.clientId,
      user: { sub: 'u1' },
      roles: [ROLE.learner],
      resourceLink: { id: 'rl1' },
    });
    const q = new URLSearchParams({
      scope: 'openid',
      response_type: 'id_token',
      response_mode: 'form_post',
      prompt: 'none',
      client_id: init.client_id,
      redirect_uri: 'https://evil.example/launch',
      login_hint: init.login_hint,
      lti_message_hint: init.lti_message_hint,
      nonce: 'n',
      state: 's',
    });
    const resp = await fetch(`${sim.authorizationEndpoint}?${q}`);
    expect(resp.status).toBe(400);
    expect(await resp.text()).toMatch(/redirect_uri/);
    q.set('redirect_uri', init.target_link_uri);
    q.delete('nonce');
    const resp2 = await fetch(sim.authorizationEndpoint, { method: 'POST', body: q });
    expect(resp2.status).toBe(400);
    expect(await resp2.text()).toMatch(/nonce/);
  });

  test('a prepared launch yields a verifiable id_token with the LTI claims', async () => {
    const { idToken, state, action } = await authorize({
      user: { sub: 'stu-1', name: 'Ana Diaz', email: 'ana@example.org', locale: 'es' },
      roles: [ROLE.learner],
      context: { id: 'course-1', title: 'Advisory 9', label: 'ADV9' },
      resourceLink: { id: 'rl-1', title: 'Interest inventory' },
      custom: { activity: 'riasec' },
      ags: true,
      nrps: true,
    });
    expect(action).toBe(`${tool.base}/launch`);
    expect(state).toBe('state-&-"quoted"');
    const { payload, protectedHeader } = await jwtVerify(idToken, createRemoteJWKSet(new URL(sim.jwksUrl)), {
      issuer: sim.issuer,
      audience: reg.clientId,
      algorithms: ['RS256'],
    });
    expect(protectedHeader.kid).toBe(sim.kid);
    expect(payload).toMatchObject({
      sub: 'stu-1',
      nonce: 'nonce-123',
      azp: reg.clientId,
      name: 'Ana Diaz',
      locale: 'es',
      [CLAIMS.messageType]: 'LtiResourceLinkRequest',
      [CLAIMS.version]: '1.3.0',
      [CLAIMS.deploymentId]: reg.deploymentId,
      [CLAIMS.targetLinkUri]: `${tool.base}/launch`,
      [CLAIMS.resourceLink]: { id: 'rl-1', title: 'Interest inventory' },
      [CLAIMS.roles]: [ROLE.learner],
      [CLAIMS.context]: { id: 'course-1', title: 'Advisory 9', label: 'ADV9' },
      [CLAIMS.toolPlatform]: { product_family_code: 'moodle' },
      [CLAIMS.launchPresentation]: { document_target: 'iframe', locale: 'es' },
      [CLAIMS.custom]: { activity: 'riasec' },
      [CLAIMS.ags]: { lineitems: `${sim.issuer}/ags/course-1/lineitems` },
      [CLAIMS.nrps]: { context_memberships_url: `${sim.issuer}/nrps/course-1/memberships`, service_versions: ['2.0'] },
    });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(300);
    expect(sim.issuedTokens.at(-1)?.claims['sub']).toBe('stu-1');
  });

  test('deep linking launch and return', async () => {
    const { idToken } = await authorize({
      user: { sub: 'teacher-1' },
      roles: [ROLE.instructor],
      context: { id: 'course-1', title: 'Advisory 9' },
      messageType: 'LtiDeepLinkingRequest',
      deepLinking: { acceptTypes: ['ltiResourceLink'], acceptMultiple: true, data: 'opaque-data' },
    });
    const claims = decodeJwt(idToken);
    const settings = claims[CLAIMS.deepLinkingSettings] as Record<string, unknown>;
    expect(settings).toMatchObject({ accept_types: ['ltiResourceLink'], accept_multiple: true, data: 'opaque-data' });
    expect(claims[CLAIMS.resourceLink]).toBeUndefined();
    const returnUrl = String(settings['deep_link_return_url']);
    expect(returnUrl.startsWith(sim.deepLinkReturnUrl)).toBe(true);

    const response = (data: string | undefined, deploymentId = reg.deploymentId): Promise<string> =>
      new SignJWT({
        nonce: 'dl-nonce',
        [CLAIMS.messageType]: 'LtiDeepLinkingResponse',
        [CLAIMS.version]: '1.3.0',
        [CLAIMS.deploymentId]: deploymentId,
        ...(data !== undefined ? { [CLAIMS.dlData]: data } : {}),
        [CLAIMS.dlContentItems]: [
          { type: 'ltiResourceLink', title: 'Career cluster survey', lineItem: { scoreMaximum: 10, label: 'Survey', tag: 'ecap' } },
        ],
      })
        .setProtectedHeader({ alg: 'RS256', kid: tool.kid })
        .setIssuer(reg.clientId)
        .setAudience(sim.issuer)
        .setIssuedAt()
        .setExpirationTime('1m')
        .sign(tool.privateKey);

    const browser = new TestBrowser({ cookies: false });
    const wrongData = await browser.postForm(returnUrl, { JWT: await response('other') });
    expect(wrongData.status).toBe(400);
    expect(wrongData.text).toMatch(/data/);
    const wrongDeployment = await browser.postForm(returnUrl, { JWT: await response('opaque-data', 'nope') });
    expect(wrongDeployment.status).toBe(400);
    const ok = await browser.postForm(returnUrl, { JWT: await response('opaque-data') });
    expect(ok.status).toBe(200);
    const rec = sim.deepLinkResponses.at(-1);
    expect(rec?.contentItems).toHaveLength(1);
    expect(rec?.createdLineItems[0]).toMatchObject({ scoreMaximum: 10, label: 'Survey', tag: 'ecap' });
  });

  test('tampering options', async () => {
    const base = { user: { sub: 'stu-2' }, roles: [ROLE.learner], resourceLink: { id: 'rl-2' } };
    const jwks = createRemoteJWKSet(new URL(sim.jwksUrl));

    const unknown = await authorize({ ...base, tamper: { signWithUnknownKey: true } });
    expect(decodeProtectedHeader(unknown.idToken).kid).toBe(sim.unknownKid);
    await expect(jwtVerify(unknown.idToken, jwks)).rejects.toThrow();

    const none = await authorize({ ...base, tamper: { algNone: true } });
    expect(decodeProtectedHeader(none.idToken).alg).toBe('none');

    const expired = await authorize({ ...base, tamper: { expiresInSec: -60 } });
    await expect(jwtVerify(expired.idToken, jwks)).rejects.toThrow(/exp/);

    const other = await authorize({
      ...base,
      tamper: { aud: 'someone-else', iss: 'https://evil.example', nonce: 'forged', omitMessageType: true, deploymentId: 'dep-x', kid: 'kid-x', iatOffsetSec: -3600 },
    });
    const c = decodeJwt(other.idToken);
    expect(c).toMatchObject({ aud: 'someone-else', iss: 'https://evil.example', nonce: 'forged', [CLAIMS.deploymentId]: 'dep-x' });
    expect(c[CLAIMS.messageType]).toBeUndefined();
    expect((c.exp ?? 0) - (c.iat ?? 0)).toBe(3900);
    expect(decodeProtectedHeader(other.idToken).kid).toBe('kid-x');
  });

  test('token endpoint: client credentials with private_key_jwt', async () => {
    const before = sim.tokenRequests;
    const send = async (fields: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> => {
      const resp = await fetch(sim.tokenEndpoint, { method: 'POST', body: new URLSearchParams(fields) });
      return { status: resp.status, body: (await resp.json()) as Record<string, unknown> };
    };
    const base = {
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      scope: `${SCOPES.score} ${SCOPES.nrps}`,
    };
    const assertion = await clientAssertion();
    const ok = await send({ ...base, client_assertion: assertion });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: base.scope });
    expect(typeof ok.body['access_token']).toBe('string');

    expect((await send({ ...base, client_assertion: assertion })).body['error']).toBe('invalid_client'); // jti replay
    const badScope = await send({ ...base, scope: 'https://purl.imsglobal.org/spec/lti-ags/scope/everything', client_assertion: await clientAssertion() });
    expect(badScope).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    const wrongAud = await send({ ...base, client_assertion: await clientAssertion({ aud: 'https://elsewhere.example/token' }) });
    expect(wrongAud.status).toBe(401);
    expect((await send({ ...base, grant_type: 'password', client_assertion: await clientAssertion() })).status).toBe(400);

    sim.failNext('token', 1, { status: 503, retryAfterSec: 1 });
    expect((await send({ ...base, client_assertion: await clientAssertion() })).status).toBe(503);
    expect(sim.tokenRequests - before).toBe(6);
  });

  test('NRPS paging, limit and role filter', async () => {
    sim.setRoster('course-1', [
      { user_id: 't1', name: 'Teacher', roles: [ROLE.instructor] },
      ...['s1', 's2', 's3', 's4'].map((id) => ({ user_id: id, name: `Student ${id}`, roles: [ROLE.learner] })),
    ]);
    const token = await accessToken(SCOPES.nrps);
    const auth = { Authorization: `Bearer ${token}`, Accept: MEDIA_TYPES.membershipContainer };
    expect((await fetch(`${sim.issuer}/nrps/course-1/memberships`)).status).toBe(401);

    const ids: string[] = [];
    let next: string | undefined = `${sim.issuer}/nrps/course-1/memberships`;
    let pages = 0;
    while (next) {
      const resp: Response = await fetch(next, { headers: auth });
      expect(resp.status).toBe(200);
      expect(resp.headers.get('content-type')).toContain(MEDIA_TYPES.membershipContainer);
      const body = (await resp.json()) as { context: { id: string }; members: Array<{ user_id: string; status: string }> };
      expect(body.context.id).toBe('course-1');
      ids.push(...body.members.map((m) => m.user_id));
      next = /<([^>]+)>;\s*rel="next"/.exec(resp.headers.get('link') ?? '')?.[1];
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(ids).toEqual(['t1', 's1', 's2', 's3', 's4']);

    const one = await fetch(`${sim.issuer}/nrps/course-1/memberships?limit=1&role=Instructor`, { headers: auth });
    const oneBody = (await one.json()) as { members: Array<{ user_id: string; status: string }> };
    expect(oneBody.members).toEqual([expect.objectContaining({ user_id: 't1', status: 'Active' })]);
    expect(one.headers.get('link')).toBeNull();

    sim.failNext('nrps', 1, { status: 500 });
    expect((await fetch(`${sim.issuer}/nrps/course-1/memberships`, { headers: auth })).status).toBe(500);
  });

  test('AGS line items, scores with fault injection, results', async () => {
    const token = await accessToken(`${SCOPES.lineItem} ${SCOPES.score} ${SCOPES.resultReadOnly}`);
    const lineitems = `${sim.issuer}/ags/course-1/lineitems`;
    const created = await fetch(lineitems, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': MEDIA_TYPES.lineItem },
      body: JSON.stringify({ scoreMaximum: 20, label: 'Goals', resourceId: 'act-goals', tag: 'ecap' }),
    });
    expect(created.status).toBe(201);
    const item = (await created.json()) as { id: string };
    const invalid = await fetch(lineitems, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': MEDIA_TYPES.lineItem },
      body: JSON.stringify({ scoreMaximum: 0, label: 'x' }),
    });
    expect(invalid.status).toBe(400);
    const list = await fetch(`${lineitems}?resource_id=act-goals`, { headers: { Authorization: `Bearer ${token}` } });
    expect(list.headers.get('content-type')).toContain(MEDIA_TYPES.lineItemContainer);
    expect(((await list.json()) as unknown[]).length).toBe(1);

    const score = {
      userId: 's1',
      scoreGiven: 15,
      scoreMaximum: 20,
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
      timestamp: '2026-11-24T10:00:00.000+00:00',
    };
    const postScore = (body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
      fetch(`${item.id}/scores`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': MEDIA_TYPES.score, 'User-Agent': 'ecap-test/1.0', ...headers },
        body: JSON.stringify(body),
      });

    sim.failNext('scores', 2, { status: 429, retryAfterSec: 3 });
    const f1 = await postScore(score);
    expect(f1.status).toBe(429);
    expect(f1.headers.get('retry-after')).toBe('3');
    expect((await postScore(score)).status).toBe(429);
    expect((await postScore(score)).status).toBe(200);
    expect(sim.scores).toHaveLength(1);
    expect(sim.scores[0]).toMatchObject({ userAgent: 'ecap-test/1.0', applied: true, score: { userId: 's1', scoreGiven: 15 } });

    expect((await postScore({ ...score, scoreGiven: 25 })).status).toBe(400);
    expect((await postScore({ ...score, timestamp: '2026-11-24T10:00:00' })).status).toBe(400);
    expect((await postScore(score, { 'Content-Type': 'application/json' })).status).toBe(415);

    // No User-Agent at all (node's fetch always sends one, so use http.request).
    const noUa = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${item.id}/scores`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': MEDIA_TYPES.score },
      });
      req.on('response', (r) => {
        r.resume();
        resolve(r.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(JSON.stringify(score));
    });
    expect(noUa).toBe(400);

    const results = await fetch(`${item.id}/results`, { headers: { Authorization: `Bearer ${token}` } });
    expect(results.headers.get('content-type')).toContain(MEDIA_TYPES.resultContainer);
    expect(await results.json()).toEqual([expect.objectContaining({ userId: 's1', resultScore: 15, resultMaximum: 20 })]);

    const nrpsOnly = await accessToken(SCOPES.nrps);
    expect((await postScore(score, { Authorization: `Bearer ${nrpsOnly}` })).status).toBe(403);
  });

  test('TestBrowser cookie jar and redirects', async () => {
    const withCookies = new TestBrowser({ cookies: true });
    const r = await withCookies.get(`${tool.base}/set-cookie`);
    expect(r.url).toBe(`${tool.base}/echo`);
    expect(r.text).toBe('GET a=1; sess=3');
    expect(withCookies.cookies.map((c) => c.name).sort()).toEqual(['a', 'scoped', 'sess']);
    const posted = await withCookies.postForm(`${tool.base}/post-redirect`, { x: '1' });
    expect(posted.text).toBe('GET a=1; sess=3');
    const noFollow = await withCookies.get(`${tool.base}/set-cookie`, { followRedirects: false });
    expect(noFollow.status).toBe(302);

    const blocked = new TestBrowser({ cookies: false });
    expect((await blocked.get(`${tool.base}/set-cookie`)).text).toBe('GET ');
    expect(blocked.cookies).toHaveLength(0);

    expect(
      parseAutoSubmitForm(`<form action='https://t.example/a?x=1&amp;y=2' method=post><input type=hidden name="a" value="&lt;&#39;&#x22;&gt;"></form>`),
    ).toEqual({ action: 'https://t.example/a?x=1&y=2', method: 'post', fields: { a: `<'">` } });
  });
});
