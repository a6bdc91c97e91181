/**
 * A minimal browser stand-in over node fetch for LTI flows (OIDC login, form_post launches, deep linking).
 *
 * - Optional cookie jar (name/value, Domain, Path, Expires, Max-Age, Secure; sent back by host and path).
 *   With `cookies: false` nothing is ever stored, like a browser blocking third-party cookies in an iframe.
 * - Manual redirect handling (up to 10): 301/302/303 turn a POST into a GET, 307/308 keep method and body.
 */

export interface TestBrowserOptions {
  cookies: boolean;
  /** Default true. */
  followRedirects?: boolean;
  /** Sent with every request; default 'Mozilla/5.0 (TestBrowser)'. */
  userAgent?: string;
}

export interface RequestOptions {
  followRedirects?: boolean;
  headers?: Record<string, string>;
}

export interface BrowserResponse {
  status: number;
  /** The final URL (after redirects). */
  url: string;
  headers: Headers;
  text: string;
  /** Every URL requested for this call, in order (the first is the one asked for). */
  redirectChain: string[];
}

export interface StoredCookie {
  name: string;
  value: string;
  /** Host the cookie belongs to (hostname, no port, as browsers do). */
  domain: string;
  hostOnly: boolean;
  path: string;
  /** Epoch ms, undefined for a session cookie. */
  expiresAt?: number;
  secure: boolean;
  httpOnly: boolean;
  sameSite?: string;
}

export interface ParsedForm {
  action: string;
  method: string;
  fields: Record<string, string>;
}

const MAX_REDIRECTS = 10;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  sol: '/',
  colon: ':',
  equals: '=',
};

export function decodeHtmlEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ent: string) => {
    if (ent[0] === '#') {
      const code = ent[1] === 'x' || ent[1] === 'X' ? Number.parseInt(ent.slice(2), 16) : Number.parseInt(ent.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ent.toLowerCase()] ?? whole;
  });
}

function parseAttributes(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  // Skip the tag name, then read name[=value] pairs; values may be "double", 'single' or unquoted.
  const body = tag.replace(/^<\s*[a-z0-9-]+/i, '').replace(/\/?>$/, '');
  const re = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) {
    const name = (m[1] ?? '').toLowerCase();
    if (!name || name in attrs) continue;
    const raw = m[2] ?? m[3] ?? m[4] ?? '';
    attrs[name] = decodeHtmlEntities(raw);
  }
  return attrs;
}

/** Reads the first form of an HTML page: its action, method and input/textarea fields (entity-decoded). */
export function parseAutoSubmitForm(html: string): ParsedForm {
  const open = /<form\b[^>]*>/i.exec(html);
  if (!open) throw new Error('parseAutoSubmitForm: no <form> in the page');
  const formAttrs = parseAttributes(open[0]);
  const start = open.index + open[0].length;
  const closeIdx = html.slice(start).search(/<\/form\s*>/i);
  const inner = closeIdx === -1 ? html.slice(start) : html.slice(start, start + closeIdx);
  const fields: Record<string, string> = {};
  const inputRe = /<input\b[^>]*>|<textarea\b[^>]*>([\s\S]*?)<\/textarea\s*>/gi;
  let m: RegExpExecArray | null;
  while ((m = inputRe.exec(inner)) !== null) {
    const tag = m[0];
    if (/^<textarea/i.test(tag)) {
      const attrs = parseAttributes(/^<textarea\b[^>]*>/i.exec(tag)?.[0] ?? '');
      if (attrs['name']) fields[attrs['name']] = decodeHtmlEntities(m[1] ?? '');
      continue;
    }
    const attrs = parseAttributes(tag);
    const name = attrs['name'];
    if (!name) continue;
    const type = (attrs['type'] ?? 'text').toLowerCase();
    if ((type === 'checkbox' || type === 'radio') && !('checked' in attrs)) continue;
    if (type === 'submit' || type === 'button' || type === 'image' || type === 'file') continue;
    fields[name] = attrs['value'] ?? '';
  }
  return { action: formAttrs['action'] ?? '', method: (formAttrs['method'] ?? 'get').toLowerCase(), fields };
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]' || hostname === '::1';
}

function defaultPath(url: URL): string {
  const p = url.pathname;
  if (!p.startsWith('/')) return '/';
  const idx = p.lastIndexOf('/');
  return idx <= 0 ? '/' : p.slice(0, idx);
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

export class TestBrowser {
  readonly cookiesEnabled: boolean;
  followRedirects: boolean;
  userAgent: string;
  private jar: StoredCookie[] = [];

  constructor(opts: TestBrowserOptions) {
    this.cookiesEnabled = opts.cookies;
    this.followRedirects = opts.followRedirects ?? true;
    this.userAgent = opts.userAgent ?? 'Mozilla/5.0 (TestBrowser)';
  }

  async get(url: string, opts: RequestOptions = {}): Promise<BrowserResponse> {
    return this.request('GET', url, undefined, opts);
  }

  /** POSTs application/x-www-form-urlencoded fields (undefined values are skipped). */
  async postForm(url: string, fields: Record<string, string | undefined>, opts: RequestOptions = {}): Promise<BrowserResponse> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) body.append(k, v);
    return this.request('POST', url, body.toString(), opts);
  }

  /** Submits the first form of a page as the browser would when its onload auto-submits it. */
  async submitForm(page: BrowserResponse, opts: RequestOptions = {}): Promise<BrowserResponse> {
    const form = parseAutoSubmitForm(page.text);
    const action = new URL(form.action || page.url, page.url).toString();
    if (form.method === 'post') return this.postForm(action, form.fields, opts);
    const u = new URL(action);
    for (const [k, v] of Object.entries(form.fields)) u.searchParams.set(k, v);
    return this.get(u.toString(), opts);
  }

  /** Cookies that would be sent to this URL. */
  cookiesFor(url: string): StoredCookie[] {
    const u = new URL(url);
    const now = Date.now();
    this.jar = this.jar.filter((c) => c.expiresAt === undefined || c.expiresAt > now);
    const secureOk = u.protocol === 'https:' || isLoopback(u.hostname);
    return this.jar.filter(
      (c) =>
        (c.hostOnly ? c.domain === u.hostname : u.hostname === c.domain || u.hostname.endsWith(`.${c.domain}`)) &&
        pathMatches(u.pathname || '/', c.path) &&
        (!c.secure || secureOk),
    );
  }

  get cookies(): readonly StoredCookie[] {
    return this.jar;
  }

  clearCookies(): void {
    this.jar = [];
  }

  private async request(method: 'GET' | 'POST', url: string, body: string | undefined, opts: RequestOptions): Promise<BrowserResponse> {
    const follow = opts.followRedirects ?? this.followRedirects;
    const chain: string[] = [];
    let currentUrl = url;
    let currentMethod = method;
    let currentBody = body;
    for (let hop = 0; ; hop += 1) {
      chain.push(currentUrl);
      const headers: Record<string, string> = { 'User-Agent': this.userAgent, Accept: 'text/html,application/json;q=0.9,*/*;q=0.8', ...opts.headers };
      if (currentBody !== undefined) headers['Content-Type'] = 'application/x-www-form-urlencoded';
      const cookieHeader = this.cookiesFor(currentUrl)
        .sort((a, b) => b.path.length - a.path.length)
        .map((c) => `${c.name}=${c.value}`)
        .join('; ');
      if (cookieHeader) headers['Cookie'] = cookieHeader;
      const resp = await fetch(currentUrl, { method: currentMethod, headers, body: currentBody, redirect: 'manual' });
      this.storeCookies(currentUrl, resp.headers.getSetCookie());
      const location = resp.headers.get('location');
      if (follow && resp.status >= 300 && resp.status < 400 && location) {
        await resp.arrayBuffer(); // drain
        if (hop + 1 > MAX_REDIRECTS) throw new Error(`TestBrowser: more than ${MAX_REDIRECTS} redirects from ${url}`);
        currentUrl = new URL(location, currentUrl).toString();
        if (resp.status === 301 || resp.status === 302 || resp.status === 303) {
          if (currentMethod === 'POST' || resp.status === 303) {
            currentMethod = 'GET';
            currentBody = undefined;
          }
        }
        continue;
      }
      const text = await resp.text();
      return { status: resp.status, url: currentUrl, headers: resp.headers, text, redirectChain: chain };
    }
  }

  private storeCookies(requestUrl: string, setCookies: string[]): void {
    if (!this.cookiesEnabled || setCookies.length === 0) return;
    const u = new URL(requestUrl);
    const now = Date.now();
    for (const line of setCookies) {
      const [pair = '', ...attrParts] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      let domain = u.hostname;
      let hostOnly = true;
      let path = defaultPath(u);
      let expiresAt: number | undefined;
      let maxAgeSeen = false;
      let secure = false;
      let httpOnly = false;
      let sameSite: string | undefined;
      let reject = false;
      for (const part of attrParts) {
        const i = part.indexOf('=');
        const key = (i === -1 ? part : part.slice(0, i)).trim().toLowerCase();
        const val = i === -1 ? '' : part.slice(i + 1).trim();
        switch (key) {
          case 'domain': {
            const d = val.replace(/^\./, '').toLowerCase();
            if (!d) break;
            if (u.hostname !== d && !u.hostname.endsWith(`.${d}`)) reject = true;
            else {
              domain = d;
              // An IP address can only be host-only; a name in Domain also covers its subdomains.
              hostOnly = /^[\d.]+$/.test(d);
            }
            break;
          }
          case 'path':
            if (val.startsWith('/')) path = val;
            break;
          case 'max-age': {
            const n = Number.parseInt(val, 10);
            if (Number.isFinite(n)) {
              expiresAt = n <= 0 ? 0 : now + n * 1000;
              maxAgeSeen = true;
            }
            break;
          }
          case 'expires': {
            if (maxAgeSeen) break;
            const t = Date.parse(val);
            if (!Number.isNaN(t)) expiresAt = t;
            break;
          }
          case 'secure':
            secure = true;
            break;
          case 'httponly':
            httpOnly = true;
            break;
          case 'samesite':
            sameSite = val;
            break;
          default:
            break;
        }
      }
      if (reject) continue;
      if (secure && u.protocol !== 'https:' && !isLoopback(u.hostname)) continue;
      this.jar = this.jar.filter((c) => !(c.name === name && c.domain === domain && c.path === path));
      if (expiresAt !== undefined && expiresAt <= now) continue; // deletion
      this.jar.push({ name, value, domain, hostOnly, path, expiresAt, secure, httpOnly, sameSite });
    }
  }
}
