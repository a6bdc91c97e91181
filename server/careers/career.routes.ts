import { Router } from 'express';

/** Career catalog search and matching (server/careers). */
export function careerRouter(): Router {
  const router = Router();
  return router;
}
