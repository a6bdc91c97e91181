import type { Actor } from '../session/authenticate';
import type { UserContext } from '../users/user.model';

/**
 * Who may act on grade sync for a placement: a district admin, or a teacher who launched the placement's
 * course as a teacher. Tenancy is settled before this (the placement was looked up in the actor's tenant).
 */
export function canManageGradeSync(actor: Pick<Actor, 'role'>, actorContexts: readonly Pick<UserContext, 'contextId' | 'role'>[], placement: { contextId: string }): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'teacher') return false;
  return actorContexts.some((c) => c.contextId === placement.contextId && (c.role === 'teacher' || c.role === 'admin'));
}
