import { timingSafeEqual } from 'node:crypto';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { ProviderInstance } from 'ltijs';
import { manualRegistrationSchema, registerManually } from './registrations';
import { PLATFORM_PRESETS } from './tool-manifest';
import { TenantModel, type Tenant } from '../tenants/tenant.model';
import { presentTenant } from '../tenants/tenant.service';
import { forbidden, unauthenticated } from '../http/errors';
import { input, validate, fieldErrors } from '../http/validate';
import { escapeHtml, page } from '../http/pages';
import { REGISTER_FORM_STRINGS, fieldErrorText, formText, type RegisterFormString } from './admin-registration-strings';
import { localeFrom, type Locale } from '../../shared/roles';
import type { AppConfig } from '../config';

function tokenMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Install-level admin: the person running the tool, holding ADMIN_TOKEN (not a district admin). */
function requireInstallAdmin(config: AppConfig) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const m = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
    if (!m?.[1]) throw unauthenticated('Send the install admin token as a Bearer token.');
    if (!tokenMatches(m[1], config.adminToken)) throw forbidden('The admin token is not valid.');
    next();
  };
}

/** POST/GET /api/admin/registrations: manual platform registration for scripts and support staff. */
export function adminRegistrationApi(lti: ProviderInstance, config: AppConfig): Router {
  const router = Router();
  router.use('/admin', requireInstallAdmin(config));
  router.get('/admin/registrations', async (_req, res) => {
    const tenants = await TenantModel.find().sort({ createdAt: 1 }).lean<Tenant[]>().exec();
    res.json({ registrations: tenants.map(presentTenant) });
  });
  router.post('/admin/registrations', validate('body', manualRegistrationSchema), async (req, res) => {
    const tenant = await registerManually(lti, input(req, 'body', manualRegistrationSchema));
    res.status(201).json(presentTenant(tenant));
  });
  return router;
}

type Preset = keyof typeof PLATFORM_PRESETS;
const URL_FIELDS = ['issuer', 'authEndpoint', 'tokenEndpoint', 'jwksUrl'] as const;
const FIELDS = ['issuer', 'clientId', 'deploymentId', 'authEndpoint', 'tokenEndpoint', 'jwksUrl'] as const;

/** ?lang= (the form's language link, kept through the POST) wins over the browser's Accept-Language. */
function formLocale(req: Request): Locale {
  const asked = typeof req.query.lang === 'string' ? req.query.lang : undefined;
  return localeFrom(asked ?? req.get('accept-language')?.split(',')[0]);
}

/** A sentence of the form with HTML values (already escaped) in its {placeholders}. */
function formHtml(locale: Locale, key: RegisterFormString, htmlVars: Record<string, string>): string {
  return escapeHtml(REGISTER_FORM_STRINGS[key][locale]).replace(/\{(\w+)\}/g, (_, name: string) => htmlVars[name] ?? '');
}

function formPage(locale: Locale, values: Record<string, string>, errors: Record<string, string> = {}): string {
  const t = (key: RegisterFormString) => escapeHtml(formText(locale, key));
  const err = (k: string) => (errors[k] ? `<p class="error" id="${k}-error">${escapeHtml(errors[k])}</p>` : '');
  const field = (k: 'name' | 'adminToken' | (typeof FIELDS)[number], hint = '') =>
    `<label for="${k}">${t(k)}</label>
<input id="${k}" name="${k}"${k === 'adminToken' ? ' type="password" autocomplete="off"' : ` value="${escapeHtml(values[k] ?? '')}"`}${errors[k] ? ` aria-invalid="true" aria-describedby="${k}-error"` : ''}>${hint ? `<p class="hint">${escapeHtml(hint)}</p>` : ''}${err(k)}`;
  const presetOptions = Object.entries(PLATFORM_PRESETS)
    .map(([key, p]) => `<option value="${escapeHtml(key)}"${values.preset === key ? ' selected' : ''}>${escapeHtml(p.label)}</option>`)
    .join('');
  const other: Locale = locale === 'es' ? 'en' : 'es';
  const presetHint = (k: string) => ((URL_FIELDS as readonly string[]).includes(k) ? formText(locale, 'presetFills') : '');
  return page({
    title: formText(locale, 'title'),
    lang: locale,
    body: `<p><a href="/admin/register?lang=${other}" lang="${other}">${t('otherLanguage')}</a></p>
<p>${t('intro')}</p>
${Object.keys(errors).length ? `<p class="error" role="alert">${t('errorSummary')}</p>` : ''}
<form method="post" action="/admin/register?lang=${locale}" novalidate>
<label for="preset">${t('lms')}</label>
<select id="preset" name="preset"><option value="">${t('otherLms')}</option>${presetOptions}</select>
${field('name')}
${FIELDS.map((k) => field(k, presetHint(k))).join('\n')}
${field('adminToken', formText(locale, 'adminTokenHint'))}
<button type="submit">${t('submit')}</button>
</form>`,
  });
}

function registeredPage(locale: Locale, tenant: Tenant): string {
  const code = (v: string) => `<code>${escapeHtml(v)}</code>`;
  const deployments = tenant.deployments.map((d) => code(d.deploymentId)).join(', ') || escapeHtml(formText(locale, 'noDeployments'));
  return page({
    title: formText(locale, 'registeredTitle'),
    lang: locale,
    body: `<p>${formHtml(locale, 'registeredBody', { name: `<strong>${escapeHtml(tenant.settings.name)}</strong>`, issuer: code(tenant.issuer), clientId: code(tenant.clientId) })}</p>
<p>${escapeHtml(formText(locale, 'deployments'))} ${deployments}</p>
<p>${escapeHtml(formText(locale, 'canLaunch'))}</p>`,
  });
}

/** GET/POST /admin/register: the one form a Schoology (or any) admin fills in, in English or Spanish. */
export function adminRegistrationForm(lti: ProviderInstance, config: AppConfig): Router {
  const router = Router();
  router.get('/register', (req, res) => {
    res.type('html').send(formPage(formLocale(req), {}));
  });
  router.post('/register', express.urlencoded({ extended: false, limit: '32kb' }), async (req, res) => {
    const locale = formLocale(req);
    const raw = Object.fromEntries(Object.entries((req.body ?? {}) as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : '']));
    if (!tokenMatches(raw.adminToken ?? '', config.adminToken)) {
      res.status(403).type('html').send(formPage(locale, raw, { adminToken: formText(locale, 'tokenInvalid') }));
      return;
    }
    const presetKey = raw.preset && raw.preset in PLATFORM_PRESETS ? (raw.preset as Preset) : null;
    const preset = presetKey ? PLATFORM_PRESETS[presetKey] : null;
    const candidate = {
      ...raw,
      product: presetKey === 'schoology' ? 'schoology' : presetKey?.startsWith('canvas') ? 'canvas' : 'other',
      issuer: raw.issuer || preset?.issuer,
      authEndpoint: raw.authEndpoint || preset?.authEndpoint,
      tokenEndpoint: raw.tokenEndpoint || preset?.tokenEndpoint,
      jwksUrl: raw.jwksUrl || preset?.jwksUrl,
    };
    const parsed = manualRegistrationSchema.safeParse(candidate);
    if (!parsed.success) {
      const errors = Object.fromEntries(Object.keys(fieldErrors(parsed.error)).map((k) => [k, fieldErrorText(locale, k)]));
      res.status(400).type('html').send(formPage(locale, raw, errors));
      return;
    }
    const tenant = await registerManually(lti, parsed.data);
    res.type('html').send(registeredPage(locale, tenant));
  });
  return router;
}
