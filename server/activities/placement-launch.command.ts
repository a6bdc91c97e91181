import { Types } from 'mongoose';
import { LtiError } from '../http/errors';
import type { TenantId } from '../tenants/tenant-id';
import type { AppRole } from '../../shared/roles';
import { CUSTOM_PLACEMENT } from './deep-linking.command';
import {
  attachLaunchServices,
  ensureProgress,
  findPlacement,
  placementOfResourceLink,
  insertPlacements,
} from './placement.service';
import { evaluateStudent } from './completion.command';
import type { Placement } from './placement.model';

/** What a verified resource link launch says about the link it came from. */
export interface ResourceLinkLaunch {
  deploymentId: string;
  contextId: string | null;
  contextTitle: string | null;
  resourceLinkId: string | null;
  custom: Record<string, string>;
  /** AGS claim: the link's line item and the course's line items container. */
  lineItemUrl: string | null;
  lineItemsUrl: string | null;
}

const missing = (reason: string, placementId: string) =>
  new LtiError(404, 'placement_missing', 'placement_missing', reason, { placement: placementId });

/**
 * The placement a resource link launch opens, or null for a plain launch of the tool (no ECAP custom parameter and
 * no placed link with this resource_link id). A placement named by the link but unknown to the district or
 * deleted is a clear error page. A link copied into another course (LMS course copy keeps custom parameters)
 * becomes that course's own placement, found again by its resource_link id on later launches.
 */
export async function placementForLaunch(tenantId: TenantId, link: ResourceLinkLaunch, actorId: Types.ObjectId): Promise<Placement | null> {
  const named = link.custom[CUSTOM_PLACEMENT];
  if (!named) {
    if (!link.contextId || !link.resourceLinkId) return null;
    const { live, removed } = await placementOfResourceLink(tenantId, link.contextId, link.resourceLinkId);
    if (live) {
      await attachLaunchServices(tenantId, live, link);
      return live;
    }
    // A link the teacher removed from ECAP Planner (it stays in the LMS course): the clear page, not the plan.
    if (removed) throw missing('the placement was deleted', String(removed._id));
    return null;
  }
  const placement = await findPlacement(tenantId, named);
  if (!placement) throw missing('custom ecap_placement names no placement of this district', named);
  if (placement.deletedAt) throw missing('the placement was deleted', named);
  if (link.contextId && placement.contextId !== link.contextId) return copiedPlacement(tenantId, placement, link, actorId);
  await attachLaunchServices(tenantId, placement, link);
  return placement;
}

async function copiedPlacement(tenantId: TenantId, original: Placement, link: ResourceLinkLaunch, actorId: Types.ObjectId): Promise<Placement> {
  const contextId = link.contextId!;
  if (link.resourceLinkId) {
    const { live, removed } = await placementOfResourceLink(tenantId, contextId, link.resourceLinkId);
    if (live) {
      await attachLaunchServices(tenantId, live, link);
      return live;
    }
    // The copy was removed from ECAP Planner in this course: do not bring it back with a new copy.
    if (removed) throw missing('the placement was deleted', String(removed._id));
  }
  const [copy] = await insertPlacements(tenantId, [
    {
      deploymentId: link.deploymentId,
      contextId,
      contextTitle: link.contextTitle ?? contextId,
      activityId: original.activityId,
      title: original.title,
      points: original.points,
      resourceLinkId: link.resourceLinkId,
      lineItemUrl: link.lineItemUrl,
      lineItemsUrl: link.lineItemsUrl,
      createdBy: actorId,
      sourceLaunchId: null,
    },
  ]);
  if (!copy) throw new Error('placement copy was not stored');
  return copy;
}

/**
 * After a student's launch of a placed activity: their progress row exists (not_started until the activity is
 * opened), and completion is checked against the plan as it is (work done before the teacher placed it counts).
 */
export async function afterPlacementLaunch(tenantId: TenantId, placement: Placement, user: { _id: Types.ObjectId; role: AppRole }): Promise<void> {
  if (user.role !== 'student') return;
  await ensureProgress(tenantId, placement._id, user._id);
  await evaluateStudent(tenantId, String(user._id), { placementIds: [placement._id] });
}
