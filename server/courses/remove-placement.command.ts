import { PlacementModel, type Placement } from '../activities/placement.model';
import { markPlacementDeleted } from '../activities/placement.service';
import { findUser } from '../users/user.service';
import { canManageCourse } from './course.policies';
import { forbidden, notFound } from '../http/errors';
import type { Actor } from '../session/authenticate';
import type { PlacementRemovedView } from '../../shared/api/activities';

const GONE = 'This activity does not exist or was already removed from the course.';

/**
 * A teacher removes a placed activity from ECAP Planner: the placement gets deletedAt (a soft delete). Its
 * progress rows and grade jobs stay; the class dashboard no longer lists it; a launch of its LMS link shows the
 * placement_missing page. The LMS link itself stays in the course (the tool cannot delete it).
 * 404 for an unknown or already removed placement (other districts included); 403 unless the actor teaches the
 * placement's course or is an admin of its district. Of two simultaneous removals one succeeds, the other is 404.
 */
export async function removePlacement(actor: Actor, placementId: string): Promise<PlacementRemovedView> {
  const { tenantId } = actor;
  const [placement, me] = await Promise.all([
    PlacementModel.findOne({ _id: placementId, tenantId, deletedAt: null }).lean<Placement>().exec(),
    findUser(tenantId, actor.userId),
  ]);
  if (!placement) throw notFound(GONE);
  if (!canManageCourse(actor, me, placement)) throw forbidden('Only a teacher of this course can remove its activities.');
  const removed = await markPlacementDeleted(tenantId, placement._id);
  if (!removed?.deletedAt) throw notFound(GONE);
  return { id: String(removed._id), title: removed.title, removedAt: new Date(removed.deletedAt).toISOString() };
}
