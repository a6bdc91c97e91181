import { Schema, model, type Types } from 'mongoose';
import { baseSchemaOptions } from '../db/model-options';

/** An ECAP activity placed in a course through Deep Linking: links resource link, course, activity and line item. */
export interface Placement {
  _id: Types.ObjectId;
  tenantId: Types.ObjectId;
  deploymentId: string;
  /** LTI context (course) id. */
  contextId: string;
  contextTitle: string;
  /** Built-in activity key or custom activity id. */
  activityId: string;
  title: string;
  /** Gradebook points; 0 = no grade column. */
  points: number;
  /** resource_link.id, learned on the first launch of the placed link (platforms create it on placement). */
  resourceLinkId: string | null;
  /** AGS line item URL of this placement, when the platform created one or the tool found/created it. */
  lineItemUrl: string | null;
  /** AGS line items container of the course, from the launch's AGS claim (to find or create the line item). */
  lineItemsUrl: string | null;
  createdBy: Types.ObjectId;
  /** The deep linking launch that created it (one answer per deep linking request). */
  sourceLaunchId: Types.ObjectId | null;
  /** Set when the teacher removes it; launches of a deleted placement get a clear page. */
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const placementSchema = new Schema<Placement>(
  {
    tenantId: { type: Schema.Types.ObjectId, required: true },
    deploymentId: { type: String, required: true },
    contextId: { type: String, required: true },
    contextTitle: { type: String, required: true },
    activityId: { type: String, required: true },
    title: { type: String, required: true },
    points: { type: Number, required: true, min: 0 },
    resourceLinkId: { type: String, default: null },
    lineItemUrl: { type: String, default: null },
    lineItemsUrl: { type: String, default: null },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    sourceLaunchId: { type: Schema.Types.ObjectId, default: null },
    deletedAt: { type: Date, default: null },
  },
  baseSchemaOptions,
);
placementSchema.index({ tenantId: 1, contextId: 1 });
placementSchema.index({ tenantId: 1, resourceLinkId: 1 });
placementSchema.index({ tenantId: 1, sourceLaunchId: 1 });

export const PlacementModel = model<Placement>('Placement', placementSchema);
