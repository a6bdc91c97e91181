import { Types } from 'mongoose';
import { PlanSnapshotModel, type PlanSnapshot } from './plan-snapshot.model';
import { presentSnapshotSummary } from './plan.presenter';
import { authorizePlanRead, listSnapshots } from './plan.service';
import { recordPlanAudit } from './plan-audit.service';
import { findUser } from '../users/user.service';
import type { Actor } from '../session/authenticate';
import { conflict, forbidden, notFound } from '../http/errors';
import type { PlanSnapshotSummary } from '../../shared/api/plan';
import type { AdvisorReviewCreate, ParentSignatureCreate } from '../../shared/api/annual-review';

const notSubmitted = (schoolYear: string) => notFound(`The student has not submitted the annual review for ${schoolYear}.`);

async function findYear(actor: Actor, studentId: Types.ObjectId, schoolYear: string): Promise<PlanSnapshot | null> {
  return PlanSnapshotModel.findOne({ tenantId: actor.tenantId, studentId, schoolYear }).lean<PlanSnapshot>().exec();
}

/** Someone else's view of the student's submitted years and their sign-offs, recorded in the audit log. */
export async function listSnapshotsAs(actor: Actor, studentId: string): Promise<PlanSnapshotSummary[]> {
  const student = await authorizePlanRead(actor, studentId);
  const list = await listSnapshots(actor.tenantId, String(student._id), actor.userId);
  await recordPlanAudit(actor.tenantId, { studentId: student._id, actorId: actor.userId, actorRole: actor.role, action: 'read' });
  return list;
}

/**
 * The advisor's review of a submitted year: recorded once, atomically (of two advisors at the same moment one
 * wins, the other gets 409 naming who reviewed it). Only staff who may read the student's plan.
 */
export async function recordAdvisorReview(actor: Actor, studentId: string, schoolYear: string, body: AdvisorReviewCreate): Promise<PlanSnapshotSummary> {
  const student = await authorizePlanRead(actor, studentId);
  const reviewer = await findUser(actor.tenantId, actor.userId);
  if (!reviewer) throw forbidden();
  const review = { reviewerId: reviewer._id, reviewerName: reviewer.name, reviewedAt: new Date(), comment: body.comment };
  const updated = await PlanSnapshotModel.findOneAndUpdate(
    { tenantId: actor.tenantId, studentId: student._id, schoolYear, advisorReview: null },
    { $set: { advisorReview: review } },
    { new: true, lean: true },
  ).exec();
  if (!updated) {
    const year = await findYear(actor, student._id, schoolYear);
    if (!year) throw notSubmitted(schoolYear);
    throw conflict(`${year.advisorReview?.reviewerName ?? 'An advisor'} already reviewed ${schoolYear}.`);
  }
  await recordPlanAudit(actor.tenantId, { studentId: student._id, actorId: actor.userId, actorRole: actor.role, action: 'review' });
  return presentSnapshotSummary(updated as PlanSnapshot, actor.userId);
}

/**
 * A parent's or guardian's signature of a submitted year: once per parent (a second is 409), only for their own
 * child (canReadPlan: the child is named in the parent's role_scope_mentor claim).
 */
export async function recordParentSignature(actor: Actor, studentId: string, schoolYear: string, body: ParentSignatureCreate): Promise<PlanSnapshotSummary> {
  const student = await authorizePlanRead(actor, studentId);
  const parent = await findUser(actor.tenantId, actor.userId);
  if (!parent) throw forbidden();
  const signature = { parentId: parent._id, parentName: parent.name, typedName: body.typedName, signedAt: new Date() };
  const updated = await PlanSnapshotModel.findOneAndUpdate(
    { tenantId: actor.tenantId, studentId: student._id, schoolYear, 'parentSignatures.parentId': { $ne: parent._id } },
    { $push: { parentSignatures: signature } },
    { new: true, lean: true },
  ).exec();
  if (!updated) {
    if (!(await findYear(actor, student._id, schoolYear))) throw notSubmitted(schoolYear);
    throw conflict(`You already signed the annual review for ${schoolYear}.`);
  }
  await recordPlanAudit(actor.tenantId, { studentId: student._id, actorId: actor.userId, actorRole: actor.role, action: 'sign' });
  return presentSnapshotSummary(updated as PlanSnapshot, actor.userId);
}
