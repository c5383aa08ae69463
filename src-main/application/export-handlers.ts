/**
 * The export page's channels: main's folder dialog, a new folder under the default export
 * folder, and export and verify jobs with their reports. The work is the export wiring's
 * (export-wiring.ts) and newDefaultExportFolder's; these only map requests onto them.
 */
import type { AccountsService } from '../accounts';
import type { HandlersOf } from '../ipc/handler-sets';
import type { PreferencesSettings } from '../settings/preferences';
import { newDefaultExportFolder } from './default-export-folder';
import type { createExportWiring } from './export-wiring';
import type { FolderRegistry } from './folder-registry';

export interface ExportHandlersDeps {
  exports: ReturnType<typeof createExportWiring>;
  folders: FolderRegistry;
  accounts: AccountsService;
  preferences: PreferencesSettings;
}

export function exportHandlers({ exports, folders, accounts, preferences }: ExportHandlersDeps): HandlersOf<'export'> {
  return {
    'export:chooseFolder': () => folders.choose(),
    'export:start': (request) => exports.start(request),
    'export:verify': ({ folderId }) => exports.verify(folderId),
    'export:report': ({ jobId }) => exports.report(jobId),
    'export:defaultFolder': () =>
      newDefaultExportFolder({
        exportFolder: () => preferences.get().exportFolder,
        activeAccountName: () => activeAccountName(accounts),
        register: (path) => folders.register(path),
      }),
  };
}

/** The new folder is named after the account it will hold (null without an active one). */
function activeAccountName(accounts: AccountsService): string | null {
  const list = accounts.list();
  return list.accounts.find((account) => account.accountId === list.activeAccountId)?.displayName ?? null;
}
