import mongoose from 'mongoose';
import { Provider } from 'ltijs';
import { ServiceCallError, parseRetryAfter } from './service-http';

/**
 * Client-credentials access tokens for LTI services (AGS, NRPS), reused until they expire.
 *
 * ltijs's `platformAccessToken(scopes)` fetches a token (its got client sends `User-Agent: ltijs/5.9.9`) and
 * caches it, encrypted, in MongoDB (collection `accesstokens`, shared by every server process, TTL one hour).
 * On top of that this module keeps a short in-memory copy and lets one request per platform and scope set be
 * in flight at a time, so a burst of service calls costs one token request and no database read per call.
 * `dropServiceAccessToken` forgets a token the platform refused (401), here and in ltijs's cache.
 */

export interface ServicePlatform {
  issuer: string;
  clientId: string;
}

interface Cached {
  token: string;
  /** Epoch ms after which the in-memory copy is not used (ltijs's cache is asked again). */
  freshUntil: number;
}

/** How long an in-memory copy is trusted at most; ltijs may have handed out a token created long before. */
const MEMORY_TTL_MS = 5 * 60_000;
/** Stop using a token this long before the platform says it expires. */
const EXPIRY_MARGIN_MS = 60_000;
/** ltijs's got call has no timeout of its own. */
const TOKEN_TIMEOUT_MS = 15_000;

const cache = new Map<string, Cached>();
const inFlight = new Map<string, Promise<string>>();

const keyOf = (p: ServicePlatform, scopes: string) => `${p.issuer}\n${p.clientId}\n${scopes}`;
const scopeString = (scopes: readonly string[]) => [...scopes].sort().join(' ');

/** A bearer token for the scopes, from memory, ltijs's MongoDB cache or the platform's token endpoint. */
export async function serviceAccessToken(platform: ServicePlatform, scopes: readonly string[]): Promise<string> {
  const scope = scopeString(scopes);
  const key = keyOf(platform, scope);
  const hit = cache.get(key);
  if (hit && hit.freshUntil > Date.now()) return hit.token;
  const pending = inFlight.get(key);
  if (pending) return pending;
  const request = fetchToken(platform, scope)
    .then((t) => {
      cache.set(key, { token: t.access_token, freshUntil: Date.now() + Math.min(MEMORY_TTL_MS, t.expires_in * 1000 - EXPIRY_MARGIN_MS) });
      return t.access_token;
    })
    .finally(() => inFlight.delete(key));
  inFlight.set(key, request);
  return request;
}

/**
 * Forgets `token` after the platform refused it, so the next call fetches a new one. Only the token that
 * was refused is dropped: a newer one fetched meanwhile by another call stays.
 */
export async function dropServiceAccessToken(platform: ServicePlatform, scopes: readonly string[], token: string): Promise<void> {
  const scope = scopeString(scopes);
  const key = keyOf(platform, scope);
  const hit = cache.get(key);
  if (hit && hit.token !== token) return;
  cache.delete(key);
  // ltijs's own cache (model registered by ltijs on the shared default mongoose connection).
  if (mongoose.modelNames().includes('accesstoken')) {
    await mongoose.model('accesstoken').deleteMany({ platformUrl: platform.issuer, clientId: platform.clientId, scopes: scope });
  }
}

/** Test helper: empties the in-memory copies (as a fresh process would start). */
export function resetServiceTokenMemory(): void {
  cache.clear();
}

async function fetchToken(platform: ServicePlatform, scope: string): Promise<{ access_token: string; expires_in: number }> {
  const found = await Provider.getPlatform(platform.issuer, platform.clientId);
  if (!found) throw new ServiceCallError(`platform ${platform.issuer} (${platform.clientId}) is not registered`, 400, null, platform.issuer);
  let timer: NodeJS.Timeout | undefined;
  try {
    const token = await Promise.race([
      found.platformAccessToken(scope),
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new ServiceCallError(`token endpoint: no answer within ${TOKEN_TIMEOUT_MS} ms`, null, null, platform.issuer)), TOKEN_TIMEOUT_MS);
      }),
    ]);
    if (!token?.access_token) throw new ServiceCallError('token endpoint answered without an access_token', 502, null, platform.issuer);
    const expiresIn = Number(token.expires_in);
    return { access_token: token.access_token, expires_in: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3600 };
  } catch (err) {
    throw asServiceError(err, platform.issuer);
  } finally {
    clearTimeout(timer);
  }
}

/** got's HTTPError (status + headers) or RequestError (network) as a ServiceCallError. */
function asServiceError(err: unknown, issuer: string): ServiceCallError {
  if (err instanceof ServiceCallError) return err;
  const response = (err as { response?: { statusCode?: number; headers?: Record<string, string | string[] | undefined>; body?: unknown } }).response;
  if (response?.statusCode) {
    const ra = response.headers?.['retry-after'];
    let reason = '';
    if (typeof response.body === 'string') {
      try {
        const b = JSON.parse(response.body) as { error_description?: unknown; error?: unknown };
        reason = String(b.error_description ?? b.error ?? '').slice(0, 200);
      } catch {
        reason = '';
      }
    }
    return new ServiceCallError(
      `token endpoint answered ${response.statusCode}${reason ? `: ${reason}` : ''}`,
      response.statusCode,
      parseRetryAfter(Array.isArray(ra) ? ra[0] : ra),
      issuer,
    );
  }
  return new ServiceCallError('token endpoint: network error', null, null, issuer);
}
