import { Schema, model, type Types } from 'mongoose';
import { baseSchemaOptions } from '../db/model-options';
import { SUBJECT_AREAS, type SubjectArea } from '../../shared/api/plan';

/** Minimum credits in one subject area. */
export interface RequirementArea {
  /** The subject area. */
  area: SubjectArea;
  /** Credits required in it. */
  credits: number;
  /** Other subject areas whose credits also count toward this one (e.g. CTE or fine arts). */
  alsoCounts: SubjectArea[];
}

/** A district's graduation requirements; absent until a district edits Arizona's default. */
export interface RequirementTemplateDoc {
  _id: Types.ObjectId;
  /** District; one template per district. */
  tenantId: Types.ObjectId;
  /** Name shown to students ("Mesa graduation requirements"). */
  name: string;
  /** Credits needed to graduate. */
  totalCredits: number;
  /** Minimums per subject area; electives are everything beyond them. */
  areas: RequirementArea[];
  createdAt: Date;
  updatedAt: Date;
}

const areaSchema = new Schema<RequirementArea>(
  {
    area: { type: String, required: true, enum: SUBJECT_AREAS },
    credits: { type: Number, required: true, min: 0 },
    alsoCounts: { type: [String], enum: SUBJECT_AREAS, default: [] },
  },
  { _id: false },
);

const requirementTemplateSchema = new Schema<RequirementTemplateDoc>(
  {
    tenantId: { type: Schema.Types.ObjectId, required: true, ref: 'Tenant' },
    name: { type: String, required: true },
    totalCredits: { type: Number, required: true, min: 0 },
    areas: { type: [areaSchema], default: [] },
  },
  baseSchemaOptions,
);
requirementTemplateSchema.index({ tenantId: 1 }, { unique: true });

export const RequirementTemplateModel = model<RequirementTemplateDoc>('RequirementTemplate', requirementTemplateSchema);
