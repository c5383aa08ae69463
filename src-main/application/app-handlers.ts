/**
 * The app's own channels that reach outside the window: facts about the running app, an
 * allow-listed web page in the system browser, and "show in folder" for files main wrote.
 * Without a shell (CLI, unit tests) the opener is refused with NOT_SUPPORTED (see
 * services.ts), never silently dropped.
 */
import type { AppInfo } from '../../shared/model/app-info';
import type { ShowInFolderTarget } from '../../shared/ipc/contract';
import type { HandlersFor } from '../ipc/handler-sets';
import { AppError } from '../errors/app-error';
import { openExternalLink, type OpenExternal, type OpenPath } from './external-links';

export interface AppHandlersDeps {
  appInfo: AppInfo;
  openExternal: OpenExternal;
  /** Resolves the target to a path main wrote and reveals it (src-main/desktop/show-in-folder.ts). */
  showInFolder: (target: ShowInFolderTarget) => Promise<{ shown: boolean }>;
  /** The app's data folder, opened with `openPath`; absent without a shell. */
  dataDir: string;
  openPath?: OpenPath;
}

export function appHandlers({
  appInfo,
  openExternal,
  showInFolder,
  dataDir,
  openPath,
}: AppHandlersDeps): HandlersFor<'app:info' | 'app:openExternal' | 'app:showInFolder' | 'app:openDataFolder'> {
  return {
    'app:info': () => appInfo,
    'app:openExternal': async ({ link }) => {
      await openExternalLink(openExternal, link);
      return { opened: true };
    },
    'app:showInFolder': ({ target }) => showInFolder(target),
    'app:openDataFolder': async () => {
      // The path is main's own, never the page's; without a shell, say where to look instead.
      if (!openPath) throw new AppError('NOT_SUPPORTED', `CV Steward cannot open a file manager from here. Its data folder is ${dataDir}`);
      await openPath(dataDir);
      return { opened: true };
    },
  };
}
