import type { BrowserResponse } from '../support/test-browser';

/** Session token and `view` from a launch's redirect to the app (`/app/?tn=..#t=<token>&view=activity:<id>`). */
export function appRedirect(res: BrowserResponse): { token: string | null; view: string | null } {
  if (res.status !== 303) return { token: null, view: null };
  const location = res.headers.get('location') ?? '';
  const fragment = new URLSearchParams(location.split('#')[1] ?? '');
  return { token: fragment.get('t'), view: fragment.get('view') };
}
