import type { Types } from 'mongoose';
import { forbidden } from '../http/errors';
import type { AppRole } from '../../shared/roles';

/** Who asks: the session role and the courses their user record launched from (with the role they had there). */
export interface ActivityActor {
  tenantId: Types.ObjectId;
  role: AppRole;
  contexts: ReadonlyArray<{ contextId: string; role: AppRole }>;
}
/** A placed activity, as far as authorization cares. */
export interface PlacementTarget {
  tenantId: Types.ObjectId;
  contextId: string;
}

export const ACTIVITY_ACTIONS = [
  /** See the catalog (picker, dashboard). */
  'activity:list',
  /** Add a district activity. */
  'activity:create_custom',
  /** Answer a deep linking request: create placements in the launch's course. */
  'placement:create',
  /** Open a placed activity (students: their own progress; staff: the placement). */
  'placement:view',
  /** Answer a custom activity as the student. */
  'placement:respond',
] as const;
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

type Condition = (actor: ActivityActor, target: PlacementTarget | undefined) => boolean;
interface Rule {
  roles: readonly AppRole[];
  action: ActivityAction;
  condition: Condition;
}
const RULES: Rule[] = [];
const always: Condition = () => true;
function allow(roles: readonly AppRole[], action: ActivityAction, condition: Condition = always): void {
  RULES.push({ roles, action, condition });
}

const sameTenant = (actor: ActivityActor, target: PlacementTarget | undefined) => !!target && actor.tenantId.equals(target.tenantId);
/** The actor launched from the placement's course with one of these roles. */
const inCourseAs =
  (...roles: AppRole[]): Condition =>
  (actor, target) =>
    sameTenant(actor, target) && actor.contexts.some((c) => c.contextId === target?.contextId && roles.includes(c.role));

// ---------- the policy, in one place ----------
allow(['teacher', 'admin'], 'activity:list');
allow(['admin'], 'activity:create_custom');
allow(['teacher', 'admin'], 'placement:create');
allow(['student'], 'placement:view', inCourseAs('student'));
allow(['teacher'], 'placement:view', inCourseAs('teacher', 'admin'));
allow(['admin'], 'placement:view', sameTenant);
allow(['student'], 'placement:respond', inCourseAs('student'));

export function canActivity(actor: ActivityActor, action: ActivityAction, target?: PlacementTarget): boolean {
  return RULES.some((r) => r.action === action && r.roles.includes(actor.role) && r.condition(actor, target));
}

/** Throws 403 unless the policy allows the action. */
export function authorizeActivity(actor: ActivityActor, action: ActivityAction, target?: PlacementTarget): void {
  if (!canActivity(actor, action, target)) throw forbidden();
}
