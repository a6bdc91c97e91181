/**
 * What ECAP Planner tells an LMS about itself: its routes, scopes, the LTI Dynamic Registration request, the
 * Canvas developer key JSON, the Moodle and Schoology settings, and the fixed endpoints of the hosted platforms.
 *
 * Pure functions and constants only (no ltijs, no I/O), so the registration route, the manual registration
 * form and `npm run lti-config` all share one source of truth.
 *
 * Sources (checked when this was written; see docs/lms-support.md for the full list):
 * - LTI Dynamic Registration 1.0: https://www.imsglobal.org/spec/lti-dr/v1p0
 * - Canvas Dynamic Registration: https://developerdocs.instructure.com/services/canvas/external-tools/lti/file.registration
 *   (privacy_level and tool_id are keys *inside* the lti-tool-configuration object; message placements are
 *   Canvas placement names; `domain` must be a host name without the scheme, port allowed).
 * - Canvas JSON configuration: https://developerdocs.instructure.com/services/canvas/external-tools/lti/file.lti_dev_key_config
 * - Moodle: mod/lti/openid-configuration.php and mod/lti/classes/local/ltiopenid/registration_helper.php in
 *   https://github.com/moodle/moodle (Moodle lists `messages_supported` as plain strings, answers with
 *   `deployment_id` inside the tool configuration, and derives its privacy and service settings from our
 *   `claims` and `scope`).
 * - Schoology: https://developers.schoology.com/app-platform/lti-apps
 */
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------------------------
// Identity
// ---------------------------------------------------------------------------------------------------------------

export const TOOL_NAME = 'ECAP Planner';
export const TOOL_DESCRIPTION =
  'Education and Career Action Plan (ECAP) planner: students build their academic, career, postsecondary and ' +
  'extracurricular plan from grade 6 to 12; teachers place ECAP activities in courses and completion flows back ' +
  'to the gradebook.';
/** A stable identifier for the tool across deployments (Canvas `tool_id`). */
export const TOOL_ID = 'ecap-planner';

/** The LTI Advantage scopes the tool uses: AGS (line items, results, scores) and NRPS (course roster). */
export const TOOL_SCOPES = [
  'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly',
  'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
  'https://purl.imsglobal.org/spec/lti-ags/scope/score',
  'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
] as const;
export type ToolScope = (typeof TOOL_SCOPES)[number];

/** OpenID claims requested in each launch: names and email are needed for rosters and the parent sign-off. */
export const TOOL_CLAIMS = ['iss', 'sub', 'name', 'given_name', 'family_name', 'email', 'locale'] as const;

export const LTI_TOOL_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-tool-configuration' as const;
export const LTI_PLATFORM_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-platform-configuration' as const;
export const CANVAS_PRIVACY_LEVEL = 'https://canvas.instructure.com/lti/privacy_level' as const;
export const CANVAS_TOOL_ID = 'https://canvas.instructure.com/lti/tool_id' as const;
export const CANVAS_VISIBILITY = 'https://canvas.instructure.com/lti/visibility' as const;

// ---------------------------------------------------------------------------------------------------------------
// Base URL and routes
// ---------------------------------------------------------------------------------------------------------------

/** Thrown for a base URL the tool cannot be registered under; the message says what is wrong and what to use. */
export class BaseUrlError extends Error {
  override readonly name = 'BaseUrlError';
}

/**
 * Checks and normalises the tool's public base URL: http(s) only, a host, no credentials, no query or fragment;
 * trailing slashes are removed, a path prefix (a tool served under /ecap) is kept.
 * Returns e.g. `https://ecap.example.org` or `https://lti.district.org/ecap`.
 */
export function normalizeBaseUrl(baseUrl: string): string {
  const raw = typeof baseUrl === 'string' ? baseUrl.trim() : '';
  const example = 'use the public address of the tool, for example https://ecap.example.org';
  if (raw === '') throw new BaseUrlError(`The base URL is empty: ${example}.`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BaseUrlError(`"${raw}" is not an absolute URL: ${example}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new BaseUrlError(`"${raw}" must start with https:// (or http:// for local development): ${example}.`);
  }
  if (url.hostname === '') throw new BaseUrlError(`"${raw}" has no host name: ${example}.`);
  if (url.username !== '' || url.password !== '') {
    throw new BaseUrlError(`"${raw}" must not contain a user name or password.`);
  }
  if (raw.includes('?') || url.search !== '') {
    throw new BaseUrlError(`"${raw}" must not have a query string (the part after "?"): ${example}.`);
  }
  if (raw.includes('#') || url.hash !== '') {
    throw new BaseUrlError(`"${raw}" must not have a fragment (the part after "#"): ${example}.`);
  }
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}

/** The tool's host as LMSs want it for `domain`: no scheme, port kept when it is not the default. */
export function toolDomain(baseUrl: string): string {
  return new URL(normalizeBaseUrl(baseUrl)).host;
}

export interface ToolRoutes {
  /** OIDC third-party login initiation (GET and POST). */
  login: string;
  /** Redirect URI and target link URI: resource link launches and deep linking requests. */
  launch: string;
  /** The tool's public JWKS. */
  keys: string;
  /** LTI Dynamic Registration initiation URL an admin pastes into the LMS. */
  register: string;
  /** The manual registration form (Schoology, or any LMS without dynamic registration). */
  manualRegister: string;
  /** The tool's icon. */
  icon: string;
}

/** Absolute URLs of the tool's LTI routes. Throws BaseUrlError for a bad base URL. */
export function toolRoutes(baseUrl: string): ToolRoutes {
  const base = normalizeBaseUrl(baseUrl);
  return {
    login: `${base}/lti/login`,
    launch: `${base}/lti/launch`,
    keys: `${base}/lti/keys`,
    register: `${base}/lti/register`,
    manualRegister: `${base}/admin/register`,
    icon: `${base}/app/icon.svg`,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Dynamic Registration: what the platform tells us, what we send, what it answers
// ---------------------------------------------------------------------------------------------------------------

/**
 * One entry of `messages_supported`. The spec and Canvas use objects ({ type, placements? }); Moodle sends
 * plain strings ('LtiResourceLinkRequest'), so both are accepted.
 */
const supportedMessageSchema = z.union([
  z.string().min(1),
  z.looseObject({ type: z.string().min(1), placements: z.array(z.string()).optional() }),
]);

export const platformConfigurationSchema = z.looseObject({
  product_family_code: z.string().min(1),
  version: z.string().optional(),
  messages_supported: z.array(supportedMessageSchema).optional(),
  variables: z.array(z.string()).optional(),
});

/**
 * The platform's OpenID configuration, fetched from the `openid_configuration` URL during dynamic registration.
 * Unknown keys are kept (Canvas adds its account name, Moodle its placements).
 */
export const platformOpenIdConfigurationSchema = z.looseObject({
  issuer: z.url(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
  registration_endpoint: z.url(),
  scopes_supported: z.array(z.string()).optional(),
  token_endpoint_auth_methods_supported: z.array(z.string()).optional(),
  id_token_signing_alg_values_supported: z.array(z.string()).optional(),
  [LTI_PLATFORM_CONFIGURATION]: platformConfigurationSchema,
});
export type PlatformOpenIdConfiguration = z.output<typeof platformOpenIdConfigurationSchema>;

/** Ids arrive as strings (Canvas, Moodle) but a platform could send a number; keep them as strings. */
const idSchema = z.union([z.string().min(1), z.number()]).transform((v) => String(v));

/**
 * The platform's answer to the registration request. Only `client_id` is required by the spec; the deployment
 * id, when the platform created one (Moodle always does), is in the tool configuration object.
 */
export const toolRegistrationResponseSchema = z.looseObject({
  client_id: idSchema,
  [LTI_TOOL_CONFIGURATION]: z
    .looseObject({
      deployment_id: idSchema.nullish(),
    })
    .optional(),
});
export type ToolRegistrationResponse = z.output<typeof toolRegistrationResponseSchema>;

export type LtiMessageType = 'LtiResourceLinkRequest' | 'LtiDeepLinkingRequest';

export interface ToolConfigurationMessage {
  type: LtiMessageType;
  target_link_uri: string;
  label: string;
  icon_uri: string;
  /** Platform-specific placement names (Canvas: course_navigation, assignment_selection, ...). */
  placements?: string[];
  custom_parameters?: Record<string, string>;
  [CANVAS_VISIBILITY]?: 'admins' | 'members' | 'public';
}

export interface ToolConfiguration {
  domain: string;
  target_link_uri: string;
  description: string;
  claims: string[];
  messages: ToolConfigurationMessage[];
  custom_parameters?: Record<string, string>;
  [CANVAS_PRIVACY_LEVEL]?: 'public' | 'name_only' | 'email_only' | 'anonymous';
  [CANVAS_TOOL_ID]?: string;
}

export interface ToolRegistrationRequest {
  application_type: 'web';
  grant_types: ['client_credentials', 'implicit'];
  response_types: ['id_token'];
  redirect_uris: string[];
  initiate_login_uri: string;
  client_name: string;
  jwks_uri: string;
  logo_uri: string;
  token_endpoint_auth_method: 'private_key_jwt';
  /** Space-separated scopes; empty when the platform supports none of ours. */
  scope: string;
  [LTI_TOOL_CONFIGURATION]: ToolConfiguration;
}

/** Lower-cased product family code of the platform ('canvas', 'moodle', ...), or '' when missing. */
export function platformFamily(platformConfig: PlatformOpenIdConfiguration): string {
  return (platformConfig[LTI_PLATFORM_CONFIGURATION]?.product_family_code ?? '').trim().toLowerCase();
}

/** Our scopes the platform supports; all of ours when the platform does not list any. */
export function supportedToolScopes(scopesSupported: readonly string[] | undefined): ToolScope[] {
  if (scopesSupported === undefined || scopesSupported.length === 0) return [...TOOL_SCOPES];
  const offered = new Set(scopesSupported);
  return TOOL_SCOPES.filter((scope) => offered.has(scope));
}

/** Canvas placements per message type, in the order the tool wants them. */
const CANVAS_MESSAGES: ReadonlyArray<{
  type: LtiMessageType;
  placements: string[];
  label: string;
  visibility?: 'admins';
}> = [
  { type: 'LtiResourceLinkRequest', placements: ['course_navigation'], label: TOOL_NAME },
  // The district dashboard: account navigation is shown to account admins only.
  { type: 'LtiResourceLinkRequest', placements: ['account_navigation'], label: TOOL_NAME, visibility: 'admins' },
  { type: 'LtiDeepLinkingRequest', placements: ['assignment_selection', 'link_selection'], label: `${TOOL_NAME} activity` },
];

const CANVAS_PLACEMENT_PREFIX = 'https://canvas.instructure.com/lti/';

/** The message types and placements the platform says it supports; undefined when it does not say. */
function supportedMessages(platformConfig: PlatformOpenIdConfiguration): Map<string, Set<string> | undefined> | undefined {
  const listed = platformConfig[LTI_PLATFORM_CONFIGURATION]?.messages_supported;
  if (listed === undefined || listed.length === 0) return undefined;
  const byType = new Map<string, Set<string> | undefined>();
  for (const entry of listed) {
    if (typeof entry === 'string') {
      if (!byType.has(entry)) byType.set(entry, undefined);
      continue;
    }
    const placements = entry.placements;
    if (placements === undefined) {
      if (!byType.has(entry.type)) byType.set(entry.type, undefined);
      continue;
    }
    const known = byType.get(entry.type) ?? new Set<string>();
    for (const p of placements) known.add(p.startsWith(CANVAS_PLACEMENT_PREFIX) ? p.slice(CANVAS_PLACEMENT_PREFIX.length) : p);
    byType.set(entry.type, known);
  }
  return byType;
}

/**
 * The client registration request body (LTI Dynamic Registration 1.0, section 3.5) for this platform.
 * - `scope` only lists our scopes that appear in the platform's `scopes_supported` (all of ours if it lists none).
 * - Message types the platform says it does not support are left out; for Canvas, placements are limited to
 *   the ones it lists for that message type.
 * - Canvas (product_family_code 'canvas') also gets the Canvas placements, privacy level 'public' (names and
 *   emails) and tool_id, which Canvas reads from inside the tool configuration object.
 * Throws BaseUrlError for a bad base URL.
 */
export function buildDynamicRegistrationRequest(
  baseUrl: string,
  platformConfig: PlatformOpenIdConfiguration,
): ToolRegistrationRequest {
  const routes = toolRoutes(baseUrl);
  const isCanvas = platformFamily(platformConfig) === 'canvas';
  const supported = supportedMessages(platformConfig);
  const typeSupported = (type: string): boolean => supported === undefined || supported.has(type);

  const messages: ToolConfigurationMessage[] = [];
  if (isCanvas) {
    for (const m of CANVAS_MESSAGES) {
      if (!typeSupported(m.type)) continue;
      const known = supported?.get(m.type);
      const placements = known === undefined ? m.placements : m.placements.filter((p) => known.has(p));
      if (placements.length === 0) continue;
      const message: ToolConfigurationMessage = {
        type: m.type,
        target_link_uri: routes.launch,
        label: m.label,
        icon_uri: routes.icon,
        placements,
      };
      if (m.visibility !== undefined) message[CANVAS_VISIBILITY] = m.visibility;
      messages.push(message);
    }
  } else {
    if (typeSupported('LtiResourceLinkRequest')) {
      messages.push({ type: 'LtiResourceLinkRequest', target_link_uri: routes.launch, label: TOOL_NAME, icon_uri: routes.icon });
    }
    if (typeSupported('LtiDeepLinkingRequest')) {
      // Moodle turns this message into "Supports Deep Linking" with this URL as the Content Selection URL.
      messages.push({
        type: 'LtiDeepLinkingRequest',
        target_link_uri: routes.launch,
        label: `${TOOL_NAME} activity`,
        icon_uri: routes.icon,
      });
    }
  }

  const toolConfiguration: ToolConfiguration = {
    domain: toolDomain(baseUrl),
    target_link_uri: routes.launch,
    description: TOOL_DESCRIPTION,
    claims: [...TOOL_CLAIMS],
    messages,
  };
  if (isCanvas) {
    toolConfiguration[CANVAS_PRIVACY_LEVEL] = 'public';
    toolConfiguration[CANVAS_TOOL_ID] = TOOL_ID;
  }

  return {
    application_type: 'web',
    grant_types: ['client_credentials', 'implicit'],
    response_types: ['id_token'],
    redirect_uris: [routes.launch],
    initiate_login_uri: routes.login,
    client_name: TOOL_NAME,
    jwks_uri: routes.keys,
    logo_uri: routes.icon,
    token_endpoint_auth_method: 'private_key_jwt',
    scope: supportedToolScopes(platformConfig.scopes_supported).join(' '),
    [LTI_TOOL_CONFIGURATION]: toolConfiguration,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Canvas: the developer key JSON ("Paste JSON" / "Enter JSON" method)
// ---------------------------------------------------------------------------------------------------------------

export interface CanvasPlacement {
  placement: 'course_navigation' | 'account_navigation' | 'assignment_selection' | 'link_selection';
  message_type: LtiMessageType;
  target_link_uri: string;
  text: string;
  icon_url: string;
  /** course_navigation and account_navigation only: shown by default. */
  default?: 'enabled' | 'disabled';
  /** Who sees the link: account navigation is for admins. */
  visibility?: 'admins' | 'members' | 'public';
  selection_width?: number;
  selection_height?: number;
}

export interface CanvasDeveloperKey {
  title: string;
  description: string;
  oidc_initiation_url: string;
  target_link_uri: string;
  public_jwk_url: string;
  scopes: string[];
  extensions: Array<{
    platform: 'canvas.instructure.com';
    domain: string;
    tool_id: string;
    privacy_level: 'public';
    settings: { text: string; icon_url: string; placements: CanvasPlacement[] };
  }>;
}

/**
 * The LTI 1.3 configuration JSON for a Canvas developer key (Admin > Developer Keys > + Developer Key >
 * + LTI Key > Method: Paste JSON). The Redirect URIs field of that form is separate: it is `toolRoutes().launch`.
 */
export function canvasDeveloperKey(baseUrl: string): CanvasDeveloperKey {
  const routes = toolRoutes(baseUrl);
  const picker = { selection_width: 1000, selection_height: 700 };
  return {
    title: TOOL_NAME,
    description: TOOL_DESCRIPTION,
    oidc_initiation_url: routes.login,
    target_link_uri: routes.launch,
    public_jwk_url: routes.keys,
    scopes: [...TOOL_SCOPES],
    extensions: [
      {
        platform: 'canvas.instructure.com',
        domain: toolDomain(baseUrl),
        tool_id: TOOL_ID,
        privacy_level: 'public',
        settings: {
          text: TOOL_NAME,
          icon_url: routes.icon,
          placements: [
            {
              placement: 'course_navigation',
              message_type: 'LtiResourceLinkRequest',
              target_link_uri: routes.launch,
              text: TOOL_NAME,
              icon_url: routes.icon,
              default: 'enabled',
            },
            {
              placement: 'account_navigation',
              message_type: 'LtiResourceLinkRequest',
              target_link_uri: routes.launch,
              text: TOOL_NAME,
              icon_url: routes.icon,
              visibility: 'admins',
            },
            {
              placement: 'assignment_selection',
              message_type: 'LtiDeepLinkingRequest',
              target_link_uri: routes.launch,
              text: `${TOOL_NAME} activity`,
              icon_url: routes.icon,
              ...picker,
            },
            {
              placement: 'link_selection',
              message_type: 'LtiDeepLinkingRequest',
              target_link_uri: routes.launch,
              text: `${TOOL_NAME} activity`,
              icon_url: routes.icon,
              ...picker,
            },
          ],
        },
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Moodle (4.1+): dynamic registration URL and the manual "External tool configuration" form
// ---------------------------------------------------------------------------------------------------------------

export interface FormField {
  /** The field's label as the LMS shows it (English language pack). */
  label: string;
  value: string;
  note?: string;
}

export interface FormSection {
  section: string;
  fields: FormField[];
}

export interface MoodleSettings {
  dynamicRegistration: {
    /** Paste into "Tool URL..." on Manage tools, then press "Add LTI Advantage". */
    toolUrl: string;
    where: string;
    afterwards: string;
  };
  /** Fallback: Manage tools > "configure a tool manually". */
  manual: {
    where: string;
    sections: FormSection[];
    /** What Moodle shows under "View configuration details", to paste into the tool's manual registration form. */
    copyBackToTool: { form: string; fields: FormField[] };
  };
}

export function moodleSettings(baseUrl: string): MoodleSettings {
  const routes = toolRoutes(baseUrl);
  return {
    dynamicRegistration: {
      toolUrl: routes.register,
      where: 'Site administration > Plugins > Activity modules > External tool > Manage tools',
      afterwards:
        'Paste the URL into "Tool URL...", press "Add LTI Advantage", confirm in the ECAP Planner window, then ' +
        'press "Activate" on the new tool card (Moodle creates dynamically registered tools as pending).',
    },
    manual: {
      where: 'Site administration > Plugins > Activity modules > External tool > Manage tools > configure a tool manually',
      sections: [
        {
          section: 'Tool settings',
          fields: [
            { label: 'Tool name', value: TOOL_NAME },
            { label: 'Tool URL', value: routes.launch },
            { label: 'Tool description', value: TOOL_DESCRIPTION },
            { label: 'LTI version', value: 'LTI 1.3' },
            { label: 'Public key type', value: 'Keyset URL' },
            { label: 'Public keyset', value: routes.keys },
            { label: 'Initiate login URL', value: routes.login },
            { label: 'Redirection URI(s)', value: routes.launch },
            { label: 'Custom parameters', value: '', note: 'leave empty' },
            {
              label: 'Tool configuration usage',
              value: 'Show in activity chooser and as a preconfigured tool',
            },
            { label: 'Default launch container', value: 'Embed, without blocks', note: '"New window" also works' },
            { label: 'Supports Deep Linking (Content-Item Message)', value: 'ticked' },
            { label: 'Content Selection URL', value: routes.launch },
            { label: 'Icon URL', value: routes.icon },
            { label: 'Secure icon URL', value: routes.icon },
          ],
        },
        {
          section: 'Services',
          fields: [
            {
              label: 'IMS LTI Assignment and Grade Services',
              value: 'Use this service for grade sync and column management',
            },
            {
              label: 'IMS LTI Names and Role Provisioning',
              value: "Use this service to retrieve members' information as per privacy settings",
            },
            { label: 'Tool Settings', value: 'Do not use this service' },
          ],
        },
        {
          section: 'Privacy',
          fields: [
            { label: "Share launcher's name with tool", value: 'Always' },
            { label: "Share launcher's email with tool", value: 'Always' },
            {
              label: 'Accept grades from the tool',
              value: 'Always',
              note: 'dynamic registration sets "Delegate to teacher"; either works with AGS',
            },
          ],
        },
      ],
      copyBackToTool: {
        form: routes.manualRegister,
        fields: [
          { label: 'Platform ID', value: 'issuer (your Moodle site URL, e.g. https://moodle.district.org)' },
          { label: 'Client ID', value: 'client id' },
          { label: 'Deployment ID', value: 'deployment id' },
          { label: 'Public keyset URL', value: 'JWKS URL (SITE/mod/lti/certs.php)' },
          { label: 'Access token URL', value: 'token endpoint (SITE/mod/lti/token.php)' },
          { label: 'Authentication request URL', value: 'authorization endpoint (SITE/mod/lti/auth.php)' },
        ],
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Schoology: LTI 1.3 app registration (App Center > My Developer Apps > Add App)
// ---------------------------------------------------------------------------------------------------------------

export interface SchoologySettings {
  where: string;
  appFields: FormField[];
  install: string;
  /** What Schoology shows after installing, to paste into the tool's manual registration form. */
  copyBackToTool: {
    form: string;
    preset: 'schoology';
    fields: FormField[];
    fixedPlatformValues: PlatformEndpoints;
  };
}

export function schoologySettings(baseUrl: string): SchoologySettings {
  const routes = toolRoutes(baseUrl);
  return {
    where: 'App Center > My Developer Apps > + Add App (needs the "Schoology Apps: Develop apps" permission)',
    appFields: [
      { label: 'App Name', value: TOOL_NAME },
      { label: 'Description', value: TOOL_DESCRIPTION },
      { label: 'Type of App', value: 'LTI 1.3 App' },
      { label: 'Configuration Type', value: 'Manual' },
      {
        label: 'Privacy',
        value: "Send the user's name and email",
        note: 'names and emails are needed for class rosters and parent review',
      },
      { label: 'Deep Linking', value: 'checked', note: 'Schoology sends deep linking requests from Add Materials in a course' },
      { label: 'Assignment and Grade Services', value: 'checked' },
      { label: 'Names and Role Provisioning Services', value: 'checked' },
      { label: 'Public key type', value: 'Keyset URL' },
      { label: 'JWKS URL', value: routes.keys },
      { label: 'Domain/URL', value: routes.launch },
      { label: 'OIDC Login Init URL', value: routes.login },
      { label: 'Redirect URLs', value: routes.launch },
      { label: 'Custom Parameters', value: '', note: 'leave empty' },
    ],
    install:
      'Submit the form, then on the app choose "Install LTI 1.3 App" > I Agree > Add to Organization, and pick ' +
      'the schools or courses that may use it.',
    copyBackToTool: {
      form: routes.manualRegister,
      preset: 'schoology',
      fields: [
        { label: 'Client ID', value: 'App Center > the app > Options > API Info' },
        { label: 'Deployment ID', value: 'Organization apps > the app > Configure > Deployment ID' },
      ],
      fixedPlatformValues: PLATFORM_PRESETS.schoology,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Fixed platform endpoints for the manual registration form
// ---------------------------------------------------------------------------------------------------------------

export interface PlatformEndpoints {
  issuer: string;
  authEndpoint: string;
  tokenEndpoint: string;
  jwksUrl: string;
}

export interface PlatformPreset extends PlatformEndpoints {
  label: string;
  note: string;
  sources: string[];
}

const CANVAS_SOURCES = [
  'https://developerdocs.instructure.com/services/canvas/external-tools/lti/file.lti_dev_key_config',
  'https://developerdocs.instructure.com/services/canvas/external-tools/lti/file.lti_launch_overview',
];
const CANVAS_NOTE =
  'Instructure-hosted Canvas only: every account shares this issuer, so the client id (developer key) tells ' +
  'districts apart. Self-hosted Canvas uses its own domain for the endpoints and the issuer set in ' +
  'config/security.yml.';

export const PLATFORM_PRESETS = {
  schoology: {
    label: 'Schoology',
    issuer: 'https://schoology.schoology.com',
    authEndpoint: 'https://lti-service.svc.schoology.com/lti-service/authorize-redirect',
    tokenEndpoint: 'https://lti-service.svc.schoology.com/lti-service/access-token',
    jwksUrl: 'https://lti-service.svc.schoology.com/lti-service/.well-known/jwks',
    note: 'The same for every Schoology organisation; the client id and deployment id come from the installed app.',
    sources: ['https://developers.schoology.com/app-platform/lti-apps'],
  },
  'canvas-cloud': {
    label: 'Canvas (Instructure-hosted, production)',
    issuer: 'https://canvas.instructure.com',
    authEndpoint: 'https://sso.canvaslms.com/api/lti/authorize_redirect',
    tokenEndpoint: 'https://sso.canvaslms.com/login/oauth2/token',
    jwksUrl: 'https://sso.canvaslms.com/api/lti/security/jwks',
    note: CANVAS_NOTE,
    sources: CANVAS_SOURCES,
  },
  'canvas-cloud-beta': {
    label: 'Canvas (Instructure-hosted, beta)',
    issuer: 'https://canvas.beta.instructure.com',
    authEndpoint: 'https://sso.beta.canvaslms.com/api/lti/authorize_redirect',
    tokenEndpoint: 'https://sso.beta.canvaslms.com/login/oauth2/token',
    jwksUrl: 'https://sso.beta.canvaslms.com/api/lti/security/jwks',
    note: CANVAS_NOTE,
    sources: CANVAS_SOURCES,
  },
  'canvas-cloud-test': {
    label: 'Canvas (Instructure-hosted, test)',
    issuer: 'https://canvas.test.instructure.com',
    authEndpoint: 'https://sso.test.canvaslms.com/api/lti/authorize_redirect',
    tokenEndpoint: 'https://sso.test.canvaslms.com/login/oauth2/token',
    jwksUrl: 'https://sso.test.canvaslms.com/api/lti/security/jwks',
    note: CANVAS_NOTE,
    sources: CANVAS_SOURCES,
  },
} as const satisfies Record<string, PlatformPreset>;
export type PlatformPresetId = keyof typeof PLATFORM_PRESETS;

/** Moodle has no fixed endpoints: they hang off the site URL, which is also the issuer. */
export const MOODLE_ENDPOINTS_NOTE =
  'Moodle: issuer = the site URL (wwwroot, e.g. https://moodle.district.org), authorization endpoint ' +
  'SITE/mod/lti/auth.php, token endpoint SITE/mod/lti/token.php, JWKS SITE/mod/lti/certs.php. Moodle shows ' +
  'them under Manage tools > the tool > "View configuration details".';

/** Moodle's endpoints for a site URL (from mod/lti/openid-configuration.php). Throws BaseUrlError for a bad URL. */
export function moodlePlatformEndpoints(siteUrl: string): PlatformEndpoints {
  const site = normalizeBaseUrl(siteUrl);
  return {
    issuer: site,
    authEndpoint: `${site}/mod/lti/auth.php`,
    tokenEndpoint: `${site}/mod/lti/token.php`,
    jwksUrl: `${site}/mod/lti/certs.php`,
  };
}
