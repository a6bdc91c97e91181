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

/** Takes `t` out of a fragment such as `#t=abc&x=1`; returns the token and the fragment without it. */
export function splitFragment(hash: string): { token: string | null; rest: string } {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get('t');
  params.delete('t');
  const rest = params.toString();
  return { token: token && token.trim() ? token.trim() : null, rest: rest ? `#${rest}` : '' };
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
    try {
      hist.replaceState(hist.state, '', `${loc.pathname}${loc.search}${rest}`);
    } catch {
      // replaceState can throw in sandboxed documents; the token still works from memory.
    }
  } else {
    current = readStored();
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
