import { Router } from 'express';
import { writeDistrictExport } from './district-export';
import { deleteStudentData } from './student-deletion';
import { PrivacyEventModel, type PrivacyEvent } from './privacy-event.model';
import { actorOf, authorize } from '../session/authenticate';
import { input, validate } from '../http/validate';
import { forbidden } from '../http/errors';
import { UserModel, type User } from '../users/user.model';
import { findUser } from '../users/user.service';
import { getTenant } from '../tenants/tenant.service';
import { log } from '../logger';
import { fileSlug } from '../http/file-slug';
import { studentDeletionSchema, studentSearchQuerySchema, type PrivacyEventView, type StudentMatch } from '../../shared/api/privacy';
import { escapeRegex } from '../db/query-helpers';
import { studentParamsSchema } from '../plans/plan.validators';


function presentMatch(u: User): StudentMatch {
  return {
    id: String(u._id),
    name: u.name,
    ltiSubject: u.ltiSubject,
    courses: [...new Set(u.contexts.filter((c) => c.role === 'student').map((c) => c.title))],
    lastLaunchAt: u.lastLaunchAt ? new Date(u.lastLaunchAt).toISOString() : null,
  };
}

function presentEvent(e: PrivacyEvent): PrivacyEventView {
  return { action: e.action, actorName: e.actorName, at: e.createdAt.toISOString(), subjectName: e.subjectName, counts: e.counts };
}

/** A district's own data, for its admins: export everything, find a student, delete a student's data. */
export function privacyRouter(): Router {
  const router = Router();

  router.get('/tenant/export', authorize('tenant:manage'), async (req, res) => {
    const actor = actorOf(req);
    const [tenant, admin] = await Promise.all([getTenant(actor.tenantId), findUser(actor.tenantId, actor.userId)]);
    if (!admin) throw forbidden();
    const day = new Date().toISOString().slice(0, 10);
    res.status(200).set({
      'Content-Type': 'application/gzip',
      'Content-Disposition': `attachment; filename="ecap-export-${fileSlug(tenant.settings.name, 'district', 40)}-${day}.ndjson.gz"`,
      'Cache-Control': 'no-store',
    });
    const counts = await writeDistrictExport(actor.tenantId, res);
    await PrivacyEventModel.create({ tenantId: actor.tenantId, action: 'export', actorId: admin._id, actorName: admin.name, counts });
    log.info('district export', { tenant: String(actor.tenantId), actor: actor.userId });
  });

  router.get('/tenant/students', authorize('tenant:manage'), validate('query', studentSearchQuerySchema), async (req, res) => {
    const { q } = input(req, 'query', studentSearchQuerySchema);
    const users = await UserModel.find({
      tenantId: actorOf(req).tenantId,
      $and: [
        { $or: [{ role: 'student' }, { 'contexts.role': 'student' }] },
        { $or: [{ name: { $regex: escapeRegex(q), $options: 'i' } }, { ltiSubject: q }] },
      ],
    })
      .sort({ name: 1 })
      .limit(20)
      .lean<User[]>()
      .exec();
    res.json(users.map(presentMatch));
  });

  router.delete('/tenant/students/:studentId', authorize('tenant:manage'), validate('params', studentParamsSchema), validate('body', studentDeletionSchema), async (req, res) => {
    const { studentId } = input(req, 'params', studentParamsSchema);
    const result = await deleteStudentData(actorOf(req), studentId, input(req, 'body', studentDeletionSchema).confirmName);
    log.info('student data deleted', { tenant: String(actorOf(req).tenantId), actor: actorOf(req).userId, counts: result.deleted });
    res.json(result);
  });

  router.get('/tenant/privacy-events', authorize('tenant:manage'), async (req, res) => {
    const events = await PrivacyEventModel.find({ tenantId: actorOf(req).tenantId }).sort({ createdAt: -1 }).limit(50).lean<PrivacyEvent[]>().exec();
    res.json(events.map(presentEvent));
  });
  return router;
}
