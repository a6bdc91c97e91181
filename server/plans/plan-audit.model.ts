import { Schema, model, type Types } from 'mongoose';
import { baseSchemaOptions } from '../db/model-options';
import { APP_ROLES, type AppRole } from '../../shared/roles';

export const AUDIT_ACTIONS = ['read', 'write', 'export', 'submit', 'review', 'sign'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who read or changed a student's plan, and when (DESIGN.md "Security"). Append-only. */
export interface PlanAudit {
  _id: Types.ObjectId;
  /** District; every query filters by it. */
  tenantId: Types.ObjectId;
  /** Whose plan. */
  studentId: Types.ObjectId;
  /** Who acted (User._id). */
  actorId: Types.ObjectId;
  /** The role they acted as. */
  actorRole: AppRole;
  /** read (by someone else than the student), write, export (PDF), submit (annual review), review (advisor) or sign (parent). */
  action: AuditAction;
  /** The section written, or `advisorNotes`; absent for whole-plan actions. */
  section?: string;
  /** When it happened. */
  at: Date;
}

const planAuditSchema = new Schema<PlanAudit>(
  {
    tenantId: { type: Schema.Types.ObjectId, required: true, ref: 'Tenant' },
    studentId: { type: Schema.Types.ObjectId, required: true, ref: 'User' },
    actorId: { type: Schema.Types.ObjectId, required: true, ref: 'User' },
    actorRole: { type: String, required: true, enum: APP_ROLES },
    action: { type: String, required: true, enum: AUDIT_ACTIONS },
    section: { type: String },
    at: { type: Date, required: true },
  },
  { ...baseSchemaOptions, timestamps: false },
);
planAuditSchema.index({ tenantId: 1, studentId: 1, at: -1 });

export const PlanAuditModel = model<PlanAudit>('PlanAudit', planAuditSchema);
