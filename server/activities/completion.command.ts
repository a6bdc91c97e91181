import type { Types } from 'mongoose';
import { onPlanChanged, type PlanChanged } from '../plans/plan-events';
import { loadPlanView } from '../plans/plan.service';
import { listArtifacts } from '../portfolio/artifact.service';
import { findUser } from '../users/user.service';
import type { User } from '../users/user.model';
import type { TenantId } from '../tenants/tenant-id';
import { log } from '../logger';
import { evaluate, evidenceFingerprint, isStarted } from './completion-rules';
import { builtInActivity, type BuiltInActivity } from './catalog';
import { findProgress, placementsInContexts, transitionProgress } from './placement.service';
import { enqueueScore } from '../grades/grade.service';
import type { Placement } from './placement.model';
import type { ActivityProgress } from './progress.model';
import type { ArtifactView, PlanView } from '../../shared/api/plan';

/** Courses the user launched from as a student. */
export const studentContextIds = (user: User) => user.contexts.filter((c) => c.role === 'student').map((c) => c.contextId);

let registered = false;
/** Subscribes completion to plan changes; called once at start-up (idempotent). */
export function registerActivityListeners(): void {
  if (registered) return;
  registered = true;
  onPlanChanged((event: PlanChanged) => evaluateStudent(event.tenantId, event.studentId));
}

/**
 * Re-evaluates the student's placed built-in activities against their plan and records the outcome:
 * - complete by rule: auto activities -> completed + FullyGraded; review activities -> submitted + PendingManual;
 * - begun but not complete -> in_progress;
 * - completed (by rule or approved by a teacher) never goes back; needs_revision returns to submitted (or completed)
 *   only when the part of the plan the rule reads changed since the last submission.
 * Custom activities are answered through their own route and are skipped here.
 */
export async function evaluateStudent(tenantId: TenantId, studentId: string, only?: { placementIds: Types.ObjectId[] }): Promise<void> {
  const student = await findUser(tenantId, studentId);
  if (!student) return;
  let placements = await placementsInContexts(tenantId, studentContextIds(student));
  if (only) placements = placements.filter((p) => only.placementIds.some((id) => id.equals(p._id)));
  const evaluable = placements
    .map((placement) => ({ placement, activity: builtInActivity(placement.activityId) }))
    .filter((x): x is { placement: Placement; activity: BuiltInActivity } => x.activity !== undefined);
  if (evaluable.length === 0) return;
  const [plan, artifacts] = await Promise.all([
    loadPlanView(tenantId, studentId, { readOnly: true }),
    listArtifacts(tenantId, studentId),
  ]);
  for (const { placement, activity } of evaluable) {
    try {
      await applyOutcome(tenantId, student, placement, activity, plan, artifacts);
    } catch (err) {
      log.error('activity evaluation failed', { placementId: String(placement._id), studentId, err: err instanceof Error ? err.message : String(err) });
    }
  }
}

async function applyOutcome(
  tenantId: TenantId,
  student: User,
  placement: Placement,
  activity: BuiltInActivity,
  plan: PlanView,
  artifacts: readonly ArtifactView[],
): Promise<void> {
  const complete = evaluate(activity.rule, activity.params, plan, artifacts);
  const started = complete || isStarted(activity.rule, plan, artifacts);
  if (!started) return;
  const current = await findProgress(tenantId, placement._id, student._id);
  const status = current?.status ?? 'not_started';
  if (status === 'completed') return;
  const now = new Date();

  if (!complete) {
    if (status === 'not_started') await transitionProgress(tenantId, placement._id, student._id, ['not_started'], { status: 'in_progress' });
    return;
  }

  const evidence = evidenceFingerprint(activity.rule, plan, artifacts);
  let from: ActivityProgress['status'][];
  if (status === 'needs_revision') {
    if (current?.evidence === evidence) return; // nothing the teacher asked about has changed yet
    from = ['needs_revision'];
  } else if (status === 'submitted') {
    return; // waiting for the teacher
  } else {
    from = ['not_started', 'in_progress'];
  }

  if (activity.reviewRequired) {
    const moved = await transitionProgress(tenantId, placement._id, student._id, from, { status: 'submitted', submittedAt: now, evidence });
    if (moved) await queuePendingManual(tenantId, placement, student, now);
    return;
  }
  const moved = await transitionProgress(tenantId, placement._id, student._id, from, { status: 'completed', completedAt: now, evidence });
  if (moved && placement.points > 0) {
    // Into the durable grade outbox before the student's write answers (server/grades delivers it).
    await enqueueScore({
      tenantId,
      placementId: placement._id,
      userId: student._id,
      ltiSubject: student.ltiSubject,
      scoreGiven: placement.points,
      scoreMaximum: placement.points,
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
      timestamp: now,
    });
  }
}

/** Tells the gradebook the work is in and waits for a teacher (no score yet). Placements without points have no column. */
export async function queuePendingManual(tenantId: TenantId, placement: Placement, student: User, at: Date): Promise<void> {
  if (placement.points <= 0) return;
  await enqueueScore({
    tenantId,
    placementId: placement._id,
    userId: student._id,
    ltiSubject: student.ltiSubject,
    activityProgress: 'Submitted',
    gradingProgress: 'PendingManual',
    timestamp: at,
  });
}
