/**
 * Saved accounts (the non-secret part: name, endpoint, key fingerprint) and which one is
 * active, persisted in the settings file. The keys themselves are in the keychain
 * (src-main/secrets); nothing here ever sees one.
 *
 * Reading never throws: the file may have been hand-edited or half-written. Each record that
 * fails validation is dropped and reported through onWarning; a duplicate id keeps the first
 * record; an active id that names no saved account reads as null. At creation the cleaned
 * state is written back, so each problem is reported once and the file stays consistent.
 */
import { AppError } from '../errors/app-error';
import { AccountRecordSchema, normalizeDisplayName, validateNewRecord, type AccountRecord } from './account-record';
import type { KeyValueStore } from './key-value-store';
import type { SettingsWarning } from './settings-file';

export interface AccountsSettings {
  listAccounts(): AccountRecord[];
  getAccount(id: string): AccountRecord | null;
  /** @throws AppError BAD_NAME, BAD_ENDPOINT, BAD_REQUEST, or INVALID_STATE if the id is taken */
  addAccount(record: AccountRecord): AccountRecord;
  /** @throws AppError BAD_NAME, or NOT_FOUND */
  renameAccount(id: string, displayName: string): AccountRecord;
  /** False when there was no such account. Clears the active id if it was this account. */
  removeAccount(id: string): boolean;
  getActiveAccountId(): string | null;
  /** @throws AppError NOT_FOUND when id names no saved account */
  setActiveAccountId(id: string | null): void;
}

/** Keys in the settings file; other modules keep their own keys beside these. */
export const ACCOUNTS_KEY = 'accounts';
export const ACTIVE_ACCOUNT_KEY = 'activeAccountId';

interface AccountsState {
  accounts: AccountRecord[];
  activeAccountId: string | null;
}

export function createAccountsSettings(store: KeyValueStore, onWarning?: SettingsWarning): AccountsSettings {
  const warn = onWarning ?? (() => undefined);
  // The file can change under us (another instance, a text editor): report each distinct
  // problem once rather than on every read.
  const reported = new Set<string>();
  const report = (message: string) => {
    if (reported.has(message)) return;
    reported.add(message);
    warn(message);
  };

  const load = (): ReturnType<typeof readState> => {
    const result = readState(store);
    for (const problem of result.problems) report(`${problem} (settings file ${store.path})`);
    return result;
  };
  const read = (): AccountsState => load().state;

  const write = (state: AccountsState): void => {
    store.set(ACCOUNTS_KEY, state.accounts);
    store.set(ACTIVE_ACCOUNT_KEY, state.activeAccountId);
  };

  const requireRecord = (state: AccountsState, id: string): AccountRecord => {
    const record = state.accounts.find((r) => r.id === id);
    if (!record) throw new AppError('NOT_FOUND', 'That account is no longer saved on this computer.');
    return record;
  };

  // Start-up repair: never throws, reports what was wrong, leaves a clean file.
  try {
    const initial = load();
    if (initial.dirty) write(initial.state);
  } catch (error) {
    report(`The saved accounts could not be checked: ${error instanceof Error ? error.message : String(error)}`);
  }

  return {
    listAccounts: () => read().accounts,
    getAccount: (id) => read().accounts.find((r) => r.id === id) ?? null,
    addAccount(record) {
      const clean = validateNewRecord(record);
      const state = read();
      if (state.accounts.some((r) => r.id === clean.id)) throw new AppError('INVALID_STATE', 'This account is already saved.');
      write({ ...state, accounts: [...state.accounts, clean] });
      return clean;
    },
    renameAccount(id, displayName) {
      const name = normalizeDisplayName(displayName);
      const state = read();
      const renamed = { ...requireRecord(state, id), displayName: name };
      write({ ...state, accounts: state.accounts.map((r) => (r.id === id ? renamed : r)) });
      return renamed;
    },
    removeAccount(id) {
      const state = read();
      if (!state.accounts.some((r) => r.id === id)) return false;
      write({
        accounts: state.accounts.filter((r) => r.id !== id),
        activeAccountId: state.activeAccountId === id ? null : state.activeAccountId,
      });
      return true;
    },
    getActiveAccountId: () => read().activeAccountId,
    setActiveAccountId(id) {
      const state = read();
      if (id !== null) requireRecord(state, id);
      store.set(ACTIVE_ACCOUNT_KEY, id);
    },
  };
}

/** The valid part of what is stored, what was wrong with the rest, and whether to rewrite. */
function readState(store: KeyValueStore): { state: AccountsState; problems: string[]; dirty: boolean } {
  const problems: string[] = [];
  const rawAccounts = store.get(ACCOUNTS_KEY);
  const accounts: AccountRecord[] = [];
  if (rawAccounts !== undefined && !Array.isArray(rawAccounts)) {
    problems.push('The saved accounts were not a list and were ignored.');
  }
  const list: unknown[] = Array.isArray(rawAccounts) ? rawAccounts : [];
  list.forEach((raw, index) => {
    const parsed = AccountRecordSchema.safeParse(raw);
    if (!parsed.success) {
      // Field names only, never values: a hand-edited file may hold anything, even a key.
      const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || 'record'))].join(', ');
      problems.push(`Saved account #${index + 1} was dropped because it is not valid (${fields}).`);
    } else if (accounts.some((r) => r.id === parsed.data.id)) {
      problems.push(`Saved account #${index + 1} was dropped because it repeats the id of an earlier one.`);
    } else {
      accounts.push(parsed.data);
    }
  });

  const rawActive = store.get(ACTIVE_ACCOUNT_KEY);
  let activeAccountId: string | null = null;
  if (typeof rawActive === 'string' && accounts.some((r) => r.id === rawActive)) {
    activeAccountId = rawActive;
  } else if (rawActive !== undefined && rawActive !== null) {
    problems.push('The active account named no saved account; no account is active now.');
  }

  // Rewrite only when something was dropped, so the file matches what the app shows.
  return { state: { accounts, activeAccountId }, problems, dirty: problems.length > 0 };
}
