import type { AppRole } from '../../shared/roles';
import type { SessionInfo } from '../../shared/api/session';

/** What each role may do; the one place authorization decisions are written down. */
export const ACTIONS = [
  'plan:own',
  'course:view',
  'tenant:manage',
  'mentees:view',
  /** Read another person's plan; which students is decided by canReadPlan (server/plans/plan-access.ts). */
  'plan:view',
  /** Write advisor notes on a plan the actor may read. */
  'plan:comment',
  /** Read the district's graduation requirements. */
  'requirements:view',
  /** Record the advisor review of a student's submitted annual review (students the actor may read). */
  'annual-review:advise',
  /** Sign a child's submitted annual review as parent or guardian. */
  'annual-review:sign',
  /** Make, list and revoke parent access links for students the actor may read (server/parents). */
  'parent-links:manage',
] as const;
export type Action = (typeof ACTIONS)[number];

const POLICY: Record<AppRole, readonly Action[]> = {
  student: ['plan:own', 'requirements:view'],
  teacher: ['course:view', 'plan:view', 'plan:comment', 'requirements:view', 'annual-review:advise', 'parent-links:manage'],
  admin: ['tenant:manage', 'course:view', 'plan:view', 'plan:comment', 'requirements:view', 'annual-review:advise', 'parent-links:manage'],
  parent: ['mentees:view', 'plan:view', 'requirements:view', 'annual-review:sign'],
};

export function can(role: AppRole, action: Action): boolean {
  return POLICY[role].includes(action);
}

/**
 * Abilities sent to the client so it hides what the user cannot do (the server still checks). `hasCaseload`: the
 * user record holds schools granted by a district admin.
 */
export function abilitiesOf(role: AppRole, hasCaseload = false): SessionInfo['abilities'] {
  return {
    editOwnPlan: can(role, 'plan:own'),
    viewCourse: can(role, 'course:view'),
    manageTenant: can(role, 'tenant:manage'),
    viewMentees: can(role, 'mentees:view'),
    viewCaseload: hasCaseload && can(role, 'course:view'),
  };
}
