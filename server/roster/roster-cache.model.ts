import { Schema, model, type Types } from 'mongoose';
import { baseSchemaOptions } from '../db/model-options';

/** One cached course member (an active learner from NRPS). */
export interface CachedMember {
  /** NRPS user_id, equal to the sub claim of the person's launches. */
  ltiSubject: string;
  name: string;
  email: string | null;
}

/** The NRPS roster of one course in one district, as last fetched, and how the last refresh went. */
export interface RosterCache {
  _id: Types.ObjectId;
  tenantId: Types.ObjectId;
  /** LTI context (course) id. */
  contextId: string;
  /** Active learners from the last successful fetch (kept when a later refresh fails). */
  members: CachedMember[];
  /** When the members were fetched; null until a fetch succeeded. */
  fetchedAt: Date | null;
  /** When a fetch was last tried, successful or not (limits retries against a failing platform). */
  attemptedAt: Date | null;
  /** Why the last refresh failed, for the dashboard; null after a success. */
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const memberSchema = new Schema<CachedMember>(
  {
    ltiSubject: { type: String, required: true },
    name: { type: String, required: true },
    email: { type: String, default: null },
  },
  { _id: false },
);

const rosterCacheSchema = new Schema<RosterCache>(
  {
    tenantId: { type: Schema.Types.ObjectId, required: true, ref: 'Tenant' },
    contextId: { type: String, required: true },
    members: { type: [memberSchema], default: [] },
    fetchedAt: { type: Date, default: null },
    attemptedAt: { type: Date, default: null },
    error: { type: String, default: null },
  },
  baseSchemaOptions,
);
rosterCacheSchema.index({ tenantId: 1, contextId: 1 }, { unique: true });

export const RosterCacheModel = model<RosterCache>('RosterCache', rosterCacheSchema);
