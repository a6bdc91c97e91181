import { emitPlanChanged } from './plan-events';
import { Types } from 'mongoose';
import { PlanModel, type Plan } from './plan.model';
import { PlanSnapshotModel, type PlanSnapshot } from './plan-snapshot.model';
import { getOrCreatePlan, findPlan, loadPlanView } from './plan.service';
import { recordPlanAudit } from './plan-audit.service';
import { nextSchoolYear } from './school-year';
import { getTenant } from '../tenants/tenant.service';
import { findUser } from '../users/user.service';
import { attributeItems } from './plan-progress';
import { presentPlanView } from './plan.presenter';
import { getRequirementTemplate } from './requirement-template.service';
import { ATTRIBUTE_KEYS } from '../../shared/api/session';
import type { Actor } from '../session/authenticate';
import { conflict } from '../http/errors';
import type { PlanView, ProfileSection } from '../../shared/api/plan';
import { isDuplicateKey } from '../db/query-helpers';

const MAX_ADVANCE_ATTEMPTS = 5;

/**
 * Moves the plan from `year` to the next school year: grade +1 (at most 12), every section's data carried over,
 * the profile's version bumped (its data changed), the review marked submitted. Conditioned on the plan still
 * being in `year` and on the profile version read, so a concurrent profile save is never overwritten (we re-read
 * and retry). Idempotent: once the plan has left `year` it does nothing.
 */
async function advancePlan(actor: Actor, year: string, submittedAt: Date): Promise<void> {
  const studentId = new Types.ObjectId(actor.userId);
  for (let attempt = 0; attempt < MAX_ADVANCE_ATTEMPTS; attempt++) {
    const plan = await findPlan(actor.tenantId, studentId);
    if (!plan || plan.schoolYear !== year) return;
    const profile = plan.sections.profile.data as ProfileSection;
    const updated = await PlanModel.updateOne(
      { tenantId: actor.tenantId, studentId, schoolYear: year, 'sections.profile.version': plan.sections.profile.version },
      {
        $set: {
          schoolYear: nextSchoolYear(year),
          'sections.profile.data': { ...profile, grade: Math.min(12, profile.grade + 1) },
          'sections.profile.updatedAt': new Date(),
          annualReview: { schoolYear: year, status: 'submitted', submittedAt },
        },
        $inc: { 'sections.profile.version': 1 },
      },
    ).exec();
    if (updated.modifiedCount === 1) return;
  }
  throw conflict('The plan changed while the review was being submitted. Please try again.');
}

interface ReportFacts {
  attributesComplete: PlanSnapshot['attributesComplete'];
  deploymentIds: string[];
}

/**
 * What the district reports need from the year, fixed at submission: attribute checklists and the schools. Works
 * on the plan and district the submission already read; only the requirements and the student are read here.
 */
async function reportFacts(actor: Actor, plan: Plan, districtSchoolYear: string): Promise<ReportFacts> {
  const [template, student] = await Promise.all([getRequirementTemplate(actor.tenantId), findUser(actor.tenantId, actor.userId)]);
  const view = presentPlanView({ plan, studentName: student?.name ?? '', districtSchoolYear, template, readOnly: false });
  const items = attributeItems(view);
  return {
    attributesComplete: Object.fromEntries(ATTRIBUTE_KEYS.map((k) => [k, items[k].every(Boolean)])) as ReportFacts['attributesComplete'],
    deploymentIds: [...new Set((student?.contexts ?? []).filter((c) => c.role === 'student').map((c) => c.deploymentId))],
  };
}

function snapshotOf(plan: Plan, reflection: string, submittedAt: Date, facts: ReportFacts): Omit<PlanSnapshot, '_id' | 'createdAt' | 'updatedAt'> {
  return {
    ...facts,
    tenantId: plan.tenantId,
    studentId: plan.studentId,
    schoolYear: plan.schoolYear,
    grade: (plan.sections.profile.data as ProfileSection).grade,
    submittedAt,
    reflection,
    sections: plan.sections,
    interestResult: plan.interestResult,
  };
}

/**
 * The student submits the year's review: the plan as it is becomes a read-only snapshot for its school year
 * (unique per year: a second submission is a 409), and the plan starts the next school year from it.
 * Without transactions the two steps are ordered so a crash between them heals: the snapshot is the record of the
 * submission, and the next attempt (409) completes the move to the next year.
 */
export async function submitAnnualReview(actor: Actor, reflection: string): Promise<PlanView> {
  const [tenant, plan] = await Promise.all([getTenant(actor.tenantId), getOrCreatePlan(actor.tenantId, actor.userId)]);
  const year = plan.schoolYear;
  if (year > tenant.settings.schoolYear) {
    throw conflict(`You already submitted the annual review for ${plan.annualReview.schoolYear}. The next one opens in ${year}.`);
  }
  const submittedAt = new Date();
  try {
    await PlanSnapshotModel.create(snapshotOf(plan, reflection, submittedAt, await reportFacts(actor, plan, tenant.settings.schoolYear)));
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const existing = await PlanSnapshotModel.findOne({ tenantId: actor.tenantId, studentId: plan.studentId, schoolYear: year }).lean<PlanSnapshot>().exec();
    if (existing) await advancePlan(actor, year, existing.submittedAt);
    throw conflict(`The annual review for ${year} is already submitted.`);
  }
  await advancePlan(actor, year, submittedAt);
  await recordPlanAudit(actor.tenantId, { studentId: actor.userId, actorId: actor.userId, actorRole: actor.role, action: 'submit' });
  await emitPlanChanged({ tenantId: actor.tenantId, studentId: actor.userId });
  return loadPlanView(actor.tenantId, actor.userId, { readOnly: false });
}
