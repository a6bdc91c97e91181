import { Types } from 'mongoose';
import { CustomActivityModel, type CustomActivity } from './custom-activity.model';
import { BUILT_IN_ACTIVITIES, builtInActivity, presentBuiltIn } from './catalog';
import { presentCustomActivity } from './activity.presenter';
import type { TenantId } from '../tenants/tenant-id';
import type { ActivityView, GradeBand } from '../../shared/api/activities';
import type { Locale } from '../../shared/roles';
import type { z } from 'zod';
import type { customActivitySchema } from '../../shared/api/activities';

export type CustomActivityInput = z.infer<typeof customActivitySchema>;

/** The catalog a district sees: built-ins in the caller's language, then its own activities (oldest first). */
export async function listActivities(tenantId: TenantId, locale: Locale, gradeBand?: GradeBand): Promise<ActivityView[]> {
  const custom = await CustomActivityModel.find({ tenantId, ...(gradeBand ? { gradeBands: gradeBand } : {}) })
    .sort({ createdAt: 1 })
    .lean<CustomActivity[]>()
    .exec();
  const builtIns = BUILT_IN_ACTIVITIES.filter((a) => !gradeBand || a.gradeBands.includes(gradeBand)).map((a) => presentBuiltIn(a, locale));
  return [...builtIns, ...custom.map(presentCustomActivity)];
}

/** A built-in by key or one of the district's custom activities by id; null when neither exists. */
export async function findActivity(tenantId: TenantId, activityId: string, locale: Locale): Promise<ActivityView | null> {
  const builtIn = builtInActivity(activityId);
  if (builtIn) return presentBuiltIn(builtIn, locale);
  if (!Types.ObjectId.isValid(activityId) || String(new Types.ObjectId(activityId)) !== activityId) return null;
  const doc = await CustomActivityModel.findOne({ _id: activityId, tenantId }).lean<CustomActivity>().exec();
  return doc ? presentCustomActivity(doc) : null;
}

export async function createCustomActivity(tenantId: TenantId, createdBy: string, input: CustomActivityInput): Promise<ActivityView> {
  const doc = await CustomActivityModel.create({ ...input, tenantId, createdBy: new Types.ObjectId(createdBy) });
  return presentCustomActivity(doc.toObject());
}
