import { Router } from 'express';
import { actorOf, authorize } from '../session/authenticate';
import { findUser, usersBySubjects } from './user.service';
import { unauthenticated } from '../http/errors';
import type { Mentees } from '../../shared/api/session';

/** GET /api/mentees: a parent's children, as named in the launch's role_scope_mentor claim. */
export function menteeRouter(): Router {
  const router = Router();
  router.get('/mentees', authorize('mentees:view'), async (req, res) => {
    const actor = actorOf(req);
    const parent = await findUser(actor.tenantId, actor.userId);
    if (!parent) throw unauthenticated();
    const known = await usersBySubjects(actor.tenantId, parent.menteeSubjects);
    const bySubject = new Map(known.map((u) => [u.ltiSubject, u]));
    const body: Mentees = {
      mentees: parent.menteeSubjects.map((sub) => {
        const u = bySubject.get(sub);
        return { id: u ? String(u._id) : null, ltiSubject: sub, name: u?.name ?? null };
      }),
    };
    res.json(body);
  });
  return router;
}
