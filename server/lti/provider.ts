import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { Provider, type ProviderInstance } from 'ltijs';
import { launchGuard } from './launch-guard';
import { completeLaunch } from './launch-handler';
import { loginRouter } from './login';
import { installJwksCache } from './jwks-cache';
import { LaunchDatabase } from './ltijs-database';
import { toolKeyset } from './tool-keys';
import { LtiError } from '../http/errors';
import type { AppConfig } from '../config';

/** ltijs's reasons for refusing a token, and what they mean, for the log. */
function ltijsRefusal(res: Response): LtiError {
  const err = (res.locals as { err?: { details?: { message?: string } } }).err;
  const reason = err?.details?.message ?? 'unknown';
  return new LtiError(
    401,
    'launch_refused',
    'launch_refused',
    `ltijs refused the launch: ${reason}`,
  );
}

/**
 * Sets up the process-wide ltijs provider (serverless, its cookie session replaced by the tool's own
 * bearer token) and returns the router that serves /lti: login, launch, keys. Only server/lti imports ltijs.
 */
export function setupLti(config: AppConfig, mongoUri: string): { lti: ProviderInstance; router: Router } {
  installJwksCache();
  const lti = Provider.setup(
    config.ltiKey,
    { url: mongoUri, plugin: new LaunchDatabase({ url: mongoUri }) },
    {
      appRoute: '/launch',
      loginRoute: '/login',
      keysetRoute: '/keys',
      dynRegRoute: '/ltijs-dynamic-registration-unused',
      cors: false,
      // ltiaas mode: ltijs validates the id_token and calls onConnect in the same request, without
      // its session cookie or ltik redirect, which third-party-cookie blocking would break.
      ltiaas: true,
      tokenMaxAge: 60,
      cookies: { secure: config.secureCookies, sameSite: config.secureCookies ? 'None' : 'Lax' },
    },
  );
  const launch = (_token: unknown, req: Request, res: Response, next: NextFunction) => {
    completeLaunch(req, res, config).catch(next);
  };
  lti.onConnect(launch);
  lti.onDeepLinking(launch);
  lti.onInvalidToken((_req, res, next) => next(ltijsRefusal(res)));
  lti.onSessionTimeout((_req, res, next) => next(ltijsRefusal(res)));
  lti.onUnregisteredPlatform((_req, _res, next) =>
    next(new LtiError(400, 'unknown_platform', 'unknown_platform', 'ltijs: unregistered platform')),
  );
  lti.onInactivePlatform((_req, _res, next) =>
    next(new LtiError(403, 'inactive_platform', 'inactive_platform', 'ltijs: inactive platform')),
  );

  const router = Router();
  router.use(express.urlencoded({ extended: false, limit: '64kb' }), express.json({ limit: '64kb' }));
  router.use(loginRouter(lti, config));
  router.post('/launch', launchGuard(lti));
  // Before ltijs's own keyset route: adds the keys retired by a rotation that are still in their grace period.
  router.get('/keys', (_req: Request, res: Response, next: NextFunction) => {
    toolKeyset(lti, config.ltiKey).then((keyset) => res.json(keyset), next);
  });
  router.use((req: Request, _res: Response, next: NextFunction) => {
    // ltijs (express 4, body-parser 1) must not read the body stream again: it was parsed above.
    req.body ??= {};
    (req as Request & { _body?: boolean })._body = true;
    next();
  });
  router.use(lti.app);
  return { lti, router };
}
