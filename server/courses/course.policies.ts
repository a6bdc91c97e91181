import type { Types } from 'mongoose';
import type { Actor } from '../session/authenticate';
import type { AppRole } from '../../shared/roles';

/**
 * Who may act on a course's students, beyond the role check of `authorize('course:view')`:
 * - an admin, for any course of their district;
 * - a teacher, for a course they launched from as staff (teacher or admin role there).
 * Nobody acts across districts. Tested on their own in test/courses/course-policies.test.ts.
 */

const STAFF: readonly AppRole[] = ['teacher', 'admin'];

export interface StaffRecord {
  tenantId: Types.ObjectId;
  contexts: ReadonlyArray<{ contextId: string; role: AppRole }>;
}

/** The course (of a placement, or of the current launch) the action targets. */
export interface CourseTarget {
  tenantId: Types.ObjectId;
  contextId: string;
}

/** Teacher of the course: launched from it with a staff role. */
export function teachesCourse(user: StaffRecord, contextId: string): boolean {
  return user.contexts.some((c) => c.contextId === contextId && STAFF.includes(c.role));
}

/** Approve or return a student's activity, read the course's students. */
export function canManageCourse(actor: Pick<Actor, 'role' | 'tenantId'>, user: StaffRecord | null, course: CourseTarget): boolean {
  if (!actor.tenantId.equals(course.tenantId)) return false;
  if (user && !user.tenantId.equals(course.tenantId)) return false;
  switch (actor.role) {
    case 'admin':
      return true;
    case 'teacher':
      return user !== null && teachesCourse(user, course.contextId);
    default:
      return false;
  }
}

/** A student of the course: launched from it as a learner. */
export function isStudentOf(user: { contexts: ReadonlyArray<{ contextId: string; role: AppRole }> }, contextId: string): boolean {
  return user.contexts.some((c) => c.contextId === contextId && c.role === 'student');
}
