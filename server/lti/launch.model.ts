import { Schema, model, type Types } from 'mongoose';
import { baseSchemaOptions } from '../db/model-options';

/** One verified launch: what the session token's `lid` points at (course, link, services). */
export interface Launch {
  _id: Types.ObjectId;
  tenantId: Types.ObjectId;
  userId: Types.ObjectId;
  deploymentId: string;
  /** ParentLink: a session opened from a parent's link (server/parents), not from the LMS. */
  messageType: 'LtiResourceLinkRequest' | 'LtiDeepLinkingRequest' | 'ParentLink';
  context: { id: string; title: string } | null;
  resourceLinkId: string | null;
  targetLinkUri: string;
  custom: Record<string, string>;
  /** Deep linking settings claim, kept to answer the platform later. */
  deepLinking: { returnUrl: string; acceptTypes: string[]; acceptMultiple: boolean; data: string | null } | null;
  /** AGS endpoint claim. */
  ags: { lineItems: string | null; lineItem: string | null; scopes: string[] } | null;
  /** NRPS claim. */
  nrps: { membershipsUrl: string } | null;
  createdAt: Date;
}

const launchSchema = new Schema<Launch>(
  {
    tenantId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    deploymentId: { type: String, required: true },
    messageType: { type: String, required: true },
    context: { type: new Schema({ id: String, title: String }, { _id: false }), default: null },
    resourceLinkId: { type: String, default: null },
    targetLinkUri: { type: String, required: true },
    custom: { type: Schema.Types.Mixed, default: {} },
    deepLinking: { type: Schema.Types.Mixed, default: null },
    ags: { type: Schema.Types.Mixed, default: null },
    nrps: { type: Schema.Types.Mixed, default: null },
  },
  baseSchemaOptions,
);
launchSchema.index({ tenantId: 1, userId: 1, createdAt: -1 });
// Sessions last at most a day; their launches can go after a week.
launchSchema.index({ createdAt: 1 }, { expireAfterSeconds: 7 * 24 * 3600 });

export const LaunchModel = model<Launch>('Launch', launchSchema);
