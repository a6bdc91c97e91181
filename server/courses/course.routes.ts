import { Router } from 'express';
import { actorOf, authorize } from '../session/authenticate';
import { findLaunch } from '../lti/launch.service';
import { usersInContext } from '../users/user.service';
import { badRequest, unauthenticated } from '../http/errors';
import type { CourseOverview } from '../../shared/api/session';

/** GET /api/courses/current: the course of the teacher's launch, its placements and who has launched. */
export function courseRouter(): Router {
  const router = Router();
  router.get('/courses/current', authorize('course:view'), async (req, res) => {
    const actor = actorOf(req);
    const launch = await findLaunch(actor.tenantId, actor.launchId);
    if (!launch) throw unauthenticated();
    if (!launch.context) throw badRequest('This launch did not come from a course.');
    const students = await usersInContext(actor.tenantId, launch.context.id, 'student');
    const body: CourseOverview = {
      context: launch.context,
      // Placements arrive with deep linking (activities issue); a course has none until then.
      placements: [],
      roster: students.map((s) => ({
        id: String(s._id),
        name: s.name,
        lastLaunchAt: (s.contexts.find((c) => c.contextId === launch.context?.id)?.lastLaunchAt ?? s.lastLaunchAt).toISOString(),
      })),
    };
    res.json(body);
  });
  return router;
}
