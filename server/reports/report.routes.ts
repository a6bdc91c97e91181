import { Router } from 'express';
import { completionCsv, completionReport } from './completion-report';
import { actorOf, authorize } from '../session/authenticate';
import { input, validate } from '../http/validate';
import { completionReportQuerySchema } from '../../shared/api/reports';

/** GET /api/tenant/reports/completion (district admins): JSON for the screen, CSV to download. */
export function reportRouter(): Router {
  const router = Router();
  router.get('/tenant/reports/completion', authorize('tenant:manage'), validate('query', completionReportQuerySchema), async (req, res) => {
    const report = await completionReport(actorOf(req).tenantId);
    if (input(req, 'query', completionReportQuerySchema).format === 'json') {
      res.json(report);
      return;
    }
    res
      .status(200)
      .set({
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="ecap-completion-${report.generatedAt.slice(0, 10)}.csv"`,
        'Cache-Control': 'no-store',
      })
      .send(completionCsv(report));
  });
  return router;
}
