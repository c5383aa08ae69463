/**
 * An error whose code and message are fit to show a user. Services throw these for
 * expected failures (unknown job, wrong key, …); anything else is treated as a bug and
 * reported as INTERNAL without leaking its internals.
 */
export class AppError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
}

/**
 * Errors whose code and message were written for users: AppError and its subclasses.
 * Anything else (a TypeError, Node's ENOENT, …) is a bug or an unmapped failure and is
 * reported as INTERNAL, so raw internals never reach the page.
 */
export function isUserFacingError(error: unknown): error is AppError {
  return error instanceof AppError;
}
