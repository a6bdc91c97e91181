import { Schema, model, type Types } from 'mongoose';
import { baseSchemaOptions } from '../db/model-options';
import { PROGRESS_STATUSES, type ProgressStatus } from '../../shared/api/activities';

/** One student's progress on one placement. */
export interface ActivityProgress {
  _id: Types.ObjectId;
  tenantId: Types.ObjectId;
  placementId: Types.ObjectId;
  userId: Types.ObjectId;
  status: ProgressStatus;
  /** Custom activities: the student's response. */
  response: string | null;
  /** The teacher's comment with approve / request revision. */
  teacherComment: string | null;
  completedAt: Date | null;
  /** When the student last submitted it for review (PendingManual). */
  submittedAt: Date | null;
  /**
   * Fingerprint of the part of the plan the completion rule reads, at the last submission: a "needs revision"
   * goes back to "submitted" only when the student changed that part.
   */
  evidence: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const progressSchema = new Schema<ActivityProgress>(
  {
    tenantId: { type: Schema.Types.ObjectId, required: true },
    placementId: { type: Schema.Types.ObjectId, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    status: { type: String, required: true, enum: PROGRESS_STATUSES, default: 'not_started' },
    response: { type: String, default: null },
    teacherComment: { type: String, default: null },
    completedAt: { type: Date, default: null },
    submittedAt: { type: Date, default: null },
    evidence: { type: String, default: null },
  },
  baseSchemaOptions,
);
progressSchema.index({ tenantId: 1, placementId: 1, userId: 1 }, { unique: true });
progressSchema.index({ tenantId: 1, userId: 1 });

export const ActivityProgressModel = model<ActivityProgress>('ActivityProgress', progressSchema);
