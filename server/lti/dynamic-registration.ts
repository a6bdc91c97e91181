import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { ProviderInstance } from 'ltijs';
import {
  buildDynamicRegistrationRequest,
  platformOpenIdConfigurationSchema,
  toolRegistrationResponseSchema,
} from './tool-manifest';
import { registerPlatform } from './registrations';
import { findTenantByRegistration } from '../tenants/tenant.service';
import { LtiError } from '../http/errors';
import type { LtiMessageKey } from './messages';
import { escapeHtml, page } from '../http/pages';
import { allowFraming } from '../http/security-headers';
import { pageLocale, pageText, type PageString } from '../http/page-strings';
import { log } from '../logger';
import type { AppConfig } from '../config';

const TOOL_CONFIG = 'https://purl.imsglobal.org/spec/lti-tool-configuration';
const PLATFORM_CONFIG = 'https://purl.imsglobal.org/spec/lti-platform-configuration';

const PRODUCT_NAMES: Record<string, string> = { canvas: 'Canvas', moodle: 'Moodle', schoology: 'Schoology', sakai: 'Sakai', brightspace: 'Brightspace', desire2learn: 'Brightspace' };

const startSchema = z.object({
  openid_configuration: z.url({ protocol: /^https?$/ }),
  registration_token: z.string().max(8192).optional(),
});
const confirmSchema = startSchema.extend({
  district_name: z.string().trim().min(1).max(120),
});

const failed = (key: LtiMessageKey, reason: string, details?: Record<string, string>) =>
  new LtiError(400, 'registration_failed', key, reason, details);

async function fetchJson(url: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
  let res: globalThis.Response;
  try {
    res = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(10_000) });
  } catch (err) {
    throw failed('registration_unreachable', `fetch failed: ${String(err)}`, { url });
  }
  const text = await res.text();
  try {
    return { status: res.status, body: text ? JSON.parse(text) : null };
  } catch {
    return { status: res.status, body: text.slice(0, 500) };
  }
}

async function platformConfiguration(url: string, config: AppConfig) {
  if (config.env === 'production' && !url.startsWith('https://')) {
    throw failed('registration_needs_https', 'openid_configuration is not https', { url });
  }
  const { status, body } = await fetchJson(url, { headers: { accept: 'application/json' } });
  const parsed = platformOpenIdConfigurationSchema.safeParse(body);
  if (status !== 200 || !parsed.success) {
    throw failed('registration_unreadable', `openid configuration invalid (HTTP ${status})`, { url });
  }
  return parsed.data;
}

/**
 * LTI Dynamic Registration 1.0: the admin pastes BASE/lti/register into Moodle or Canvas; the tool shows
 * a short confirmation, registers with the platform, and closes the dialog with the spec's postMessage.
 */
export function dynamicRegistrationRouter(lti: ProviderInstance, config: AppConfig): Router {
  const router = Router();

  router.get('/register', async (req: Request, res: Response) => {
    allowFraming(res, '*');
    const start = startSchema.safeParse(req.query);
    if (!start.success) {
      throw failed('registration_start', 'registration start without openid_configuration');
    }
    const platform = await platformConfiguration(start.data.openid_configuration, config);
    const family = platform[PLATFORM_CONFIG]?.product_family_code ?? '';
    const product = PRODUCT_NAMES[family.toLowerCase()] ?? (family || 'LMS');
    // Canvas cloud shares one issuer host between districts: no useful suggestion there.
    const host = new URL(platform.issuer).hostname;
    const suggested = host.endsWith('instructure.com') ? '' : host;
    const locale = pageLocale(req, res);
    const text = (key: PageString, vars?: Record<string, string>) => escapeHtml(pageText(locale, key, vars));
    res.type('html').send(
      page({
        title: pageText(locale, 'registerTitle'),
        lang: locale,
        body: `<p>${text('registerOffer', { product, issuer: platform.issuer })}</p>
<p>${text('registerData')}</p>
<form method="post" action="/lti/register">
<input type="hidden" name="openid_configuration" value="${escapeHtml(start.data.openid_configuration)}">
${start.data.registration_token ? `<input type="hidden" name="registration_token" value="${escapeHtml(start.data.registration_token)}">` : ''}
<label for="district_name">${text('districtName')}</label>
<input id="district_name" name="district_name" required maxlength="120" value="${escapeHtml(suggested)}" aria-describedby="district_name-hint">
<p class="hint" id="district_name-hint">${text('districtNameHint')}</p>
<button type="submit">${text('registerButton')}</button>
</form>`,
      }),
    );
  });

  router.post('/register', async (req: Request, res: Response) => {
    allowFraming(res, '*');
    const input = confirmSchema.safeParse(req.body);
    if (!input.success) throw failed('registration_incomplete', 'registration confirm invalid');
    const platform = await platformConfiguration(input.data.openid_configuration, config);
    const request = buildDynamicRegistrationRequest(config.baseUrl, platform);
    const { status, body } = await fetchJson(platform.registration_endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(input.data.registration_token ? { authorization: `Bearer ${input.data.registration_token}` } : {}),
      },
      body: JSON.stringify(request),
    });
    const answer = toolRegistrationResponseSchema.safeParse(body);
    if (status < 200 || status >= 300 || !answer.success) {
      log.warn('dynamic registration refused by platform', { status, body: JSON.stringify(body).slice(0, 1000) });
      throw failed('registration_refused', `platform answered HTTP ${status}`, {
        issuer: platform.issuer,
      });
    }
    // Never let a registration replace another district's keys and endpoints: the install admin updates those.
    if (await findTenantByRegistration(platform.issuer, answer.data.client_id)) {
      throw new LtiError(409, 'registration_exists', 'registration_exists', 'dynamic registration for an existing issuer and client_id', {
        issuer: platform.issuer,
        client_id: answer.data.client_id,
      });
    }
    const deploymentId = answer.data[TOOL_CONFIG]?.deployment_id;
    const tenant = await registerPlatform(lti, {
      name: input.data.district_name,
      product: platform[PLATFORM_CONFIG]?.product_family_code ?? 'unknown',
      issuer: platform.issuer,
      clientId: answer.data.client_id,
      authEndpoint: platform.authorization_endpoint,
      tokenEndpoint: platform.token_endpoint,
      jwksUrl: platform.jwks_uri,
      ...(typeof platform.authorization_server === 'string' ? { authorizationServer: platform.authorization_server } : {}),
      deployment: deploymentId ? { deploymentId, name: 'Default deployment', source: 'dynamic_registration' } : undefined,
    });
    log.info('platform registered', { issuer: tenant.issuer, clientId: tenant.clientId, tenantId: String(tenant._id) });
    const locale = pageLocale(req, res);
    res.type('html').send(
      page({
        title: pageText(locale, 'registeredTitle'),
        lang: locale,
        body: `<p>${escapeHtml(pageText(locale, 'registeredWith', { issuer: platform.issuer, clientId: answer.data.client_id }))}</p>
<p>${escapeHtml(pageText(locale, 'registeredClose'))}</p>`,
        script: '/static/lti-close.js',
      }),
    );
  });
  return router;
}
