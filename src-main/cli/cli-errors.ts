/**
 * How a failure becomes an exit code and a message. A UsageError means the command line
 * itself was wrong (exit 2, with a pointer to --help); any other AppError is a failure the
 * user can read (exit 1); anything else is a bug, reported without its internals.
 */
import { AppError } from '../errors/app-error';
import type { MainKey, Translate } from '../i18n';
import { cliTranslator } from './cli-language';

export const EXIT = { done: 0, failed: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A sentence of the CLI's catalogue with its values; a value may itself be such a sentence (a clause said in the same language). */
export interface CliText {
  key: MainKey<'cli'>;
  params?: Record<string, string | number | CliText>;
}

export function sayCliText(text: CliText, t: Translate<'cli'>): string {
  const params = Object.fromEntries(Object.entries(text.params ?? {}).map(([name, value]) => [name, typeof value === 'object' ? sayCliText(value, t) : value]));
  return t(text.key, params);
}

export class UsageError extends AppError {
  /** The message as a catalogue sentence, said in the reader's language; `message` is its English (what --json and logs carry). */
  readonly text: CliText | undefined;

  constructor(message: string | CliText) {
    super('USAGE', typeof message === 'string' ? message : sayCliText(message, cliTranslator('en')));
    this.name = 'UsageError';
    this.text = typeof message === 'string' ? undefined : message;
  }
}

/** What a person reads for `error` in their language: a usage error's own sentence, else the error's message. */
export function messageFor(error: unknown, t: Translate<'cli'>): string {
  if (error instanceof UsageError && error.text !== undefined) return sayCliText(error.text, t);
  return describeError(error).message;
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
