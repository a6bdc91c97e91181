import { RosterCacheModel, type CachedMember, type RosterCache } from './roster-cache.model';
import { fetchLearners, NrpsFormatError } from './nrps';
import { ServiceCallError, toolUserAgent } from '../lti/service-http';
import { TenantModel } from '../tenants/tenant.model';
import { log } from '../logger';
import type { TenantId } from '../tenants/tenant-id';

/** A cached roster younger than this is served without asking the platform. */
export const DEFAULT_ROSTER_MAX_AGE_MS = 10 * 60_000;
/** After a failed refresh, wait this long before trying again on an ordinary (not forced) read. */
export const FAILED_REFRESH_BACKOFF_MS = 60_000;

export interface RosterOptions {
  /** Ask the platform now, whatever the cache's age (the teacher's "refresh"). */
  refresh?: boolean;
  maxAgeMs?: number;
  now?: Date;
}

/** A course's NRPS roster as the dashboard uses it. */
export interface CourseRoster {
  members: CachedMember[];
  fetchedAt: Date | null;
  error: string | null;
}

/** Where the roster is read from: the NRPS claim of the teacher's launch, and the tool's own URL. */
export interface RosterSource {
  contextId: string;
  membershipsUrl: string;
  /** The tool's public base URL, for the User-Agent. */
  toolBaseUrl?: string;
}

const inFlight = new Map<string, Promise<CourseRoster>>();

/**
 * The course's active learners from NRPS, from the cache when it is younger than `maxAgeMs` (10 minutes),
 * else fetched (all pages) and stored. A failed fetch keeps the previous members and records the error, which
 * is returned for the dashboard to show; it is retried on `refresh` or after FAILED_REFRESH_BACKOFF_MS.
 * Concurrent refreshes of one course in this process share one fetch.
 */
export async function courseRoster(tenantId: TenantId, source: RosterSource, opts: RosterOptions = {}): Promise<CourseRoster> {
  const now = opts.now ?? new Date();
  const maxAgeMs = opts.maxAgeMs ?? DEFAULT_ROSTER_MAX_AGE_MS;
  const cached = await RosterCacheModel.findOne({ tenantId, contextId: source.contextId }).lean<RosterCache>().exec();
  if (cached && !opts.refresh && !needsRefresh(cached, now, maxAgeMs)) return present(cached);

  const key = `${String(tenantId)}\n${source.contextId}`;
  const pending = inFlight.get(key);
  if (pending) return pending;
  const refresh = refreshRoster(tenantId, source, now).finally(() => inFlight.delete(key));
  inFlight.set(key, refresh);
  return refresh;
}

function needsRefresh(cached: RosterCache, now: Date, maxAgeMs: number): boolean {
  const fresh = cached.fetchedAt !== null && now.getTime() - cached.fetchedAt.getTime() < maxAgeMs;
  if (fresh) return false;
  // Stale or never fetched: try again, but not on every page load while the platform keeps failing.
  const failedRecently = cached.error !== null && cached.attemptedAt !== null && now.getTime() - cached.attemptedAt.getTime() < FAILED_REFRESH_BACKOFF_MS;
  return !failedRecently;
}

async function refreshRoster(tenantId: TenantId, source: RosterSource, now: Date): Promise<CourseRoster> {
  const filter = { tenantId, contextId: source.contextId };
  try {
    const tenant = await TenantModel.findById(tenantId, { issuer: 1, clientId: 1 }).lean<{ issuer: string; clientId: string }>().exec();
    if (!tenant) throw new ServiceCallError('district not found', null, null, source.membershipsUrl);
    const members = await fetchLearners({
      platform: { issuer: tenant.issuer, clientId: tenant.clientId },
      membershipsUrl: source.membershipsUrl,
      userAgent: toolUserAgent(source.toolBaseUrl),
    });
    const saved = await RosterCacheModel.findOneAndUpdate(
      filter,
      { $set: { members, fetchedAt: now, attemptedAt: now, error: null } },
      { upsert: true, new: true, lean: true },
    );
    return present(saved);
  } catch (err) {
    const error = describeFailure(err);
    log.warn('nrps roster refresh failed', { tenantId: String(tenantId), contextId: source.contextId, error });
    const saved = await RosterCacheModel.findOneAndUpdate(
      filter,
      { $set: { attemptedAt: now, error }, $setOnInsert: { members: [], fetchedAt: null } },
      { upsert: true, new: true, lean: true },
    );
    return present(saved);
  }
}

/** A short, teacher-readable reason; never a stack or an unknown error's text. */
function describeFailure(err: unknown): string {
  if (err instanceof ServiceCallError) {
    if (err.status === 401 || err.status === 403) return `The LMS refused the roster request (${err.status}). Ask your administrator to check the tool's Names and Roles permission.`;
    if (err.status === 404) return 'The LMS did not find this course roster (404).';
    if (err.status === 429) return 'The LMS is busy (429). The roster will be refreshed later.';
    if (err.status !== null) return `The LMS could not send the roster (${err.status}).`;
    return 'The LMS could not be reached for the roster.';
  }
  if (err instanceof NrpsFormatError) return 'The LMS sent a roster the tool could not read.';
  log.error('nrps roster refresh: unexpected error', { err: err instanceof Error ? err.stack : String(err) });
  return 'The roster could not be refreshed.';
}

function present(doc: RosterCache | null): CourseRoster {
  if (!doc) return { members: [], fetchedAt: null, error: null };
  return { members: doc.members.map((m) => ({ ltiSubject: m.ltiSubject, name: m.name, email: m.email ?? null })), fetchedAt: doc.fetchedAt, error: doc.error };
}
