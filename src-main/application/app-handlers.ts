/**
 * The app's own channels that reach outside the window: facts about the running app, an
 * allow-listed web page in the system browser, and "show in folder" for files main wrote.
 * Without a shell (CLI, unit tests) the opener is refused with NOT_SUPPORTED (see
 * services.ts), never silently dropped.
 */
import type { AppInfo } from '../../shared/model/app-info';
import type { ShowInFolderTarget } from '../../shared/ipc/contract';
import type { HandlersFor } from '../ipc/handler-sets';
import { openExternalLink, type OpenExternal } from './external-links';

export interface AppHandlersDeps {
  appInfo: AppInfo;
  openExternal: OpenExternal;
  /** Resolves the target to a path main wrote and reveals it (src-main/desktop/show-in-folder.ts). */
  showInFolder: (target: ShowInFolderTarget) => Promise<{ shown: boolean }>;
}

export function appHandlers({ appInfo, openExternal, showInFolder }: AppHandlersDeps): HandlersFor<'app:info' | 'app:openExternal' | 'app:showInFolder'> {
  return {
    'app:info': () => appInfo,
    'app:openExternal': async ({ link }) => {
      await openExternalLink(openExternal, link);
      return { opened: true };
    },
    'app:showInFolder': ({ target }) => showInFolder(target),
  };
}
