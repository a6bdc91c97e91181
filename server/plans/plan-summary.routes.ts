import { Router } from 'express';
import { actorOf, authorize } from '../session/authenticate';
import { getTenant } from '../tenants/tenant.service';
import { ATTRIBUTE_KEYS, type PlanSummary } from '../../shared/api/session';

/** Items each ECAP attribute asks for (DESIGN.md "The ECAP itself"); the plan issue fills them in. */
const ATTRIBUTE_ITEMS: Record<(typeof ATTRIBUTE_KEYS)[number], number> = {
  academic: 4, // course plan, postsecondary goals, achievements, progress review
  career: 4, // interest inventory, skills, work values, career goal
  postsecondary: 3, // options explored, applications, financial plan
  extracurricular: 2, // activities, credentials
};

/** GET /api/plans/me/summary: the student's four attributes with progress for the school year. */
export function planSummaryRouter(): Router {
  const router = Router();
  router.get('/plans/me/summary', authorize('plan:own'), async (req, res) => {
    const tenant = await getTenant(actorOf(req).tenantId);
    // No plan sections are stored yet (the plan issue adds them), so nothing is complete.
    const body: PlanSummary = {
      schoolYear: tenant.settings.schoolYear,
      attributes: ATTRIBUTE_KEYS.map((key) => ({ key, completed: 0, total: ATTRIBUTE_ITEMS[key] })),
    };
    res.json(body);
  });
  return router;
}
