import type { Types } from 'mongoose';
import type { AppRole } from '../../shared/roles';

/** The person asking to read a plan: their session role and their user record's courses and mentees. */
export interface PlanReader {
  tenantId: Types.ObjectId;
  userId: string;
  /** Role of the current session (launch). */
  role: AppRole;
  /** Courses the reader launched from, with the role they had there. */
  contexts: ReadonlyArray<{ contextId: string; role: AppRole }>;
  /** For parents: the LTI subjects of their children. */
  menteeSubjects: readonly string[];
  /** For counselors: the schools (deployment ids) of their caseload. */
  caseloadDeploymentIds?: readonly string[];
}

/** The student whose plan is asked for. */
export interface PlanOwner {
  _id: Types.ObjectId;
  tenantId: Types.ObjectId;
  ltiSubject: string;
  contexts: ReadonlyArray<{ contextId: string; role: AppRole; deploymentId?: string }>;
}

const STAFF_ROLES: readonly AppRole[] = ['teacher', 'admin'];

/**
 * Who may read a student's plan through /plans/:studentId (the student uses /plans/me):
 * - an admin of the student's district;
 * - a teacher who launched as staff from a course the student launched from as a student, in the same district;
 * - a counselor (a teacher with a caseload) for students who launched as students from one of the caseload's schools;
 * - a parent whose launch named the student (role_scope_mentor) in the same district.
 * Nobody reads across districts, and students never read another plan here.
 */
export function canReadPlan(actor: PlanReader, student: PlanOwner): boolean {
  if (!actor.tenantId.equals(student.tenantId)) return false;
  switch (actor.role) {
    case 'admin':
      return true;
    case 'teacher': {
      const taught = new Set(actor.contexts.filter((c) => STAFF_ROLES.includes(c.role)).map((c) => c.contextId));
      const schools = new Set(actor.caseloadDeploymentIds ?? []);
      return student.contexts.some(
        (c) => c.role === 'student' && (taught.has(c.contextId) || (c.deploymentId !== undefined && schools.has(c.deploymentId))),
      );
    }
    case 'parent':
      return actor.menteeSubjects.includes(student.ltiSubject);
    case 'student':
      return false;
  }
}
