/** A day as people read it in the UI's language ("Nov 25, 2026" / "25 nov 2026"). */
export function formatDay(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', { dateStyle: 'medium' }).format(new Date(iso));
}
