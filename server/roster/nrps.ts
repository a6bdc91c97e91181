import { z } from 'zod';
import { ServiceCallError, nextPageUrl, serviceRequest } from '../lti/service-http';
import { dropServiceAccessToken, serviceAccessToken, type ServicePlatform } from '../lti/service-token';

/**
 * Names and Role Provisioning Services 2.0 client: the whole membership of a course, page by page.
 * https://www.imsglobal.org/spec/lti-nrps/v2p0
 */

export const NRPS_SCOPE = 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly';
export const MEMBERSHIP_CONTAINER_TYPE = 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json';

/** A page loop (a platform linking back to an earlier page) ends here at the latest. */
export const MAX_NRPS_PAGES = 100;
/** Members asked for per page; platforms cap it (Canvas at 50, Moodle uses its own default). */
export const DEFAULT_NRPS_LIMIT = 100;
const NRPS_TIMEOUT_MS = 15_000;

/** A member as the container carries it; unknown fields are ignored, the ones we use are checked. */
const memberSchema = z.object({
  user_id: z.string().min(1).max(255),
  name: z.string().max(500).optional().nullable(),
  given_name: z.string().max(255).optional().nullable(),
  family_name: z.string().max(255).optional().nullable(),
  email: z.string().max(320).optional().nullable(),
  roles: z.array(z.string()),
  status: z.string().optional().nullable(),
});
const containerSchema = z.object({
  id: z.string().optional(),
  context: z.object({ id: z.string() }).partial().passthrough().optional(),
  members: z.array(memberSchema),
});
export type NrpsMemberRaw = z.infer<typeof memberSchema>;

/** A course member the dashboard lists. */
export interface RosterMember {
  /** NRPS user_id: the same value as the sub claim of this person's launches. */
  ltiSubject: string;
  name: string;
  email: string | null;
}

const LEARNER_ROLES = new Set([
  'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner',
  'http://purl.imsglobal.org/vocab/lis/v2/membership/Learner#Learner',
  'Learner',
  'membership#Learner',
]);

/** A learner of the course whose membership is active (no status means Active, per the spec). */
export function isActiveLearner(member: NrpsMemberRaw): boolean {
  const status = member.status ?? 'Active';
  return status === 'Active' && member.roles.some((r) => LEARNER_ROLES.has(r.trim()));
}

/** The name people read: name, else given + family name, else the user id. */
export function displayName(member: NrpsMemberRaw): string {
  const full = member.name?.trim();
  if (full) return full;
  const parts = [member.given_name, member.family_name].map((p) => p?.trim()).filter(Boolean);
  return parts.length ? parts.join(' ') : member.user_id;
}

/** The first page's URL with `limit` set, keeping the platform's own query parameters. */
export function firstPageUrl(membershipsUrl: string, limit: number | null): string {
  const url = new URL(membershipsUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ServiceCallError('memberships URL is not http(s)', null, null, membershipsUrl);
  if (limit) url.searchParams.set('limit', String(limit));
  return url.toString();
}

export interface FetchMembershipOptions {
  platform: ServicePlatform;
  membershipsUrl: string;
  userAgent: string;
  /** Page size asked for; null sends none (the platform's default). */
  limit?: number | null;
  maxPages?: number;
}

/**
 * Every member of the course: follows `Link: <...>; rel="next"` (absolute or relative to the page) until
 * there is none, at most `maxPages` pages and never the same page twice. A refused token (401) is dropped
 * and fetched once more. Throws ServiceCallError (HTTP failure) or NrpsFormatError (unreadable container).
 */
export async function fetchMembership(opts: FetchMembershipOptions): Promise<NrpsMemberRaw[]> {
  const maxPages = opts.maxPages ?? MAX_NRPS_PAGES;
  const seen = new Set<string>();
  const byId = new Map<string, NrpsMemberRaw>();
  let url: string | null = firstPageUrl(opts.membershipsUrl, opts.limit === undefined ? DEFAULT_NRPS_LIMIT : opts.limit);
  while (url && seen.size < maxPages) {
    seen.add(url);
    const res = await getPage(opts, url);
    const parsed = containerSchema.safeParse(res.body);
    if (!parsed.success) throw new NrpsFormatError(`the membership container from ${new URL(url).origin} could not be read`);
    for (const m of parsed.data.members) byId.set(m.user_id, m);
    const next = nextPageUrl(res.headers);
    url = next ? new URL(next, url).toString() : null;
    if (url && seen.has(url)) url = null;
  }
  return [...byId.values()];
}

/** The active learners of the course, for the class dashboard. */
export async function fetchLearners(opts: FetchMembershipOptions): Promise<RosterMember[]> {
  const members = await fetchMembership(opts);
  return members.filter(isActiveLearner).map((m) => ({ ltiSubject: m.user_id, name: displayName(m), email: m.email?.trim() || null }));
}

async function getPage(opts: FetchMembershipOptions, url: string) {
  const call = (token: string) =>
    serviceRequest(url, { method: 'GET', token, userAgent: opts.userAgent, accept: MEMBERSHIP_CONTAINER_TYPE, timeoutMs: NRPS_TIMEOUT_MS });
  const token = await serviceAccessToken(opts.platform, [NRPS_SCOPE]);
  try {
    return await call(token);
  } catch (err) {
    if (!(err instanceof ServiceCallError) || err.status !== 401) throw err;
    await dropServiceAccessToken(opts.platform, [NRPS_SCOPE], token);
    return call(await serviceAccessToken(opts.platform, [NRPS_SCOPE]));
  }
}

export class NrpsFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NrpsFormatError';
  }
}
