/**
 * The renderer's only door to main. Components and stores import from here, never from
 * `window.steward` directly, so there is one place that knows the bridge exists.
 *
 * The bridge answers with `{ ok, value | error }` envelopes (errors lose their class when
 * they cross Electron's context bridge); this module turns failures into `ApiError`s that
 * carry the `code` main chose, so callers can `try/await` naturally.
 */
import type { StewardApi } from '../../shared/ipc/api';
import type { IpcError, IpcResult } from '../../shared/ipc/errors';
import type { InventoryCategory } from '../../shared/model/inventory';
import type { ExportCategory } from '../../shared/model/bundle';
import type { CleanupScope } from '../../shared/model/cleanup';
import type { ShowInFolderTarget } from '../../shared/ipc/contract';
import type { ExternalLinkId } from '../../shared/model/external-links';
import type { PreferencesUpdate } from '../../shared/model/preferences';
import { currentLanguage, i18n } from '../i18n';

/** What a cleanup relies on: a bundle folder (by id) or the user's explicit waiver. */
export type CleanupBackup = { kind: 'bundle'; folderId: string } | { kind: 'waived' };

declare global {
  interface Window {
    readonly steward?: StewardApi;
  }
}

export class ApiError extends Error {
  readonly code: string;
  constructor(error: IpcError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
  }
}

export function bridge(): StewardApi {
  const steward = window.steward;
  if (!steward) {
    throw new ApiError({
      code: 'NO_BRIDGE',
      message: i18n.t('errors.noBridge'),
    });
  }
  return steward;
}

/** Unwraps an envelope: the value, or an ApiError with main's code and message. */
export async function unwrap<T>(pending: Promise<IpcResult<T>>): Promise<T> {
  const result = await pending;
  if (result.ok) return result.value;
  throw new ApiError(result.error);
}

export const api = {
  app: {
    info: () => unwrap(bridge().app.info()),
    /** Opens one of main's allow-listed Microsoft pages in the system browser. */
    openExternal: (link: ExternalLinkId) => unwrap(bridge().app.openExternal({ link })),
    /** Forgets every account and CV Steward's own local data (Settings' danger zone). */
    forgetEverything: () => unwrap(bridge().app.forgetEverything({ confirm: true })),
    /** Shows a bundle, a receipt or the log files in the system's file manager (main finds the path). */
    showInFolder: (target: ShowInFolderTarget) => unwrap(bridge().app.showInFolder({ target })),
    /** The application menu (or a notification's click) asks for a page. */
    onNavigate: (listener: Parameters<StewardApi['app']['onNavigate']>[0]) => bridge().app.onNavigate(listener),
  },
  jobs: {
    list: () => unwrap(bridge().jobs.list()),
    cancel: (jobId: string) => unwrap(bridge().jobs.cancel({ jobId })),
    pause: (jobId: string) => unwrap(bridge().jobs.pause({ jobId })),
    resume: (jobId: string) => unwrap(bridge().jobs.resume({ jobId })),
    clearFinished: () => unwrap(bridge().jobs.clearFinished()),
    onProgress: (listener: Parameters<StewardApi['jobs']['onProgress']>[0]) => bridge().jobs.onProgress(listener),
    onFinished: (listener: Parameters<StewardApi['jobs']['onFinished']>[0]) => bridge().jobs.onFinished(listener),
  },
  diagnostics: {
    start: () => unwrap(bridge().diagnostics.start()),
  },
  accounts: {
    list: () => unwrap(bridge().accounts.list()),
    /** The key goes to main once; callers must not keep it (clear the field afterwards). */
    connect: (request: { endpoint: string; key: string; displayName?: string }) => unwrap(bridge().accounts.connect(request)),
    startDemo: () => unwrap(bridge().accounts.startDemo()),
    rename: (accountId: string, displayName: string) => unwrap(bridge().accounts.rename({ accountId, displayName })),
    switch: (accountId: string) => unwrap(bridge().accounts.switch({ accountId })),
    forget: (accountId: string) => unwrap(bridge().accounts.forget({ accountId })),
    onChanged: (listener: Parameters<StewardApi['accounts']['onChanged']>[0]) => bridge().accounts.onChanged(listener),
  },
  inventory: {
    /** Whole account, or just some projects/categories (a row's Retry). */
    scan: (request: { projectIds?: string[]; categories?: InventoryCategory[] } = {}) => unwrap(bridge().inventory.scan(request)),
    get: () => unwrap(bridge().inventory.get()),
    onUpdated: (listener: Parameters<StewardApi['inventory']['onUpdated']>[0]) => bridge().inventory.onUpdated(listener),
  },
  export: {
    /** Main shows the folder dialog; null when the user cancelled it. */
    chooseFolder: () => unwrap(bridge().export.chooseFolder()),
    start: (request: { folderId: string; projectIds?: string[]; categories: ExportCategory[]; zip?: boolean }) =>
      // The bundle's offline viewer speaks the language the interface shows now.
      unwrap(bridge().export.start({ ...request, language: currentLanguage() })),
    verify: (folderId: string) => unwrap(bridge().export.verify({ folderId })),
    report: (jobId: string) => unwrap(bridge().export.report({ jobId })),
    /** A new, empty subfolder of the default export folder, or null when none is set. */
    defaultFolder: () => unwrap(bridge().export.defaultFolder()),
  },
  preferences: {
    get: () => unwrap(bridge().preferences.get()),
    /** Any subset; `language: null` follows the OS again, `exportFolder: null` clears the default folder. */
    set: (update: PreferencesUpdate) => unwrap(bridge().preferences.set(update)),
    /** Main's folder dialog for the default export folder; the preferences after it (unchanged if cancelled). */
    chooseExportFolder: () => unwrap(bridge().preferences.chooseExportFolder()),
    onChanged: (listener: Parameters<StewardApi['preferences']['onChanged']>[0]) => bridge().preferences.onChanged(listener),
  },
  cleanup: {
    plan: (scope: CleanupScope) => unwrap(bridge().cleanup.plan({ scope })),
    getPlan: (planId: string) => unwrap(bridge().cleanup.getPlan({ planId, language: currentLanguage() })),
    /** Main shows the folder dialog; null when the user cancelled it. */
    chooseBundle: () => unwrap(bridge().cleanup.chooseBundle()),
    checkBundle: (planId: string, folderId: string) => unwrap(bridge().cleanup.checkBundle({ planId, folderId })),
    coverage: (planId: string) => unwrap(bridge().cleanup.coverage({ planId })),
    backup: (planId: string, folderId: string) => unwrap(bridge().cleanup.backup({ planId, folderId, language: currentLanguage() })),
    /** The receipt is written in the language the interface shows now. */
    run: (planId: string, confirmText: string, backup: CleanupBackup) => unwrap(bridge().cleanup.run({ planId, confirmText, backup, language: currentLanguage() })),
    receipt: (planId: string) => unwrap(bridge().cleanup.receipt({ planId })),
    openReceipt: (planId: string) => unwrap(bridge().cleanup.openReceipt({ planId })),
  },
  /** Jobs a quit (or a crash) interrupted, and the cleanup plans saved in the data folder. */
  resume: {
    interrupted: () => unwrap(bridge().jobs.interrupted()),
    /** An export starts again into its bundle (a new job); a cleanup answers its plan id for the wizard. */
    resumeInterrupted: (id: string) => unwrap(bridge().jobs.resumeInterrupted({ id })),
    dismissInterrupted: (id: string) => unwrap(bridge().jobs.dismissInterrupted({ id })),
    /** Each plan's scope sentence comes in the language the interface shows now. */
    savedPlans: () => unwrap(bridge().cleanup.plans({ language: currentLanguage() })),
  },
};
