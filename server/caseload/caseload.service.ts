import { Types } from 'mongoose';
import { UserModel, type User } from '../users/user.model';
import { findUser } from '../users/user.service';
import { PlanModel } from '../plans/plan.model';
import { PlanSnapshotModel, type PlanSnapshot } from '../plans/plan-snapshot.model';
import { getTenant } from '../tenants/tenant.service';
import { badRequest, forbidden, notFound } from '../http/errors';
import type { Actor } from '../session/authenticate';
import type { TenantId } from '../tenants/tenant-id';
import type { CaseloadView, ReviewStage, StaffMember } from '../../shared/api/caseload';
import { escapeRegex } from '../db/query-helpers';

const STAFF = ['teacher', 'admin'] as const;

function stageOf(snapshot: Pick<PlanSnapshot, 'advisorReview' | 'parentSignatures'> | undefined): ReviewStage {
  if (!snapshot) return 'not_submitted';
  if (!snapshot.advisorReview) return 'needs_review';
  return (snapshot.parentSignatures ?? []).length > 0 ? 'complete' : 'needs_signature';
}

/**
 * The counselor's students: everyone who launched as a student from one of the caseload's schools, with their
 * grade and where this school year's annual review stands (submitted, reviewed by an advisor, signed by a parent).
 */
export async function loadCaseload(actor: Actor): Promise<CaseloadView> {
  const [me, tenant] = await Promise.all([findUser(actor.tenantId, actor.userId), getTenant(actor.tenantId)]);
  const ids = me?.caseloadDeploymentIds ?? [];
  if (!me || ids.length === 0) throw forbidden('No caseload has been given to you. A district admin grants it.');
  const schools = tenant.deployments.filter((d) => ids.includes(d.deploymentId)).map((d) => ({ deploymentId: d.deploymentId, name: d.name }));
  const nameOf = new Map(schools.map((s) => [s.deploymentId, s.name]));
  const students = await UserModel.find({ tenantId: actor.tenantId, contexts: { $elemMatch: { role: 'student', deploymentId: { $in: ids } } } })
    .sort({ name: 1 })
    .lean<User[]>()
    .exec();
  const studentIds = students.map((s) => s._id);
  const year = tenant.settings.schoolYear;
  const [plans, snapshots] = await Promise.all([
    PlanModel.find({ tenantId: actor.tenantId, studentId: { $in: studentIds } }, { studentId: 1, 'sections.profile.data.grade': 1 }).lean().exec(),
    PlanSnapshotModel.find({ tenantId: actor.tenantId, studentId: { $in: studentIds }, schoolYear: year }, { studentId: 1, advisorReview: 1, parentSignatures: 1 })
      .lean<PlanSnapshot[]>()
      .exec(),
  ]);
  const gradeOf = new Map(plans.map((p) => [String(p.studentId), (p.sections?.profile?.data as { grade?: number } | undefined)?.grade ?? null]));
  const snapshotOf = new Map(snapshots.map((s) => [String(s.studentId), s]));
  return {
    schoolYear: year,
    schools,
    students: students.map((s) => ({
      id: String(s._id),
      name: s.name,
      grade: gradeOf.get(String(s._id)) ?? null,
      schools: [...new Set(s.contexts.filter((c) => c.role === 'student' && nameOf.has(c.deploymentId)).map((c) => nameOf.get(c.deploymentId)!))],
      stage: stageOf(snapshotOf.get(String(s._id))),
      lastLaunchAt: s.lastLaunchAt ? new Date(s.lastLaunchAt).toISOString() : null,
    })),
  };
}

function presentStaff(u: User): StaffMember {
  return { id: String(u._id), name: u.name, email: u.email, caseloadDeploymentIds: u.caseloadDeploymentIds ?? [] };
}

/** Staff of the district (who launched as teacher or admin) by name or email, for granting caseloads. */
export async function findStaff(tenantId: TenantId, q: string): Promise<StaffMember[]> {
  const pattern = { $regex: escapeRegex(q), $options: 'i' };
  const users = await UserModel.find({
    tenantId,
    $and: [{ $or: [{ role: { $in: STAFF } }, { 'contexts.role': { $in: STAFF } }] }, { $or: [{ name: pattern }, { email: pattern }] }],
  })
    .sort({ name: 1 })
    .limit(20)
    .lean<User[]>()
    .exec();
  return users.map(presentStaff);
}

/** Everyone with a caseload, for the admin's list. */
export async function listCounselors(tenantId: TenantId): Promise<StaffMember[]> {
  const users = await UserModel.find({ tenantId, 'caseloadDeploymentIds.0': { $exists: true } }).sort({ name: 1 }).lean<User[]>().exec();
  return users.map(presentStaff);
}

/** Grants (or, with no schools, removes) a staff member's caseload; every school must be one of the district's. */
export async function setCaseload(tenantId: TenantId, userId: string, deploymentIds: string[]): Promise<StaffMember> {
  const tenant = await getTenant(tenantId);
  const known = new Set(tenant.deployments.map((d) => d.deploymentId));
  const unknown = deploymentIds.filter((d) => !known.has(d));
  if (unknown.length) throw badRequest('Choose schools of your district.', { deploymentIds: [`Not a school of this district: ${unknown.join(', ')}`] });
  const user = Types.ObjectId.isValid(userId) ? await findUser(tenantId, userId) : null;
  const isStaff = user && (STAFF.some((r) => r === user.role) || user.contexts.some((c) => STAFF.some((r) => r === c.role)));
  if (!user || !isStaff) throw notFound('No such staff member in your district.');
  const updated = await UserModel.findOneAndUpdate(
    { _id: user._id, tenantId },
    { $set: { caseloadDeploymentIds: [...new Set(deploymentIds)] } },
    { new: true, lean: true },
  ).exec();
  if (!updated) throw notFound('No such staff member in your district.');
  return presentStaff(updated);
}
