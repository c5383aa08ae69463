/**
 * The one error type the job runner throws at its callers. It carries a stable `code`
 * (one of the IPC error codes) so the IPC layer can pass it to the renderer unchanged,
 * and a message written for the person using the app, not for a developer.
 */

import { AppError } from '../errors/app-error';

export type JobErrorCode = 'NOT_FOUND' | 'INVALID_STATE';

export class JobError extends AppError {
  declare readonly code: JobErrorCode;

  constructor(code: JobErrorCode, message: string) {
    super(code, message);
    this.name = 'JobError';
  }
}
