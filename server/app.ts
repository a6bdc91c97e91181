import path from 'node:path';
import { existsSync } from 'node:fs';
import express, { type Express } from 'express';
import cookieParser from 'cookie-parser';
import mongoose, { isValidObjectId } from 'mongoose';
import type { ProviderInstance } from 'ltijs';
import { PROJECT_ROOT, type AppConfig } from './config';
import { setupLti } from './lti/provider';
import { dynamicRegistrationRouter } from './lti/dynamic-registration';
import { adminRegistrationApi, adminRegistrationForm } from './lti/admin-registration';
import { authenticate } from './session/authenticate';
import { sessionRouter } from './session/session.routes';
import { tenantRouter } from './tenants/tenant.routes';
import { courseRouter } from './courses/course.routes';
import { planSummaryRouter } from './plans/plan-summary.routes';
import { menteeRouter } from './users/mentee.routes';
import { planRouter } from './plans/plan.routes';
import { parentLinkApi, parentLinkPage } from './parents/parent-link.routes';
import { privacyRouter } from './privacy/privacy.routes';
import { caseloadRouter } from './caseload/caseload.routes';
import { reportRouter } from './reports/report.routes';
import { careerRouter } from './careers/career.routes';
import { artifactRouter } from './portfolio/artifact.routes';
import { activityRouter } from './activities/activity.routes';
import { registerActivityListeners } from './activities/completion.command';
import { gradeRouter } from './grades/grade.routes';
import { TenantModel } from './tenants/tenant.model';
import { allowFraming, securityHeaders } from './http/security-headers';
import { errorHandler, notFoundHandler } from './http/error-handler';

export interface App {
  app: Express;
  lti: ProviderInstance;
}

/** Plain files served as they are (no build step): page styles and the LTI postMessage scripts. */
const STATIC_DIR = path.join(PROJECT_ROOT, 'server', 'static');

/** The whole HTTP surface: LTI under /lti, the JSON API under /api, the client under /app. */
export function createApp(config: AppConfig, mongoUri: string): App {
  const app = express();
  app.disable('x-powered-by');
  if (config.trustProxy) app.set('trust proxy', /^\d+$/.test(config.trustProxy) ? Number(config.trustProxy) : config.trustProxy);
  app.use(securityHeaders);
  // Same secret as ltijs: its cookie parser then skips, and its signed cookie calls still work.
  app.use(cookieParser(config.ltiKey));

  app.get('/healthz', (_req, res) => {
    const dbUp = mongoose.connection.readyState === 1;
    res.status(dbUp ? 200 : 503).json({ ok: dbUp, db: dbUp ? 'up' : 'down' });
  });
  app.use('/static', express.static(STATIC_DIR, { maxAge: '1h' }));

  const { lti, router: ltiRouter } = setupLti(config, mongoUri);
  app.use('/lti', express.urlencoded({ extended: false, limit: '64kb' }), dynamicRegistrationRouter(lti, config));
  app.use('/lti', ltiRouter);
  app.use('/admin', adminRegistrationForm(lti, config));
  app.use('/parent-link', parentLinkPage(config));

  const api = express.Router();
  api.use(express.json({ limit: '256kb' }));
  api.use(adminRegistrationApi(lti, config));
  api.use(authenticate(config.ltiKey));
  api.use(sessionRouter(), tenantRouter(), courseRouter(), planSummaryRouter(), menteeRouter(), planRouter(), careerRouter(), artifactRouter());
  api.use(activityRouter(config), gradeRouter(), parentLinkApi(config), privacyRouter(), caseloadRouter(), reportRouter());
  registerActivityListeners();
  app.use('/api', api);

  app.use('/app', frameableByTenant, express.static(config.clientDir, { index: false, maxAge: '1h' }));
  app.get(/^\/app(\/.*)?$/, (_req, res, next) => {
    const index = path.join(config.clientDir, 'index.html');
    if (!existsSync(index)) return next();
    res.set('Cache-Control', 'no-cache').sendFile(index);
  });
  app.get('/', (_req, res) => {
    res.redirect('/app/');
  });

  app.use(notFoundHandler);
  app.use(errorHandler);
  return { app, lti };
}

/** The app shell carries ?tn=<tenant>: only that district's LMS origins may frame it. */
async function frameableByTenant(req: express.Request, res: express.Response, next: express.NextFunction): Promise<void> {
  const tn = typeof req.query.tn === 'string' ? req.query.tn : undefined;
  if (tn && isValidObjectId(tn)) {
    const tenant = await TenantModel.findById(tn, { lmsOrigins: 1 }).lean<{ lmsOrigins: string[] }>().exec();
    if (tenant) allowFraming(res, tenant.lmsOrigins);
  }
  next();
}
