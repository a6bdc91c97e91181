import { Schema, model, type Types } from 'mongoose';
import { baseSchemaOptions } from '../db/model-options';

/**
 * A district export or a student's deletion: who, when, and how many records. Kept after the deletion (it holds
 * the name the student had, so the district can show the request was carried out, and nothing else of theirs).
 */
export interface PrivacyEvent {
  _id: Types.ObjectId;
  tenantId: Types.ObjectId;
  action: 'export' | 'delete_student';
  actorId: Types.ObjectId;
  actorName: string;
  subjectName: string | null;
  counts: Record<string, number>;
  createdAt: Date;
  updatedAt: Date;
}

const privacyEventSchema = new Schema<PrivacyEvent>(
  {
    tenantId: { type: Schema.Types.ObjectId, required: true, ref: 'Tenant' },
    action: { type: String, required: true, enum: ['export', 'delete_student'] },
    actorId: { type: Schema.Types.ObjectId, required: true, ref: 'User' },
    actorName: { type: String, required: true },
    subjectName: { type: String, default: null },
    counts: { type: Schema.Types.Mixed, default: {} },
  },
  { ...baseSchemaOptions, minimize: false },
);
privacyEventSchema.index({ tenantId: 1, createdAt: -1 });

export const PrivacyEventModel = model<PrivacyEvent>('PrivacyEvent', privacyEventSchema);
