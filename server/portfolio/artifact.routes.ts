import { Router, type Request, type Response } from 'express';
import { Types } from 'mongoose';
import { actorOf, authorize } from '../session/authenticate';
import { notFound } from '../http/errors';
import { input, validate } from '../http/validate';
import { log } from '../logger';
import { artifactIdParamsSchema } from './artifact.schemas';
import { presentArtifact } from './artifact.presenter';
import { deleteArtifact, findArtifact, openArtifactDownload, type ArtifactOwner } from './artifact.store';
import { uploadArtifact } from './artifact.upload';
import { listArtifacts } from './artifact.service';
import { emitPlanChanged } from '../plans/plan-events';

/** The caller's own portfolio: students only, always scoped to their tenant and user id. */
const ownerOf = (req: Request): ArtifactOwner => {
  const actor = actorOf(req);
  return { tenantId: actor.tenantId, studentId: actor.userId };
};
const idOf = (req: Request) => new Types.ObjectId(input(req, 'params', artifactIdParamsSchema).id);
const missing = () => notFound('No such file in your portfolio.');

/** Portfolio artifacts in GridFS (server/portfolio); docs/portfolio.md lists the limits. */
export function artifactRouter(): Router {
  const router = Router();
  const own = authorize('plan:own');
  const withId = validate('params', artifactIdParamsSchema);

  router.post('/plans/me/artifacts', own, async (req, res) => {
    const actor = actorOf(req);
    const stored = await uploadArtifact(req, { owner: ownerOf(req), uploadedBy: actor.userId });
    await emitPlanChanged({ tenantId: actor.tenantId, studentId: actor.userId });
    res.status(201).json(presentArtifact(stored));
  });

  router.get('/plans/me/artifacts', own, async (req, res) => {
    const owner = ownerOf(req);
    res.set('Cache-Control', 'no-store').json(await listArtifacts(owner.tenantId, owner.studentId));
  });

  router.get('/plans/me/artifacts/:id/download', own, withId, async (req, res) => {
    const file = await findArtifact(ownerOf(req), idOf(req));
    if (!file) throw missing();
    // setHeader, not res.set: express would append a charset to text/plain that the file may not have.
    res.setHeader('Content-Type', file.metadata.contentType);
    res.set({
      'Content-Length': String(file.length),
      'Content-Disposition': attachment(file.filename),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
    });
    await pipeDownload(await openArtifactDownload(file), res);
  });

  router.delete('/plans/me/artifacts/:id', own, withId, async (req, res) => {
    if (!(await deleteArtifact(ownerOf(req), idOf(req)))) throw missing();
    await emitPlanChanged({ tenantId: actorOf(req).tenantId, studentId: actorOf(req).userId });
    res.status(204).end();
  });
  return router;
}

/** `attachment` with an ASCII fallback name and the exact name as RFC 5987 UTF-8 (never inline). */
export function attachment(filename: string): string {
  const ascii = filename.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\%;]/g, '_').trim() || 'artifact';
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function pipeDownload(source: NodeJS.ReadableStream & { destroy(): void }, res: Response): Promise<void> {
  return new Promise((resolve) => {
    source.on('error', (err) => {
      log.error('artifact download failed', { err: String(err) });
      res.destroy();
      resolve();
    });
    res.on('close', () => {
      source.destroy();
      resolve();
    });
    source.pipe(res);
  });
}
