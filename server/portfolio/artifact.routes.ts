import { Router } from 'express';

/** Portfolio artifacts in GridFS (server/portfolio). */
export function artifactRouter(): Router {
  const router = Router();
  return router;
}
