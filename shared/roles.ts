/** The tool's own roles; LTI roles map onto these at launch (server/users/roles.ts). */
export const APP_ROLES = ['student', 'teacher', 'admin', 'parent'] as const;
export type AppRole = (typeof APP_ROLES)[number];

/** Interface languages; the launch locale picks one, English otherwise. */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

export function localeFrom(tag: string | undefined | null): Locale {
  const primary = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return primary === 'es' ? 'es' : 'en';
}
