import { Router } from 'express';
import { actorOf, authorize } from '../session/authenticate';
import { input, validate } from '../http/validate';
import { addDeployment, getTenant, presentTenant, updateTenantSettings } from './tenant.service';
import { addDeploymentSchema, tenantSettingsSchema } from '../../shared/api/session';

/** District settings and schools (deployments), for the district's admins. */
export function tenantRouter(): Router {
  const router = Router();
  // authorize per route: other /tenant/* routes (graduation requirements) have their own policies.
  router.get('/tenant', authorize('tenant:manage'), async (req, res) => {
    res.json(presentTenant(await getTenant(actorOf(req).tenantId)));
  });
  router.patch('/tenant', authorize('tenant:manage'), validate('body', tenantSettingsSchema), async (req, res) => {
    const settings = input(req, 'body', tenantSettingsSchema);
    res.json(presentTenant(await updateTenantSettings(actorOf(req).tenantId, settings)));
  });
  router.post('/tenant/deployments', authorize('tenant:manage'), validate('body', addDeploymentSchema), async (req, res) => {
    const body = input(req, 'body', addDeploymentSchema);
    const tenant = await addDeployment(actorOf(req).tenantId, { ...body, source: 'admin' });
    res.status(201).json(presentTenant(tenant));
  });
  return router;
}
