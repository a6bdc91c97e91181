import { PlacementModel, type Placement } from '../activities/placement.model';
import { nextPageUrl, serviceRequest, type ServiceRequest, type ServiceResponse } from '../lti/service-http';
import { dropServiceAccessToken, serviceAccessToken, type ServicePlatform } from '../lti/service-token';
import { log } from '../logger';
import type { DesiredScore } from './score-job.model';

/** Assignment and Grade Services 2.0: finding or creating a placement's line item, and posting scores. */

export const AGS_SCOPES = [
  'https://purl.imsglobal.org/spec/lti-ags/scope/score',
  'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
] as const;

export const AGS_MEDIA = {
  score: 'application/vnd.ims.lis.v1.score+json',
  lineItem: 'application/vnd.ims.lis.v2.lineitem+json',
  lineItemContainer: 'application/vnd.ims.lis.v2.lineitemcontainer+json',
} as const;

/** The resourceId the tool gives the line items it creates: finds them again later. */
export const resourceIdOf = (placementId: string) => `ecap:${placementId}`;

/** `<lineItemUrl>/scores`, inserted before any query string (Moodle's line item URLs carry one). */
export function scoresUrl(lineItemUrl: string): string {
  const u = new URL(lineItemUrl);
  u.pathname = `${u.pathname.replace(/\/+$/, '')}/scores`;
  return u.toString();
}

function withQuery(url: string, params: Record<string, string>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
  return u.toString();
}

const MAX_CONTAINER_PAGES = 20;

export interface AgsClientOptions {
  userAgent: string;
  timeoutMs: number;
}

/** Per process: one line item lookup/creation per placement at a time, so concurrent scores make one column. */
const resolving = new Map<string, Promise<string>>();

export type PlacementForAgs = Pick<Placement, '_id' | 'tenantId' | 'activityId' | 'title' | 'points' | 'resourceLinkId' | 'lineItemUrl' | 'lineItemsUrl'>;

export class AgsClient {
  constructor(
    readonly platform: ServicePlatform,
    readonly opts: AgsClientOptions,
  ) {}

  /** A service call with the cached access token; on 401 the token is dropped once and the call repeated. */
  private async call(url: string, req: Omit<ServiceRequest, 'token' | 'userAgent' | 'timeoutMs'>): Promise<ServiceResponse> {
    const token = await serviceAccessToken(this.platform, AGS_SCOPES);
    const full = { ...req, userAgent: this.opts.userAgent, timeoutMs: this.opts.timeoutMs };
    try {
      return await serviceRequest(url, { ...full, token });
    } catch (err) {
      if ((err as { status?: unknown }).status !== 401) throw err;
      await dropServiceAccessToken(this.platform, AGS_SCOPES, token);
      const fresh = await serviceAccessToken(this.platform, AGS_SCOPES);
      return serviceRequest(url, { ...full, token: fresh });
    }
  }

  /** The placement's line item URL: stored, found in the course's container, or created (and stored). */
  async lineItemFor(placement: PlacementForAgs): Promise<string | null> {
    if (placement.lineItemUrl) return placement.lineItemUrl;
    if (!placement.lineItemsUrl) return null;
    const key = String(placement._id);
    const existing = resolving.get(key);
    if (existing) return existing;
    const work = this.findOrCreate(placement).finally(() => resolving.delete(key));
    resolving.set(key, work);
    return work;
  }

  private async findOrCreate(placement: PlacementForAgs): Promise<string> {
    // Another process may have stored it since this placement was read.
    const fresh = await PlacementModel.findOne({ _id: placement._id, tenantId: placement.tenantId }, { lineItemUrl: 1 }).lean().exec();
    if (fresh?.lineItemUrl) return fresh.lineItemUrl;
    const container = placement.lineItemsUrl as string;
    const resourceId = resourceIdOf(String(placement._id));
    let found: string | null = null;
    if (placement.resourceLinkId) found = await this.findIn(withQuery(container, { resource_link_id: placement.resourceLinkId }), (li) => li.resourceLinkId === placement.resourceLinkId);
    found ??= await this.findIn(withQuery(container, { resource_id: resourceId }), (li) => li.resourceId === resourceId);
    if (found) return this.store(placement, found, false);
    const created = await this.call(container, {
      method: 'POST',
      accept: AGS_MEDIA.lineItem,
      contentType: AGS_MEDIA.lineItem,
      body: {
        scoreMaximum: placement.points,
        label: placement.title,
        resourceId,
        tag: placement.activityId,
        ...(placement.resourceLinkId ? { resourceLinkId: placement.resourceLinkId } : {}),
      },
    });
    const id = (created.body as { id?: unknown } | null)?.id;
    if (typeof id !== 'string' || !id) throw new Error('the platform created a line item but returned no id');
    return this.store(placement, id, true);
  }

  /** Pages through a filtered container; platforms that ignore the filter are filtered here too. */
  private async findIn(url: string, matches: (li: { resourceLinkId?: unknown; resourceId?: unknown }) => boolean): Promise<string | null> {
    let next: string | null = url;
    for (let page = 0; next && page < MAX_CONTAINER_PAGES; page += 1) {
      const res: ServiceResponse = await this.call(next, { method: 'GET', accept: AGS_MEDIA.lineItemContainer });
      const items = Array.isArray(res.body) ? (res.body as Array<Record<string, unknown>>) : [];
      const hit = items.find((li) => typeof li['id'] === 'string' && matches(li));
      if (hit) return hit['id'] as string;
      next = nextPageUrl(res.headers);
    }
    return null;
  }

  /** Stores the URL unless another process stored one first; then a column we just created is removed. */
  private async store(placement: PlacementForAgs, url: string, createdHere: boolean): Promise<string> {
    const updated = await PlacementModel.findOneAndUpdate(
      { _id: placement._id, tenantId: placement.tenantId, lineItemUrl: null },
      { $set: { lineItemUrl: url } },
      { new: true, projection: { lineItemUrl: 1 } },
    )
      .lean()
      .exec();
    if (updated) return url;
    const winner = await PlacementModel.findOne({ _id: placement._id, tenantId: placement.tenantId }, { lineItemUrl: 1 }).lean().exec();
    if (!winner?.lineItemUrl) return url;
    if (createdHere && winner.lineItemUrl !== url) {
      await this.call(url, { method: 'DELETE' }).catch((err: unknown) => {
        log.warn('could not delete a duplicate line item', { placementId: String(placement._id), err: String(err) });
      });
    }
    return winner.lineItemUrl;
  }

  /** POST <lineItem>/scores with the score media type. */
  async postScore(lineItemUrl: string, userId: string, score: DesiredScore): Promise<number> {
    const body: Record<string, unknown> = {
      userId,
      activityProgress: score.activityProgress,
      gradingProgress: score.gradingProgress,
      timestamp: score.timestamp,
    };
    if (score.scoreGiven !== null && score.scoreGiven !== undefined) {
      body['scoreGiven'] = score.scoreGiven;
      body['scoreMaximum'] = score.scoreMaximum;
    }
    if (score.comment) body['comment'] = score.comment;
    const res = await this.call(scoresUrl(lineItemUrl), { method: 'POST', contentType: AGS_MEDIA.score, body });
    return res.status;
  }
}
