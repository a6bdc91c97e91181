import type { Types } from 'mongoose';
import { PlacementModel, type Placement } from '../../server/activities/placement.model';
import { ActivityProgressModel } from '../../server/activities/progress.model';
import type { ProgressStatus } from '../../shared/api/activities';

let seq = 0;

/** A placement of an activity in a course, as deep linking would have created it. */
export async function createPlacement(
  tenantId: Types.ObjectId,
  contextId: string,
  createdBy: Types.ObjectId,
  overrides: Partial<Pick<Placement, 'title' | 'points' | 'activityId' | 'deletedAt' | 'lineItemUrl' | 'deploymentId'>> = {},
): Promise<Placement> {
  seq += 1;
  const doc = await PlacementModel.create({
    tenantId,
    deploymentId: overrides.deploymentId ?? 'dep',
    contextId,
    contextTitle: 'Advisory 10B',
    activityId: overrides.activityId ?? 'career-goal',
    title: overrides.title ?? `Activity ${seq}`,
    points: overrides.points ?? 10,
    lineItemUrl: overrides.lineItemUrl ?? null,
    createdBy,
    deletedAt: overrides.deletedAt ?? null,
  });
  return doc.toObject();
}

/** A student's progress row on a placement. */
export async function setProgress(tenantId: Types.ObjectId, placementId: Types.ObjectId, userId: Types.ObjectId, status: ProgressStatus, extra: { response?: string; updatedAt?: Date } = {}) {
  const doc = await ActivityProgressModel.create({ tenantId, placementId, userId, status, response: extra.response ?? null, completedAt: status === 'completed' ? new Date() : null });
  if (extra.updatedAt) await ActivityProgressModel.collection.updateOne({ _id: doc._id }, { $set: { updatedAt: extra.updatedAt } });
  return doc.toObject();
}
