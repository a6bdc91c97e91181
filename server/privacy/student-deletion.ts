import { PlanModel } from '../plans/plan.model';
import { PlanSnapshotModel } from '../plans/plan-snapshot.model';
import { PlanAuditModel } from '../plans/plan-audit.model';
import { findStudent } from '../plans/plan.service';
import { ActivityProgressModel } from '../activities/progress.model';
import { ScoreJobModel } from '../grades/score-job.model';
import { ParentLinkModel } from '../parents/parent-link.model';
import { LaunchModel } from '../lti/launch.model';
import { RosterCacheModel } from '../roster/roster-cache.model';
import { UserModel } from '../users/user.model';
import { findUser } from '../users/user.service';
import { deleteOwnerArtifacts } from '../portfolio/artifact.store';
import { PrivacyEventModel } from './privacy-event.model';
import { badRequest, forbidden } from '../http/errors';
import type { Actor } from '../session/authenticate';
import type { StudentDeletionResult } from '../../shared/api/privacy';

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * Deletes everything the tool holds about one student of the district, on the district's request: portfolio
 * files, plan and yearly snapshots (with advisor notes, reviews and signatures), activity progress, queued grade
 * posts, the audit entries about their plan, parent links (and the users they made), launches, their line in
 * cached rosters, and last the user record, so a crash part-way leaves the user for a retry to finish. Grades
 * already in the LMS gradebook stay there (the LMS's record). The deletion itself is recorded, with the name.
 */
export async function deleteStudentData(actor: Actor, studentId: string, confirmName: string): Promise<StudentDeletionResult> {
  const student = await findStudent(actor.tenantId, studentId);
  if (!sameName(student.name, confirmName)) {
    throw badRequest('The name does not match.', { confirmName: ['Type the student’s name exactly as shown.'] });
  }
  const admin = await findUser(actor.tenantId, actor.userId);
  if (!admin) throw forbidden();
  const tenantId = actor.tenantId;
  const userId = student._id;
  const links = await ParentLinkModel.find({ tenantId, studentId: userId }, { _id: 1 }).lean().exec();
  const deleted: Record<string, number> = {
    portfolioFiles: await deleteOwnerArtifacts({ tenantId, studentId: String(userId) }),
    planSnapshots: (await PlanSnapshotModel.deleteMany({ tenantId, studentId: userId }).exec()).deletedCount,
    plans: (await PlanModel.deleteMany({ tenantId, studentId: userId }).exec()).deletedCount,
    activityProgress: (await ActivityProgressModel.deleteMany({ tenantId, userId }).exec()).deletedCount,
    queuedGrades: (await ScoreJobModel.deleteMany({ tenantId, userId }).exec()).deletedCount,
    auditEntries: (await PlanAuditModel.deleteMany({ tenantId, studentId: userId }).exec()).deletedCount,
    parentLinks: (await ParentLinkModel.deleteMany({ tenantId, studentId: userId }).exec()).deletedCount,
    parentLinkUsers: (await UserModel.deleteMany({ tenantId, ltiSubject: { $in: links.map((l) => `parent-link:${String(l._id)}`) } }).exec())
      .deletedCount,
    launches: (await LaunchModel.deleteMany({ tenantId, userId }).exec()).deletedCount,
    rosterEntries: (await RosterCacheModel.updateMany({ tenantId, 'members.ltiSubject': student.ltiSubject }, { $pull: { members: { ltiSubject: student.ltiSubject } } }).exec())
      .modifiedCount,
    users: (await UserModel.deleteOne({ _id: userId, tenantId }).exec()).deletedCount,
  };
  await PrivacyEventModel.create({ tenantId, action: 'delete_student', actorId: admin._id, actorName: admin.name, subjectName: student.name, counts: deleted });
  return { studentName: student.name, deleted };
}
