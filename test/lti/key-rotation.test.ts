import request from 'supertest';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { PlatformSimulator, type ToolRegistration } from '../support/platform-simulator';
import { startTestApp, type TestApp } from '../support/app-harness';
import { launch, learnerLaunch, registerToolManually } from '../support/lti-flow';
import { rotateToolKey, toolKeyset } from '../../server/lti/tool-keys';
import { signDeepLinkingResponse } from '../../server/lti/deep-linking';
import { resetServiceTokenMemory, serviceAccessToken } from '../../server/lti/service-token';

const NRPS_SCOPE = 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly';

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

const kids = async () => ((await request(tool.app).get('/lti/keys').expect(200)).body as JSONWebKeySet).keys.map((k) => k.kid);
const registration = () => ({ issuer: sim.issuer, clientId: reg.clientId });

describe("rotating the tool's signing key", () => {
  it('signs with the new key at once, keeps the old public key published for the grace period, then drops it', async () => {
    const [oldKid] = await kids();
    const rotation = await rotateToolKey(tool.lti, tool.config.ltiKey, registration(), { graceHours: 24 });
    expect(rotation.oldKid).toBe(oldKid);
    expect(rotation.newKid).not.toBe(oldKid);
    expect((await kids()).sort()).toEqual([oldKid, rotation.newKid].sort());

    // A deep linking response is signed with the new key and verifies against the published keyset.
    const jwt = await signDeepLinkingResponse({
      issuer: sim.issuer,
      clientId: reg.clientId,
      deploymentId: reg.deploymentId,
      contentItems: [],
      data: null,
    });
    expect(decodeProtectedHeader(jwt).kid).toBe(rotation.newKid);
    const keyset = (await request(tool.app).get('/lti/keys')).body as JSONWebKeySet;
    await expect(jwtVerify(jwt, createLocalJWKSet(keyset), { algorithms: ['RS256'] })).resolves.toBeTruthy();

    // The platform's token endpoint accepts a client assertion signed with the new key (it reads /lti/keys).
    resetServiceTokenMemory();
    await expect(serviceAccessToken(registration(), [NRPS_SCOPE])).resolves.toEqual(expect.any(String));

    // After the grace period only the new key is published.
    const later = new Date(rotation.oldKeyPublishedUntil.getTime() + 1000);
    expect((await toolKeyset(tool.lti, tool.config.ltiKey, later)).keys.map((k) => k.kid)).toEqual([rotation.newKid]);
  });

  it('keeps launches working after a rotation, and a second rotation retires the key the first one made', async () => {
    const first = await rotateToolKey(tool.lti, tool.config.ltiKey, registration());
    const second = await rotateToolKey(tool.lti, tool.config.ltiKey, registration());
    expect(second.oldKid).toBe(first.newKid);
    expect(await kids()).toEqual(expect.arrayContaining([first.oldKid, first.newKid, second.newKid]));
    const { sessionToken } = await launch(tool, sim, learnerLaunch(reg.clientId));
    expect(sessionToken).toBeTruthy();
  });

  it('refuses to rotate a registration that does not exist', async () => {
    await expect(rotateToolKey(tool.lti, tool.config.ltiKey, { issuer: 'https://nope.example', clientId: 'x' })).rejects.toThrow(
      /no registration for issuer https:\/\/nope.example/,
    );
  });
});
