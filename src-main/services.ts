/**
 * Composition root (DESIGN §2): builds every service from its adapters and returns the
 * contract's handlers. The Electron shell, the CLI and the browser harness all call this,
 * so nothing important lives only inside Electron.
 */
import type { AppInfo } from '../shared/model/app-info';
import { createEventBus, type EventBus } from './ipc/event-bus';
import type { Handlers } from './ipc/dispatcher';
import { JobRunner } from './jobs';
import { runSystemCheck, SYSTEM_CHECK_CATEGORIES } from './diagnostics/system-check';
import { AccountsService, createDemoAccount, type DemoAccount, type ProbeAccount } from './accounts';
import type { SecretStore } from './secrets';
import { createAccountsSettings, type KeyValueStore } from './settings';
import { createPreferences, type PreferencesSettings } from './settings/preferences';
import { createTrainingClient, sharedRateLimiters } from './customvision';
import { createInventoryService } from './inventory';
import { FolderRegistry, type PickFolder } from './application/folder-registry';
import { createExportWiring } from './application/export-wiring';
import type { ExportRunner } from './export-worker';
import { keychainPlanSealer, PLAN_SEAL_ACCOUNT } from './cleanup';
import { createCleanupWiring } from './application/cleanup-wiring';
import { openExternalLink, type OpenExternal, type OpenPath } from './application/external-links';
import { forgetEverything } from './application/forget-everything';
import { newDefaultExportFolder } from './application/default-export-folder';
import { AppError } from './errors/app-error';
import { createShowInFolder, type ShowItemInFolder } from './desktop/show-in-folder';
import { DEMO_ACCOUNT_ID } from './accounts';
import { createInterruptedJobs, listSavedPlans, planFileExists, RunningJobRegistry } from './resume';
import { mainText } from '../shared/model/main-text';

export interface ServicesOptions {
  /** Folder for this app's own data (settings, journals); Electron's userData in the app. */
  dataDir: string;
  /** Facts about the running process; the shell knows whether it is Electron or Node. */
  appInfo: AppInfo;
  /** Unexpected failures go here (the shell logs them); they never reach the page as-is. */
  reportError?: (context: string, error: unknown) => void;
  /** The OS keychain (keytar) in the app; an in-memory store only in unit tests. */
  secrets: SecretStore;
  /** electron-store in the app, conf elsewhere: non-secret settings only. */
  settingsStore: KeyValueStore;
  /** The built-in demo account; tests may pass a stand-in. */
  demo?: DemoAccount;
  /** How a new account is checked against the service; tests may pass a stand-in. */
  probe?: ProbeAccount;
  /** The folder dialog: Electron's in the app; a stand-in in the harness and tests. */
  pickFolder?: PickFolder;
  /** Opens an allow-listed web page in the system browser: Electron's shell; a recorder elsewhere. */
  openExternal?: OpenExternal;
  /** Opens a file main wrote (the cleanup receipt) with the system's default app. */
  openPath?: OpenPath;
  /** Reveals a file main wrote in the system's file manager: Electron's shell.showItemInFolder; a recorder in the harness. */
  showItemInFolder?: ShowItemInFolder;
  /** Where the shell keeps its log files (Help › Show log files, Settings); none without a shell. */
  logsDir?: string;
  /** How an export runs: in a worker (default); tests of the sources pass runExportInProcess. */
  exportRunner?: ExportRunner;
}

/** Without a shell (unit tests), opening things is refused with a message, never silently dropped. */
const cannotOpen = () => Promise.reject(new AppError('NOT_SUPPORTED', 'CV Steward cannot open other programs from here.'));

/** One real, cheap call that proves the endpoint and key work: GetProjects, retried like every other call. */
export const probeWithGetProjects: ProbeAccount = async (endpoint, key, signal) => {
  const client = createTrainingClient({ endpoint, key, timeoutMs: 20_000 });
  await client.getProjects(signal ? { signal } : {});
};

export interface Services {
  handlers: Handlers;
  events: EventBus;
  jobs: JobRunner;
  accounts: AccountsService;
  preferences: PreferencesSettings;
  dispose(): Promise<void>;
}

export function createServices(options: ServicesOptions): Services {
  const report = options.reportError ?? (() => undefined);
  const events = createEventBus((event, error) => report(`event ${event}`, error));
  const jobs = new JobRunner();
  const unsubscribe = [
    jobs.onProgress((snapshot) => events.emit('jobs:progress', snapshot)),
    jobs.onFinished((snapshot) => events.emit('jobs:finished', snapshot)),
  ];

  const accounts = new AccountsService({
    secrets: options.secrets,
    settings: createAccountsSettings(options.settingsStore, (warning) => report('settings', warning)),
    probe: options.probe ?? probeWithGetProjects,
    demo: options.demo ?? createDemoAccount(),
    onChanged: (list) => events.emit('accounts:changed', list),
  });

  const preferences = createPreferences(options.settingsStore, (warning) => report('settings', warning));
  unsubscribe.push(preferences.onChanged((now) => events.emit('preferences:changed', now)));
  // A changed rate applies to every endpoint's shared limiter, so the next job uses it (jobs read the limits as they start).
  unsubscribe.push(preferences.onChanged((now) => sharedRateLimiters.setRate(now.rateLimit)));
  const rateLimit = () => preferences.get().rateLimit;

  const inventory = createInventoryService({ jobs, accounts, rateLimit, emit: (snapshot) => events.emit('inventory:updated', snapshot) });

  const pickFolder = options.pickFolder ?? (() => Promise.resolve(null));
  const folders = new FolderRegistry(pickFolder);
  // Exports and cleanup runs under way, on disk: what a quit or kill leaves is offered next start.
  const running = new RunningJobRegistry({ dataDir: options.dataDir, jobs, report });
  const exports = createExportWiring({
    jobs,
    accounts,
    folders,
    toolVersion: options.appInfo.version,
    ...(options.exportRunner ? { exportRunner: options.exportRunner } : {}),
    limits: () => preferences.get(),
    onStarted: (jobId, info) => running.recordExport(jobId, info),
  });
  const cleanup = createCleanupWiring({
    jobs,
    accounts,
    folders,
    dataDir: options.dataDir,
    startExport: (request) => exports.start(request),
    openPath: options.openPath ?? cannotOpen,
    rateLimit,
    onRunStarted: (jobId, info) => running.recordCleanup(jobId, info),
    sealer: keychainPlanSealer(options.secrets),
  });
  const interrupted = createInterruptedJobs({
    registry: running,
    accounts,
    demoAccountId: DEMO_ACCOUNT_ID,
    registerFolder: (path) => folders.register(path),
    startExport: (request) => exports.start(request),
    planExists: (planId) => planFileExists(options.dataDir, planId),
  });
  const openExternal = options.openExternal ?? cannotOpen;
  const showInFolder = createShowInFolder({
    ...(options.showItemInFolder ? { show: options.showItemInFolder } : {}),
    ...(options.logsDir ? { logsDir: options.logsDir } : {}),
    bundleFolder: (folderId) => folders.resolve(folderId),
    receiptFile: (planId) => cleanup.receiptFile(planId),
  });

  const handlers: Handlers = {
    'app:info': () => options.appInfo,
    'jobs:list': () => jobs.list(),
    'jobs:cancel': ({ jobId }) => jobs.cancel(jobId),
    'jobs:pause': ({ jobId }) => jobs.pause(jobId),
    'jobs:resume': ({ jobId }) => jobs.resume(jobId),
    'jobs:clearFinished': () => ({ removed: jobs.clearFinished() }),
    'diagnostics:start': () => {
      const job = jobs.start({
        kind: 'system-check',
        title: 'System check',
        titleText: mainText('systemCheckTitle'),
        categories: [...SYSTEM_CHECK_CATEGORIES],
        run: (ctx) => runSystemCheck(ctx, { dataDir: options.dataDir }),
      });
      return { jobId: job.id };
    },
    'accounts:list': () => accounts.list(),
    'accounts:connect': (request) => accounts.connect(request),
    'accounts:startDemo': () => accounts.startDemo(),
    'accounts:rename': ({ accountId, displayName }) => accounts.rename(accountId, displayName),
    'accounts:switch': ({ accountId }) => accounts.switch(accountId),
    'accounts:forget': async ({ accountId }) => {
      const forgotten = await accounts.forget(accountId);
      // Counts of an account the user asked us to forget are not kept either.
      inventory.store.delete(accountId);
      return { forgotten };
    },
    'inventory:scan': (request) => inventory.scan(request),
    'inventory:get': () => inventory.get(),
    'export:chooseFolder': () => folders.choose(),
    'export:start': (request) => exports.start(request),
    'export:verify': ({ folderId }) => exports.verify(folderId),
    'export:report': ({ jobId }) => exports.report(jobId),
    'app:openExternal': async ({ link }) => {
      await openExternalLink(openExternal, link);
      return { opened: true };
    },
    'cleanup:plan': ({ scope }) => cleanup.plan(scope),
    'cleanup:getPlan': ({ planId, language }) => cleanup.getPlan(planId, language),
    'cleanup:chooseBundle': () => cleanup.chooseBundle(),
    'cleanup:checkBundle': ({ planId, folderId }) => cleanup.checkBundle(planId, folderId),
    'cleanup:coverage': ({ planId }) => cleanup.coverage(planId),
    // The request carries no language (contract); the saved one is used (null, "follow the OS", leaves the bundle's own or English).
    'cleanup:backup': ({ planId, folderId, language }) => cleanup.backup(planId, folderId, language),
    'cleanup:run': ({ planId, confirmText, backup, language }) => cleanup.run(planId, confirmText, backup, language),
    'cleanup:receipt': ({ planId }) => cleanup.receipt(planId),
    'cleanup:openReceipt': ({ planId }) => cleanup.openReceipt(planId),
    'preferences:get': () => preferences.get(),
    'preferences:set': (request) => preferences.set(request),
    // Placeholders while issue 6 is being built; each is replaced by its owner's wiring.
    'preferences:chooseExportFolder': async () => {
      // Main's own folder dialog, as for a bundle; cancelled: nothing changes.
      const chosen = await pickFolder();
      return chosen ? preferences.setExportFolder(chosen) : preferences.get();
    },
    'export:defaultFolder': () =>
      newDefaultExportFolder({
        exportFolder: () => preferences.get().exportFolder,
        activeAccountName: () => {
          const list = accounts.list();
          return list.accounts.find((account) => account.accountId === list.activeAccountId)?.displayName ?? null;
        },
        register: (path) => folders.register(path),
      }),
    'app:forgetEverything': () =>
      forgetEverything({
        dataDir: options.dataDir,
        jobs,
        accounts,
        inventory: inventory.store,
        settingsStore: options.settingsStore,
        preferences,
        forgetFolders: () => folders.clear(),
        emitAccounts: (list) => events.emit('accounts:changed', list),
        forgetOwnSecrets: async () => {
          await options.secrets.delete(PLAN_SEAL_ACCOUNT);
        },
      }),
    'app:showInFolder': ({ target }) => showInFolder(target),
    'jobs:interrupted': () => interrupted.list(),
    'jobs:resumeInterrupted': ({ id }) => interrupted.resume(id),
    'jobs:dismissInterrupted': ({ id }) => interrupted.dismiss(id),
    'cleanup:plans': ({ language }) => listSavedPlans(options.dataDir, (context, error) => report(context, error), language),
  };

  return {
    handlers,
    events,
    jobs,
    accounts,
    preferences,
    async dispose() {
      for (const stop of unsubscribe) stop();
      // Before the runner cancels every job: a quit is not a user's cancel, the records stay.
      await running.stop();
      jobs.dispose();
      await accounts.dispose();
    },
  };
}
