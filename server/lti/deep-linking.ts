import { createSign, randomBytes } from 'node:crypto';
import { Provider } from 'ltijs';
import { CLAIM } from './claims';

/** Deep Linking 2.0 claims of the response (LtiDeepLinkingResponse). */
export const DL_CLAIM = {
  contentItems: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items',
  data: 'https://purl.imsglobal.org/spec/lti-dl/claim/data',
  msg: 'https://purl.imsglobal.org/spec/lti-dl/claim/msg',
} as const;

/** The content item type the tool returns: a link that launches back into the tool (Deep Linking 2.0 §3.4.2). */
export const LTI_RESOURCE_LINK = 'ltiResourceLink';

export interface LtiResourceLinkItem {
  type: typeof LTI_RESOURCE_LINK;
  url: string;
  title: string;
  text?: string;
  /** Sent back by the platform on every launch of the created link; keys and values are strings. */
  custom: Record<string, string>;
  /** Asks the platform to create a gradebook column for the link (Canvas, Moodle do). */
  lineItem?: { scoreMaximum: number; label: string; resourceId: string; tag: string };
}

export interface DeepLinkingResponseInput {
  /** The registration the request came from: aud is the issuer, iss the client_id. */
  issuer: string;
  clientId: string;
  deploymentId: string;
  /** The request's opaque `data`, echoed unchanged when present. */
  data: string | null;
  contentItems: LtiResourceLinkItem[];
  /** A message the platform may show the teacher. */
  message?: string;
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const LIFETIME_SECONDS = 300;

/**
 * Signs the LtiDeepLinkingResponse JWT with the tool's private key for that platform (ltijs keeps one key pair
 * per registration and publishes it at /lti/keys), RS256 with its kid.
 */
export async function signDeepLinkingResponse(input: DeepLinkingResponseInput): Promise<string> {
  const platform = await Provider.getPlatform(input.issuer, input.clientId);
  if (!platform) throw new Error(`no ltijs platform for ${input.issuer} / ${input.clientId}`);
  const [privateKey, kid] = await Promise.all([platform.platformPrivateKey(), platform.platformKid()]);
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = {
    iss: input.clientId,
    aud: input.issuer,
    iat: now,
    exp: now + LIFETIME_SECONDS,
    nonce: randomBytes(16).toString('base64url'),
    [CLAIM.deploymentId]: input.deploymentId,
    [CLAIM.messageType]: 'LtiDeepLinkingResponse',
    [CLAIM.version]: '1.3.0',
    [DL_CLAIM.contentItems]: input.contentItems,
  };
  if (input.data !== null) payload[DL_CLAIM.data] = input.data;
  if (input.message) payload[DL_CLAIM.msg] = input.message;
  const signingInput = `${b64url({ alg: 'RS256', typ: 'JWT', kid })}.${b64url(payload)}`;
  const signature = createSign('RSA-SHA256').update(signingInput).sign(privateKey).toString('base64url');
  return `${signingInput}.${signature}`;
}
