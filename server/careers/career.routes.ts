import { Router } from 'express';
import { z } from 'zod';
import { input, validate } from '../http/validate';
import { notFound } from '../http/errors';
import { careerSearchSchema } from '../../shared/api/plan';
import { getCareer, searchCareers } from './career.service';

/** GET /careers/:code params: an O*NET-SOC code. */
export const careerCodeParamsSchema = z.object({ code: z.string().regex(/^\d{2}-\d{4}\.\d{2}$/, 'Use an O*NET-SOC code like 15-1252.00') }).strict();

/**
 * Career catalog search and matching (server/careers). The catalog is global reference data, so any signed-in
 * user may read it (authentication is applied where the router is mounted, in server/app.ts).
 */
export function careerRouter(): Router {
  const router = Router();
  router.get('/careers', validate('query', careerSearchSchema), async (req, res) => {
    res.json(await searchCareers(input(req, 'query', careerSearchSchema)));
  });
  router.get('/careers/:code', validate('params', careerCodeParamsSchema), async (req, res) => {
    const { code } = input(req, 'params', careerCodeParamsSchema);
    const career = await getCareer(code);
    if (!career) throw notFound(`No career with code ${code}.`);
    res.json(career);
  });
  return router;
}
