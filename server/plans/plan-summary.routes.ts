import { Router } from 'express';
import { actorOf, authorize } from '../session/authenticate';
import { loadPlanView } from './plan.service';
import { planSummary } from './plan-progress';

/** GET /api/plans/me/summary: the student's four attributes with progress (items in plan-progress.ts). */
export function planSummaryRouter(): Router {
  const router = Router();
  router.get('/plans/me/summary', authorize('plan:own'), async (req, res) => {
    const actor = actorOf(req);
    res.json(planSummary(await loadPlanView(actor.tenantId, actor.userId, { readOnly: false })));
  });
  return router;
}
