import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { LoginStateModel, type LoginState } from './login-state.model';
import { browserKeyCookie, escapeJsonForHtml } from './login';
import { CLAIM, decodeJwtUnverified, unverifiedHeadSchema, unverifiedPayloadSchema } from './claims';
import { TenantModel, type Tenant } from '../tenants/tenant.model';
import { hasDeployment } from '../tenants/tenant.service';
import { LtiError } from '../http/errors';
import { refreshJwksIfKidUnknown } from './jwks-cache';
import type { ProviderInstance } from 'ltijs';
import { escapeHtml, page } from '../http/pages';
import { allowFraming } from '../http/security-headers';
import { pageText } from '../http/page-strings';
import { localeFrom, type Locale } from '../../shared/roles';

const launchBodySchema = z.object({
  id_token: z.string().min(1).max(32768),
  state: z.string().min(1).max(255),
  /** The browser key read back from platform storage by /static/lti-storage.js. */
  lti_storage_value: z.string().max(255).optional(),
});

/** What the guard hands to the launch handler once ltijs has verified the token. */
export interface GuardedLaunch {
  tenant: Tenant;
  payload: unknown;
  /** Origin of the LMS page that started the login (its Origin header): the page framing the tool. */
  frameOrigin: string | null;
}

const refuse = (id: string, reason: string, details?: Record<string, string>) =>
  new LtiError(401, id, 'launch_refused', reason, details);

/**
 * Runs before ltijs on the launch (redirect) URI and adds the checks ltijs 5.9 lacks: the state is one
 * this tool issued, used once, returned by the browser that started the login (cookie or platform
 * storage); the nonce is the one issued for that login; the deployment is known to the registration.
 * It then hands ltijs the issuer it expects, so ltijs checks signature, alg, aud, exp/iat and claims.
 */
export function launchGuard(lti: ProviderInstance) {
  return (req: Request, res: Response, next: NextFunction) => guard(lti, req, res, next);
}

async function guard(lti: ProviderInstance, req: Request, res: Response, next: NextFunction): Promise<void> {
  allowFraming(res, '*');
  if (req.method !== 'POST') return next();
  const body = launchBodySchema.safeParse(req.body);
  if (!body.success) throw refuse('malformed_launch', 'launch without id_token or state');
  const { id_token: idToken, state } = body.data;

  const decoded = decodeJwtUnverified(idToken);
  const head = unverifiedHeadSchema.safeParse(decoded?.header);
  const payload = unverifiedPayloadSchema.safeParse(decoded?.payload);
  if (!head.success || !payload.success) throw refuse('malformed_launch', 'id_token is not a JWT with iss and aud');
  // Only picks the language of the pages below; nothing else is trusted before ltijs verifies the token.
  res.locals.pageLocale = localeFrom(payload.data.locale ?? payload.data[CLAIM.launchPresentation]?.locale);
  const locale = res.locals.pageLocale as Locale;
  if (head.data.alg !== 'RS256') throw refuse('bad_alg', `id_token alg ${head.data.alg} is not RS256`);

  const login = await LoginStateModel.findOne({ state }).lean<LoginState>().exec();
  if (!login) throw refuse('unknown_state', 'state was not issued by this tool or has expired');
  if (login.consumedAt) throw refuse('state_reused', 'state was already used by an earlier launch');

  const cookieKey = (req.cookies as Record<string, string> | undefined)?.[browserKeyCookie(state)];
  const storageKey = body.data.lti_storage_value;
  if (cookieKey !== login.browserKey && storageKey !== login.browserKey) {
    if (storageKey) throw refuse('browser_mismatch', 'platform storage returned a different browser key');
    if (login.storageTarget && storageKey === undefined) return void res.type('html').send(storageCheckPage(login, idToken, state, locale));
    await LoginStateModel.updateOne({ _id: login._id, consumedAt: null }, { consumedAt: new Date() }).exec();
    return void res.type('html').send(newWindowPage(login, locale));
  }

  const claims = payload.data;
  if (claims.iss !== login.issuer) throw refuse('iss_mismatch', 'iss differs from the platform the login started with', { iss: claims.iss });
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(login.clientId)) throw refuse('aud_mismatch', 'aud does not contain the client_id', { aud: audiences.join(' ') });
  if (audiences.length > 1 && claims.azp !== login.clientId) throw refuse('azp_mismatch', 'several audiences and azp is not the client_id');
  if (claims.nonce !== login.nonce) throw refuse('nonce_mismatch', 'nonce is not the one issued for this login');

  const tenant = await TenantModel.findById(login.tenantId).lean<Tenant>().exec();
  if (!tenant) throw refuse('unknown_tenant', 'the registration of this login was removed');
  const deploymentId = claims[CLAIM.deploymentId];
  if (deploymentId && !hasDeployment(tenant, deploymentId)) {
    throw new LtiError(
      403,
      'unknown_deployment',
      'unknown_deployment',
      'deployment_id not known to the registration',
      { issuer: tenant.issuer, client_id: tenant.clientId, deployment_id: deploymentId },
    );
  }

  const platform = await lti.getPlatform(tenant.issuer, tenant.clientId);
  if (!platform) throw refuse('unknown_platform', 'the ltijs platform of this registration is missing');
  const authConfig = await platform.platformAuthConfig();
  if (authConfig.method === 'JWK_SET') await refreshJwksIfKidUnknown(authConfig.key, head.data.kid);

  const consumed = await LoginStateModel.updateOne({ _id: login._id, consumedAt: null }, { consumedAt: new Date() }).exec();
  if (consumed.modifiedCount !== 1) throw refuse('state_reused', 'state was used by a concurrent launch');

  // ltijs reads the expected issuer from its signed state cookie; the checks above stand in for it.
  req.signedCookies = { ...(req.signedCookies as Record<string, string> | undefined), [`state${state}`]: login.issuer };
  res.locals.ecap = { tenant, payload: decoded?.payload, frameOrigin: login.frameOrigin } satisfies GuardedLaunch;
  next();
}

/** Reads the browser key back from the LMS's platform storage, then posts the launch again with it. */
function storageCheckPage(login: LoginState, idToken: string, state: string, locale: Locale): string {
  const data = {
    mode: 'get',
    target: login.storageTarget,
    origin: login.storageOrigin,
    key: `ecap_${state}`,
    form: { action: '/lti/launch', fields: { id_token: idToken, state } },
    field: 'lti_storage_value',
  };
  return page({
    title: pageText(locale, 'connecting'),
    lang: locale,
    body: `<p>${escapeHtml(pageText(locale, 'oneMoment'))}</p>
<script type="application/json" id="lti-storage-request">${escapeJsonForHtml(data)}</script>`,
    script: '/static/lti-storage.js',
  });
}

/** The browser kept no cookie and the LMS offers no platform storage: restart the login in a new window. */
function newWindowPage(login: LoginState, locale: Locale): string {
  const { lti_storage_target: _dropped, ...params } = login.loginParams;
  const url = `/lti/login?${new URLSearchParams(params).toString()}`;
  return page({
    title: pageText(locale, 'newWindowTitle'),
    lang: locale,
    body: `<p>${escapeHtml(pageText(locale, 'newWindowWhy'))}</p>
<p>${escapeHtml(pageText(locale, 'newWindowHow'))}</p>
<p><a class="button" href="${escapeHtml(url)}" target="_blank" rel="opener">${escapeHtml(pageText(locale, 'newWindowButton'))}</a></p>`,
  });
}
