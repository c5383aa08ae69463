/**
 * The composition root (docs/architecture.md): builds every service from the adapters a
 * front end passes in, and answers the contract with the handler sets that live beside
 * those services. The Electron shell and the browser harness call createServices; the
 * command line builds its accounts with the same factory (createAccounts) and runs the
 * same engines, so nothing important lives only inside one front end.
 *
 * Nothing here decides anything: a rule belongs in its service or handler set.
 */
import type { AppInfo } from '../shared/model/app-info';
import { createEventBus, type EventBus } from './ipc/event-bus';
import type { Handlers } from './ipc/dispatcher';
import { composeHandlers } from './ipc/handler-sets';
import { JobRunner, jobsHandlers } from './jobs';
import { diagnosticsHandlers } from './diagnostics/diagnostics-handlers';
import { accountsHandlers, createAccounts, createDemoAccount, DEMO_ACCOUNT_ID, type AccountsService, type DemoAccount, type ProbeAccount } from './accounts';
import type { SecretStore } from './secrets';
import { createAccountsSettings, type KeyValueStore } from './settings';
import { createPreferences, type PreferencesSettings } from './settings/preferences';
import { preferencesHandlers } from './settings/preferences-handlers';
import { sharedRateLimiters } from './customvision';
import { createInventoryService, inventoryHandlers } from './inventory';
import { FolderRegistry, type PickFolder } from './application/folder-registry';
import { createExportWiring } from './application/export-wiring';
import { exportHandlers } from './application/export-handlers';
import type { ExportRunner } from './export-worker';
import { keychainPlanSealer } from './cleanup';
import { createCleanupWiring } from './application/cleanup-wiring';
import { cleanupHandlers } from './application/cleanup-handlers';
import { forgetHandlers } from './application/forget-handlers';
import { appHandlers } from './application/app-handlers';
import type { OpenExternal, OpenPath } from './application/external-links';
import { AppError } from './errors/app-error';
import { createShowInFolder, type ShowItemInFolder } from './desktop/show-in-folder';
import { createInterruptedJobs, interruptedHandlers, planFileExists, RunningJobRegistry } from './resume';

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

export interface Services {
  handlers: Handlers;
  events: EventBus;
  jobs: JobRunner;
  accounts: AccountsService;
  preferences: PreferencesSettings;
  dispose(): Promise<void>;
}

export function createServices(options: ServicesOptions): Services {
  const { dataDir } = options;
  const report = options.reportError ?? (() => undefined);
  const events = createEventBus((event, error) => report(`event ${event}`, error));
  const jobs = new JobRunner();
  const unsubscribe = [
    jobs.onProgress((snapshot) => events.emit('jobs:progress', snapshot)),
    jobs.onFinished((snapshot) => events.emit('jobs:finished', snapshot)),
  ];

  const accounts = createAccounts({
    secrets: options.secrets,
    settings: createAccountsSettings(options.settingsStore, (warning) => report('settings', warning)),
    ...(options.probe ? { probe: options.probe } : {}),
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
  const running = new RunningJobRegistry({ dataDir, jobs, report });
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
    dataDir,
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
    planExists: (planId) => planFileExists(dataDir, planId),
  });
  const showInFolder = createShowInFolder({
    ...(options.showItemInFolder ? { show: options.showItemInFolder } : {}),
    ...(options.logsDir ? { logsDir: options.logsDir } : {}),
    bundleFolder: (folderId) => folders.resolve(folderId),
    receiptFile: (planId) => cleanup.receiptFile(planId),
  });

  const handlers = composeHandlers(
    appHandlers({
      appInfo: options.appInfo,
      openExternal: options.openExternal ?? cannotOpen,
      showInFolder,
      dataDir,
      ...(options.openPath ? { openPath: options.openPath } : {}),
    }),
    jobsHandlers(jobs),
    interruptedHandlers(interrupted),
    diagnosticsHandlers({ jobs, dataDir }),
    accountsHandlers(accounts),
    inventoryHandlers(inventory),
    exportHandlers({ exports, folders, accounts, preferences }),
    cleanupHandlers({ cleanup, dataDir, report }),
    preferencesHandlers({ preferences, pickFolder }),
    forgetHandlers({
      dataDir,
      jobs,
      accounts,
      inventory: inventory.store,
      secrets: options.secrets,
      settingsStore: options.settingsStore,
      preferences,
      folders,
      emitAccounts: (list) => events.emit('accounts:changed', list),
    }),
  );

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
