/**
 * How a failure becomes an exit code and a message. A UsageError means the command line
 * itself was wrong (exit 2, with a pointer to --help); any other AppError is a failure the
 * user can read (exit 1); anything else is a bug, reported without its internals.
 */
import { AppError } from '../ipc/app-error';

export const EXIT = { done: 0, failed: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class UsageError extends AppError {
  constructor(message: string) {
    super('USAGE', message);
    this.name = 'UsageError';
  }
}

export function exitCodeFor(error: unknown): ExitCode {
  return error instanceof UsageError ? EXIT.usage : EXIT.failed;
}

/** The code and text a person (or a script reading --json) is shown for `error`. */
export function describeError(error: unknown): { code: string; message: string } {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  // Not written for users: name the kind of failure, not a stack or internal state.
  const detail = error instanceof Error && error.message !== '' ? `: ${error.message.split('\n')[0] ?? ''}` : '';
  return { code: 'INTERNAL', message: `An unexpected error occurred${detail.slice(0, 300)}. Please report it.` };
}
