import { randomBytes } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { ProviderInstance } from 'ltijs';
import { LoginStateModel } from './login-state.model';
import { findTenantByRegistration, findTenantsByIssuer } from '../tenants/tenant.service';
import type { Tenant } from '../tenants/tenant.model';
import { LtiError } from '../http/errors';
import { escapeHtml, page } from '../http/pages';
import { allowFraming } from '../http/security-headers';
import { pageLocale, pageText } from '../http/page-strings';
import { fieldErrors } from '../http/validate';
import type { AppConfig } from '../config';

/** Third-party initiated login (LTI Core 1.3 §5.1.1), sent as GET or form POST. */
const loginRequestSchema = z.object({
  iss: z.url(),
  login_hint: z.string().min(1).max(4096),
  target_link_uri: z.url(),
  lti_message_hint: z.string().max(8192).optional(),
  client_id: z.string().min(1).max(255).optional(),
  lti_deployment_id: z.string().min(1).max(255).optional(),
  lti_storage_target: z.string().min(1).max(255).optional(),
});

export const browserKeyCookie = (state: string) => `ecap_lti_${state}`;

const random = () => randomBytes(24).toString('base64url');

/** The tool's OIDC login: state, nonce and browser binding kept in MongoDB, not only in a cookie. */
export function loginRouter(lti: ProviderInstance, config: AppConfig): Router {
  const router = Router();
  router.all('/login', async (req: Request, res: Response) => {
    allowFraming(res, '*');
    const parsed = loginRequestSchema.safeParse({ ...req.query, ...(req.body as object | undefined) });
    if (!parsed.success) {
      throw new LtiError(400, 'malformed_login', 'malformed_login', 'login request invalid', {
        fields: Object.keys(fieldErrors(parsed.error)).join(', '),
      });
    }
    const login = parsed.data;
    if (!login.target_link_uri.startsWith(`${config.baseUrl}/`)) {
      throw new LtiError(400, 'foreign_target_link', 'foreign_target_link', 'target_link_uri not on this tool', {
        target_link_uri: login.target_link_uri,
      });
    }
    const tenant = await tenantFor(login.iss, login.client_id);
    const platform = await lti.getPlatform(tenant.issuer, tenant.clientId);
    if (!platform) throw unknownPlatform(login.iss, login.client_id);
    const authEndpoint = await platform.platformAuthEndpoint();

    const state = random();
    const record = await LoginStateModel.create({
      state,
      nonce: random(),
      issuer: tenant.issuer,
      clientId: tenant.clientId,
      tenantId: tenant._id,
      browserKey: random(),
      storageTarget: login.lti_storage_target ?? null,
      storageOrigin: new URL(authEndpoint).origin,
      loginParams: Object.fromEntries(Object.entries(login).filter(([, v]) => typeof v === 'string')),
      frameOrigin: webOrigin(req.get('origin')),
    });
    res.cookie(browserKeyCookie(state), record.browserKey, {
      httpOnly: true,
      secure: config.secureCookies,
      sameSite: config.secureCookies ? 'none' : 'lax',
      maxAge: 10 * 60 * 1000,
      path: '/lti',
    });

    const auth = new URL(authEndpoint);
    const params: Record<string, string> = {
      scope: 'openid',
      response_type: 'id_token',
      response_mode: 'form_post',
      prompt: 'none',
      client_id: tenant.clientId,
      redirect_uri: `${config.baseUrl}/lti/launch`,
      login_hint: login.login_hint,
      state,
      nonce: record.nonce,
      ...(login.lti_message_hint ? { lti_message_hint: login.lti_message_hint } : {}),
    };
    for (const [k, v] of Object.entries(params)) auth.searchParams.set(k, v);

    if (!record.storageTarget) {
      res.redirect(302, auth.toString());
      return;
    }
    // Platform storage (LTI client side postMessages): keep the browser key in the LMS's own
    // window as well, for browsers that refuse the cookie above in an iframe.
    const storage = {
      mode: 'put',
      target: record.storageTarget,
      origin: record.storageOrigin,
      key: `ecap_${state}`,
      value: record.browserKey,
      next: auth.toString(),
    };
    const locale = pageLocale(req, res);
    res.type('html').send(
      page({
        title: pageText(locale, 'connecting'),
        lang: locale,
        body: `<p>${escapeHtml(pageText(locale, 'oneMoment'))}</p>
<script type="application/json" id="lti-storage-request">${escapeJsonForHtml(storage)}</script>
<noscript><p><a class="button" href="${escapeHtml(auth.toString())}">${escapeHtml(pageText(locale, 'continue'))}</a></p></noscript>`,
        script: '/static/lti-storage.js',
      }),
    );
  });
  return router;
}

/** An http(s) origin from a header value, or null ("null", missing or malformed). */
export function webOrigin(value: string | undefined): string | null {
  if (!value || value === 'null') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** JSON inside a script data block: "<" escaped so it can never close the element. */
export function escapeJsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

async function tenantFor(issuer: string, clientId: string | undefined): Promise<Tenant> {
  if (clientId) {
    const tenant = await findTenantByRegistration(issuer, clientId);
    if (!tenant) throw unknownPlatform(issuer, clientId);
    return tenant;
  }
  const tenants = await findTenantsByIssuer(issuer);
  if (tenants.length === 1 && tenants[0]) return tenants[0];
  if (tenants.length === 0) throw unknownPlatform(issuer, undefined);
  throw new LtiError(
    400,
    'ambiguous_platform',
    'ambiguous_platform',
    'login without client_id for an issuer with several registrations',
    { issuer },
  );
}

export function unknownPlatform(issuer: string, clientId: string | undefined): LtiError {
  return new LtiError(
    400,
    'unknown_platform',
    'unknown_platform',
    'login from an unregistered platform',
    { issuer, client_id: clientId ?? '(none sent)' },
  );
}
