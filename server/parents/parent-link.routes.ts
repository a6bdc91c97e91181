import { Router } from 'express';
import { createParentLink, listParentLinks, openParentLink, revokeParentLink } from './parent-link.service';
import { actorOf, authorize } from '../session/authenticate';
import { input, validate } from '../http/validate';
import { escapeHtml, page } from '../http/pages';
import { pageLocale, pageText } from '../http/page-strings';
import { log } from '../logger';
import { parentLinkCreateSchema } from '../../shared/api/parent-links';
import type { AppConfig } from '../config';
import { objectIdString } from '../db/query-helpers';
import { studentParamsSchema } from '../plans/plan.validators';

const linkParams = studentParamsSchema.extend({ linkId: objectIdString('Not a link id') });

/** /api/plans/:studentId/parent-links: staff who may read the student's plan make, list and revoke links. */
export function parentLinkApi(config: AppConfig): Router {
  const router = Router();
  router.post(
    '/plans/:studentId/parent-links',
    authorize('parent-links:manage'),
    validate('params', studentParamsSchema),
    validate('body', parentLinkCreateSchema),
    async (req, res) => {
      const { studentId } = input(req, 'params', studentParamsSchema);
      res.status(201).json(await createParentLink(actorOf(req), studentId, input(req, 'body', parentLinkCreateSchema), config));
    },
  );
  router.get('/plans/:studentId/parent-links', authorize('parent-links:manage'), validate('params', studentParamsSchema), async (req, res) => {
    res.json(await listParentLinks(actorOf(req), input(req, 'params', studentParamsSchema).studentId));
  });
  router.delete('/plans/:studentId/parent-links/:linkId', authorize('parent-links:manage'), validate('params', linkParams), async (req, res) => {
    const { studentId, linkId } = input(req, 'params', linkParams);
    res.json(await revokeParentLink(actorOf(req), studentId, linkId));
  });
  return router;
}

/**
 * GET /parent-link/:token, opened by a parent outside the LMS: the app with a parent session, or a page saying the
 * link is unknown or has ended. The token is a secret: it is never logged, and no Referer carries it on.
 */
export function parentLinkPage(config: AppConfig): Router {
  const router = Router();
  router.get('/:token', async (req, res) => {
    res.set({ 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' });
    const opened = await openParentLink(req.params.token, config);
    if (opened.ok) {
      log.info('parent link opened', { link: opened.linkId });
      res.redirect(303, opened.redirect);
      return;
    }
    const locale = opened.locale ?? pageLocale(req, res);
    const [title, body] = opened.reason === 'unknown' ? (['parentLinkUnknownTitle', 'parentLinkUnknownBody'] as const) : (['parentLinkEndedTitle', 'parentLinkEndedBody'] as const);
    res
      .status(opened.reason === 'unknown' ? 404 : 410)
      .type('html')
      .send(page({ title: pageText(locale, title), lang: locale, body: `<p>${escapeHtml(pageText(locale, body))}</p>` }));
  });
  return router;
}
