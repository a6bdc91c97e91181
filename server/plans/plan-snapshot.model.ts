import { Schema, model, type Types } from 'mongoose';
import { baseSchemaOptions } from '../db/model-options';
import type { SectionKey } from '../../shared/api/plan';
import type { StoredInterestResult, StoredSection } from './plan.model';

/** A school year of a student's plan, frozen when the student submitted the annual review. Never updated. */
export interface PlanSnapshot {
  _id: Types.ObjectId;
  /** District; every query filters by it. */
  tenantId: Types.ObjectId;
  /** The student (User._id). */
  studentId: Types.ObjectId;
  /** The school year reviewed ("2026-2027"). */
  schoolYear: string;
  /** The student's grade in that year. */
  grade: number;
  /** When the student submitted the review. */
  submittedAt: Date;
  /** The student's reflection on the year. */
  reflection: string;
  /** Copy of every section (version, updatedAt, data) at submission. */
  sections: Record<SectionKey, StoredSection>;
  /** Interest inventory result at submission. */
  interestResult: StoredInterestResult | null;
  createdAt: Date;
  updatedAt: Date;
}

const planSnapshotSchema = new Schema<PlanSnapshot>(
  {
    tenantId: { type: Schema.Types.ObjectId, required: true, ref: 'Tenant' },
    studentId: { type: Schema.Types.ObjectId, required: true, ref: 'User' },
    schoolYear: { type: String, required: true },
    grade: { type: Number, required: true, min: 6, max: 12 },
    submittedAt: { type: Date, required: true },
    reflection: { type: String, required: true, maxlength: 4000 },
    sections: { type: Schema.Types.Mixed, required: true },
    interestResult: { type: Schema.Types.Mixed, default: null },
  },
  { ...baseSchemaOptions, minimize: false },
);
planSnapshotSchema.index({ tenantId: 1, studentId: 1, schoolYear: 1 }, { unique: true });

export const PlanSnapshotModel = model<PlanSnapshot>('PlanSnapshot', planSnapshotSchema);
