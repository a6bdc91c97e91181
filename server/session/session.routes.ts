import { Router } from 'express';
import { actorOf } from './authenticate';
import { abilitiesOf } from './policies';
import { findUser } from '../users/user.service';
import { getTenant } from '../tenants/tenant.service';
import { findLaunch } from '../lti/launch.service';
import { unauthenticated } from '../http/errors';
import type { SessionInfo } from '../../shared/api/session';

/** GET /api/session: the signed-in user, district and course of the current launch. */
export function sessionRouter(): Router {
  const router = Router();
  router.get('/session', async (req, res) => {
    const actor = actorOf(req);
    const [user, tenant, launch] = await Promise.all([
      findUser(actor.tenantId, actor.userId),
      getTenant(actor.tenantId),
      findLaunch(actor.tenantId, actor.launchId),
    ]);
    if (!user || !launch) throw unauthenticated();
    const body: SessionInfo = {
      user: { id: String(user._id), name: user.name, email: user.email, role: actor.role, locale: user.locale },
      tenant: { id: String(tenant._id), name: tenant.settings.name },
      context: launch.context,
      messageType: launch.messageType,
      abilities: abilitiesOf(actor.role, (user.caseloadDeploymentIds ?? []).length > 0),
    };
    res.json(body);
  });
  return router;
}
