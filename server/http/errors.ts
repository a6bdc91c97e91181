import type { LtiMessageKey } from '../lti/messages';

/** Typed errors with an HTTP status and a stable snake_case id; the error handler turns them into responses. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, fields?: Record<string, string[]>) =>
  new AppError(400, 'validation_error', message, fields);
export const unauthenticated = (message = 'Your session has ended. Open ECAP Planner again from your course.') =>
  new AppError(401, 'unauthenticated', message);
export const forbidden = (message = 'You are not allowed to do that.') => new AppError(403, 'forbidden', message);
export const notFound = (message = 'Not found.') => new AppError(404, 'not_found', message);
export const conflict = (message: string) => new AppError(409, 'conflict', message);

/**
 * A refused LTI launch or registration step: shown as a friendly page (English or Spanish) with a
 * reference id, logged with `id` and `reason` (never shown to the browser).
 */
export class LtiError extends Error {
  constructor(
    readonly status: number,
    /** Stable id of the failed check, for logs and tests. */
    readonly id: string,
    /** What the person in front of the LMS reads (server/lti/messages.ts). */
    readonly messageKey: LtiMessageKey,
    /** What the log gets: the precise check that failed. */
    readonly reason: string,
    /** Values an administrator needs (issuer, client_id, deployment_id), shown under the message. */
    readonly details?: Record<string, string>,
  ) {
    super(reason);
  }
}
export const payloadTooLarge = (message: string) => new AppError(413, 'payload_too_large', message);
export const unsupportedMediaType = (message: string) => new AppError(415, 'unsupported_media_type', message);
