import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { APP_ROLES, LOCALES } from '../../shared/roles';

/**
 * The tool's own bearer token, minted after a verified launch. The client sends it in the
 * Authorization header, so no third-party cookie is ever needed (Safari, hardened Chrome).
 */
export const sessionClaimsSchema = z.object({
  v: z.literal(1),
  /** user id */
  uid: z.string(),
  /** tenant id */
  tid: z.string(),
  role: z.enum(APP_ROLES),
  /** launch id: the course, resource link and services of the launch */
  lid: z.string(),
  loc: z.enum(LOCALES),
  iat: z.number().int(),
  exp: z.number().int(),
});
export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');

export function signSession(claims: Omit<SessionClaims, 'v' | 'iat' | 'exp'>, secret: string, ttlSeconds: number): string {
  const now = Math.floor(Date.now() / 1000);
  const body = b64(JSON.stringify({ v: 1, ...claims, iat: now, exp: now + ttlSeconds }));
  return `${body}.${mac(body, secret)}`;
}

/** The claims of a valid, unexpired token; null for anything else. */
export function verifySession(token: string, secret: string): SessionClaims | null {
  const [body, sig, extra] = token.split('.');
  if (!body || !sig || extra !== undefined) return null;
  const expected = Buffer.from(mac(body, secret));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = sessionClaimsSchema.safeParse(json);
  if (!parsed.success || parsed.data.exp <= Math.floor(Date.now() / 1000)) return null;
  return parsed.data;
}

function mac(body: string, secret: string): string {
  return createHmac('sha256', `ecap-session:${secret}`).update(body).digest('base64url');
}
