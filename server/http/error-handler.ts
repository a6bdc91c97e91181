import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import mongoose from 'mongoose';
import { AppError, LtiError } from './errors';
import { errorPage } from './pages';
import { log } from '../logger';
import { pageLocale, pageText } from './page-strings';
import { LTI_MESSAGES } from '../lti/messages';

const referenceId = () => randomBytes(5).toString('hex').toUpperCase();
const wantsJson = (req: Request) => req.originalUrl.startsWith('/api/') || (req.get('accept') ?? '').startsWith('application/json');

interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

/** The one place errors become responses: JSON for the API, a friendly page for LTI and forms. */
export function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  const ref = referenceId();
  if (res.headersSent) {
    log.error('error after response started', { ref, path: req.path, err: String(err) });
    return;
  }
  if (err instanceof LtiError) {
    // ltijs's helmet may have set isolation headers that would stop the page working in the LMS frame.
    for (const h of ['Cross-Origin-Embedder-Policy', 'Cross-Origin-Opener-Policy', 'Cross-Origin-Resource-Policy']) res.removeHeader(h);
    log.warn('lti refused', { ref, id: err.id, reason: err.reason, path: req.path, ...err.details });
    const locale = pageLocale(req, res);
    res.status(err.status).type('html').send(
      errorPage({
        title: pageText(locale, err.status >= 500 ? 'somethingWrong' : 'couldNotOpen'),
        message: LTI_MESSAGES[err.messageKey][locale],
        referenceId: ref,
        details: err.details,
        locale,
      }),
    );
    return;
  }
  const known = classify(err);
  if (known.status >= 500) log.error('unhandled error', { ref, path: req.path, err: err instanceof Error ? err.stack : String(err) });
  else log.info('request refused', { ref, path: req.path, status: known.status, error: known.error });
  if (wantsJson(req)) {
    res.status(known.status).json({ error: known.error, message: known.message, ...(known.fields ? { fields: known.fields } : {}), referenceId: ref });
    return;
  }
  const locale = pageLocale(req, res);
  res
    .status(known.status)
    .type('html')
    .send(errorPage({ title: pageText(locale, known.status >= 500 ? 'somethingWrong' : 'requestRefused'), message: known.message, referenceId: ref, locale }));
}

function classify(err: unknown): { status: number; error: string; message: string; fields?: Record<string, string[]> } {
  if (err instanceof AppError) return { status: err.status, error: err.id, message: err.message, fields: err.fields };
  if (err instanceof mongoose.Error.ValidationError) {
    const fields = Object.fromEntries(Object.entries(err.errors).map(([k, v]) => [k, [v.message]]));
    return { status: 400, error: 'validation_error', message: 'The request is not valid.', fields };
  }
  if (err instanceof mongoose.Error.CastError) return { status: 400, error: 'validation_error', message: `Invalid value for ${err.path}.` };
  if (typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000) {
    return { status: 409, error: 'conflict', message: 'That already exists.' };
  }
  const h = err as HttpishError;
  const status = h?.status ?? h?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (h.type === 'entity.too.large') return { status: 413, error: 'payload_too_large', message: 'The request is too large.' };
    if (h.type === 'entity.parse.failed') return { status: 400, error: 'malformed_body', message: 'The request body is not valid JSON.' };
    return { status, error: 'bad_request', message: 'The request was not accepted.' };
  }
  return { status: 500, error: 'internal_error', message: 'Something went wrong on our side. Please try again.' };
}

export function notFoundHandler(req: Request, res: Response): void {
  if (wantsJson(req)) {
    res.status(404).json({ error: 'not_found', message: 'No such endpoint.' });
    return;
  }
  const locale = pageLocale(req, res);
  res
    .status(404)
    .type('html')
    .send(errorPage({ title: pageText(locale, 'pageNotFound'), message: pageText(locale, 'nothingHere'), referenceId: referenceId(), locale }));
}
