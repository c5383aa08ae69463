/**
 * `cv-steward`: which command, its options, and how the outcome becomes an exit code
 * (0 done, 1 failed or incomplete, 2 usage error). Separate from process wiring
 * (cv-steward.ts) so it runs in unit tests with injected io and services.
 */
import type { Env } from '../settings/app-data-dir';
import { parseCommand, refuseKeyOption, type CommandRequest } from './cli-args';
import { describeError, EXIT, exitCodeFor, messageFor, UsageError } from './cli-errors';
import { COMMANDS, commandUsage, mainUsage, type CommandName } from './cli-help';
import { KEY_VARIABLE } from './cli-account';
import { defaultServices, type CliServices } from './cli-services';
import type { CommandContext } from './command-context';
import { cleanupCommand } from './cleanup-command';
import { exportCommand } from './export-command';
import { inventoryCommand } from './inventory-command';
import { verifyCommand } from './verify-command';
import { cliLanguage, cliTranslator, typedLanguage } from './cli-language';
import type { Translate } from '../i18n';

export { EXIT } from './cli-errors';

export interface CliIo {
  version: string;
  out: (text: string) => void;
  err: (text: string) => void;
  /** The environment (the key variable, data folder overrides). Default: empty. */
  env?: Env;
  platform?: NodeJS.Platform;
  /** The user's home folder (where the app's data folder is). */
  home?: string;
  /** stderr is a terminal: progress may redraw its line in place. */
  tty?: boolean;
  columns?: number;
  /** Aborted on Ctrl-C: the running job is cancelled cleanly. */
  interrupt?: AbortSignal;
}

export function usage(): string {
  return mainUsage();
}

export async function runCli(argv: string[], io: CliIo, services: CliServices = defaultServices()): Promise<number> {
  // Defence in depth: whatever a server, a runtime or a bug echoes, the key is never printed.
  const secrets = new Set<string>();
  const envKey = io.env?.[KEY_VARIABLE]?.trim();
  if (envKey) secrets.add(envKey);
  const redact = (text: string) => {
    let clean = text;
    for (const secret of secrets) if (secret.length >= 8) clean = clean.split(secret).join('[key hidden]');
    return clean;
  };
  const out = (text: string) => io.out(redact(text));
  const err = (text: string) => io.err(redact(text));

  const [first, ...rest] = argv;
  // Help and usage errors come before the command's options are read: a typed --language, else the locale.
  const early = cliTranslator(cliLanguage(typedLanguage(argv), io.env ?? {}));
  try {
    refuseKeyOption(argv);
  } catch (error) {
    return fail(error, { err, out, t: early }, undefined, false);
  }
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    out(topic !== undefined && isCommand(topic) ? commandUsage(topic, early) : mainUsage(early));
    return first === undefined ? EXIT.usage : EXIT.done;
  }
  if (first === '--version' || first === '-v') {
    out(`${io.version}\n`);
    return EXIT.done;
  }
  if (isCommand(first)) {
    let request: CommandRequest;
    try {
      const parsed = parseCommand(first, rest);
      if (parsed.command === 'help') {
        out(commandUsage(parsed.topic, early));
        return EXIT.done;
      }
      request = parsed;
    } catch (error) {
      return fail(error, { err, out, t: early }, first, false);
    }
    // Only a --language the user typed overrides the locale ("cleanup run" fills in English when none is given).
    const typed = rest.some((arg) => arg === '--language' || arg.startsWith('--language='));
    const language = cliLanguage(typed && 'language' in request ? request.language : undefined, io.env ?? {});
    const context: CommandContext = {
      version: io.version,
      out,
      err,
      env: io.env ?? {},
      platform: io.platform ?? process.platform,
      home: io.home ?? '',
      services,
      ...(io.interrupt ? { interrupt: io.interrupt } : {}),
      tty: io.tty === true,
      ...(io.columns === undefined ? {} : { columns: io.columns }),
      argv,
      hide: (secret) => secrets.add(secret),
      language,
      t: cliTranslator(language),
    };
    try {
      if (request.command === 'inventory') return await inventoryCommand(context, request);
      if (request.command === 'export') return await exportCommand(context, request);
      if (request.command === 'cleanup') return await cleanupCommand(context, request);
      return await verifyCommand(context, request);
    } catch (error) {
      return fail(error, { err, out, t: context.t }, first, request.json);
    }
  }
  if (first.startsWith('-')) {
    err(`cv-steward: ${early('usage.commandFirst')}\n`);
    return EXIT.usage;
  }
  // Echoed only when it looks like a word: a key typed in the wrong place is not printed.
  const shown = /^[A-Za-z][A-Za-z-]{0,30}$/.test(first) ? ` "${first}"` : '';
  err(`cv-steward: ${early('usage.unknownCommand', { shown })}\n`);
  return EXIT.usage;
}

function isCommand(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

interface FailureOutput {
  err: (text: string) => void;
  out: (text: string) => void;
  /** The CLI's catalogue in the reader's language. */
  t: Translate<'cli'>;
}

function fail(error: unknown, { err, out, t }: FailureOutput, command: CommandName | undefined, json: boolean): number {
  const { code, message } = describeError(error);
  const help = command === undefined ? 'cv-steward --help' : `cv-steward ${command} --help`;
  err(`cv-steward: ${messageFor(error, t)}\n${error instanceof UsageError ? `${t('usage.seeHelp', { help })}\n` : ''}`);
  if (json) out(`${JSON.stringify({ command, ok: false, error: { code, message } })}\n`);
  return exitCodeFor(error);
}
