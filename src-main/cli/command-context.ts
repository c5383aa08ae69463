/** What every command is given: output streams, environment, services, Ctrl-C. */
import type { Env } from '../settings/app-data-dir';
import type { CliServices } from './cli-services';
import { ProgressPrinter } from './progress-printer';
import type { Language } from '../../shared/model/preferences';
import type { Translate } from '../i18n';

export interface CommandContext {
  version: string;
  /** Results (stdout). */
  out(text: string): void;
  /** Messages and progress (stderr). */
  err(text: string): void;
  env: Env;
  platform: NodeJS.Platform;
  home: string;
  services: CliServices;
  /** Aborted on Ctrl-C. */
  interrupt?: AbortSignal;
  /** stderr is a terminal. */
  tty: boolean;
  columns?: number;
  /** The command line as typed (after "cv-steward"), for "run the same command again". */
  argv: readonly string[];
  /** Adds a secret (a key read from the keychain) to what is never printed. */
  hide(secret: string): void;
  /** The language of the results (cli-language.ts): --language, else the OS locale. */
  language: Language;
  /** The CLI's catalogue in that language. */
  t: Translate<'cli'>;
}

export function progressPrinter(context: CommandContext, quiet: boolean, unit?: (category: string) => string): ProgressPrinter | null {
  if (quiet) return null;
  return new ProgressPrinter({
    write: context.err,
    tty: context.tty,
    ...(context.columns === undefined ? {} : { columns: context.columns }),
    ...(unit === undefined ? {} : { unit }),
    t: context.t,
  });
}

/** One argument, quoted for a POSIX shell where needed. */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

/** The command line again, quoted for a POSIX shell where needed. */
export function commandLine(argv: readonly string[]): string {
  return ['cv-steward', ...argv.map(shellQuote)].join(' ');
}
