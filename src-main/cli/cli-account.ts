/**
 * Which account a command works on: `--endpoint URL` with the key in the environment
 * variable CV_STEWARD_TRAINING_KEY, or `--account ID`, an account the desktop app saved
 * (endpoint from its settings file, key from the OS keychain). The key is never taken
 * from the command line: arguments end up in shell history and in process lists other
 * users can read. No message here quotes what was typed for --account, or an endpoint
 * that looks like a key, in case a key was pasted there by mistake.
 */
import { isCustomVisionError, normalizeEndpoint, type NormalizedEndpoint, type TrainingClient } from '../customvision';
// The module itself, not src-main/accounts/index.ts: that also exports the demo account,
// which would bundle the whole emulator into the command line.
import { createAccounts } from '../accounts/create-accounts';
import type { AccountsService } from '../accounts/accounts-service';
import { AppError } from '../errors/app-error';
import { keyFingerprint } from '../secrets';
import { appDataDir, DATA_DIR_VARIABLE, keychainService, type Env } from '../settings/app-data-dir';
import type { CliServices } from './cli-services';
import { UsageError } from './cli-errors';
import { printable } from './format';

export const KEY_VARIABLE = 'CV_STEWARD_TRAINING_KEY';

export interface AccountChoice {
  endpoint?: string;
  account?: string;
}

export interface ResolvedAccount {
  accountId: string;
  displayName: string;
  endpoint: NormalizedEndpoint;
  key: string;
  keyFingerprint: string;
  /** Where the key came from, for messages ("the key in CV_STEWARD_TRAINING_KEY"). */
  keySource: string;
}

export interface AccountContext {
  env: Env;
  platform: NodeJS.Platform;
  home: string;
  services: CliServices;
  warn: (message: string) => void;
}

// An Azure training key is 32 hex digits; an "endpoint" like that is a key pasted in the wrong place.
const LOOKS_LIKE_KEY = /^[0-9a-f]{32}$/i;

export async function resolveAccount(choice: AccountChoice, context: AccountContext): Promise<ResolvedAccount> {
  if (choice.endpoint !== undefined && choice.account !== undefined) {
    throw new UsageError({ key: 'account.endpointAndAccount' });
  }
  if (choice.endpoint !== undefined) return fromEndpoint(choice.endpoint, context.env);
  if (choice.account !== undefined) return fromSavedAccount(choice.account, context);
  throw new UsageError({ key: 'account.accountMissing', params: { variable: KEY_VARIABLE } });
}

function fromEndpoint(input: string, env: Env): ResolvedAccount {
  if (LOOKS_LIKE_KEY.test(input.trim())) {
    throw new UsageError({ key: 'account.looksLikeKey', params: { variable: KEY_VARIABLE } });
  }
  let endpoint: NormalizedEndpoint;
  try {
    endpoint = normalizeEndpoint(input);
  } catch (error) {
    // normalizeEndpoint's message already says what to paste instead.
    if (error instanceof AppError) throw new UsageError(`--endpoint: ${error.message}`);
    throw error;
  }
  const key = env[KEY_VARIABLE]?.trim() ?? '';
  if (key === '') {
    throw new UsageError({ key: 'account.keyNotSet', params: { variable: KEY_VARIABLE } });
  }
  return {
    accountId: `endpoint:${endpoint.host}`,
    displayName: endpoint.resourceName ?? endpoint.host,
    endpoint,
    key,
    keyFingerprint: keyFingerprint(key),
    keySource: `the key in ${KEY_VARIABLE}`,
  };
}

async function fromSavedAccount(id: string, context: AccountContext): Promise<ResolvedAccount> {
  const dataDir = appDataDir(context.env, context.platform, context.home);
  const settings = context.services.openAccounts(dataDir, context.warn);
  const records = settings?.listAccounts() ?? [];
  if (!settings || records.length === 0) {
    throw new UsageError({ key: 'account.noSavedAccounts', params: { folder: dataDir, dataVariable: DATA_DIR_VARIABLE, variable: KEY_VARIABLE } });
  }
  const record = records.find((candidate) => candidate.id === id.trim());
  if (!record) {
    const list = records.map((r) => `  ${r.id}  ${printable(r.displayName, 60)}  (${hostOf(r.endpoint)})`).join('\n');
    throw new UsageError({ key: 'account.unknownAccount', params: { folder: dataDir, list } });
  }
  let endpoint: NormalizedEndpoint;
  try {
    endpoint = normalizeEndpoint(record.endpoint);
  } catch (error) {
    if (error instanceof AppError) throw new AppError('BAD_ENDPOINT', `The saved endpoint of "${printable(record.displayName, 60)}" is not usable: ${error.message}`);
    throw error;
  }
  const service = keychainService(context.env);
  // The app's own accounts service reads the key, so the keychain lookup exists once.
  const accounts = createAccounts({ secrets: context.services.openKeychain(service), settings });
  // KEYCHAIN_UNAVAILABLE (locked, missing, no keytar) passes through with its own advice.
  const key = (await savedKey(accounts, record.id))?.trim() ?? '';
  if (key === '') {
    throw new AppError(
      'KEY_MISSING',
      `The key of "${printable(record.displayName, 60)}" is not in the keychain (service "${service}"). Open CV Steward and connect the account again, or use --endpoint URL with the key in ${KEY_VARIABLE}.`,
    );
  }
  return {
    accountId: record.id,
    displayName: record.displayName,
    endpoint,
    key,
    keyFingerprint: keyFingerprint(key),
    keySource: `the key saved in the keychain for "${printable(record.displayName, 60)}"`,
  };
}

/**
 * Proves endpoint and key with one call, then returns the client the job uses. A wrong
 * key keeps the client's WRONG_KEY message and says which key was used (by fingerprint).
 */
export async function connect(account: ResolvedAccount, services: CliServices, ratePerSecond: number, signal?: AbortSignal): Promise<TrainingClient> {
  const request = { endpoint: account.endpoint.baseUrl, key: account.key, ratePerSecond };
  try {
    await services.probe(request, signal);
  } catch (error) {
    if (isCustomVisionError(error) && error.code === 'WRONG_KEY') {
      throw new AppError('WRONG_KEY', `${error.message}\nThe key used was ${account.keySource} (fingerprint ${account.keyFingerprint}).`);
    }
    if (isCustomVisionError(error) && error.code === 'CANCELLED') throw new AppError('CANCELLED', 'Cancelled before anything was read or written.');
    // The client's network messages do not name the host; a mistyped port or name shows here.
    if (isCustomVisionError(error) && (error.kind === 'network' || error.kind === 'timeout')) {
      throw new AppError(error.code, `${error.message} Endpoint: ${account.endpoint.baseUrl}`);
    }
    throw error;
  }
  return services.createClient(request);
}

/** The saved key, or null when the keychain has none (the caller words that for the command line). */
async function savedKey(accounts: AccountsService, accountId: string): Promise<string | null> {
  try {
    return (await accounts.credentials(accountId)).key;
  } catch (error) {
    if (error instanceof AppError && error.code === 'KEY_MISSING') return null;
    throw error;
  }
}

function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return '?';
  }
}
