import type { AppRole } from '../../shared/roles';

const LIS = 'http://purl.imsglobal.org/vocab/lis/v2/';

/**
 * LTI 1.3 role URIs (and the deprecated short names some platforms still send) reduced to
 * "vocabulary#Role", e.g. "membership#Learner", "membership/Instructor#TeachingAssistant".
 */
function normalise(role: string): string {
  if (role.startsWith(LIS)) return role.slice(LIS.length);
  if (!role.includes('/') && !role.includes('#')) return `membership#${role}`;
  return role;
}

/**
 * The app role for a launch, most specific first: a course administrator, then a teacher,
 * a student, a parent; an institution or system administrator only when no course role applies.
 * Returns null when none of the roles gives access.
 */
export function appRoleFor(ltiRoles: readonly string[], menteeCount: number): AppRole | null {
  const roles = new Set(ltiRoles.map(normalise));
  const has = (...names: string[]) => names.some((n) => roles.has(n));
  if (has('membership#Administrator')) return 'admin';
  if (has('membership#Instructor', 'membership/Instructor#TeachingAssistant', 'membership#TeachingAssistant')) {
    return 'teacher';
  }
  if (has('membership#Learner', 'membership/Learner#Learner')) return 'student';
  if (has('membership#Mentor', 'institution/person#Mentor') || menteeCount > 0) return 'parent';
  if (has('institution/person#Administrator', 'system/person#Administrator', 'system/person#SysAdmin')) return 'admin';
  return null;
}
