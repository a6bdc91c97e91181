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
 * A refused LTI launch or registration step: shown as a friendly page with a reference id,
 * logged with `reason` (never shown to the browser).
 */
export class LtiError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    /** What the person in front of the LMS should read. */
    readonly userMessage: string,
    /** What the log gets: the precise check that failed. */
    readonly reason: string,
    readonly details?: Record<string, string>,
  ) {
    super(reason);
  }
}
