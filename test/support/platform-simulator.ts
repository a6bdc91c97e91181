/**
 * LTI 1.3 platform simulator for end-to-end tests.
 *
 * Implements the platform side of 1EdTech LTI Core 1.3, Security Framework 1.0, Dynamic Registration 1.0,
 * Deep Linking 2.0, AGS 2.0 and NRPS 2.0 over real HTTP (express 5 on 127.0.0.1, random port). It is strict
 * like Canvas/Moodle so that a real tool (ltijs 5.9) can be exercised against it, and offers tampering and
 * fault injection for negative tests.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import {
  SignJWT,
  UnsecuredJWT,
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  jwtVerify,
} from 'jose';
import type { JSONWebKeySet, JWK, JWTPayload } from 'jose';

// ---------------------------------------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------------------------------------

export const LTI_CLAIM = 'https://purl.imsglobal.org/spec/lti/claim/';
export const CLAIMS = {
  messageType: `${LTI_CLAIM}message_type`,
  version: `${LTI_CLAIM}version`,
  deploymentId: `${LTI_CLAIM}deployment_id`,
  targetLinkUri: `${LTI_CLAIM}target_link_uri`,
  resourceLink: `${LTI_CLAIM}resource_link`,
  roles: `${LTI_CLAIM}roles`,
  context: `${LTI_CLAIM}context`,
  toolPlatform: `${LTI_CLAIM}tool_platform`,
  launchPresentation: `${LTI_CLAIM}launch_presentation`,
  custom: `${LTI_CLAIM}custom`,
  roleScopeMentor: `${LTI_CLAIM}role_scope_mentor`,
  lis: `${LTI_CLAIM}lis`,
  ags: 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint',
  nrps: 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice',
  deepLinkingSettings: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
  dlContentItems: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items',
  dlData: 'https://purl.imsglobal.org/spec/lti-dl/claim/data',
} as const;

export const SCOPES = {
  lineItem: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  lineItemReadOnly: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly',
  resultReadOnly: 'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
  score: 'https://purl.imsglobal.org/spec/lti-ags/scope/score',
  nrps: 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
} as const;
const ALL_SCOPES: string[] = Object.values(SCOPES);
const AGS_SCOPES: string[] = [SCOPES.lineItem, SCOPES.lineItemReadOnly, SCOPES.resultReadOnly, SCOPES.score];

export const MEDIA_TYPES = {
  lineItem: 'application/vnd.ims.lis.v2.lineitem+json',
  lineItemContainer: 'application/vnd.ims.lis.v2.lineitemcontainer+json',
  score: 'application/vnd.ims.lis.v1.score+json',
  resultContainer: 'application/vnd.ims.lis.v2.resultcontainer+json',
  membershipContainer: 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json',
} as const;

const PLATFORM_CONFIG_KEY = 'https://purl.imsglobal.org/spec/lti-platform-configuration';
const TOOL_CONFIG_KEY = 'https://purl.imsglobal.org/spec/lti-tool-configuration';
const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const ACTIVITY_PROGRESS = ['Initialized', 'Started', 'InProgress', 'Submitted', 'Completed'];
const GRADING_PROGRESS = ['FullyGraded', 'Pending', 'PendingManual', 'Failed', 'NotReady'];
const ISO_8601_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const MEMBERSHIP_ROLE_PREFIX = 'http://purl.imsglobal.org/vocab/lis/v2/membership#';

/**
 * The platform side of the 1EdTech "LTI Client Side postMessages" platform storage (lti.capabilities,
 * lti.put_data, lti.get_data), as Canvas implements it: values kept per tool origin in the LMS window,
 * replies posted to event.source with targetOrigin event.origin, subject '<request>.response', the request's
 * message_id, and errors as { error: { code, message } }. The store is exposed as window.__ltiPlatformStorage.
 */
const LMS_PLATFORM_STORAGE_SCRIPT = `(function () {
  var store = {};
  window.__ltiPlatformStorage = store;
  var SUBJECTS = ['lti.capabilities', 'lti.put_data', 'lti.get_data'];
  window.addEventListener('message', function (event) {
    var msg = event.data;
    if (!msg || typeof msg !== 'object' || typeof msg.subject !== 'string') return;
    if (/\\.response$/.test(msg.subject) || !event.source) return;
    function reply(contents) {
      var out = { subject: msg.subject + '.response' };
      if (msg.message_id) out.message_id = msg.message_id;
      for (var k in contents) out[k] = contents[k];
      event.source.postMessage(out, event.origin);
    }
    function error(code, message) { reply({ error: { code: code, message: message } }); }
    if (SUBJECTS.indexOf(msg.subject) === -1) return error('unsupported_subject', 'unsupported subject ' + msg.subject);
    if (msg.subject === 'lti.capabilities') {
      return reply({ supported_messages: SUBJECTS.map(function (s) { return { subject: s }; }) });
    }
    if (!msg.key) return error('bad_request', "Missing required 'key' field");
    if (!msg.message_id) return error('bad_request', "Missing required 'message_id' field");
    var bucket = store[event.origin] || (store[event.origin] = {});
    if (msg.subject === 'lti.put_data') {
      if (msg.value === undefined || msg.value === null || msg.value === '') {
        delete bucket[msg.key];
        return reply({ key: msg.key });
      }
      bucket[msg.key] = String(msg.value);
      return reply({ key: msg.key, value: bucket[msg.key] });
    }
    return reply({ key: msg.key, value: Object.prototype.hasOwnProperty.call(bucket, msg.key) ? bucket[msg.key] : undefined });
  });
})();
`;

// ---------------------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------------------

export type PlatformProduct = 'canvas' | 'moodle' | 'schoology';
export type LtiMessageType = 'LtiResourceLinkRequest' | 'LtiDeepLinkingRequest';
export type FaultEndpoint = 'scores' | 'token' | 'lineitems' | 'nrps';
export type Claims = Record<string, unknown>;

export interface PlatformSimulatorOptions {
  product?: PlatformProduct;
  /** NRPS page size, also the maximum honoured `limit` (as Canvas caps per_page). Default 50. */
  nrpsPageSize?: number;
}

export interface ToolRegistration {
  clientId: string;
  /** The first deployment; more can be added with `addDeployment`. */
  deploymentId: string;
  deploymentIds: string[];
  jwksUri: string;
  redirectUris: string[];
  initiateLoginUri: string;
  targetLinkUri: string;
  scopes: string[];
  /** The registration request body as received (dynamic registration) or the manual options. */
  raw: Record<string, unknown>;
}

export interface ManualRegistrationOptions {
  clientId?: string;
  deploymentId?: string;
  jwksUri: string;
  redirectUris: string[];
  initiateLoginUri: string;
  targetLinkUri: string;
  /** Defaults to every AGS and NRPS scope. */
  scopes?: string[];
}

export interface LaunchUser {
  sub: string;
  name?: string;
  given_name?: string;
  family_name?: string;
  email?: string;
  locale?: string;
}

export interface LaunchTamper {
  signWithUnknownKey?: boolean;
  algNone?: boolean;
  aud?: string;
  iss?: string;
  /** exp = now + expiresInSec (negative = already expired). Default 300. */
  expiresInSec?: number;
  /** iat = now + iatOffsetSec (exp is not shifted). */
  iatOffsetSec?: number;
  /** Replaces the nonce echoed from the authorization request. */
  nonce?: string;
  omitMessageType?: boolean;
  /** Deployment id put in the id_token only (the login initiation keeps the real one). */
  deploymentId?: string;
  /** kid put in the JWS header. */
  kid?: string;
}

export interface LaunchOptions {
  clientId: string;
  user: LaunchUser;
  roles: string[];
  context?: { id: string; title: string; label?: string };
  resourceLink?: { id: string; title?: string };
  messageType?: LtiMessageType;
  custom?: Record<string, string>;
  mentees?: string[];
  deepLinking?: { acceptTypes?: string[]; acceptMultiple?: boolean; data?: string };
  ags?: boolean;
  nrps?: boolean;
  platformStorage?: boolean;
  targetLinkUri?: string;
  deploymentId?: string;
  tamper?: LaunchTamper;
}

/** Third-party-initiated login parameters, as the platform sends them to the tool's initiate_login_uri. */
export interface LoginInitiation {
  iss: string;
  login_hint: string;
  target_link_uri: string;
  lti_message_hint: string;
  client_id: string;
  lti_deployment_id: string;
  lti_storage_target?: string;
}

export interface IssuedToken {
  idToken: string;
  header: Record<string, unknown>;
  claims: Claims;
  clientId: string;
  redirectUri: string;
  state: string;
  lti_message_hint: string;
}

export interface RosterMember {
  user_id: string;
  name?: string;
  given_name?: string;
  family_name?: string;
  email?: string;
  roles: string[];
  status?: 'Active' | 'Inactive' | 'Deleted';
  lis_person_sourcedid?: string;
}

export interface LineItem {
  /** Absolute URL of the line item. */
  id: string;
  scoreMaximum: number;
  label: string;
  resourceId?: string;
  resourceLinkId?: string;
  tag?: string;
  startDateTime?: string;
  endDateTime?: string;
  gradesReleased?: boolean;
}

export interface ScoreBody {
  userId: string;
  timestamp: string;
  activityProgress: string;
  gradingProgress: string;
  scoreGiven?: number;
  scoreMaximum?: number;
  comment?: string;
  [extra: string]: unknown;
}

export interface ScoreRecord {
  contextId: string;
  /** Absolute URL of the line item. */
  lineItemId: string;
  clientId: string;
  userAgent: string;
  receivedAt: Date;
  score: ScoreBody;
  /** false when ignored because an earlier-received score had a later timestamp (AGS 2.0 rule). */
  applied: boolean;
}

export interface DeepLinkResponseRecord {
  claims: Claims;
  contentItems: Array<Record<string, unknown>>;
  /** Line items the platform created for ltiResourceLink items carrying a lineItem (like Canvas). */
  createdLineItems: LineItem[];
  /** The lti_message_hint of the deep linking launch the response belongs to, when known. */
  launchHint?: string;
}

export interface FaultResponse {
  status: number;
  retryAfterSec?: number;
}

interface PreparedLaunch {
  hint: string;
  opts: LaunchOptions;
  registration: ToolRegistration;
  deploymentId: string;
  targetLinkUri: string;
  messageType: LtiMessageType;
}

interface AccessTokenRecord {
  token: string;
  clientId: string;
  scopes: string[];
  expiresAt: number;
}

interface KeyPair {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------

async function makeKeyPair(): Promise<KeyPair> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = crypto.randomBytes(12).toString('hex');
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, publicJwk };
}

function randomId(bytes = 12): string {
  return crypto.randomBytes(bytes).toString('hex');
}

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function isUrl(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Merges query and (form or JSON) body parameters into string values. */
function params(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (src: unknown): void => {
    if (!isRecord(src)) return;
    for (const [k, v] of Object.entries(src)) if (typeof v === 'string') out[k] = v;
  };
  add(req.query);
  add(req.body);
  return out;
}

function header(req: Request, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

function paginate<T>(
  items: T[],
  req: Request,
  baseUrl: string,
  maxPageSize: number,
): { page: T[]; next?: string } {
  const limitRaw = typeof req.query['limit'] === 'string' ? Number.parseInt(req.query['limit'], 10) : NaN;
  const size = Number.isFinite(limitRaw) && limitRaw > 0 ? Math.min(limitRaw, maxPageSize) : maxPageSize;
  const pageRaw = typeof req.query['page'] === 'string' ? Number.parseInt(req.query['page'], 10) : 1;
  const pageNo = Number.isFinite(pageRaw) && pageRaw > 0 ? pageRaw : 1;
  const start = (pageNo - 1) * size;
  const page = items.slice(start, start + size);
  if (start + size >= items.length) return { page };
  const next = new URL(baseUrl);
  for (const [k, v] of Object.entries(req.query)) if (typeof v === 'string') next.searchParams.set(k, v);
  next.searchParams.set('page', String(pageNo + 1));
  return { page, next: next.toString() };
}

function productInfo(product: PlatformProduct): { name: string; version: string } {
  switch (product) {
    case 'canvas':
      return { name: 'Canvas LMS (simulated)', version: 'cloud' };
    case 'moodle':
      return { name: 'Moodle (simulated)', version: '4.3' };
    case 'schoology':
      return { name: 'Schoology (simulated)', version: '2024' };
  }
}

// ---------------------------------------------------------------------------------------------------------
// The simulator
// ---------------------------------------------------------------------------------------------------------

export class PlatformSimulator {
  readonly product: PlatformProduct;
  readonly nrpsPageSize: number;
  readonly platformGuid = randomId(8);

  issuer = '';
  openidConfigurationUrl = '';
  jwksUrl = '';
  authorizationEndpoint = '';
  tokenEndpoint = '';
  registrationEndpoint = '';
  deepLinkReturnUrl = '';

  /** Extra delay added before answering every request. */
  latencyMs = 0;

  readonly registrations: ToolRegistration[] = [];
  readonly issuedTokens: IssuedToken[] = [];
  readonly scores: ScoreRecord[] = [];
  readonly deepLinkResponses: DeepLinkResponseRecord[] = [];
  /** Every authorization request received, valid or not (the merged query/body parameters). */
  readonly authorizationRequests: Array<Record<string, string>> = [];
  /** Number of requests received by the token endpoint (including failed ones). */
  tokenRequests = 0;

  private server: http.Server | undefined;
  private signingKey!: KeyPair;
  private readonly publishedKeys: KeyPair[] = [];
  private unknownKey!: KeyPair;
  private readonly registrationTokens = new Set<string>();
  private readonly launches = new Map<string, PreparedLaunch>();
  private readonly accessTokens = new Map<string, AccessTokenRecord>();
  private readonly usedJtis = new Set<string>();
  private readonly rosters = new Map<string, RosterMember[]>();
  private readonly contexts = new Map<string, { id: string; title?: string; label?: string }>();
  private readonly lineItems = new Map<string, { contextId: string; item: LineItem }>();
  private readonly faults = new Map<FaultEndpoint, { remaining: number; response: FaultResponse }>();
  private lineItemSeq = 0;
  private clientSeq = 0;

  private constructor(opts: PlatformSimulatorOptions) {
    this.product = opts.product ?? 'canvas';
    this.nrpsPageSize = opts.nrpsPageSize ?? 50;
  }

  static async start(opts: PlatformSimulatorOptions = {}): Promise<PlatformSimulator> {
    const sim = new PlatformSimulator(opts);
    sim.signingKey = await makeKeyPair();
    sim.publishedKeys.push(sim.signingKey);
    sim.unknownKey = await makeKeyPair();
    const app = sim.buildApp();
    const server = http.createServer(app);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    sim.server = server;
    const { port } = server.address() as AddressInfo;
    sim.issuer = `http://127.0.0.1:${port}`;
    sim.openidConfigurationUrl = `${sim.issuer}/.well-known/openid-configuration`;
    sim.jwksUrl = `${sim.issuer}/.well-known/jwks.json`;
    sim.authorizationEndpoint = `${sim.issuer}/authorize`;
    sim.tokenEndpoint = `${sim.issuer}/token`;
    sim.registrationEndpoint = `${sim.issuer}/registration`;
    sim.deepLinkReturnUrl = `${sim.issuer}/deep-linking/return`;
    return sim;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  // ----- keys ---------------------------------------------------------------------------------------------

  /** kid of the key currently signing id_tokens. */
  get kid(): string {
    return this.signingKey.kid;
  }

  /** kid of the never-published key used by `tamper.signWithUnknownKey`. */
  get unknownKid(): string {
    return this.unknownKey.kid;
  }

  /** The published JWKS (public keys only). */
  get jwks(): JSONWebKeySet {
    return { keys: this.publishedKeys.map((k) => k.publicJwk) };
  }

  /** Key rotation: a new signing key is generated and published next to the old ones. */
  async rotateKeys(opts: { retireOld?: boolean } = {}): Promise<string> {
    const next = await makeKeyPair();
    if (opts.retireOld) this.publishedKeys.length = 0;
    this.publishedKeys.push(next);
    this.signingKey = next;
    return next.kid;
  }

  // ----- registration -------------------------------------------------------------------------------------

  createRegistrationToken(): string {
    const token = randomId(24);
    this.registrationTokens.add(token);
    return token;
  }

  registerToolManually(opts: ManualRegistrationOptions): ToolRegistration {
    const reg: ToolRegistration = {
      clientId: opts.clientId ?? this.newClientId(),
      deploymentId: opts.deploymentId ?? this.newDeploymentId(),
      deploymentIds: [],
      jwksUri: opts.jwksUri,
      redirectUris: [...opts.redirectUris],
      initiateLoginUri: opts.initiateLoginUri,
      targetLinkUri: opts.targetLinkUri,
      scopes: opts.scopes ? [...opts.scopes] : [...ALL_SCOPES],
      raw: { ...opts },
    };
    reg.deploymentIds.push(reg.deploymentId);
    if (this.registrations.some((r) => r.clientId === reg.clientId)) {
      throw new Error(`client_id ${reg.clientId} is already registered`);
    }
    this.registrations.push(reg);
    return reg;
  }

  /** Adds another deployment (school, sub-account) to a registration; returns its id. */
  addDeployment(clientId: string, deploymentId?: string): string {
    const reg = this.requireRegistration(clientId);
    const id = deploymentId ?? this.newDeploymentId();
    if (!reg.deploymentIds.includes(id)) reg.deploymentIds.push(id);
    return id;
  }

  getRegistration(clientId: string): ToolRegistration | undefined {
    return this.registrations.find((r) => r.clientId === clientId);
  }

  private requireRegistration(clientId: string): ToolRegistration {
    const reg = this.getRegistration(clientId);
    if (!reg) throw new Error(`No registration with client_id ${clientId}`);
    return reg;
  }

  private newClientId(): string {
    this.clientSeq += 1;
    return this.product === 'canvas' ? String(10000000000000 + this.clientSeq) : `sim-${randomId(6)}`;
  }

  private newDeploymentId(): string {
    return this.product === 'canvas' ? `${this.clientSeq}:${randomId(20)}` : String(100 + this.clientSeq * 10 + this.registrations.length);
  }

  // ----- launches -----------------------------------------------------------------------------------------

  prepareLaunch(opts: LaunchOptions): LoginInitiation {
    const registration = this.requireRegistration(opts.clientId);
    const messageType: LtiMessageType = opts.messageType ?? 'LtiResourceLinkRequest';
    if (messageType === 'LtiResourceLinkRequest' && !opts.resourceLink) {
      throw new Error('prepareLaunch: a resource link launch needs resourceLink');
    }
    if ((opts.ags || opts.nrps) && !opts.context) throw new Error('prepareLaunch: ags/nrps need a context');
    const deploymentId = opts.deploymentId ?? registration.deploymentId;
    const targetLinkUri = opts.targetLinkUri ?? this.defaultTargetLinkUri(registration, messageType);
    if (opts.context) {
      this.contexts.set(opts.context.id, { ...this.contexts.get(opts.context.id), ...opts.context });
    }
    const hint = randomId(16);
    this.launches.set(hint, { hint, opts, registration, deploymentId, targetLinkUri, messageType });
    const init: LoginInitiation = {
      iss: this.issuer,
      login_hint: opts.user.sub,
      target_link_uri: targetLinkUri,
      lti_message_hint: hint,
      client_id: registration.clientId,
      lti_deployment_id: deploymentId,
    };
    if (opts.platformStorage) init.lti_storage_target = '_parent';
    return init;
  }

  /** The GET URL of the tool's initiate_login_uri carrying the login initiation parameters. */
  loginInitiationUrl(init: LoginInitiation): string {
    const reg = this.requireRegistration(init.client_id);
    const url = new URL(reg.initiateLoginUri);
    for (const [k, v] of Object.entries(init)) if (typeof v === 'string') url.searchParams.set(k, v);
    return url.toString();
  }

  /**
   * The URL of a simulated LMS course page that launches this prepared launch into an iframe, as Canvas does:
   * the page posts the login initiation into `<iframe name="tool-frame">` and, when the launch offers platform
   * storage (`lti_storage_target`), answers the tool's lti.capabilities / lti.put_data / lti.get_data messages.
   * It is served on the origin of `authorizationEndpoint` (the origin the tool sends its postMessages to).
   */
  lmsPageUrl(init: LoginInitiation): string {
    return `${new URL(this.authorizationEndpoint).origin}/lms/launch/${encodeURIComponent(init.lti_message_hint)}`;
  }

  /**
   * Serves the browser-facing platform pages (authorization endpoint, LMS course page, deep linking return) on
   * another host name of the same server, e.g. 'localhost' while the tool runs on 127.0.0.1, so the tool frame
   * is cross-site to the LMS page as in production. Server-to-server URLs (issuer, JWKS, token, services) keep
   * 127.0.0.1. Call before registering the tool: the tool stores the authorization endpoint.
   */
  useBrowserHostname(hostname: string): void {
    const swap = (url: string): string => {
      const u = new URL(url);
      u.hostname = hostname;
      return u.toString();
    };
    this.authorizationEndpoint = swap(this.authorizationEndpoint);
    this.deepLinkReturnUrl = swap(this.deepLinkReturnUrl);
  }

  private loginInitiationFor(launch: PreparedLaunch): LoginInitiation {
    const init: LoginInitiation = {
      iss: this.issuer,
      login_hint: launch.opts.user.sub,
      target_link_uri: launch.targetLinkUri,
      lti_message_hint: launch.hint,
      client_id: launch.registration.clientId,
      lti_deployment_id: launch.deploymentId,
    };
    if (launch.opts.platformStorage) init.lti_storage_target = '_parent';
    return init;
  }

  private handleLmsPage(req: Request, res: Response): void {
    const launch = this.launches.get(String(req.params['hint']));
    if (!launch) {
      res.status(404).type('text/plain').send('no prepared launch with this lti_message_hint');
      return;
    }
    const init = this.loginInitiationFor(launch);
    const info = productInfo(this.product);
    const courseTitle = launch.opts.context?.title ?? 'Account';
    const linkTitle = launch.opts.resourceLink?.title ?? 'ECAP Planner';
    const fields = Object.entries(init)
      .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(String(v))}">`)
      .join('');
    res
      .status(200)
      .type('html')
      .send(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">' +
          `<title>${escapeHtml(linkTitle)}: ${escapeHtml(courseTitle)}</title>` +
          '<style>' +
          'html,body{margin:0;height:100%;font-family:system-ui,sans-serif;color:#273540}' +
          'body{display:grid;grid-template-rows:auto 1fr;}' +
          'header{background:#394b58;color:#fff;padding:.5rem 1rem;font-weight:600}' +
          '.layout{display:grid;grid-template-columns:11rem 1fr;min-height:0}' +
          'nav{border-right:1px solid #c7cdd1;padding:1rem}nav a{display:block;color:#2b7abc;padding:.25rem 0}' +
          'main{display:grid;grid-template-rows:auto 1fr;min-height:0;padding:0 1rem 1rem}' +
          'h1{font-size:1.25rem;margin:.75rem 0}' +
          'iframe{width:100%;height:100%;border:1px solid #c7cdd1}' +
          '</style></head><body>' +
          `<header>${escapeHtml(info.name)}</header>` +
          '<div class="layout">' +
          `<nav aria-label="Course navigation"><a href="#">Home</a><a href="#">Modules</a><a href="#">Assignments</a><a href="#">Grades</a></nav>` +
          `<main><h1>${escapeHtml(linkTitle)}</h1>` +
          `<iframe name="tool-frame" id="tool-frame" title="${escapeHtml(linkTitle)}" ` +
          'allow="clipboard-write; fullscreen" allowfullscreen></iframe>' +
          `<form id="launch-form" method="post" target="tool-frame" action="${escapeHtml(launch.registration.initiateLoginUri)}">` +
          `${fields}</form></main></div>` +
          `<script>${init.lti_storage_target ? LMS_PLATFORM_STORAGE_SCRIPT : ''}` +
          "document.getElementById('launch-form').submit();</script>" +
          '</body></html>',
      );
  }

  private defaultTargetLinkUri(reg: ToolRegistration, messageType: LtiMessageType): string {
    const toolConfig = reg.raw[TOOL_CONFIG_KEY];
    if (isRecord(toolConfig) && Array.isArray(toolConfig['messages'])) {
      for (const m of toolConfig['messages'] as unknown[]) {
        if (isRecord(m) && m['type'] === messageType && typeof m['target_link_uri'] === 'string') {
          return m['target_link_uri'];
        }
      }
    }
    return reg.targetLinkUri;
  }

  private buildIdTokenClaims(launch: PreparedLaunch, nonce: string): Claims {
    const { opts, registration } = launch;
    const tamper = opts.tamper ?? {};
    const now = Math.floor(Date.now() / 1000);
    const info = productInfo(this.product);
    const locale = opts.user.locale ?? 'en';
    const claims: Claims = {
      iss: tamper.iss ?? this.issuer,
      aud: tamper.aud ?? registration.clientId,
      azp: registration.clientId,
      sub: opts.user.sub,
      exp: now + (tamper.expiresInSec ?? 300),
      iat: now + (tamper.iatOffsetSec ?? 0),
      nonce: tamper.nonce ?? nonce,
      locale,
    };
    for (const k of ['name', 'given_name', 'family_name', 'email'] as const) {
      const v = opts.user[k];
      if (v !== undefined) claims[k] = v;
    }
    if (!tamper.omitMessageType) claims[CLAIMS.messageType] = launch.messageType;
    claims[CLAIMS.version] = '1.3.0';
    claims[CLAIMS.deploymentId] = tamper.deploymentId ?? launch.deploymentId;
    claims[CLAIMS.targetLinkUri] = launch.targetLinkUri;
    if (opts.resourceLink && launch.messageType === 'LtiResourceLinkRequest') {
      claims[CLAIMS.resourceLink] = { id: opts.resourceLink.id, title: opts.resourceLink.title };
    }
    claims[CLAIMS.roles] = [...opts.roles];
    if (opts.context) {
      claims[CLAIMS.context] = {
        id: opts.context.id,
        label: opts.context.label,
        title: opts.context.title,
        type: ['http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering'],
      };
    }
    claims[CLAIMS.toolPlatform] = {
      guid: this.platformGuid,
      name: info.name,
      version: info.version,
      product_family_code: this.product,
    };
    claims[CLAIMS.launchPresentation] = {
      document_target: 'iframe',
      locale,
      return_url: `${this.issuer}/return${opts.context ? `?context=${encodeURIComponent(opts.context.id)}` : ''}`,
    };
    if (opts.custom) claims[CLAIMS.custom] = { ...opts.custom };
    if (opts.mentees) claims[CLAIMS.roleScopeMentor] = [...opts.mentees];
    claims[CLAIMS.lis] = {
      person_sourcedid: `sis-${opts.user.sub}`,
      ...(opts.context ? { course_offering_sourcedid: `sis-course-${opts.context.id}` } : {}),
    };
    if (opts.ags && opts.context) {
      const ctx = encodeURIComponent(opts.context.id);
      const endpoint: Record<string, unknown> = {
        scope: registration.scopes.filter((s) => AGS_SCOPES.includes(s)),
        lineitems: `${this.issuer}/ags/${ctx}/lineitems`,
      };
      const rlId = opts.resourceLink?.id;
      if (rlId && launch.messageType === 'LtiResourceLinkRequest') {
        const li = [...this.lineItems.values()].find(
          (e) => e.contextId === opts.context?.id && e.item.resourceLinkId === rlId,
        );
        if (li) endpoint['lineitem'] = li.item.id;
      }
      claims[CLAIMS.ags] = endpoint;
    }
    if (opts.nrps && opts.context) {
      claims[CLAIMS.nrps] = {
        context_memberships_url: `${this.issuer}/nrps/${encodeURIComponent(opts.context.id)}/memberships`,
        service_versions: ['2.0'],
      };
    }
    if (launch.messageType === 'LtiDeepLinkingRequest') {
      const dl = opts.deepLinking ?? {};
      const settings: Record<string, unknown> = {
        deep_link_return_url: `${this.deepLinkReturnUrl}?launch=${launch.hint}`,
        accept_types: dl.acceptTypes ?? ['ltiResourceLink'],
        accept_presentation_document_targets: ['iframe', 'window'],
        accept_multiple: dl.acceptMultiple ?? true,
        auto_create: true,
      };
      if (dl.data !== undefined) settings['data'] = dl.data;
      claims[CLAIMS.deepLinkingSettings] = settings;
    }
    return claims;
  }

  private async signIdToken(claims: Claims, tamper: LaunchTamper): Promise<string> {
    if (tamper.algNone) {
      return new UnsecuredJWT(claims as JWTPayload).encode();
    }
    const key = tamper.signWithUnknownKey ? this.unknownKey : this.signingKey;
    return new SignJWT(claims as JWTPayload)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: tamper.kid ?? key.kid })
      .sign(key.privateKey);
  }

  /** Signs arbitrary claims with the platform key (for tests of platform-signed messages). */
  async signWithPlatformKey(claims: Claims): Promise<string> {
    return this.signIdToken(claims, {});
  }

  // ----- NRPS / AGS seeding -------------------------------------------------------------------------------

  setRoster(contextId: string, members: RosterMember[], context?: { title?: string; label?: string }): void {
    this.rosters.set(
      contextId,
      members.map((m) => ({ ...m, roles: [...m.roles] })),
    );
    if (context || !this.contexts.has(contextId)) {
      this.contexts.set(contextId, { ...this.contexts.get(contextId), ...context, id: contextId });
    }
  }

  /** Creates a line item directly, as a teacher would in the gradebook. */
  createLineItem(contextId: string, item: Omit<LineItem, 'id'>): LineItem {
    this.lineItemSeq += 1;
    const key = String(this.lineItemSeq);
    const created: LineItem = { ...item, id: `${this.issuer}/ags/${encodeURIComponent(contextId)}/lineitems/${key}` };
    this.lineItems.set(key, { contextId, item: created });
    return created;
  }

  getLineItems(contextId?: string): LineItem[] {
    return [...this.lineItems.values()].filter((e) => !contextId || e.contextId === contextId).map((e) => e.item);
  }

  // ----- fault injection ----------------------------------------------------------------------------------

  failNext(endpoint: FaultEndpoint, times: number, response: FaultResponse): void {
    this.faults.set(endpoint, { remaining: times, response });
  }

  /** Invalidates every access token issued so far (the tool must request a new one). */
  revokeAccessTokens(): void {
    this.accessTokens.clear();
  }

  private injectFault(endpoint: FaultEndpoint, res: Response): boolean {
    const f = this.faults.get(endpoint);
    if (!f || f.remaining <= 0) return false;
    f.remaining -= 1;
    if (f.remaining <= 0) this.faults.delete(endpoint);
    if (f.response.retryAfterSec !== undefined) res.setHeader('Retry-After', String(f.response.retryAfterSec));
    res.status(f.response.status).json({ error: 'injected_fault', error_description: `simulated ${endpoint} failure` });
    return true;
  }

  // ----- HTTP ---------------------------------------------------------------------------------------------

  private buildApp(): express.Express {
    const app = express();
    app.disable('x-powered-by');
    app.use(async (_req: Request, _res: Response, next: NextFunction) => {
      if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
      next();
    });
    app.use(express.urlencoded({ extended: false }));
    app.use(express.json({ type: ['application/json', 'application/*+json'] }));

    app.get('/.well-known/openid-configuration', (_req, res) => {
      res.json(this.openidConfiguration());
    });
    app.get('/.well-known/jwks.json', (_req, res) => {
      res.json(this.jwks);
    });
    app.post('/registration', (req, res) => this.handleRegistration(req, res));
    app.get('/authorize', (req, res) => this.handleAuthorize(req, res));
    app.post('/authorize', (req, res) => this.handleAuthorize(req, res));
    app.post('/token', (req, res) => this.handleToken(req, res));
    app.get('/nrps/:contextId/memberships', (req, res) => this.handleMemberships(req, res));
    app.get('/ags/:contextId/lineitems', (req, res) => this.handleLineItems(req, res));
    app.post('/ags/:contextId/lineitems', (req, res) => this.handleCreateLineItem(req, res));
    app.get('/ags/:contextId/lineitems/:id', (req, res) => this.handleLineItem(req, res));
    app.put('/ags/:contextId/lineitems/:id', (req, res) => this.handleLineItem(req, res));
    app.delete('/ags/:contextId/lineitems/:id', (req, res) => this.handleLineItem(req, res));
    app.post('/ags/:contextId/lineitems/:id/scores', (req, res) => this.handleScore(req, res));
    app.get('/ags/:contextId/lineitems/:id/results', (req, res) => this.handleResults(req, res));
    app.post('/deep-linking/return', (req, res) => this.handleDeepLinkReturn(req, res));
    app.get('/lms/launch/:hint', (req, res) => this.handleLmsPage(req, res));
    app.get('/return', (_req, res) => {
      res.type('html').send('<!doctype html><title>Returned</title><p>Back in the course.</p>');
    });

    app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
      if (res.headersSent) return next(err);
      if (err instanceof HttpError) {
        res.status(err.status).json({ error: err.error, error_description: err.message });
        return;
      }
      const status = isRecord(err) && typeof err['status'] === 'number' ? err['status'] : 500;
      const message = err instanceof Error ? err.message : String(err);
      res.status(status).json({ error: status === 400 ? 'invalid_request' : 'server_error', error_description: message });
    });
    return app;
  }

  private openidConfiguration(): Record<string, unknown> {
    const info = productInfo(this.product);
    return {
      issuer: this.issuer,
      authorization_endpoint: this.authorizationEndpoint,
      token_endpoint: this.tokenEndpoint,
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: ['RS256'],
      jwks_uri: this.jwksUrl,
      registration_endpoint: this.registrationEndpoint,
      scopes_supported: ['openid', ...ALL_SCOPES],
      response_types_supported: ['id_token'],
      response_modes_supported: ['form_post'],
      subject_types_supported: ['public', 'pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      claims_supported: ['iss', 'aud', 'sub', 'iat', 'exp', 'nonce', 'name', 'given_name', 'family_name', 'email', 'locale'],
      [PLATFORM_CONFIG_KEY]: {
        product_family_code: this.product,
        version: info.version,
        messages_supported: [{ type: 'LtiResourceLinkRequest' }, { type: 'LtiDeepLinkingRequest' }],
        variables: ['Context.id', 'ResourceLink.id', 'User.id', 'Person.name.full'],
      },
    };
  }

  private handleRegistration(req: Request, res: Response): void {
    const auth = header(req, 'authorization') ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(auth);
    if (!m?.[1] || !this.registrationTokens.has(m[1])) {
      res.status(401).json({ error: 'invalid_token', error_description: 'missing, unknown or already used registration token' });
      return;
    }
    this.registrationTokens.delete(m[1]);
    const body: unknown = req.body;
    const fail = (error: string, description: string): void => {
      res.status(400).json({ error, error_description: description });
    };
    if (!isRecord(body)) return fail('invalid_client_metadata', 'body must be a JSON object');
    if (body['application_type'] !== 'web') return fail('invalid_client_metadata', "application_type must be 'web'");
    const responseTypes = body['response_types'];
    if (!isStringArray(responseTypes) || !responseTypes.includes('id_token')) {
      return fail('invalid_client_metadata', "response_types must contain 'id_token'");
    }
    const grantTypes = body['grant_types'];
    if (!isStringArray(grantTypes) || !grantTypes.includes('implicit') || !grantTypes.includes('client_credentials')) {
      return fail('invalid_client_metadata', "grant_types must contain 'implicit' and 'client_credentials'");
    }
    if (!isUrl(body['initiate_login_uri'])) return fail('invalid_client_metadata', 'initiate_login_uri must be a URL');
    const redirectUris = body['redirect_uris'];
    if (!isStringArray(redirectUris) || redirectUris.length === 0 || !redirectUris.every(isUrl)) {
      return fail('invalid_redirect_uri', 'redirect_uris must be a non-empty array of URLs');
    }
    if (!isUrl(body['jwks_uri'])) return fail('invalid_client_metadata', 'jwks_uri must be a URL');
    if (body['token_endpoint_auth_method'] !== 'private_key_jwt') {
      return fail('invalid_client_metadata', "token_endpoint_auth_method must be 'private_key_jwt'");
    }
    if (body['scope'] !== undefined && typeof body['scope'] !== 'string') {
      return fail('invalid_client_metadata', 'scope must be a space-separated string');
    }
    const toolConfig = body[TOOL_CONFIG_KEY];
    if (!isRecord(toolConfig)) return fail('invalid_client_metadata', `${TOOL_CONFIG_KEY} is required`);
    const domain = toolConfig['domain'];
    if (typeof domain !== 'string' || domain === '') return fail('invalid_client_metadata', 'tool configuration domain is required');
    const targetLinkUri = toolConfig['target_link_uri'];
    if (!isUrl(targetLinkUri)) return fail('invalid_client_metadata', 'tool configuration target_link_uri must be a URL');
    const domains = [domain, ...(isStringArray(toolConfig['secondary_domains']) ? toolConfig['secondary_domains'] : [])];
    const tl = new URL(targetLinkUri);
    if (!domains.some((d) => d === tl.host || d === tl.hostname)) {
      return fail('invalid_client_metadata', `target_link_uri is not within the tool domain ${domain}`);
    }
    if (!isStringArray(toolConfig['claims'])) return fail('invalid_client_metadata', 'tool configuration claims must be an array of strings');
    const messages = toolConfig['messages'];
    if (!Array.isArray(messages)) return fail('invalid_client_metadata', 'tool configuration messages must be an array');
    for (const msg of messages as unknown[]) {
      if (!isRecord(msg) || (msg['type'] !== 'LtiResourceLinkRequest' && msg['type'] !== 'LtiDeepLinkingRequest')) {
        return fail('invalid_client_metadata', 'unsupported message in tool configuration messages');
      }
      if (msg['target_link_uri'] !== undefined && !isUrl(msg['target_link_uri'])) {
        return fail('invalid_client_metadata', 'message target_link_uri must be a URL');
      }
    }
    const requested = typeof body['scope'] === 'string' ? body['scope'].split(/\s+/).filter(Boolean) : [];
    const granted = requested.filter((s) => ALL_SCOPES.includes(s));
    const reg = this.registerToolManually({
      jwksUri: body['jwks_uri'] as string,
      redirectUris,
      initiateLoginUri: body['initiate_login_uri'] as string,
      targetLinkUri,
      scopes: granted,
    });
    reg.raw = body;
    res.status(200).json({
      ...body,
      client_id: reg.clientId,
      scope: granted.join(' '),
      [TOOL_CONFIG_KEY]: { ...toolConfig, deployment_id: reg.deploymentId },
    });
  }

  private async handleAuthorize(req: Request, res: Response): Promise<void> {
    const p = params(req);
    this.authorizationRequests.push(p);
    const bad = (problem: string): void => {
      res.status(400).type('text/plain').send(`invalid_request: ${problem}`);
    };
    if (!(p['scope'] ?? '').split(/\s+/).includes('openid')) return bad("scope must be 'openid'");
    if (p['response_type'] !== 'id_token') return bad("response_type must be 'id_token'");
    if (p['response_mode'] !== 'form_post') return bad("response_mode must be 'form_post'");
    if (p['prompt'] !== 'none') return bad("prompt must be 'none'");
    const clientId = p['client_id'];
    if (!clientId) return bad('client_id is missing');
    const reg = this.getRegistration(clientId);
    if (!reg) return bad(`client_id ${clientId} is not registered`);
    const redirectUri = p['redirect_uri'];
    if (!redirectUri) return bad('redirect_uri is missing');
    if (!reg.redirectUris.includes(redirectUri)) return bad(`redirect_uri ${redirectUri} is not registered for this client`);
    const loginHint = p['login_hint'];
    if (!loginHint) return bad('login_hint is missing');
    const messageHint = p['lti_message_hint'];
    if (!messageHint) return bad('lti_message_hint is missing');
    const launch = this.launches.get(messageHint);
    if (!launch || launch.registration.clientId !== clientId) return bad('lti_message_hint does not match a launch for this client');
    if (launch.opts.user.sub !== loginHint) return bad('login_hint does not match the launch user');
    const nonce = p['nonce'];
    if (!nonce) return bad('nonce is missing');
    const state = p['state'];
    if (!state) return bad('state is missing');

    const claims = this.buildIdTokenClaims(launch, nonce);
    const tamper = launch.opts.tamper ?? {};
    const idToken = await this.signIdToken(claims, tamper);
    this.issuedTokens.push({
      idToken,
      header: decodeProtectedHeader(idToken) as Record<string, unknown>,
      claims,
      clientId,
      redirectUri,
      state,
      lti_message_hint: messageHint,
    });
    res
      .status(200)
      .type('html')
      .send(
        '<!doctype html><html><head><title>Launching...</title></head>' +
          '<body onload="document.forms[0].submit()">' +
          `<form method="post" action="${escapeHtml(redirectUri)}">` +
          `<input type="hidden" name="id_token" value="${escapeHtml(idToken)}">` +
          `<input type="hidden" name="state" value="${escapeHtml(state)}">` +
          '<noscript><button type="submit">Continue</button></noscript>' +
          '</form></body></html>',
      );
  }

  private async fetchToolJwks(reg: ToolRegistration): Promise<ReturnType<typeof createLocalJWKSet>> {
    const resp = await fetch(reg.jwksUri, { headers: { Accept: 'application/json' } });
    if (!resp.ok) throw new HttpError(401, 'invalid_client', `tool JWKS ${reg.jwksUri} answered ${resp.status}`);
    const jwks: unknown = await resp.json();
    if (!isRecord(jwks) || !Array.isArray(jwks['keys'])) {
      throw new HttpError(401, 'invalid_client', 'tool JWKS is not a key set');
    }
    return createLocalJWKSet(jwks as unknown as JSONWebKeySet);
  }

  private async handleToken(req: Request, res: Response): Promise<void> {
    this.tokenRequests += 1;
    if (this.injectFault('token', res)) return;
    const fail = (status: number, error: string, description: string): void => {
      res.status(status).json({ error, error_description: description });
    };
    const ct = header(req, 'content-type') ?? '';
    if (!ct.startsWith('application/x-www-form-urlencoded')) {
      return fail(400, 'invalid_request', 'the token request must be application/x-www-form-urlencoded');
    }
    const p = isRecord(req.body) ? (req.body as Record<string, unknown>) : {};
    if (p['grant_type'] !== 'client_credentials') return fail(400, 'unsupported_grant_type', "grant_type must be 'client_credentials'");
    if (p['client_assertion_type'] !== CLIENT_ASSERTION_TYPE) {
      return fail(400, 'invalid_request', `client_assertion_type must be '${CLIENT_ASSERTION_TYPE}'`);
    }
    const assertion = p['client_assertion'];
    if (typeof assertion !== 'string' || assertion === '') return fail(400, 'invalid_request', 'client_assertion is missing');
    const scopeParam = p['scope'];
    if (typeof scopeParam !== 'string' || scopeParam.trim() === '') return fail(400, 'invalid_scope', 'scope is missing');

    let unverified: JWTPayload;
    try {
      unverified = decodeJwt(assertion);
    } catch {
      return fail(401, 'invalid_client', 'client_assertion is not a JWT');
    }
    const clientId = typeof unverified.iss === 'string' ? unverified.iss : '';
    const reg = this.getRegistration(clientId);
    if (!reg) return fail(401, 'invalid_client', `unknown client ${clientId}`);
    let payload: JWTPayload;
    try {
      const jwks = await this.fetchToolJwks(reg);
      ({ payload } = await jwtVerify(assertion, jwks, {
        algorithms: ['RS256'],
        issuer: clientId,
        subject: clientId,
        audience: [this.tokenEndpoint, this.issuer],
        requiredClaims: ['exp', 'iat', 'jti', 'iss', 'sub', 'aud'],
      }));
    } catch (e) {
      if (e instanceof HttpError) return fail(e.status, e.error, e.message);
      return fail(401, 'invalid_client', `client_assertion rejected: ${e instanceof Error ? e.message : String(e)}`);
    }
    const jti = String(payload.jti);
    if (this.usedJtis.has(jti)) return fail(401, 'invalid_client', 'client_assertion jti was already used');
    this.usedJtis.add(jti);
    const scopes = scopeParam.split(/\s+/).filter(Boolean);
    const notAllowed = scopes.filter((s) => !reg.scopes.includes(s));
    if (notAllowed.length) return fail(400, 'invalid_scope', `scope not allowed: ${notAllowed.join(' ')}`);
    const token = randomId(24);
    this.accessTokens.set(token, { token, clientId, scopes, expiresAt: Date.now() + 3600_000 });
    res.status(200).json({ access_token: token, token_type: 'Bearer', expires_in: 3600, scope: scopes.join(' ') });
  }

  /** Checks the bearer token; answers 401/403 and returns undefined when it is not acceptable. */
  private requireAccess(req: Request, res: Response, anyOf: string[]): AccessTokenRecord | undefined {
    const auth = header(req, 'authorization') ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(auth);
    const rec = m?.[1] ? this.accessTokens.get(m[1]) : undefined;
    if (!rec || rec.expiresAt < Date.now()) {
      res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
      res.status(401).json({ error: 'invalid_token', error_description: 'missing, unknown or expired access token' });
      return undefined;
    }
    if (!anyOf.some((s) => rec.scopes.includes(s))) {
      res.status(403).json({ error: 'insufficient_scope', error_description: `requires one of: ${anyOf.join(' ')}` });
      return undefined;
    }
    return rec;
  }

  private handleMemberships(req: Request, res: Response): void {
    if (this.injectFault('nrps', res)) return;
    if (!this.requireAccess(req, res, [SCOPES.nrps])) return;
    const contextId = String(req.params['contextId']);
    const roster = this.rosters.get(contextId);
    const ctx = this.contexts.get(contextId);
    if (!roster && !ctx) {
      res.status(404).json({ error: 'not_found', error_description: `unknown context ${contextId}` });
      return;
    }
    let members = roster ?? [];
    const role = typeof req.query['role'] === 'string' ? req.query['role'] : undefined;
    if (role) {
      const full = role.includes('://') ? role : `${MEMBERSHIP_ROLE_PREFIX}${role}`;
      members = members.filter((mb) => mb.roles.includes(full) || mb.roles.includes(role));
    }
    const url = `${this.issuer}/nrps/${encodeURIComponent(contextId)}/memberships`;
    const { page, next } = paginate(members, req, url, this.nrpsPageSize);
    if (next) res.setHeader('Link', `<${next}>; rel="next"`);
    res
      .status(200)
      .type(MEDIA_TYPES.membershipContainer)
      .send(
        JSON.stringify({
          id: `${this.issuer}${req.originalUrl}`,
          context: { id: contextId, label: ctx?.label, title: ctx?.title },
          members: page.map((mb) => ({ status: 'Active', ...mb })),
        }),
      );
  }

  private lineItemEntry(req: Request, res: Response): { key: string; contextId: string; item: LineItem } | undefined {
    const contextId = String(req.params['contextId']);
    const key = String(req.params['id']);
    const entry = this.lineItems.get(key);
    if (!entry || entry.contextId !== contextId) {
      res.status(404).json({ error: 'not_found', error_description: 'no such line item' });
      return undefined;
    }
    return { key, ...entry };
  }

  private validateLineItemBody(body: unknown): { ok: true; value: Omit<LineItem, 'id'> } | { ok: false; error: string } {
    if (!isRecord(body)) return { ok: false, error: 'body must be a JSON line item' };
    const { scoreMaximum, label } = body;
    if (typeof scoreMaximum !== 'number' || !Number.isFinite(scoreMaximum) || scoreMaximum <= 0) {
      return { ok: false, error: 'scoreMaximum must be a number > 0' };
    }
    if (typeof label !== 'string' || label.trim() === '') return { ok: false, error: 'label is required' };
    const value: Omit<LineItem, 'id'> = { scoreMaximum, label };
    for (const k of ['resourceId', 'resourceLinkId', 'tag', 'startDateTime', 'endDateTime'] as const) {
      const v = body[k];
      if (v === undefined || v === null) continue;
      if (typeof v !== 'string') return { ok: false, error: `${k} must be a string` };
      value[k] = v;
    }
    if (typeof body['gradesReleased'] === 'boolean') value.gradesReleased = body['gradesReleased'];
    return { ok: true, value };
  }

  private handleLineItems(req: Request, res: Response): void {
    if (this.injectFault('lineitems', res)) return;
    if (!this.requireAccess(req, res, [SCOPES.lineItem, SCOPES.lineItemReadOnly])) return;
    const contextId = String(req.params['contextId']);
    const q = (k: string): string | undefined => (typeof req.query[k] === 'string' ? (req.query[k] as string) : undefined);
    const rl = q('resource_link_id');
    const rid = q('resource_id');
    const tag = q('tag');
    const items = this.getLineItems(contextId).filter(
      (li) => (!rl || li.resourceLinkId === rl) && (!rid || li.resourceId === rid) && (!tag || li.tag === tag),
    );
    const url = `${this.issuer}/ags/${encodeURIComponent(contextId)}/lineitems`;
    const { page, next } = paginate(items, req, url, 100);
    if (next) res.setHeader('Link', `<${next}>; rel="next"`);
    res.status(200).type(MEDIA_TYPES.lineItemContainer).send(JSON.stringify(page));
  }

  private handleCreateLineItem(req: Request, res: Response): void {
    if (this.injectFault('lineitems', res)) return;
    if (!this.requireAccess(req, res, [SCOPES.lineItem])) return;
    const ct = header(req, 'content-type') ?? '';
    if (!ct.startsWith(MEDIA_TYPES.lineItem) && !ct.startsWith('application/json')) {
      res.status(415).json({ error: 'unsupported_media_type', error_description: `Content-Type must be ${MEDIA_TYPES.lineItem}` });
      return;
    }
    const v = this.validateLineItemBody(req.body);
    if (!v.ok) {
      res.status(400).json({ error: 'invalid_request', error_description: v.error });
      return;
    }
    const created = this.createLineItem(String(req.params['contextId']), v.value);
    res.status(201).type(MEDIA_TYPES.lineItem).send(JSON.stringify(created));
  }

  private handleLineItem(req: Request, res: Response): void {
    if (this.injectFault('lineitems', res)) return;
    const readOnly = req.method === 'GET';
    if (!this.requireAccess(req, res, readOnly ? [SCOPES.lineItem, SCOPES.lineItemReadOnly] : [SCOPES.lineItem])) return;
    const entry = this.lineItemEntry(req, res);
    if (!entry) return;
    if (req.method === 'DELETE') {
      this.lineItems.delete(entry.key);
      res.status(204).end();
      return;
    }
    if (req.method === 'PUT') {
      const v = this.validateLineItemBody(req.body);
      if (!v.ok) {
        res.status(400).json({ error: 'invalid_request', error_description: v.error });
        return;
      }
      if (isRecord(req.body) && req.body['id'] !== undefined && req.body['id'] !== entry.item.id) {
        res.status(400).json({ error: 'invalid_request', error_description: 'id cannot be changed' });
        return;
      }
      const updated: LineItem = { ...v.value, id: entry.item.id };
      this.lineItems.set(entry.key, { contextId: entry.contextId, item: updated });
      res.status(200).type(MEDIA_TYPES.lineItem).send(JSON.stringify(updated));
      return;
    }
    res.status(200).type(MEDIA_TYPES.lineItem).send(JSON.stringify(entry.item));
  }

  private handleScore(req: Request, res: Response): void {
    if (this.injectFault('scores', res)) return;
    const access = this.requireAccess(req, res, [SCOPES.score]);
    if (!access) return;
    const fail = (status: number, description: string): void => {
      res.status(status).json({ error: 'invalid_request', error_description: description });
    };
    const userAgent = header(req, 'user-agent');
    if (!userAgent) return fail(400, 'a User-Agent header is required');
    const ct = header(req, 'content-type') ?? '';
    if (!ct.startsWith(MEDIA_TYPES.score)) {
      res.status(415).json({ error: 'unsupported_media_type', error_description: `Content-Type must be ${MEDIA_TYPES.score}` });
      return;
    }
    const entry = this.lineItemEntry(req, res);
    if (!entry) return;
    const body: unknown = req.body;
    if (!isRecord(body)) return fail(400, 'body must be a JSON score');
    const { userId, timestamp, activityProgress, gradingProgress, scoreGiven, scoreMaximum } = body;
    if (typeof userId !== 'string' || userId === '') return fail(400, 'userId is required');
    if (typeof timestamp !== 'string' || !ISO_8601_WITH_OFFSET.test(timestamp) || Number.isNaN(Date.parse(timestamp))) {
      return fail(400, 'timestamp must be an ISO 8601 date-time with a time zone offset');
    }
    if (typeof activityProgress !== 'string' || !ACTIVITY_PROGRESS.includes(activityProgress)) {
      return fail(400, `activityProgress must be one of ${ACTIVITY_PROGRESS.join(', ')}`);
    }
    if (typeof gradingProgress !== 'string' || !GRADING_PROGRESS.includes(gradingProgress)) {
      return fail(400, `gradingProgress must be one of ${GRADING_PROGRESS.join(', ')}`);
    }
    if (scoreGiven !== undefined && scoreGiven !== null) {
      if (typeof scoreGiven !== 'number' || !Number.isFinite(scoreGiven) || scoreGiven < 0) {
        return fail(400, 'scoreGiven must be a number >= 0');
      }
      if (typeof scoreMaximum !== 'number' || !Number.isFinite(scoreMaximum) || scoreMaximum <= 0) {
        return fail(400, 'scoreMaximum (> 0) is required with scoreGiven');
      }
      if (scoreGiven > scoreMaximum) return fail(400, 'scoreGiven must not exceed scoreMaximum');
    }
    if (body['comment'] !== undefined && typeof body['comment'] !== 'string') return fail(400, 'comment must be a string');
    const roster = this.rosters.get(entry.contextId);
    if (roster && !roster.some((m) => m.user_id === userId)) {
      res.status(422).json({ error: 'unknown_user', error_description: `user ${userId} is not enrolled in the context` });
      return;
    }
    const previous = this.scores.filter((s) => s.applied && s.lineItemId === entry.item.id && s.score.userId === userId).at(-1);
    const applied = !previous || Date.parse(previous.score.timestamp) <= Date.parse(timestamp);
    this.scores.push({
      contextId: entry.contextId,
      lineItemId: entry.item.id,
      clientId: access.clientId,
      userAgent,
      receivedAt: new Date(),
      score: { ...body, userId, timestamp, activityProgress, gradingProgress } as ScoreBody,
      applied,
    });
    res.status(200).json({ resultUrl: `${entry.item.id}/results?user_id=${encodeURIComponent(userId)}` });
  }

  private handleResults(req: Request, res: Response): void {
    if (this.injectFault('lineitems', res)) return;
    if (!this.requireAccess(req, res, [SCOPES.resultReadOnly])) return;
    const entry = this.lineItemEntry(req, res);
    if (!entry) return;
    const userFilter = typeof req.query['user_id'] === 'string' ? req.query['user_id'] : undefined;
    const latest = new Map<string, ScoreRecord>();
    for (const s of this.scores) if (s.applied && s.lineItemId === entry.item.id) latest.set(s.score.userId, s);
    const results = [...latest.values()]
      .filter((s) => !userFilter || s.score.userId === userFilter)
      .map((s) => ({
        id: `${entry.item.id}/results/${encodeURIComponent(s.score.userId)}`,
        scoreOf: entry.item.id,
        userId: s.score.userId,
        resultScore: s.score.scoreGiven ?? null,
        resultMaximum: s.score.scoreMaximum ?? entry.item.scoreMaximum,
        comment: s.score.comment,
        timestamp: s.score.timestamp,
      }));
    const { page, next } = paginate(results, req, `${entry.item.id}/results`, 100);
    if (next) res.setHeader('Link', `<${next}>; rel="next"`);
    res.status(200).type(MEDIA_TYPES.resultContainer).send(JSON.stringify(page));
  }

  private async handleDeepLinkReturn(req: Request, res: Response): Promise<void> {
    const bad = (reason: string): void => {
      res.status(400).type('text/plain').send(`invalid deep linking response: ${reason}`);
    };
    const p = params(req);
    const jwt = p['JWT'];
    if (!jwt) return bad('form field JWT is missing');
    let header0: Record<string, unknown>;
    let unverified: JWTPayload;
    try {
      header0 = decodeProtectedHeader(jwt) as Record<string, unknown>;
      unverified = decodeJwt(jwt);
    } catch {
      return bad('JWT is malformed');
    }
    if (header0['alg'] !== 'RS256') return bad('alg must be RS256');
    const clientId = typeof unverified.iss === 'string' ? unverified.iss : '';
    const reg = this.getRegistration(clientId);
    if (!reg) return bad(`iss ${clientId} is not a registered client_id`);
    let claims: Claims;
    try {
      const jwks = await this.fetchToolJwks(reg);
      const { payload } = await jwtVerify(jwt, jwks, {
        algorithms: ['RS256'],
        issuer: clientId,
        audience: this.issuer,
        requiredClaims: ['exp', 'iat', 'nonce'],
      });
      claims = payload as Claims;
    } catch (e) {
      return bad(e instanceof Error ? e.message : String(e));
    }
    if (typeof claims['nonce'] !== 'string' || claims['nonce'] === '') return bad('nonce is missing');
    if (claims[CLAIMS.messageType] !== 'LtiDeepLinkingResponse') return bad("message_type must be 'LtiDeepLinkingResponse'");
    if (claims[CLAIMS.version] !== '1.3.0') return bad("version must be '1.3.0'");
    const deploymentId = claims[CLAIMS.deploymentId];
    if (typeof deploymentId !== 'string' || !reg.deploymentIds.includes(deploymentId)) {
      return bad('deployment_id is not a deployment of this registration');
    }
    const launchHint = p['launch'];
    const launch = launchHint ? this.launches.get(launchHint) : undefined;
    if (launchHint && (!launch || launch.messageType !== 'LtiDeepLinkingRequest' || launch.registration !== reg)) {
      return bad('the return URL does not belong to a deep linking launch of this client');
    }
    const data = claims[CLAIMS.dlData];
    if (launch) {
      if (data !== launch.opts.deepLinking?.data) return bad('data claim does not echo the request data');
    } else if (data !== undefined) {
      const issued = [...this.launches.values()].some((l) => l.registration === reg && l.opts.deepLinking?.data === data);
      if (!issued) return bad('data claim does not echo any request data');
    }
    const rawItems = claims[CLAIMS.dlContentItems];
    if (rawItems !== undefined && !Array.isArray(rawItems)) return bad('content_items must be an array');
    const contentItems = ((rawItems as unknown[] | undefined) ?? []).filter(isRecord);
    if (contentItems.length !== ((rawItems as unknown[] | undefined) ?? []).length) return bad('content items must be objects');
    if (contentItems.some((ci) => typeof ci['type'] !== 'string')) return bad('every content item needs a type');
    const createdLineItems: LineItem[] = [];
    if (launch) {
      const dl = launch.opts.deepLinking ?? {};
      const accept = dl.acceptTypes ?? ['ltiResourceLink'];
      const wrong = contentItems.find((ci) => !accept.includes(String(ci['type'])));
      if (wrong) return bad(`content item type ${String(wrong['type'])} is not accepted`);
      if (dl.acceptMultiple === false && contentItems.length > 1) return bad('only one content item is accepted');
      const contextId = launch.opts.context?.id;
      if (contextId) {
        const toCreate: Array<Omit<LineItem, 'id'>> = [];
        for (const ci of contentItems) {
          const li = ci['lineItem'];
          if (ci['type'] !== 'ltiResourceLink' || !isRecord(li)) continue;
          const v = this.validateLineItemBody({ label: ci['title'], ...li });
          if (!v.ok) return bad(`content item lineItem: ${v.error}`);
          toCreate.push({ ...v.value, resourceLinkId: `rl-${randomId(6)}` });
        }
        for (const li of toCreate) createdLineItems.push(this.createLineItem(contextId, li));
      }
    }
    this.deepLinkResponses.push({ claims, contentItems, createdLineItems, launchHint: launch?.hint });
    res
      .status(200)
      .type('html')
      .send(`<!doctype html><title>Content added</title><p>Received ${contentItems.length} content item(s).</p>`);
  }
}
