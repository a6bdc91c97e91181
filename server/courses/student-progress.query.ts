import { PlacementModel, type Placement } from '../activities/placement.model';
import { ActivityProgressModel, type ActivityProgress } from '../activities/progress.model';
import { UserModel, type User } from '../users/user.model';
import { findUser } from '../users/user.service';
import { recordPlanAudit } from '../plans/plan-audit.service';
import { canManageCourse } from './course.policies';
import { forbidden, notFound } from '../http/errors';
import type { Actor } from '../session/authenticate';
import type { StudentProgressView } from '../../shared/api/activities';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

/**
 * One student's progress on a placed activity, with their response, for the teacher reviewing it.
 * Checked like a review (review.command.ts): 404 for an unknown or removed placement (other districts
 * included), 403 unless the actor teaches the placement's course or is an admin of its district, 404 for an
 * unknown student. A student without a progress row is `not_started`. Audited as a read (`activityResponse`).
 */
export async function studentProgress(actor: Actor, placementId: string, studentId: string): Promise<StudentProgressView> {
  const { tenantId } = actor;
  const [placement, student, reader] = await Promise.all([
    PlacementModel.findOne({ _id: placementId, tenantId, deletedAt: null }, { tenantId: 1, contextId: 1 })
      .lean<Pick<Placement, '_id' | 'tenantId' | 'contextId'>>()
      .exec(),
    UserModel.findOne({ _id: studentId, tenantId }, { _id: 1 }).lean<Pick<User, '_id'>>().exec(),
    findUser(tenantId, actor.userId),
  ]);
  if (!placement) throw notFound('This activity does not exist or was removed from the course.');
  if (!canManageCourse(actor, reader, placement)) throw forbidden('Only a teacher of this course can see its students’ work.');
  if (!student) throw notFound('This student was not found.');

  const progress = await ActivityProgressModel.findOne({ tenantId, placementId: placement._id, userId: student._id }).lean<ActivityProgress>().exec();
  if (progress?.response) {
    await recordPlanAudit(tenantId, { studentId: student._id, actorId: actor.userId, actorRole: actor.role, action: 'read', section: 'activityResponse' });
  }
  return {
    status: progress?.status ?? 'not_started',
    response: progress?.response ?? null,
    teacherComment: progress?.teacherComment ?? null,
    submittedAt: iso(progress?.submittedAt),
    completedAt: iso(progress?.completedAt),
    updatedAt: iso(progress?.updatedAt),
  };
}
