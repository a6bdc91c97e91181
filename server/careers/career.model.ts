import { Schema, model, type Types } from 'mongoose';
import { baseSchemaOptions } from '../db/model-options';
import { EDUCATION_LEVELS, OUTLOOKS } from '../../shared/api/plan';

export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export type Outlook = (typeof OUTLOOKS)[number];
export const CAREER_SOURCES = ['starter', 'onet'] as const;
export type CareerSource = (typeof CAREER_SOURCES)[number];

/** O*NET-SOC code: two digits, dash, four digits, dot, two digits (e.g. 15-1252.00). */
export const ONET_SOC_CODE = /^\d{2}-\d{4}\.\d{2}$/;
/** One to three distinct RIASEC letters. */
export const RIASEC_CODE = /^(?!.*(.).*\1)[RIASEC]{1,3}$/;

/**
 * An occupation of the career catalog.
 *
 * GLOBAL REFERENCE DATA, deliberately NOT tenant-scoped: every district reads the same catalog (the built-in
 * starter list plus whatever `npm run import:careers` loaded from O*NET). It holds no student or district data,
 * so it carries no tenantId; what a student saves lives in their plan (careerSection.savedCareers).
 */
export interface Career {
  _id: Types.ObjectId;
  /** O*NET-SOC code, unique (e.g. '15-1252.00'). */
  code: string;
  /** English title as O*NET publishes it. */
  title: string;
  /** Spanish title, when we have one (starter catalog); searched together with the title. */
  titleEs?: string | null;
  /** Career cluster name (16-cluster framework), or 'Unclassified' for imports without a crosswalk. */
  cluster: string;
  /** Career pathway within the cluster, or 'Unclassified'. */
  pathway: string;
  /** Holland code of the occupation: 1-3 RIASEC letters, highest first. */
  riasec: string;
  /** Typical education to enter the occupation. */
  education: EducationLevel;
  /** O*NET Job Zone (1-5) when imported; null for starter entries. */
  jobZone?: number | null;
  /** Median annual wage in US dollars, or null when unknown; an import never overwrites it. */
  medianWage: number | null;
  /** Employment outlook, or null when unknown; an import never overwrites it. */
  outlook: Outlook | null;
  /** What people in the occupation do. */
  description: string | null;
  /** Where the entry came from first. */
  source: CareerSource;
  createdAt: Date;
  updatedAt: Date;
}

const careerSchema = new Schema<Career>(
  {
    code: { type: String, required: true, match: ONET_SOC_CODE },
    title: { type: String, required: true, trim: true, maxlength: 200 },
    titleEs: { type: String, default: null, maxlength: 200 },
    cluster: { type: String, required: true, maxlength: 100 },
    pathway: { type: String, required: true, maxlength: 120 },
    riasec: { type: String, required: true, match: RIASEC_CODE },
    education: { type: String, required: true, enum: EDUCATION_LEVELS },
    jobZone: { type: Number, default: null, min: 1, max: 5 },
    medianWage: { type: Number, default: null, min: 0 },
    outlook: { type: String, default: null, enum: [...OUTLOOKS, null] },
    description: { type: String, default: null, maxlength: 4000 },
    source: { type: String, required: true, enum: CAREER_SOURCES },
  },
  baseSchemaOptions,
);
careerSchema.index({ code: 1 }, { unique: true });
// Search: filter by cluster and/or education, then sort by title (the default order of GET /careers).
careerSchema.index({ cluster: 1, title: 1 });
careerSchema.index({ education: 1, title: 1 });
careerSchema.index({ title: 1 });
// Case-insensitive substring search uses a regex on title/titleEs; a text index would not find word parts
// ("nurs" in "Nurses"), so none is declared.

export const CareerModel = model<Career>('Career', careerSchema);
