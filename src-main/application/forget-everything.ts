/**
 * Settings › "Forget all accounts and local data" (`app:forgetEverything`): CV Steward on
 * this computer goes back to how it was on first start.
 *
 * What goes: every saved account (its keychain entry first, through AccountsService, as a
 * single "Forget" would), the secret that seals cleanup plans (keychain), the demo account, the inventory counts kept in memory, the
 * settings file's contents (accounts and preferences, reset through the KeyValueStore so
 * electron-store's cached copy cannot write them back), and CV Steward's own files in its
 * data folder, by a list of known names. What stays: bundles the user exported (they are
 * outside the data folder, wherever the user chose), anything in Azure, and any file in
 * the data folder CV Steward did not write (Electron's own caches, a file a person put
 * there). Nothing is deleted through a symbolic link: a link is removed as a link, so
 * a link pointing out of the data folder cannot take anything outside with it.
 */
import { lstat, readdir, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { AccountList } from '../../shared/model/account';
import type { JobSnapshot } from '../../shared/model/job';
import { AppError } from '../errors/app-error';
import { isTerminal } from '../jobs';
import type { KeyValueStore } from '../settings';
import type { PreferencesSettings } from '../settings/preferences';

/** An entry of the data folder that is CV Steward's own: a fixed name, or a pattern for numbered copies. */
export type OwnDataEntry = { name: string; what: string; keepFolder?: true } | { pattern: RegExp; what: string };

/**
 * What CV Steward writes in its data folder, besides the settings file (which is cleared,
 * not deleted). A module that starts writing something new there adds its name here; the
 * forget-everything test checks each one goes.
 */
export const OWN_DATA_ENTRIES: readonly OwnDataEntry[] = [
  { name: 'cleanups', what: 'cleanup plans, their journals and receipts (src-main/application/cleanup-plans.ts)' },
  { name: 'running-jobs', what: 'records of jobs interrupted by quitting (src-main/resume, RECORDS_FOLDER)' },
  // The folder stays: the running log's writer creates its file again, but not the folder.
  { name: 'logs', what: 'the rotating log file and its older copies (src-main/logging)', keepFolder: true },
  { name: 'window-state.json', what: 'the window size and position' },
  { name: 'inventory', what: 'inventory caches (none today: the inventory is kept in memory)' },
  { pattern: /^settings\.corrupt-.+\.json$/, what: 'damaged settings files moved aside (src-main/settings/settings-file.ts)' },
  { pattern: /^\.cv-steward-check-[0-9a-f]+(\.tmp)?$/, what: "the system check's leftover probe files" },
];

export interface ForgetEverythingOptions {
  /** The data folder (Electron's userData); nothing outside it is touched. */
  dataDir: string;
  jobs: { list(): JobSnapshot[]; clearFinished(): number };
  /** AccountsService: forgetting removes the keychain entry (and stops the demo's emulator). */
  accounts: { list(): AccountList; forget(accountId: string): Promise<boolean> };
  /** The inventory counts kept per account. */
  inventory: { delete(accountId: string): void };
  settingsStore: KeyValueStore;
  preferences: PreferencesSettings;
  /** Folders the page chose this session (FolderRegistry.clear). */
  forgetFolders?: () => void;
  /** Sends `accounts:changed` with the (now empty) list. `preferences:changed` follows from preferences.reset(). */
  emitAccounts: (list: AccountList) => void;
  /** Default OWN_DATA_ENTRIES. */
  ownEntries?: readonly OwnDataEntry[];
  /**
   * Removes CV Steward's own keychain entries that are not account keys (the secret that
   * seals cleanup plans: without the plans it is of no use, and it is local data too).
   */
  forgetOwnSecrets?: () => Promise<void>;
}

export interface ForgetEverythingResult {
  accountsForgotten: number;
  filesRemoved: number;
}

export async function forgetEverything(options: ForgetEverythingOptions): Promise<ForgetEverythingResult> {
  refuseWhileJobsRun(options.jobs.list());

  const before = options.accounts.list();
  // Counts of every account, saved or demo, go with the accounts.
  for (const account of before.accounts) options.inventory.delete(account.accountId);
  let accountsForgotten = 0;
  for (const account of before.accounts) {
    try {
      if (await options.accounts.forget(account.accountId)) accountsForgotten += 1;
    } catch (error) {
      // Its keychain entry could not be removed: the account stays listed (so it can be
      // forgotten again), and nothing else is deleted, so the user can simply try again.
      throw new AppError(
        'FORGET_INCOMPLETE',
        `${accountsForgotten} of ${before.accounts.length} accounts were forgotten, but the key of “${account.displayName}” could not be removed from the keychain (${error instanceof Error ? error.message : String(error)}). Nothing else was deleted. Unlock the keychain and try again.`,
      );
    }
  }

  try {
    await options.forgetOwnSecrets?.();
  } catch (error) {
    throw new AppError(
      'FORGET_INCOMPLETE',
      `Every account was forgotten, but CV Steward's own entry could not be removed from the keychain (${error instanceof Error ? error.message : String(error)}). Nothing else was deleted. Unlock the keychain and try again.`,
    );
  }

  // A job started while the keychain was being cleared would write into what is deleted next.
  refuseWhileJobsRun(options.jobs.list());
  options.jobs.clearFinished();
  options.forgetFolders?.();
  options.settingsStore.clear?.();
  // Also tells every listener (main's limits, the page) that the preferences are the defaults again.
  options.preferences.reset();
  options.emitAccounts(options.accounts.list());

  const { removed, failed } = await removeOwnEntries(options.dataDir, options.ownEntries ?? OWN_DATA_ENTRIES);
  if (failed.length > 0) {
    throw new AppError(
      'FORGET_INCOMPLETE',
      `All accounts and settings were forgotten, but ${failed.length} file(s) in ${options.dataDir} could not be deleted (first: ${failed[0]}). Close any program that has them open and try again.`,
    );
  }
  return { accountsForgotten, filesRemoved: removed };
}

function refuseWhileJobsRun(jobs: JobSnapshot[]): void {
  const busy = jobs.filter((job) => !isTerminal(job.state));
  if (busy.length === 0) return;
  throw new AppError(
    'JOB_RUNNING',
    `Nothing was forgotten: ${busy.length === 1 ? `“${busy[0]?.title ?? ''}” is` : `${busy.length} jobs are`} still running or paused. Cancel ${busy.length === 1 ? 'it' : 'them'} or let ${busy.length === 1 ? 'it' : 'them'} finish, then try again.`,
  );
}

/** Deletes the data folder's own entries; counts files (and links) removed, lists the ones that could not be. */
export async function removeOwnEntries(dataDir: string, entries: readonly OwnDataEntry[]): Promise<{ removed: number; failed: string[] }> {
  let names: string[];
  try {
    names = await readdir(dataDir);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return { removed: 0, failed: [] };
    throw error;
  }
  const tally = { removed: 0, failed: [] as string[] };
  for (const name of names) {
    const entry = entries.find((candidate) => ('name' in candidate ? candidate.name === name : candidate.pattern.test(name)));
    if (!entry) continue;
    await removeTree(path.join(dataDir, name), tally, 'keepFolder' in entry && entry.keepFolder === true);
  }
  return tally;
}

/** Removes a file, a link (as a link) or a folder and what is in it, never following a link. */
async function removeTree(target: string, tally: { removed: number; failed: string[] }, keepFolder = false): Promise<void> {
  let info;
  try {
    info = await lstat(target);
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') tally.failed.push(target);
    return;
  }
  try {
    if (info.isDirectory()) {
      // lstat: a link to a folder is not a directory here, so it is unlinked below, not entered.
      for (const child of await readdir(target)) await removeTree(path.join(target, child), tally);
      if (!keepFolder) await rmdir(target);
    } else {
      await unlinkEntry(target, info.isSymbolicLink());
      tally.removed += 1;
    }
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') tally.failed.push(target);
  }
}

/** Windows removes a link to a folder (or a junction) with rmdir, which removes the link and never the target. */
async function unlinkEntry(target: string, isLink: boolean): Promise<void> {
  try {
    await unlink(target);
  } catch (error) {
    if (!isLink || process.platform !== 'win32' || (codeOf(error) !== 'EPERM' && codeOf(error) !== 'EISDIR')) throw error;
    await rmdir(target);
  }
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
