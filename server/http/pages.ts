import { pageText } from './page-strings';
import type { Locale } from '../../shared/roles';

/** Small server-rendered pages for the moments before the client app exists (errors, registration). */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface PageOptions {
  title: string;
  /** Trusted HTML for the body; escape every value that came from a request. */
  body: string;
  lang?: string;
  /** Path of a same-origin script (the CSP allows no inline scripts). */
  script?: string;
}

export function page({ title, body, lang = 'en', script }: PageOptions): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · ECAP Planner</title>
<link rel="stylesheet" href="/static/pages.css">
</head>
<body>
<main class="card">
<h1>${escapeHtml(title)}</h1>
${body}
</main>
${script ? `<script src="${escapeHtml(script)}"></script>` : ''}
</body>
</html>`;
}

export function errorPage(opts: { title: string; message: string; referenceId: string; locale: Locale; details?: Record<string, string> }): string {
  const details = Object.entries(opts.details ?? {})
    .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd><code>${escapeHtml(v)}</code></dd>`)
    .join('');
  const ref = escapeHtml(pageText(opts.locale, 'reference', { ref: '\u0000' })).replace('\u0000', `<code>${escapeHtml(opts.referenceId)}</code>`);
  return page({
    title: opts.title,
    lang: opts.locale,
    body: `<p>${escapeHtml(opts.message)}</p>
${details ? `<details><summary>${escapeHtml(pageText(opts.locale, 'detailsForAdmin'))}</summary><dl>${details}</dl></details>` : ''}
<p class="ref">${ref}</p>`,
  });
}
