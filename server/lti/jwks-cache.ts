/**
 * ltijs 5.9 fetches the platform's JWKS on every launch (an HTTP round trip to Canvas/Moodle each time).
 * This keeps each keyset for a while in the process, and the launch guard drops it when a token names a
 * kid the cached set lacks, so a platform's key rotation is picked up on the next launch.
 * ltijs reads keysets through its shared HTTP client (`got.get(url).json()` with no options); only such
 * option-less GETs are cached: service calls (NRPS, AGS, tokens) always pass options and are untouched.
 */
// ltijs's internal HTTP client (CommonJS, untyped): the module object Auth.js reads keysets with.
const ltijsHttp = require('ltijs/dist/Utils/Http') as { get: (url: string, options?: unknown) => { json(): Promise<unknown> } };

const TTL_MS = 5 * 60 * 1000;
const cache = new Map<string, { at: number; body: Promise<unknown> }>();
let installed = false;

export function installJwksCache(): void {
  if (installed) return;
  installed = true;
  const original = ltijsHttp.get.bind(ltijsHttp);
  ltijsHttp.get = (url: string, options?: unknown) => {
    if (options !== undefined) return original(url, options);
    const hit = cache.get(url);
    if (hit && Date.now() - hit.at < TTL_MS) return { json: () => hit.body };
    // ltijs's client has no timeout: a platform that never answers must not hold launches (or this cache) forever.
    const body = original(url, { timeout: { request: 10_000 } }).json();
    cache.set(url, { at: Date.now(), body });
    body.catch(() => cache.delete(url));
    return { json: () => body };
  };
}

/** Forgets a keyset that lacks the kid a token was signed with (key rotation) so the next read refetches it. */
export async function refreshJwksIfKidUnknown(jwksUrl: string, kid: string | undefined): Promise<void> {
  const hit = cache.get(jwksUrl);
  if (!hit || !kid) return;
  const body = (await hit.body.catch(() => null)) as { keys?: Array<{ kid?: string }> } | null;
  if (!body?.keys?.some((k) => k.kid === kid)) cache.delete(jwksUrl);
}
