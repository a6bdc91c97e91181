import { Schema, model, type Types } from 'mongoose';
import { baseSchemaOptions } from '../db/model-options';

/** AGS activityProgress values. */
export const ACTIVITY_PROGRESS = ['Initialized', 'Started', 'InProgress', 'Submitted', 'Completed'] as const;
export type ActivityProgressValue = (typeof ACTIVITY_PROGRESS)[number];
/** AGS gradingProgress values. */
export const GRADING_PROGRESS = ['FullyGraded', 'Pending', 'PendingManual', 'Failed', 'NotReady'] as const;
export type GradingProgressValue = (typeof GRADING_PROGRESS)[number];

export const SCORE_JOB_STATES = ['pending', 'in_flight', 'synced', 'failed'] as const;
export type ScoreJobState = (typeof SCORE_JOB_STATES)[number];

/** The AGS score body as it will be posted (userId added from ltiSubject). */
export interface DesiredScore {
  scoreGiven?: number | null;
  scoreMaximum?: number | null;
  activityProgress: ActivityProgressValue;
  gradingProgress: GradingProgressValue;
  comment?: string | null;
  /** ISO 8601 with offset: when the score was earned; the platform ignores scores older than the one it has. */
  timestamp: string;
}

/**
 * The grade outbox: the desired score of one student on one placement, and where its delivery stands.
 * One document per (tenant, placement, user); a newer desired score replaces the older one (revision + 1).
 */
export interface ScoreJob {
  _id: Types.ObjectId;
  tenantId: Types.ObjectId;
  placementId: Types.ObjectId;
  /** The tool's user id of the student. */
  userId: Types.ObjectId;
  /** The student's LTI sub claim: the AGS userId. */
  ltiSubject: string;
  /** What the gradebook should show. */
  score: DesiredScore;
  /** Incremented on every new desired score; a worker only marks synced the revision it posted. */
  revision: number;
  /** pending: due at nextAttemptAt; in_flight: a worker holds the lease; synced; failed: needs a retry. */
  state: ScoreJobState;
  /** Failed attempts for the current revision (throttled ones included). */
  attempts: number;
  /** Of the failed attempts, those the platform throttled (429 / 503 with Retry-After). */
  throttles: number;
  /** When the job is due (pending) or was claimed (in_flight). */
  nextAttemptAt: Date;
  /** Worker holding the job while in_flight. */
  leaseOwner: string | null;
  /** The lease ends here; an in_flight job past it is reclaimed (its worker died). */
  leaseUntil: Date | null;
  /** Why the last attempt failed, for the teacher (no tokens, no query strings). */
  lastError: string | null;
  /** HTTP status of the last answer (null: network error or none yet). */
  lastStatus: number | null;
  /** Last revision the platform accepted (0: none yet). */
  syncedRevision: number;
  syncedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const desiredScoreSchema = new Schema<DesiredScore>(
  {
    scoreGiven: { type: Number, default: null },
    scoreMaximum: { type: Number, default: null },
    activityProgress: { type: String, required: true, enum: ACTIVITY_PROGRESS },
    gradingProgress: { type: String, required: true, enum: GRADING_PROGRESS },
    comment: { type: String, default: null },
    timestamp: { type: String, required: true },
  },
  { _id: false },
);

const scoreJobSchema = new Schema<ScoreJob>(
  {
    tenantId: { type: Schema.Types.ObjectId, required: true },
    placementId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    ltiSubject: { type: String, required: true },
    score: { type: desiredScoreSchema, required: true },
    revision: { type: Number, required: true, default: 0 },
    state: { type: String, required: true, enum: SCORE_JOB_STATES, default: 'pending' },
    attempts: { type: Number, required: true, default: 0 },
    throttles: { type: Number, required: true, default: 0 },
    nextAttemptAt: { type: Date, required: true, default: () => new Date() },
    leaseOwner: { type: String, default: null },
    leaseUntil: { type: Date, default: null },
    lastError: { type: String, default: null },
    lastStatus: { type: Number, default: null },
    syncedRevision: { type: Number, required: true, default: 0 },
    syncedAt: { type: Date, default: null },
  },
  baseSchemaOptions,
);
scoreJobSchema.index({ tenantId: 1, placementId: 1, userId: 1 }, { unique: true });
// Claiming: due pending jobs, and in_flight jobs whose lease expired.
scoreJobSchema.index({ state: 1, nextAttemptAt: 1 });
scoreJobSchema.index({ state: 1, leaseUntil: 1 });

export const ScoreJobModel = model<ScoreJob>('ScoreJob', scoreJobSchema);
