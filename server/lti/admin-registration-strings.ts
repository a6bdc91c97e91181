import type { Locale } from '../../shared/roles';

/** Words of the manual registration form (/admin/register), in English and Spanish. */
export const REGISTER_FORM_STRINGS = {
  title: { en: 'Register an LMS by hand', es: 'Registrar un LMS a mano' },
  intro: {
    en: 'For Schoology, and for LMSs without dynamic registration. Choose your LMS, paste the values it shows you, and register. For Schoology only the client ID and deployment ID are needed: its platform addresses are filled in for you.',
    es: 'Para Schoology y para los LMS sin registro dinámico. Elige tu LMS, pega los valores que te muestra y registra. Para Schoology solo hacen falta el ID de cliente y el ID de implementación: sus direcciones se completan solas.',
  },
  otherLanguage: { en: 'Español', es: 'English' },
  lms: { en: 'LMS', es: 'LMS' },
  otherLms: { en: 'Other (enter every value)', es: 'Otro (escribe todos los valores)' },
  name: { en: 'District name', es: 'Nombre del distrito' },
  issuer: { en: 'Issuer (platform ID)', es: 'Emisor (ID de la plataforma)' },
  clientId: { en: 'Client ID', es: 'ID de cliente' },
  deploymentId: { en: 'Deployment ID', es: 'ID de implementación' },
  authEndpoint: { en: 'OIDC authorization URL', es: 'URL de autorización OIDC' },
  tokenEndpoint: { en: 'Access token URL', es: 'URL del token de acceso' },
  jwksUrl: { en: 'Public keyset (JWKS) URL', es: 'URL del conjunto de claves públicas (JWKS)' },
  adminToken: { en: 'Install admin token', es: 'Token de administrador de la instalación' },
  presetFills: {
    en: 'Leave empty when you chose Schoology or Canvas above.',
    es: 'Déjalo vacío si elegiste Schoology o Canvas arriba.',
  },
  adminTokenHint: {
    en: 'From the ADMIN_TOKEN setting, or .data/admin-token.secret on a default install.',
    es: 'Del ajuste ADMIN_TOKEN, o de .data/admin-token.secret en una instalación por defecto.',
  },
  submit: { en: 'Register', es: 'Registrar' },
  errorSummary: { en: 'Check the fields marked below.', es: 'Revisa los campos marcados abajo.' },
  tokenInvalid: { en: 'The install admin token is not valid.', es: 'El token de administrador de la instalación no es válido.' },
  nameInvalid: { en: 'Enter the district name (at most 120 characters).', es: 'Escribe el nombre del distrito (120 caracteres como máximo).' },
  clientIdInvalid: { en: 'Enter the client ID (at most 255 characters).', es: 'Escribe el ID de cliente (255 caracteres como máximo).' },
  deploymentIdInvalid: { en: 'Use at most 255 characters.', es: 'Usa 255 caracteres como máximo.' },
  urlInvalid: { en: 'Enter a full http(s) address.', es: 'Escribe una dirección completa http(s).' },
  registeredTitle: { en: 'LMS registered', es: 'LMS registrado' },
  registeredBody: {
    en: '{name} is registered (issuer {issuer}, client ID {clientId}).',
    es: '{name} quedó registrado (emisor {issuer}, ID de cliente {clientId}).',
  },
  deployments: { en: 'Deployments:', es: 'Implementaciones:' },
  noDeployments: {
    en: 'none yet: add them in District settings or here again.',
    es: 'ninguna todavía: agrégalas en la configuración del distrito o aquí de nuevo.',
  },
  canLaunch: {
    en: 'Teachers and students can now open ECAP Planner from the LMS.',
    es: 'Docentes y estudiantes ya pueden abrir ECAP Planner desde el LMS.',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type RegisterFormString = keyof typeof REGISTER_FORM_STRINGS;

export function formText(locale: Locale, key: RegisterFormString, vars: Record<string, string> = {}): string {
  return REGISTER_FORM_STRINGS[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '');
}

/** The message shown next to a field the registration schema refused, in the form's language. */
export function fieldErrorText(locale: Locale, field: string): string {
  if (field === 'name') return formText(locale, 'nameInvalid');
  if (field === 'clientId') return formText(locale, 'clientIdInvalid');
  if (field === 'deploymentId') return formText(locale, 'deploymentIdInvalid');
  return formText(locale, 'urlInvalid');
}
