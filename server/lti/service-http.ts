import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';

/**
 * HTTP calls from the tool to a platform's LTI services (AGS, NRPS): a User-Agent on every call (Canvas
 * refuses some calls without one), a timeout, and failures as one typed error carrying the HTTP status and
 * the platform's Retry-After, so callers decide about retries from data, not from message text.
 */

let cachedVersion: string | undefined;
function toolVersion(): string {
  if (cachedVersion === undefined) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: unknown };
      cachedVersion = typeof pkg.version === 'string' ? pkg.version : '0.0.0';
    } catch {
      cachedVersion = '0.0.0';
    }
  }
  return cachedVersion;
}

/** `ECAP-Planner/<version> (+<base url>)`: who is calling, and where to read about it. */
export function toolUserAgent(baseUrl?: string): string {
  const url = baseUrl ?? process.env.BASE_URL;
  return `ECAP-Planner/${toolVersion()}${url ? ` (+${url.replace(/\/+$/, '')})` : ''}`;
}

/** A service call that did not succeed. `status` is null for network errors and timeouts. */
export class ServiceCallError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    /** From Retry-After (seconds or HTTP date), when the platform sent one. */
    readonly retryAfterMs: number | null,
    readonly url: string,
  ) {
    super(message);
    this.name = 'ServiceCallError';
  }
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

export interface ServiceRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Bearer access token. */
  token: string;
  userAgent: string;
  accept?: string;
  contentType?: string;
  body?: unknown;
  timeoutMs: number;
}

export interface ServiceResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON body, or null when empty or not JSON. */
  body: unknown;
}

/** A URL's path without its query string, for logs and stored errors (query strings can carry ids). */
function describe(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return 'invalid url';
  }
}

/** The platform's own short reason (error_description / error), trimmed, for the teacher-visible error. */
function platformReason(text: string): string {
  try {
    const parsed = JSON.parse(text) as { error_description?: unknown; error?: unknown; message?: unknown };
    const reason = [parsed.error_description, parsed.message, parsed.error].find((v) => typeof v === 'string');
    if (typeof reason === 'string') return reason.slice(0, 200);
  } catch {
    // not JSON
  }
  return '';
}

/** One call to a platform service; throws ServiceCallError unless the answer is 2xx. */
export async function serviceRequest(url: string, req: ServiceRequest): Promise<ServiceResponse> {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${req.token}`,
    'User-Agent': req.userAgent,
  };
  if (req.accept) headers['Accept'] = req.accept;
  if (req.contentType) headers['Content-Type'] = req.contentType;
  let res: Response;
  try {
    res = await fetch(url, {
      method: req.method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: AbortSignal.timeout(req.timeoutMs),
      redirect: 'follow',
    });
  } catch (err) {
    const why = err instanceof Error && err.name === 'TimeoutError' ? `no answer within ${req.timeoutMs} ms` : 'network error';
    throw new ServiceCallError(`${req.method} ${describe(url)}: ${why}`, null, null, url);
  }
  const text = await res.text().catch(() => '');
  if (!res.ok) {
    const reason = platformReason(text);
    throw new ServiceCallError(
      `${req.method} ${describe(url)} answered ${res.status}${reason ? `: ${reason}` : ''}`,
      res.status,
      parseRetryAfter(res.headers.get('retry-after')),
      url,
    );
  }
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  return { status: res.status, headers: res.headers, body };
}

/** The next page from a Link header (rel="next"), as AGS and NRPS page their containers. */
export function nextPageUrl(headers: Headers): string | null {
  const link = headers.get('link');
  if (!link) return null;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/i.exec(part.trim());
    if (m?.[1] && m[2]?.split(/\s+/).includes('next')) return m[1];
  }
  return null;
}
