import { Schema, model, type Types } from 'mongoose';
import { baseSchemaOptions } from '../db/model-options';
import { GRADE_BANDS, type GradeBand } from '../../shared/api/activities';

/** A district's own activity: a prompt students answer and the evidence required; a teacher reviews it. */
export interface CustomActivity {
  _id: Types.ObjectId;
  /** District that owns it; every query filters by it. */
  tenantId: Types.ObjectId;
  /** Shown in the picker and as the gradebook column label (1..120). */
  title: string;
  /** What students answer (1..4000). */
  prompt: string;
  /** The evidence required (1..1000). */
  evidence: string;
  /** Suggested grades, at least one. */
  gradeBands: GradeBand[];
  /** Suggested gradebook points (0..1000). */
  suggestedPoints: number;
  /** The admin who created it. */
  createdBy: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

const customActivitySchema = new Schema<CustomActivity>(
  {
    tenantId: { type: Schema.Types.ObjectId, required: true },
    title: { type: String, required: true, maxlength: 120 },
    prompt: { type: String, required: true, maxlength: 4000 },
    evidence: { type: String, required: true, maxlength: 1000 },
    gradeBands: { type: [{ type: String, enum: GRADE_BANDS }], required: true },
    suggestedPoints: { type: Number, required: true, min: 0, max: 1000 },
    createdBy: { type: Schema.Types.ObjectId, required: true },
  },
  baseSchemaOptions,
);
customActivitySchema.index({ tenantId: 1, createdAt: 1 });

export const CustomActivityModel = model<CustomActivity>('CustomActivity', customActivitySchema);
