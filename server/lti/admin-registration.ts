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
const FIELDS = [
  ['issuer', 'Issuer (platform ID)'],
  ['clientId', 'Client ID'],
  ['deploymentId', 'Deployment ID'],
  ['authEndpoint', 'OIDC authorization URL'],
  ['tokenEndpoint', 'Access token URL'],
  ['jwksUrl', 'Public keyset (JWKS) URL'],
] as const;

function formPage(values: Record<string, string>, errors: Record<string, string[]> = {}, notice = ''): string {
  const err = (k: string) => (errors[k] ? `<p class="error" id="${k}-error">${escapeHtml(errors[k].join(' '))}</p>` : '');
  const field = (k: string, label: string, hint = '') =>
    `<label for="${k}">${escapeHtml(label)}</label>
<input id="${k}" name="${k}" value="${escapeHtml(values[k] ?? '')}"${errors[k] ? ` aria-invalid="true" aria-describedby="${k}-error"` : ''}>${hint ? `<p class="hint">${escapeHtml(hint)}</p>` : ''}${err(k)}`;
  const presetOptions = Object.entries(PLATFORM_PRESETS)
    .map(([key, p]) => `<option value="${escapeHtml(key)}"${values.preset === key ? ' selected' : ''}>${escapeHtml(p.label)}</option>`)
    .join('');
  return page({
    title: 'Register an LMS by hand',
    body: `${notice}
<p>For Schoology, and for LMSs without dynamic registration. Choose your LMS, paste the values it shows you, and register.
For Schoology only the client ID and deployment ID are needed: its platform addresses are filled in for you.</p>
<form method="post" action="/admin/register" novalidate>
<label for="preset">LMS</label>
<select id="preset" name="preset"><option value="">Other (enter every value)</option>${presetOptions}</select>
${field('name', 'District name')}
${FIELDS.map(([k, label]) => field(k, label, k === 'issuer' || k.endsWith('Endpoint') || k === 'jwksUrl' ? 'Leave empty when you chose Schoology or Canvas above.' : '')).join('\n')}
${field('adminToken', 'Install admin token', 'From the ADMIN_TOKEN setting, or .data/admin-token.secret on a default install.')}
${err('_')}
<button type="submit">Register</button>
</form>`,
  });
}

/** GET/POST /admin/register: the one form a Schoology (or any) admin fills in. */
export function adminRegistrationForm(lti: ProviderInstance, config: AppConfig): Router {
  const router = Router();
  router.get('/register', (_req, res) => {
    res.type('html').send(formPage({}));
  });
  router.post('/register', express.urlencoded({ extended: false, limit: '32kb' }), async (req, res) => {
    const raw = Object.fromEntries(Object.entries((req.body ?? {}) as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : '']));
    if (!tokenMatches(raw.adminToken ?? '', config.adminToken)) {
      res.status(403).type('html').send(formPage(raw, { adminToken: ['The install admin token is not valid.'] }));
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
      res.status(400).type('html').send(formPage(raw, fieldErrors(parsed.error)));
      return;
    }
    const tenant = await registerManually(lti, parsed.data);
    res.type('html').send(
      page({
        title: 'LMS registered',
        body: `<p><strong>${escapeHtml(tenant.settings.name)}</strong> is registered (issuer <code>${escapeHtml(tenant.issuer)}</code>, client ID <code>${escapeHtml(tenant.clientId)}</code>).</p>
<p>Deployments: ${tenant.deployments.map((d) => `<code>${escapeHtml(d.deploymentId)}</code>`).join(', ') || 'none yet: add them in District settings or here again.'}</p>
<p>Teachers and students can now open ECAP Planner from the LMS.</p>`,
      }),
    );
  });
  return router;
}
