import type { NextFunction, Request, Response } from 'express';

/**
 * Content-Security-Policy with the given frame-ancestors and form targets; no inline scripts anywhere.
 * Forms may post to the LMS (the Deep Linking response goes to the platform's return URL).
 */
export function contentSecurityPolicy(frameAncestors: readonly string[], formTargets: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    `form-action ${["'self'", ...formTargets].join(' ')}`,
    "base-uri 'none'",
    "object-src 'none'",
    `frame-ancestors ${frameAncestors.length ? frameAncestors.join(' ') : "'none'"}`,
  ].join('; ');
}

/** Default headers: only this origin may frame a page until a route knows the tenant's LMS origins. */
export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.set({
    'Content-Security-Policy': contentSecurityPolicy(["'self'"]),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Cross-Origin-Opener-Policy': 'unsafe-none',
  });
  next();
}

/** Lets the given LMS origins frame this response (launch pages, the app shell of a tenant) and receive its forms. */
export function allowFraming(res: Response, origins: readonly string[] | '*'): void {
  res.set(
    'Content-Security-Policy',
    origins === '*' ? contentSecurityPolicy(['*']) : contentSecurityPolicy(["'self'", ...origins], origins),
  );
}
