/**
 * The launch token. After an LTI launch the server redirects the iframe to `/app/#t=<token>`. The client reads
 * it once, keeps it in memory and in sessionStorage (so a reload of the iframe still works), and removes it
 * from the address bar. API calls send it as a bearer token; cookies are never used, because LMS iframes
 * often block third-party cookies (and, in some browsers, storage: every storage access is guarded).
 */
const STORAGE_KEY = 'ecap.token';

let current: string | null = null;

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // Access to sessionStorage throws in iframes with blocked storage.
  }
}

function readStored(): string | null {
  try {
    return storage()?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

function writeStored(token: string | null): void {
  try {
    const s = storage();
    if (!s) return;
    if (token === null) s.removeItem(STORAGE_KEY);
    else s.setItem(STORAGE_KEY, token);
  } catch {
    // Quota or blocked storage: the in-memory copy still serves this page load.
  }
}

/** A placed activity a launch asked to open: the server sends `view=activity:<placementId>`. */
const VIEW_ACTIVITY = /^activity:([A-Za-z0-9_-]{1,64})$/;

/**
 * Takes `t` out of a fragment such as `#t=abc&x=1`; returns the token and the fragment without it. A launch's
 * `view=activity:<placementId>` becomes the hash route `#/activity/<placementId>` (routing/hashRoute.ts), so the
 * app opens that activity whatever the role.
 */
export function splitFragment(hash: string): { token: string | null; rest: string } {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get('t');
  params.delete('t');
  const view = VIEW_ACTIVITY.exec(params.get('view') ?? '');
  const clean = token && token.trim() ? token.trim() : null;
  if (view) return { token: clean, rest: `#/activity/${view[1]}` };
  const rest = params.toString();
  return { token: clean, rest: rest ? `#${rest}` : '' };
}

/**
 * Reads the token from the URL fragment (a fresh launch wins over a stored token), else from sessionStorage,
 * and strips it from the URL. Call once, before the first render.
 */
export function initToken(loc: Location = window.location, hist: History = window.history): string | null {
  const { token, rest } = splitFragment(loc.hash);
  if (token) {
    current = token;
    writeStored(token);
  } else {
    current = readStored();
  }
  // Strip the token, and turn a launch's `view=` into its hash route (a reload keeps the route, not the token).
  if (token || (rest.startsWith('#/activity/') && rest !== loc.hash)) {
    try {
      hist.replaceState(hist.state, '', `${loc.pathname}${loc.search}${rest}`);
    } catch {
      // replaceState can throw in sandboxed documents; the token still works from memory.
    }
  }
  return current;
}

export function getToken(): string | null {
  return current;
}

/** Forgets the token (after the server answered 401): a new launch from the LMS is needed. */
export function clearToken(): void {
  current = null;
  writeStored(null);
}
