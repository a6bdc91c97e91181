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

export function errorPage(opts: { title: string; message: string; referenceId: string; details?: Record<string, string> }): string {
  const details = Object.entries(opts.details ?? {})
    .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd><code>${escapeHtml(v)}</code></dd>`)
    .join('');
  return page({
    title: opts.title,
    body: `<p>${escapeHtml(opts.message)}</p>
${details ? `<dl>${details}</dl>` : ''}
<p class="ref">Reference: <code>${escapeHtml(opts.referenceId)}</code>. Give this reference to your district's ECAP Planner administrator if the problem continues.</p>`,
  });
}
