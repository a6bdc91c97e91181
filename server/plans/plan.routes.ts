import { Router } from 'express';

/** Student plans: sections, requirements check, annual review, PDF export (server/plans). */
export function planRouter(): Router {
  const router = Router();
  return router;
}
