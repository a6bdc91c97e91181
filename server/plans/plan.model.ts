import { Schema, model, type Types } from 'mongoose';
import { baseSchemaOptions } from '../db/model-options';
import { SECTION_KEYS, type SectionKey } from '../../shared/api/plan';
import { APP_ROLES, type AppRole } from '../../shared/roles';

/** One section of the plan as stored: `data` is only ever written after the section's zod schema parsed it. */
export interface StoredSection {
  /** Optimistic-concurrency version: a write must name it and bumps it by one. */
  version: number;
  /** When the section was last saved; null until the first save. */
  updatedAt: Date | null;
  /** The section's data (Mixed), as parsed by SECTION_SCHEMAS[key]. */
  data: unknown;
}

/** RIASEC result of a complete interest inventory. */
export interface StoredInterestResult {
  /** Mean rating per letter. */
  scores: Record<string, number>;
  /** Three-letter Holland code. */
  code: string;
  /** When this code was first reached; kept while answers change without changing the code. */
  completedAt: Date;
}

/** A note by a teacher or admin on the student's progress. */
export interface StoredAdvisorNote {
  _id: Types.ObjectId;
  /** User who wrote it. */
  authorId: Types.ObjectId;
  /** Their name at the time of writing. */
  authorName: string;
  /** Role they wrote it as. */
  authorRole: AppRole;
  /** The note, 1..2000 characters. */
  text: string;
  /** true when the note records a needed intervention. */
  intervention: boolean;
  createdAt: Date;
}

/** The annual review of the plan's last reviewed or current year. */
export interface AnnualReviewState {
  /** School year the state is about. */
  schoolYear: string;
  /** open until the student submits the year's review. */
  status: 'open' | 'submitted';
  /** When the student submitted it. */
  submittedAt: Date | null;
}

/** A student's ECAP: one per (tenant, student), growing year over year. */
export interface Plan {
  _id: Types.ObjectId;
  /** District the plan belongs to; every query filters by it. */
  tenantId: Types.ObjectId;
  /** The student (User._id). */
  studentId: Types.ObjectId;
  /** School year in progress for this plan ("2026-2027"); advances when the annual review is submitted. */
  schoolYear: string;
  /** Every section with its own version. */
  sections: Record<SectionKey, StoredSection>;
  /** Result of the interest inventory in the career section; null while incomplete. */
  interestResult: StoredInterestResult | null;
  /** Staff-written notes; the student reads them. */
  advisorNotes: StoredAdvisorNote[];
  /** The annual review state (see plan.presenter.ts for how it reads). */
  annualReview: AnnualReviewState;
  createdAt: Date;
  updatedAt: Date;
}

const sectionSchema = new Schema<StoredSection>(
  {
    version: { type: Number, required: true, min: 0 },
    updatedAt: { type: Date, default: null },
    data: { type: Schema.Types.Mixed },
  },
  { _id: false, minimize: false },
);

const interestResultSchema = new Schema<StoredInterestResult>(
  {
    scores: { type: Schema.Types.Mixed, required: true },
    code: { type: String, required: true },
    completedAt: { type: Date, required: true },
  },
  { _id: false, minimize: false },
);

const advisorNoteSchema = new Schema<StoredAdvisorNote>({
  authorId: { type: Schema.Types.ObjectId, required: true, ref: 'User' },
  authorName: { type: String, required: true },
  authorRole: { type: String, required: true, enum: APP_ROLES },
  text: { type: String, required: true, maxlength: 2000 },
  intervention: { type: Boolean, required: true },
  createdAt: { type: Date, required: true },
});

const annualReviewSchema = new Schema<AnnualReviewState>(
  {
    schoolYear: { type: String, required: true },
    status: { type: String, required: true, enum: ['open', 'submitted'] },
    submittedAt: { type: Date, default: null },
  },
  { _id: false },
);

const planSchema = new Schema<Plan>(
  {
    tenantId: { type: Schema.Types.ObjectId, required: true, ref: 'Tenant' },
    studentId: { type: Schema.Types.ObjectId, required: true, ref: 'User' },
    schoolYear: { type: String, required: true },
    sections: Object.fromEntries(SECTION_KEYS.map((key) => [key, { type: sectionSchema, required: true }])) as Record<
      SectionKey,
      { type: typeof sectionSchema; required: true }
    >,
    interestResult: { type: interestResultSchema, default: null },
    advisorNotes: { type: [advisorNoteSchema], default: [] },
    annualReview: { type: annualReviewSchema, required: true },
  },
  // minimize: false keeps empty objects (e.g. no interest answers yet) inside section data.
  { ...baseSchemaOptions, minimize: false },
);
planSchema.index({ tenantId: 1, studentId: 1 }, { unique: true });

export const PlanModel = model<Plan>('Plan', planSchema);
