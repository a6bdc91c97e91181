import { Router, type NextFunction, type Request, type Response } from 'express';
import { actorOf } from '../session/authenticate';
import { findUser } from '../users/user.service';
import type { User } from '../users/user.model';
import type { Launch } from '../lti/launch.model';
import { forbidden, notFound } from '../http/errors';
import { input, validate } from '../http/validate';
import type { AppConfig } from '../config';
import {
  activityListQuerySchema,
  activityResponseSchema,
  customActivitySchema,
  deepLinkSelectionSchema,
  type ActivityView,
  type DeepLinkFormView,
  type DeepLinkSettingsView,
} from '../../shared/api/activities';
import { authorizeActivity, type ActivityAction, type ActivityActor } from './activity.policies';
import { createCustomActivity, findActivity, listActivities } from './activity.service';
import { placementParamsSchema } from './activity.validators';
import { ensureProgress, findPlacement, transitionProgress } from './placement.service';
import { presentPlacement, presentProgress, type PlacementDetailView } from './activity.presenter';
import { answerDeepLink, deepLinkSettings } from './deep-linking.command';
import { submitResponse } from './response.command';
import type { Placement } from './placement.model';

interface Authorized {
  user: User;
  actor: ActivityActor;
  placement?: Placement;
}
const authorizedOf = (res: Response): Authorized => {
  const a = res.locals.activities as Authorized | undefined;
  if (!a) throw forbidden();
  return a;
};

async function loadActor(req: Request): Promise<Authorized> {
  const a = actorOf(req);
  const user = await findUser(a.tenantId, a.userId);
  if (!user) throw forbidden();
  return { user, actor: { tenantId: a.tenantId, role: a.role, contexts: user.contexts } };
}

/** Middleware: 403 unless the policy allows the action (checked before the body is validated). */
const allowed = (action: ActivityAction) => async (req: Request, res: Response, next: NextFunction) => {
  const who = await loadActor(req);
  authorizeActivity(who.actor, action);
  res.locals.activities = who;
  next();
};

/** Middleware: the placement in the path, of the caller's district and not deleted (404), if the policy allows (403). */
const placementAllowed = (action: ActivityAction) => async (req: Request, res: Response, next: NextFunction) => {
  const { placementId } = input(req, 'params', placementParamsSchema);
  const placement = await findPlacement(actorOf(req).tenantId, placementId);
  if (!placement || placement.deletedAt) throw notFound('This activity is no longer in the course.');
  const who = await loadActor(req);
  authorizeActivity(who.actor, action, placement);
  res.locals.activities = { ...who, placement };
  next();
};

/** The launch URL placed links point at: the tool's BASE_URL/lti/launch, else that of the picker's own launch. */
const launchUrlFor = (config?: Pick<AppConfig, 'baseUrl'>) => (launch: Launch) =>
  config ? `${config.baseUrl}/lti/launch` : new URL('/lti/launch', launch.targetLinkUri).toString();

/**
 * Activities (catalog, custom activities, placed activities, responses) and the deep linking answer, mounted
 * under /api behind `authenticate`. Pass the app config so placed links point at BASE_URL/lti/launch.
 */
export function activityRouter(config?: Pick<AppConfig, 'baseUrl'>): Router {
  const router = Router();
  const params = validate('params', placementParamsSchema);

  router.get('/activities', allowed('activity:list'), validate('query', activityListQuerySchema), async (req, res) => {
    const { tenantId, locale } = actorOf(req);
    const body: ActivityView[] = await listActivities(tenantId, locale, input(req, 'query', activityListQuerySchema).gradeBand);
    res.set('Cache-Control', 'no-store').json(body);
  });

  router.post('/activities/custom', allowed('activity:create_custom'), validate('body', customActivitySchema), async (req, res) => {
    const { tenantId, userId } = actorOf(req);
    res.status(201).json(await createCustomActivity(tenantId, userId, input(req, 'body', customActivitySchema)));
  });

  router.get('/activities/placements/:placementId', params, placementAllowed('placement:view'), async (req, res) => {
    const { tenantId, locale, role } = actorOf(req);
    const { placement, user } = authorizedOf(res);
    if (!placement) throw notFound();
    const activity = await findActivity(tenantId, placement.activityId, locale);
    if (!activity) throw notFound('This activity no longer exists in your district.');
    const body: PlacementDetailView = { placement: presentPlacement(placement), activity };
    if (role === 'student') {
      await ensureProgress(tenantId, placement._id, user._id);
      // Opening the activity starts it; any other state stands.
      const started = await transitionProgress(tenantId, placement._id, user._id, ['not_started'], { status: 'in_progress' });
      body.progress = presentProgress(started ?? (await ensureProgress(tenantId, placement._id, user._id)));
    }
    res.set('Cache-Control', 'no-store').json(body);
  });

  router.post(
    '/activities/:placementId/response',
    params,
    placementAllowed('placement:respond'),
    validate('body', activityResponseSchema),
    async (req, res) => {
      const { placement, user } = authorizedOf(res);
      if (!placement) throw notFound();
      res.json(await submitResponse(actorOf(req).tenantId, placement, user, input(req, 'body', activityResponseSchema).text));
    },
  );

  router.get('/deep-linking/settings', allowed('placement:create'), async (req, res) => {
    const body: DeepLinkSettingsView = await deepLinkSettings(actorOf(req));
    res.set('Cache-Control', 'no-store').json(body);
  });

  router.post('/deep-linking/response', allowed('placement:create'), validate('body', deepLinkSelectionSchema), async (req, res) => {
    const body: DeepLinkFormView = await answerDeepLink(actorOf(req), input(req, 'body', deepLinkSelectionSchema), launchUrlFor(config));
    res.set('Cache-Control', 'no-store').json(body);
  });

  return router;
}
