import { Router } from 'express';
import { z } from 'zod';
import { findStaff, listCounselors, loadCaseload, setCaseload } from './caseload.service';
import { actorOf, authorize } from '../session/authenticate';
import { input, validate } from '../http/validate';
import { caseloadWriteSchema, staffSearchQuerySchema } from '../../shared/api/caseload';
import { objectIdString } from '../db/query-helpers';

const userParams = z.object({ userId: objectIdString('Not a user id') });

/** The counselor's caseload (GET /api/caseload) and its management by district admins (/api/tenant/staff). */
export function caseloadRouter(): Router {
  const router = Router();
  router.get('/caseload', authorize('course:view'), async (req, res) => {
    res.json(await loadCaseload(actorOf(req)));
  });
  router.get('/tenant/staff', authorize('tenant:manage'), validate('query', staffSearchQuerySchema), async (req, res) => {
    res.json(await findStaff(actorOf(req).tenantId, input(req, 'query', staffSearchQuerySchema).q));
  });
  router.get('/tenant/counselors', authorize('tenant:manage'), async (req, res) => {
    res.json(await listCounselors(actorOf(req).tenantId));
  });
  router.put('/tenant/staff/:userId/caseload', authorize('tenant:manage'), validate('params', userParams), validate('body', caseloadWriteSchema), async (req, res) => {
    const { userId } = input(req, 'params', userParams);
    res.json(await setCaseload(actorOf(req).tenantId, userId, input(req, 'body', caseloadWriteSchema).deploymentIds));
  });
  return router;
}
