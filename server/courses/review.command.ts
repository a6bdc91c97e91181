import { PlacementModel, type Placement } from '../activities/placement.model';
import { ActivityProgressModel, type ActivityProgress } from '../activities/progress.model';
import { UserModel, type User } from '../users/user.model';
import { findUser } from '../users/user.service';
import { recordPlanAudit } from '../plans/plan-audit.service';
import { enqueueScore, type EnqueueScoreInput } from '../grades/grade.service';
import { canManageCourse } from './course.policies';
import { conflict, forbidden, notFound } from '../http/errors';
import type { Actor } from '../session/authenticate';
import type { ProgressStatus } from '../../shared/api/activities';

export interface ReviewDecision {
  decision: 'approve' | 'request_revision';
  comment?: string;
}

/** The answer of a review: the student's progress on the activity after the decision. */
export interface ReviewResultView {
  placementId: string;
  userId: string;
  status: ProgressStatus;
  teacherComment: string | null;
  completedAt: string | null;
  updatedAt: string;
}

const REVIEWABLE: readonly ProgressStatus[] = ['submitted', 'completed'];

/**
 * A teacher's decision on a student's submitted (or completed) activity:
 * - approve: progress 'completed' and a FullyGraded score of the placement's points (Completed);
 * - request_revision: progress 'needs_revision' with the comment, and a score that returns the activity to the
 *   student (InProgress / Pending, with the comment, no points).
 * 404 for an unknown placement or student (other districts included); 403 unless the actor teaches the
 * placement's course or is an admin of its district; 409 unless the progress is submitted or completed.
 * The progress is changed atomically on its status, so two decisions cannot both apply to one submission.
 */
export async function reviewActivity(actor: Actor, placementId: string, studentId: string, decision: ReviewDecision): Promise<ReviewResultView> {
  const { tenantId } = actor;
  const [placement, student, reviewer] = await Promise.all([
    PlacementModel.findOne({ _id: placementId, tenantId, deletedAt: null }).lean<Placement>().exec(),
    UserModel.findOne({ _id: studentId, tenantId }, { ltiSubject: 1, contexts: 1 }).lean<Pick<User, '_id' | 'ltiSubject' | 'contexts'>>().exec(),
    findUser(tenantId, actor.userId),
  ]);
  if (!placement) throw notFound('This activity does not exist or was removed from the course.');
  if (!canManageCourse(actor, reviewer, placement)) throw forbidden('Only a teacher of this course can review its activities.');
  if (!student) throw notFound('This student was not found.');

  const now = new Date();
  const comment = decision.comment?.trim() || null;
  const update =
    decision.decision === 'approve'
      ? { $set: { status: 'completed' as const, ...(comment ? { teacherComment: comment } : {}) } }
      : { $set: { status: 'needs_revision' as const, teacherComment: comment, completedAt: null } };
  const progress = await ActivityProgressModel.findOneAndUpdate(
    { tenantId, placementId: placement._id, userId: student._id, status: { $in: REVIEWABLE } },
    update,
    { new: true, lean: true },
  );
  if (!progress) {
    const current = await ActivityProgressModel.findOne({ tenantId, placementId: placement._id, userId: student._id }, { status: 1 })
      .lean<Pick<ActivityProgress, 'status'>>()
      .exec();
    throw conflict(
      `Only submitted or completed work can be reviewed; this activity is ${(current?.status ?? 'not_started').replace('_', ' ')} for this student.`,
    );
  }
  if (decision.decision === 'approve' && !progress.completedAt) {
    await ActivityProgressModel.updateOne({ _id: progress._id, tenantId, completedAt: null }, { $set: { completedAt: now } });
    progress.completedAt = now;
  }

  await enqueueScore(scoreFor(actor, placement, student, decision.decision, comment, now));
  await recordPlanAudit(tenantId, { studentId: student._id, actorId: actor.userId, actorRole: actor.role, action: 'write', section: 'activityReview' });

  return {
    placementId: String(placement._id),
    userId: String(student._id),
    status: progress.status,
    teacherComment: progress.teacherComment,
    completedAt: progress.completedAt?.toISOString() ?? null,
    updatedAt: progress.updatedAt.toISOString(),
  };
}

/** The score the gradebook gets for the decision; a placement of 0 points has no grade column, so no points. */
export function scoreFor(
  actor: Pick<Actor, 'tenantId'>,
  placement: Pick<Placement, '_id' | 'points'>,
  student: Pick<User, '_id' | 'ltiSubject'>,
  decision: ReviewDecision['decision'],
  comment: string | null,
  timestamp: Date,
): EnqueueScoreInput {
  const base = { tenantId: actor.tenantId, placementId: placement._id, userId: student._id, ltiSubject: student.ltiSubject, timestamp, ...(comment ? { comment } : {}) };
  if (decision === 'request_revision') return { ...base, activityProgress: 'InProgress', gradingProgress: 'Pending' };
  const points = placement.points > 0 ? { scoreGiven: placement.points, scoreMaximum: placement.points } : {};
  return { ...base, ...points, activityProgress: 'Completed', gradingProgress: 'FullyGraded' };
}
