import { Router } from 'express';
import { actorOf, authorize } from '../session/authenticate';
import { usersInContext, findUser } from '../users/user.service';
import { PlacementModel, type Placement } from '../activities/placement.model';
import { readPlanAs } from '../plans/plan.service';
import { input, validate } from '../http/validate';
import { forbidden, notFound } from '../http/errors';
import { currentCourseLaunch } from './current-course';
import { classDashboard, type DashboardOptions } from './class-dashboard.query';
import { reviewActivity } from './review.command';
import { studentProgress } from './student-progress.query';
import { removePlacement } from './remove-placement.command';
import { canManageCourse, isStudentOf } from './course.policies';
import { dashboardQuerySchema, placementParamsSchema, reviewParamsSchema, studentParamsSchema } from './course.validators';
import { reviewDecisionSchema, type PlacementRemovedView, type StudentProgressView } from '../../shared/api/activities';
import type { CourseOverview } from '../../shared/api/session';

export type CourseRouterOptions = DashboardOptions;

/**
 * The teacher's course (docs/api.md), all behind 'course:view' (teachers and admins):
 * - GET  /courses/current: the launch's course, its placements and who has launched;
 * - GET  /courses/current/dashboard: the class view (NRPS roster, progress, sync state; filters and sort);
 * - GET  /courses/current/students/:userId/plan: a student's plan, read-only (audited);
 * - GET  /placements/:placementId/students/:userId/progress: a student's progress and response (for the review);
 * - POST /placements/:placementId/students/:userId/review: approve or request revision;
 * - DELETE /placements/:placementId: remove a placed activity from ECAP Planner (soft delete).
 */
export function courseRouter(options: CourseRouterOptions = {}): Router {
  const router = Router();

  router.get('/courses/current', authorize('course:view'), async (req, res) => {
    const actor = actorOf(req);
    const launch = await currentCourseLaunch(actor);
    const contextId = launch.context.id;
    const [students, placements] = await Promise.all([
      usersInContext(actor.tenantId, contextId, 'student'),
      PlacementModel.find({ tenantId: actor.tenantId, contextId, deletedAt: null }, { title: 1, points: 1 })
        .sort({ createdAt: 1, _id: 1 })
        .lean<Array<Pick<Placement, '_id' | 'title' | 'points'>>>()
        .exec(),
    ]);
    const body: CourseOverview = {
      context: launch.context,
      placements: placements.map((p) => ({ id: String(p._id), title: p.title, points: p.points })),
      roster: students.map((s) => ({
        id: String(s._id),
        name: s.name,
        lastLaunchAt: (s.contexts.find((c) => c.contextId === contextId)?.lastLaunchAt ?? s.lastLaunchAt).toISOString(),
      })),
    };
    res.json(body);
  });

  router.get('/courses/current/dashboard', authorize('course:view'), validate('query', dashboardQuerySchema), async (req, res) => {
    const actor = actorOf(req);
    const query = input(req, 'query', dashboardQuerySchema);
    const [launch, me] = await Promise.all([currentCourseLaunch(actor), findUser(actor.tenantId, actor.userId)]);
    if (!canManageCourse(actor, me, { tenantId: actor.tenantId, contextId: launch.context.id })) throw forbidden();
    res.json(await classDashboard(actor.tenantId, launch, query, options));
  });

  router.get(
    '/courses/current/students/:userId/plan',
    authorize('course:view'),
    authorize('plan:view'),
    validate('params', studentParamsSchema),
    async (req, res) => {
      const actor = actorOf(req);
      const { userId } = input(req, 'params', studentParamsSchema);
      const [launch, student] = await Promise.all([currentCourseLaunch(actor), findUser(actor.tenantId, userId)]);
      if (!student || !isStudentOf(student, launch.context.id)) throw notFound('This student has not opened ECAP Planner from this course yet.');
      // readPlanAs checks the reader may see this plan (teacher of one of the student's courses) and audits the read.
      res.json(await readPlanAs(actor, userId));
    },
  );

  router.post(
    '/placements/:placementId/students/:userId/review',
    authorize('course:view'),
    validate('params', reviewParamsSchema),
    validate('body', reviewDecisionSchema),
    async (req, res) => {
      const { placementId, userId } = input(req, 'params', reviewParamsSchema);
      const decision = input(req, 'body', reviewDecisionSchema);
      res.json(await reviewActivity(actorOf(req), placementId, userId, decision));
    },
  );

  router.get(
    '/placements/:placementId/students/:userId/progress',
    authorize('course:view'),
    validate('params', reviewParamsSchema),
    async (req, res) => {
      const { placementId, userId } = input(req, 'params', reviewParamsSchema);
      const body: StudentProgressView = await studentProgress(actorOf(req), placementId, userId);
      res.set('Cache-Control', 'no-store').json(body);
    },
  );

  router.delete('/placements/:placementId', authorize('course:view'), validate('params', placementParamsSchema), async (req, res) => {
    const { placementId } = input(req, 'params', placementParamsSchema);
    const body: PlacementRemovedView = await removePlacement(actorOf(req), placementId);
    res.json(body);
  });

  return router;
}
