import { Types } from 'mongoose';
import { PlacementModel, type Placement } from './placement.model';
import { ActivityProgressModel, type ActivityProgress } from './progress.model';
import type { TenantId } from '../tenants/tenant-id';
import { isDuplicateKey } from '../db/query-helpers';

/** Data access for placements and progress: every function takes the tenant id and filters by it. */

export const asObjectId = (id: string): Types.ObjectId | null =>
  Types.ObjectId.isValid(id) && String(new Types.ObjectId(id)) === id ? new Types.ObjectId(id) : null;

/** A placement of the district, deleted or not; null for unknown ids and other districts' placements. */
export function findPlacement(tenantId: TenantId, placementId: string): Promise<Placement | null> {
  const id = asObjectId(placementId);
  if (!id) return Promise.resolve(null);
  return PlacementModel.findOne({ _id: id, tenantId }).lean<Placement>().exec();
}

/**
 * The placement of a course's resource link: the live one, else the most recently removed one (so a launch of a
 * removed link gets a clear page, not the plan). One query: a link has at most a few placements over its life.
 */
export async function placementOfResourceLink(
  tenantId: TenantId,
  contextId: string,
  resourceLinkId: string,
): Promise<{ live: Placement | null; removed: Placement | null }> {
  const all = await PlacementModel.find({ tenantId, contextId, resourceLinkId }).lean<Placement[]>().exec();
  const removed = all.filter((p) => p.deletedAt).sort((a, b) => b.deletedAt!.getTime() - a.deletedAt!.getTime());
  return { live: all.find((p) => !p.deletedAt) ?? null, removed: removed[0] ?? null };
}

/**
 * Removes a placement from ECAP Planner (the teacher's "Remove"): sets deletedAt, atomically on a live placement,
 * so of two removals only one succeeds (the other gets null). Progress rows and grade jobs are never deleted.
 */
export function markPlacementDeleted(tenantId: TenantId, placementId: Types.ObjectId, at = new Date()): Promise<Placement | null> {
  return PlacementModel.findOneAndUpdate({ _id: placementId, tenantId, deletedAt: null }, { $set: { deletedAt: at } }, { new: true })
    .lean<Placement>()
    .exec();
}

/** Live placements of a set of courses. */
export function placementsInContexts(tenantId: TenantId, contextIds: string[]): Promise<Placement[]> {
  if (contextIds.length === 0) return Promise.resolve([]);
  return PlacementModel.find({ tenantId, contextId: { $in: contextIds }, deletedAt: null }).lean<Placement[]>().exec();
}

export function placementsOfLaunch(tenantId: TenantId, launchId: Types.ObjectId): Promise<Placement[]> {
  return PlacementModel.find({ tenantId, sourceLaunchId: launchId }).sort({ _id: 1 }).lean<Placement[]>().exec();
}

export type NewPlacement = Omit<Placement, '_id' | 'tenantId' | 'createdAt' | 'updatedAt' | 'deletedAt'>;

export async function insertPlacements(tenantId: TenantId, items: NewPlacement[]): Promise<Placement[]> {
  const docs = await PlacementModel.insertMany(items.map((i) => ({ ...i, tenantId, deletedAt: null })));
  return docs.map((d) => d.toObject() as Placement);
}

/** Undoes an insert whose answer to the platform could not be produced (so the teacher can try again). */
export async function removePlacements(tenantId: TenantId, ids: Types.ObjectId[]): Promise<void> {
  await PlacementModel.deleteMany({ tenantId, _id: { $in: ids } }).exec();
}

/**
 * Learns what the platform created for a placed link from its launch: the resource_link id (first launch only,
 * so another link cannot take the placement over) and the AGS line item / container URLs.
 */
export async function attachLaunchServices(
  tenantId: TenantId,
  placement: Placement,
  found: { resourceLinkId: string | null; lineItemUrl: string | null; lineItemsUrl: string | null },
): Promise<void> {
  if (found.resourceLinkId && placement.resourceLinkId === null) {
    await PlacementModel.updateOne({ _id: placement._id, tenantId, resourceLinkId: null }, { $set: { resourceLinkId: found.resourceLinkId } }).exec();
  }
  const set: Partial<Pick<Placement, 'lineItemUrl' | 'lineItemsUrl'>> = {};
  const ownLink = !placement.resourceLinkId || placement.resourceLinkId === found.resourceLinkId;
  if (ownLink && found.lineItemUrl && found.lineItemUrl !== placement.lineItemUrl) set.lineItemUrl = found.lineItemUrl;
  if (found.lineItemsUrl && !placement.lineItemsUrl) set.lineItemsUrl = found.lineItemsUrl;
  if (Object.keys(set).length) await PlacementModel.updateOne({ _id: placement._id, tenantId }, { $set: set }).exec();
}

// ---------- progress ----------

export function findProgress(tenantId: TenantId, placementId: Types.ObjectId, userId: string | Types.ObjectId): Promise<ActivityProgress | null> {
  return ActivityProgressModel.findOne({ tenantId, placementId, userId: new Types.ObjectId(userId) }).lean<ActivityProgress>().exec();
}

/** The student's progress row, created as not_started on first use. */
export async function ensureProgress(tenantId: TenantId, placementId: Types.ObjectId, userId: string | Types.ObjectId): Promise<ActivityProgress> {
  const key = { tenantId, placementId, userId: new Types.ObjectId(userId) };
  try {
    const doc = await ActivityProgressModel.findOneAndUpdate(
      key,
      { $setOnInsert: { status: 'not_started', response: null, teacherComment: null, completedAt: null, submittedAt: null, evidence: null } },
      { upsert: true, new: true, lean: true },
    ).exec();
    if (doc) return doc as ActivityProgress;
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  const raced = await ActivityProgressModel.findOne(key).lean<ActivityProgress>().exec();
  if (!raced) throw new Error('progress row vanished');
  return raced;
}

/**
 * Moves a progress row from one of `from` to a new state, creating it when `from` includes 'not_started' and
 * there is none. Returns the row when this call made the change, null when someone else's state stands (the
 * caller then does nothing more, so a transition and its grade happen once).
 */
export async function transitionProgress(
  tenantId: TenantId,
  placementId: Types.ObjectId,
  userId: string | Types.ObjectId,
  from: ActivityProgress['status'][],
  set: Partial<Pick<ActivityProgress, 'status' | 'response' | 'completedAt' | 'submittedAt' | 'evidence' | 'teacherComment'>>,
): Promise<ActivityProgress | null> {
  const filter = { tenantId, placementId, userId: new Types.ObjectId(userId), status: { $in: from } };
  const upsert = from.includes('not_started');
  try {
    const doc = await ActivityProgressModel.findOneAndUpdate(filter, { $set: set }, { new: true, lean: true, upsert }).exec();
    return (doc as ActivityProgress | null) ?? null;
  } catch (err) {
    // The upsert met a row in another state (unique key): that state stands.
    if (isDuplicateKey(err)) return null;
    throw err;
  }
}
