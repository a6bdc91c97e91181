import { Schema, model, type Types } from 'mongoose';
import { baseSchemaOptions } from '../db/model-options';
import type { SectionKey } from '../../shared/api/plan';
import type { AttributeKey } from '../../shared/api/session';
import type { StoredInterestResult, StoredSection } from './plan.model';

/** The advisor's review of a submitted year (teacher, counselor or district admin). */
export interface StoredAdvisorReview {
  reviewerId: Types.ObjectId;
  reviewerName: string;
  reviewedAt: Date;
  comment: string;
}

/** A parent's or guardian's signature of a submitted year. */
export interface StoredParentSignature {
  parentId: Types.ObjectId;
  parentName: string;
  typedName: string;
  signedAt: Date;
}

/**
 * A school year of a student's plan, frozen when the student submitted the annual review. The plan itself is never
 * updated; the advisor review and parent signatures are added to it afterwards.
 */
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
  /** Set once, by the first advisor to review the year (absent on years submitted before sign-offs existed). */
  advisorReview?: StoredAdvisorReview | null;
  /** One per parent or guardian who signed. */
  parentSignatures?: StoredParentSignature[];
  /** Per ECAP attribute, whether all its checklist items were done at submission (plan-progress.ts); for reports. */
  attributesComplete?: Record<AttributeKey, boolean>;
  /** The schools (deployment ids) the student launched from as a student by then; for reports. */
  deploymentIds?: string[];
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
    advisorReview: {
      type: new Schema<StoredAdvisorReview>(
        {
          reviewerId: { type: Schema.Types.ObjectId, required: true, ref: 'User' },
          reviewerName: { type: String, required: true },
          reviewedAt: { type: Date, required: true },
          comment: { type: String, maxlength: 2000, default: '' },
        },
        { _id: false },
      ),
      default: null,
    },
    attributesComplete: { type: Schema.Types.Mixed, default: null },
    deploymentIds: { type: [String], default: undefined },
    parentSignatures: {
      type: [
        new Schema<StoredParentSignature>(
          {
            parentId: { type: Schema.Types.ObjectId, required: true, ref: 'User' },
            parentName: { type: String, required: true },
            typedName: { type: String, required: true, maxlength: 120 },
            signedAt: { type: Date, required: true },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
  },
  { ...baseSchemaOptions, minimize: false },
);
planSnapshotSchema.index({ tenantId: 1, studentId: 1, schoolYear: 1 }, { unique: true });

export const PlanSnapshotModel = model<PlanSnapshot>('PlanSnapshot', planSnapshotSchema);
