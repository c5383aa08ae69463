/**
 * Each command's options (node:util parseArgs, strict) → a typed request, or a
 * UsageError (exit 2). Error messages name options, never the values typed: a value
 * could be a key pasted in the wrong place, and must not end up in a terminal log.
 */
import { parseArgs } from 'node:util';
import { LANGUAGES, type Language } from '../../shared/model/preferences';
import { EXPORT_CATEGORIES, type ExportCategory } from '../../shared/model/bundle';
import type { CleanupScope } from '../../shared/model/cleanup';
import { parseScopeArg } from '../cleanup';
import { isBundleId } from '../export';
import { AppError } from '../errors/app-error';
import type { AccountChoice } from './cli-account';
import { KEY_VARIABLE } from './cli-account';
import { UsageError, type CliText } from './cli-errors';
import type { MainKey } from '../i18n';
import type { CommandName } from './cli-help';

export interface OutputOptions {
  json: boolean;
  quiet: boolean;
}

export interface InventoryRequest extends OutputOptions {
  command: 'inventory';
  account: AccountChoice;
  ratePerSecond: number;
}

export interface ExportRequest extends OutputOptions {
  command: 'export';
  account: AccountChoice;
  ratePerSecond: number;
  out: string;
  projectIds?: string[];
  categories: ExportCategory[];
  zip: boolean;
  /** The offline viewer's; absent: the bundle's recorded one when resuming, else English. */
  language?: Language;
}

export interface VerifyRequest extends OutputOptions {
  command: 'verify';
  folder: string;
}

export interface CleanupPlanRequest extends OutputOptions {
  command: 'cleanup';
  action: 'plan';
  account: AccountChoice;
  ratePerSecond: number;
  scope: CleanupScope;
  out: string;
}

export interface CleanupRunRequest extends OutputOptions {
  command: 'cleanup';
  action: 'run';
  account: AccountChoice;
  ratePerSecond: number;
  plan: string;
  backup: { kind: 'bundle'; folder: string } | { kind: 'waived' };
  confirm: string;
  /** The receipt's language (default English). */
  language: Language;
}

export type CleanupRequest = CleanupPlanRequest | CleanupRunRequest;
export type CommandRequest = InventoryRequest | ExportRequest | VerifyRequest | CleanupRequest;
export type ParsedCommand = CommandRequest | { command: 'help'; topic: CommandName };

export const DEFAULT_RATE = 10;
const MAX_RATE = 1000;

type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

const OUTPUT: OptionSpec = { json: { type: 'boolean' }, quiet: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } };
const ACCOUNT: OptionSpec = { endpoint: { type: 'string' }, account: { type: 'string' }, rate: { type: 'string' } };

const SPECS: Record<CommandName, OptionSpec> = {
  inventory: { ...ACCOUNT, ...OUTPUT },
  export: {
    ...ACCOUNT,
    ...OUTPUT,
    out: { type: 'string' },
    projects: { type: 'string', multiple: true },
    categories: { type: 'string', multiple: true },
    zip: { type: 'boolean' },
    language: { type: 'string' },
  },
  verify: { ...OUTPUT },
  cleanup: {
    ...ACCOUNT,
    ...OUTPUT,
    scope: { type: 'string' },
    out: { type: 'string' },
    plan: { type: 'string' },
    bundle: { type: 'string' },
    'no-backup': { type: 'boolean' },
    confirm: { type: 'string' },
    language: { type: 'string' },
  },
};

// --key, --training-key, --api-key, --subscription-key…, with or without "=value".
const KEY_OPTION = /^--?[a-z-]*key$/i;

export function parseCommand(command: CommandName, argv: readonly string[]): ParsedCommand {
  refuseKeyOption(argv);
  if (argv.some((arg) => arg === '--help' || arg === '-h')) return { command: 'help', topic: command };
  const values = parse(command, argv);
  const output: OutputOptions = { json: values.flag('json'), quiet: values.flag('quiet') };
  if (command === 'verify') {
    const [folder, ...rest] = values.positionals;
    if (folder === undefined || folder.trim() === '') throw new UsageError({ key: 'usage.verifyFolder' });
    if (rest.length > 0) throw new UsageError({ key: 'usage.verifyOne' });
    return { command, folder, ...output };
  }
  if (command === 'cleanup') return parseCleanup(values, output);
  if (values.positionals.length > 0) {
    throw new UsageError({ key: 'usage.noArguments', params: { command } });
  }
  const { account, ratePerSecond } = accountOf(values);
  if (command === 'inventory') return { command, account, ratePerSecond, ...output };

  const out = values.text('out');
  if (out === undefined || out.trim() === '') throw new UsageError({ key: 'usage.exportOut' });
  const projectIds = parseProjects(values.list('projects'));
  const language = parseLanguage(values.text('language'), 'usage.languageOfViewer');
  return {
    command,
    account,
    ratePerSecond,
    out,
    ...(projectIds === undefined ? {} : { projectIds }),
    categories: parseCategories(values.list('categories')),
    zip: values.flag('zip'),
    ...(language === undefined ? {} : { language }),
    ...output,
  };
}

function accountOf(values: Values): { account: AccountChoice; ratePerSecond: number } {
  const account: AccountChoice = {};
  const endpoint = values.text('endpoint');
  const accountId = values.text('account');
  if (endpoint !== undefined) account.endpoint = endpoint;
  if (accountId !== undefined) account.account = accountId;
  return { account, ratePerSecond: parseRate(values.text('rate')) };
}

/** `cleanup plan --scope S --out FILE` or `cleanup run --plan FILE (--bundle DIR | --no-backup) --confirm TEXT`. */
function parseCleanup(values: Values, output: OutputOptions): CleanupRequest {
  const [action, ...rest] = values.positionals;
  if (action !== 'plan' && action !== 'run') throw new UsageError({ key: 'usage.cleanupAction' });
  if (rest.length > 0) throw new UsageError({ key: 'usage.noArguments', params: { command: `cleanup ${action}` } });
  const { account, ratePerSecond } = accountOf(values);
  const misplaced = (names: string[]) => names.find((name) => (name === 'no-backup' ? values.flag(name) : values.text(name) !== undefined));
  if (action === 'plan') {
    const wrong = misplaced(['plan', 'bundle', 'no-backup', 'confirm', 'language']);
    if (wrong !== undefined) throw new UsageError({ key: 'usage.belongsTo', params: { option: wrong, right: 'cleanup run', wrong: 'cleanup plan' } });
    const scopeText = values.text('scope');
    if (scopeText === undefined || scopeText.trim() === '') throw new UsageError({ key: 'usage.scopeMissing' });
    const out = values.text('out');
    if (out === undefined || out.trim() === '') throw new UsageError({ key: 'usage.planOut' });
    let scope: CleanupScope;
    try {
      scope = parseScopeArg(scopeText.trim());
    } catch (error) {
      if (error instanceof AppError) throw new UsageError(`--scope: ${error.message}`);
      throw error;
    }
    return { command: 'cleanup', action, account, ratePerSecond, scope, out, ...output };
  }
  const wrong = misplaced(['scope', 'out']);
  if (wrong !== undefined) throw new UsageError({ key: 'usage.belongsTo', params: { option: wrong, right: 'cleanup plan', wrong: 'cleanup run' } });
  const plan = values.text('plan');
  if (plan === undefined || plan.trim() === '') throw new UsageError({ key: 'usage.planMissing' });
  const bundle = values.text('bundle');
  const waived = values.flag('no-backup');
  if (bundle !== undefined && waived) throw new UsageError({ key: 'usage.bundleAndNoBackup' });
  if (bundle === undefined && !waived) {
    throw new UsageError({ key: 'usage.backupRequired' });
  }
  if (bundle !== undefined && bundle.trim() === '') throw new UsageError({ key: 'usage.bundleEmpty' });
  const confirm = values.text('confirm');
  if (confirm === undefined) throw new UsageError({ key: 'usage.confirmMissing' });
  const language = parseLanguage(values.text('language'), 'usage.languageOfReceipt') ?? 'en';
  return { command: 'cleanup', action, account, ratePerSecond, plan, backup: bundle === undefined ? { kind: 'waived' } : { kind: 'bundle', folder: bundle }, confirm, language, ...output };
}

export function refuseKeyOption(argv: readonly string[]): void {
  for (const arg of argv) {
    if (arg === '--') return;
    const name = arg.split('=', 1)[0] ?? '';
    if (KEY_OPTION.test(name)) {
      throw new UsageError({ key: 'usage.keyOption', params: { option: name.slice(0, 30), variable: KEY_VARIABLE } });
    }
  }
}

interface Values {
  positionals: string[];
  flag(name: string): boolean;
  text(name: string): string | undefined;
  list(name: string): string[] | undefined;
}

function parse(command: CommandName, argv: readonly string[]): Values {
  const spec = SPECS[command];
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options: spec, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(explainParseError(error, argv, spec));
  }
  const { values } = parsed;
  return {
    positionals: parsed.positionals,
    flag: (name) => values[name] === true,
    text: (name) => {
      const value = values[name];
      return typeof value === 'string' ? value : undefined;
    },
    list: (name) => {
      const value = values[name];
      return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
    },
  };
}

/** parseArgs' own messages may quote values; these name the option only. */
function explainParseError(error: unknown, argv: readonly string[], spec: OptionSpec): CliText {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const unknown = argv.map((arg) => arg.split('=', 1)[0] ?? '').find((name) => name.startsWith('-') && name !== '--' && !isKnown(name, spec));
    const shown: string | CliText = unknown !== undefined && /^--?[A-Za-z0-9][A-Za-z0-9-]{0,40}$/.test(unknown) ? `"${unknown}"` : { key: 'usage.notShown' };
    return { key: 'usage.unknownOption', params: { shown } };
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const missing = argv.findIndex((arg, index) => spec[arg.replace(/^--/, '')]?.type === 'string' && (index === argv.length - 1 || argv[index + 1]?.startsWith('-')));
    if (missing !== -1) {
      const option = argv[missing] ?? 'an option';
      const next = argv[missing + 1];
      const dashed: string | CliText = next !== undefined && !isKnown(next.split('=', 1)[0] ?? '', spec) ? { key: 'usage.dashedValue', params: { option } } : '';
      return { key: 'usage.needsValue', params: { option, dashed } };
    }
    const flag = argv.find((arg) => arg.includes('=') && spec[(arg.split('=', 1)[0] ?? '').replace(/^--/, '')]?.type === 'boolean');
    if (flag !== undefined) return { key: 'usage.takesNoValue', params: { option: flag.split('=', 1)[0] ?? '' } };
    return { key: 'usage.invalidValue' };
  }
  return { key: 'usage.unreadable' };
}

function isKnown(name: string, spec: OptionSpec): boolean {
  if (name.startsWith('--')) return Object.hasOwn(spec, name.slice(2));
  return Object.values(spec).some((option) => option.short !== undefined && name === `-${option.short}`);
}

function parseRate(text: string | undefined): number {
  if (text === undefined) return DEFAULT_RATE;
  const value = Number(text.trim());
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !(value > 0) || value > MAX_RATE) {
    throw new UsageError({ key: 'usage.rate', params: { max: MAX_RATE } });
  }
  return value;
}

/** en or zh-TW, in any letter case; undefined when not given. `what` names what it is the language of. */
function parseLanguage(text: string | undefined, what: MainKey<'cli'>): Language | undefined {
  if (text === undefined) return undefined;
  const wanted = text.trim().toLowerCase();
  const language = LANGUAGES.find((candidate) => candidate.toLowerCase() === wanted);
  if (language === undefined) {
    const shown: CliText = /^[A-Za-z_-]{1,20}$/.test(text.trim()) ? { key: 'usage.languageValue', params: { value: text.trim() } } : { key: 'usage.languageUnknown' };
    throw new UsageError({ key: 'usage.language', params: { languages: { key: 'usage.languageChoices' }, what: { key: what }, shown } });
  }
  return language;
}

/** Comma-separated, repeatable; duplicates dropped; order kept. */
function splitList(values: readonly string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  const items = values.flatMap((value) => value.split(',')).map((item) => item.trim());
  if (items.some((item) => item === '')) return items;
  return [...new Set(items)];
}

function parseProjects(values: readonly string[] | undefined): string[] | undefined {
  const ids = splitList(values);
  if (ids === undefined) return undefined;
  const bad = ids.findIndex((id) => !isBundleId(id));
  if (ids.length === 0 || bad !== -1) {
    throw new UsageError({ key: 'usage.projects', params: { position: String(bad + 1) } });
  }
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

function parseCategories(values: readonly string[] | undefined): ExportCategory[] {
  const words = splitList(values);
  if (words === undefined) return [...EXPORT_CATEGORIES];
  const known = new Set<string>(EXPORT_CATEGORIES);
  const unknown = words.find((word) => !known.has(word.toLowerCase()));
  if (words.length === 0 || unknown !== undefined) {
    const shown: CliText = unknown !== undefined && /^[A-Za-z-]{1,30}$/.test(unknown) ? { key: 'usage.categoryValue', params: { value: unknown } } : { key: 'usage.categoryUnknown' };
    throw new UsageError({ key: 'usage.categories', params: { categories: EXPORT_CATEGORIES.join(', '), shown } });
  }
  // In the engine's order, whatever order they were typed in.
  const chosen = new Set(words.map((word) => word.toLowerCase()));
  return EXPORT_CATEGORIES.filter((category) => chosen.has(category));
}
