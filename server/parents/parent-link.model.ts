import { Schema, model, type Types } from 'mongoose';
import { baseSchemaOptions } from '../db/model-options';
import { LOCALES, type Locale } from '../../shared/roles';

/** A parent's access link to one student's plan. The secret is never stored: only its SHA-256. */
export interface ParentLink {
  _id: Types.ObjectId;
  tenantId: Types.ObjectId;
  studentId: Types.ObjectId;
  tokenHash: string;
  guardianName: string;
  locale: Locale;
  createdBy: Types.ObjectId;
  createdByName: string;
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  uses: number;
  createdAt: Date;
  updatedAt: Date;
}

const parentLinkSchema = new Schema<ParentLink>(
  {
    tenantId: { type: Schema.Types.ObjectId, required: true, ref: 'Tenant' },
    studentId: { type: Schema.Types.ObjectId, required: true, ref: 'User' },
    tokenHash: { type: String, required: true, unique: true },
    guardianName: { type: String, required: true, maxlength: 120 },
    locale: { type: String, required: true, enum: LOCALES },
    createdBy: { type: Schema.Types.ObjectId, required: true, ref: 'User' },
    createdByName: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
    lastUsedAt: { type: Date, default: null },
    uses: { type: Number, default: 0 },
  },
  baseSchemaOptions,
);
parentLinkSchema.index({ tenantId: 1, studentId: 1, createdAt: -1 });

export const ParentLinkModel = model<ParentLink>('ParentLink', parentLinkSchema);
