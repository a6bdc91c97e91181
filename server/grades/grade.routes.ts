import { Router } from 'express';
import { Types } from 'mongoose';
import { z } from 'zod';
import { actorOf } from '../session/authenticate';
import { input, validate } from '../http/validate';
import { forbidden, notFound } from '../http/errors';
import { PlacementModel } from '../activities/placement.model';
import { UserModel } from '../users/user.model';
import { canManageGradeSync } from './grade.policy';
import { retrySync } from './grade.service';
import type { SyncState } from '../../shared/api/activities';

const objectId = z.string().regex(/^[0-9a-f]{24}$/i, 'Not a valid id');
export const retrySyncParamsSchema = z.object({ placementId: objectId, userId: objectId });

/** Answer of POST /api/placements/:placementId/students/:userId/retry-sync. */
export interface SyncStatusView {
  placementId: string;
  userId: string;
  sync: SyncState;
  syncError: string | null;
  updatedAt: string | null;
}

/** Grade sync routes, mounted under /api after authenticate. */
export function gradeRouter(): Router {
  const router = Router();
  router.post('/placements/:placementId/students/:userId/retry-sync', validate('params', retrySyncParamsSchema), async (req, res) => {
    const actor = actorOf(req);
    if (actor.role !== 'teacher' && actor.role !== 'admin') throw forbidden();
    const params = input(req, 'params', retrySyncParamsSchema);
    const placementId = new Types.ObjectId(params.placementId);
    const userId = new Types.ObjectId(params.userId);
    const [placement, me] = await Promise.all([
      PlacementModel.findOne({ _id: placementId, tenantId: actor.tenantId, deletedAt: null }, { contextId: 1 }).lean().exec(),
      UserModel.findOne({ _id: new Types.ObjectId(actor.userId), tenantId: actor.tenantId }, { contexts: 1 }).lean().exec(),
    ]);
    if (!placement) throw notFound('No such activity in your district.');
    if (!canManageGradeSync(actor, me?.contexts ?? [], placement)) throw forbidden();
    const status = await retrySync(actor.tenantId, placementId, userId);
    if (!status) throw notFound('No grade to send for this student.');
    const view: SyncStatusView = {
      placementId: params.placementId,
      userId: params.userId,
      sync: status.state,
      syncError: status.error,
      updatedAt: status.updatedAt ? status.updatedAt.toISOString() : null,
    };
    res.json(view);
  });
  return router;
}
