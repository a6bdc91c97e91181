import type { z } from 'zod';
import { apiErrorSchema, type ApiError } from '../../../shared/api/session';
import { clearToken, getToken } from './token';

/**
 * Why a call failed:
 * - `no_token`: there is no launch token (the page was not opened from the LMS);
 * - `unauthorized`: the server answered 401 (session expired or revoked);
 * - `network`: the request never got an answer (offline, server down, aborted by the browser);
 * - `http`: any other non-2xx answer, with the parsed `{ error, message, fields }` body when there is one;
 * - `contract`: a 2xx answer whose body does not match the shared schema.
 */
export type ApiFailureKind = 'no_token' | 'unauthorized' | 'network' | 'http' | 'contract';

export class ApiFailure extends Error {
  /** The whole parsed error body (e.g. a 409's `current` section), when there was one. */
  raw: unknown = null;
  constructor(
    readonly kind: ApiFailureKind,
    readonly status: number | null,
    readonly body: ApiError | null,
    options?: { cause?: unknown },
  ) {
    super(body?.message ?? `${kind}${status ? ` ${status}` : ''}`, options);
    this.name = 'ApiFailure';
  }
}

export function isApiFailure(e: unknown): e is ApiFailure {
  return e instanceof ApiFailure;
}

type Listener = () => void;
const sessionEndedListeners = new Set<Listener>();

/** Called on every 401, so the app can replace whatever it shows with the "session ended" page. */
export function onSessionEnded(listener: Listener): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type RequestOptions = { body?: unknown; signal?: AbortSignal; keepalive?: boolean };

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * Calls the API with the launch token as a bearer token (never cookies) and parses the answer with `schema`,
 * the same zod schema the server uses. Throws ApiFailure on every kind of failure.
 */
export async function apiRequest<S extends z.ZodType>(
  method: Method,
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const token = getToken();
  if (!token) throw new ApiFailure('no_token', null, null);

  const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${token}` };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'omit',
      cache: 'no-store',
      signal: options.signal,
      keepalive: options.keepalive,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause; // The caller cancelled: not a failure to report.
    throw new ApiFailure('network', null, null, { cause });
  }

  const json = await readJson(res).catch(() => null);
  if (!res.ok) {
    const parsed = apiErrorSchema.safeParse(json);
    const body = parsed.success ? parsed.data : null;
    if (res.status === 401) {
      clearToken();
      for (const listener of sessionEndedListeners) listener();
      throw new ApiFailure('unauthorized', 401, body);
    }
    const failure = new ApiFailure('http', res.status, body);
    failure.raw = json;
    throw failure;
  }

  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiFailure('contract', res.status, null, { cause: parsed.error });
  return parsed.data;
}

/**
 * Calls the API for a non-JSON answer (a file download, a 204) or with a multipart body (an upload), with the
 * same bearer token and the same failures as apiRequest. Returns the successful Response.
 */
export async function apiRaw(
  method: Method,
  path: string,
  options: { form?: FormData; signal?: AbortSignal; accept?: string } = {},
): Promise<Response> {
  const token = getToken();
  if (!token) throw new ApiFailure('no_token', null, null);
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: { Accept: options.accept ?? 'application/json', Authorization: `Bearer ${token}` },
      body: options.form,
      credentials: 'omit',
      cache: 'no-store',
      signal: options.signal,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw new ApiFailure('network', null, null, { cause });
  }
  if (res.ok) return res;
  const json = await readJson(res).catch(() => null);
  const parsed = apiErrorSchema.safeParse(json);
  const body = parsed.success ? parsed.data : null;
  if (res.status === 401) {
    clearToken();
    for (const listener of sessionEndedListeners) listener();
    throw new ApiFailure('unauthorized', 401, body);
  }
  const failure = new ApiFailure('http', res.status, body);
  failure.raw = json;
  throw failure;
}

/** Offers a downloaded file to the user: the API needs the bearer token, so a plain link cannot be used. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
