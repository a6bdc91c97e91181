import { Types } from 'mongoose';
import { PlanAuditModel, type AuditAction } from './plan-audit.model';
import type { TenantId } from '../tenants/tenant-id';
import type { AppRole } from '../../shared/roles';

export interface AuditEntry {
  studentId: string | Types.ObjectId;
  actorId: string;
  actorRole: AppRole;
  action: AuditAction;
  section?: string;
}

/** Records who read or changed a plan. Awaited by every caller: an action that cannot be recorded fails. */
export async function recordPlanAudit(tenantId: TenantId, entry: AuditEntry): Promise<void> {
  await PlanAuditModel.create({
    tenantId,
    studentId: new Types.ObjectId(entry.studentId),
    actorId: new Types.ObjectId(entry.actorId),
    actorRole: entry.actorRole,
    action: entry.action,
    ...(entry.section ? { section: entry.section } : {}),
    at: new Date(),
  });
}
