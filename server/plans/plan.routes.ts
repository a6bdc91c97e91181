import { Router, type Response } from 'express';
import { actorOf, authorize } from '../session/authenticate';
import { input, validate } from '../http/validate';
import { exportQuerySchema, sectionParamsSchema, snapshotParamsSchema, studentParamsSchema, studentYearParamsSchema } from './plan.validators';
import { addAdvisorNote, getSnapshot, listSnapshots, loadPlanView, readPlanAs, writeSection } from './plan.service';
import { submitAnnualReview } from './annual-review.command';
import { listSnapshotsAs, recordAdvisorReview, recordParentSignature } from './annual-review-signoff.command';
import { exportPlanPdf, type PlanPdf } from './plan-export.command';
import { getRequirementTemplate, saveRequirementTemplate } from './requirement-template.service';
import {
  advisorNoteCreateSchema,
  annualReviewSubmitSchema,
  requirementTemplateWriteSchema,
  sectionWriteSchema,
  type SectionConflict,
} from '../../shared/api/plan';
import { advisorReviewCreateSchema, parentSignatureCreateSchema } from '../../shared/api/annual-review';

/**
 * Student plans (docs/api.md): the student's own plan under /plans/me ('plan:own'); read-only plans of others
 * under /plans/:studentId ('plan:view' + canReadPlan); advisor notes ('plan:comment'); sign-offs of submitted years
 * (advisor review 'annual-review:advise', parent signature 'annual-review:sign'); the district's graduation
 * requirements under /tenant/graduation-requirements; the PDF export of either plan.
 */
export function planRouter(): Router {
  const router = Router();

  router.get('/plans/me', authorize('plan:own'), async (req, res) => {
    const actor = actorOf(req);
    res.json(await loadPlanView(actor.tenantId, actor.userId, { readOnly: false }));
  });

  router.put(
    '/plans/me/sections/:section',
    authorize('plan:own'),
    validate('params', sectionParamsSchema),
    validate('body', sectionWriteSchema),
    async (req, res) => {
      const { section } = input(req, 'params', sectionParamsSchema);
      const body = input(req, 'body', sectionWriteSchema);
      const result = await writeSection(actorOf(req), section, body.version, body.data);
      if (result.ok) {
        res.json(result.section);
        return;
      }
      const conflictBody: SectionConflict = {
        error: 'version_conflict',
        message: 'This section was changed elsewhere (another tab or device). Here is the saved version; apply your changes to it and save again.',
        current: result.current,
      };
      res.status(409).json(conflictBody);
    },
  );

  router.post('/plans/me/annual-review', authorize('plan:own'), validate('body', annualReviewSubmitSchema), async (req, res) => {
    const { reflection } = input(req, 'body', annualReviewSubmitSchema);
    res.json(await submitAnnualReview(actorOf(req), reflection));
  });

  router.get('/plans/me/snapshots', authorize('plan:own'), async (req, res) => {
    const actor = actorOf(req);
    res.json(await listSnapshots(actor.tenantId, actor.userId));
  });

  router.get('/plans/me/snapshots/:schoolYear', authorize('plan:own'), validate('params', snapshotParamsSchema), async (req, res) => {
    const actor = actorOf(req);
    const { schoolYear } = input(req, 'params', snapshotParamsSchema);
    res.json(await getSnapshot(actor.tenantId, actor.userId, schoolYear));
  });

  router.get('/plans/me/export.pdf', authorize('plan:own'), validate('query', exportQuerySchema), async (req, res) => {
    const { locale } = input(req, 'query', exportQuerySchema);
    sendPdf(res, await exportPlanPdf(actorOf(req), null, locale));
  });

  router.get('/plans/:studentId', authorize('plan:view'), validate('params', studentParamsSchema), async (req, res) => {
    const { studentId } = input(req, 'params', studentParamsSchema);
    res.json(await readPlanAs(actorOf(req), studentId));
  });

  router.post(
    '/plans/:studentId/notes',
    authorize('plan:comment'),
    validate('params', studentParamsSchema),
    validate('body', advisorNoteCreateSchema),
    async (req, res) => {
      const { studentId } = input(req, 'params', studentParamsSchema);
      const note = input(req, 'body', advisorNoteCreateSchema);
      res.status(201).json(await addAdvisorNote(actorOf(req), studentId, note));
    },
  );

  router.get('/plans/:studentId/snapshots', authorize('plan:view'), validate('params', studentParamsSchema), async (req, res) => {
    res.json(await listSnapshotsAs(actorOf(req), input(req, 'params', studentParamsSchema).studentId));
  });

  router.post(
    '/plans/:studentId/snapshots/:schoolYear/advisor-review',
    authorize('annual-review:advise'),
    validate('params', studentYearParamsSchema),
    validate('body', advisorReviewCreateSchema),
    async (req, res) => {
      const { studentId, schoolYear } = input(req, 'params', studentYearParamsSchema);
      res.status(201).json(await recordAdvisorReview(actorOf(req), studentId, schoolYear, input(req, 'body', advisorReviewCreateSchema)));
    },
  );

  router.post(
    '/plans/:studentId/snapshots/:schoolYear/signatures',
    authorize('annual-review:sign'),
    validate('params', studentYearParamsSchema),
    validate('body', parentSignatureCreateSchema),
    async (req, res) => {
      const { studentId, schoolYear } = input(req, 'params', studentYearParamsSchema);
      res.status(201).json(await recordParentSignature(actorOf(req), studentId, schoolYear, input(req, 'body', parentSignatureCreateSchema)));
    },
  );

  router.get(
    '/plans/:studentId/export.pdf',
    authorize('plan:view'),
    validate('params', studentParamsSchema),
    validate('query', exportQuerySchema),
    async (req, res) => {
      const { studentId } = input(req, 'params', studentParamsSchema);
      const { locale } = input(req, 'query', exportQuerySchema);
      sendPdf(res, await exportPlanPdf(actorOf(req), studentId, locale));
    },
  );

  router.get('/tenant/graduation-requirements', authorize('requirements:view'), async (req, res) => {
    res.json(await getRequirementTemplate(actorOf(req).tenantId));
  });

  router.put('/tenant/graduation-requirements', authorize('tenant:manage'), validate('body', requirementTemplateWriteSchema), async (req, res) => {
    const template = input(req, 'body', requirementTemplateWriteSchema);
    res.json(await saveRequirementTemplate(actorOf(req).tenantId, template));
  });

  return router;
}

function sendPdf(res: Response, { filename, pdf }: PlanPdf): void {
  res
    .status(200)
    .set({ 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'no-store' })
    .send(pdf);
}
