import type { StateCreator } from 'zustand';
import type { ShowInFolderTarget } from '../../shared/ipc/contract';
import { i18n } from '../i18n';
import { toAppError } from '../lib/app-error';
import type { StewardClient, StewardState } from './types';

export const PAGES = ['accounts', 'inventory', 'export', 'cleanup', 'settings'] as const;
export type Page = (typeof PAGES)[number];

/** The page's name in the navigation, in the language shown now. */
export function pageLabel(page: Page): string {
  return i18n.t(`nav.${page}`);
}

export function isPage(value: unknown): value is Page {
  return typeof value === 'string' && (PAGES as readonly string[]).includes(value);
}

export interface NavigationSlice {
  page: Page;
  /** Also what the application menu's `app:navigate` event calls (connect-events.ts). */
  navigate(page: Page): void;
  /**
   * Reveals something main wrote (a bundle, a receipt, the log files) in the system's file
   * manager. The page names only ids; main finds the path. Failures reach the error surface.
   */
  showInFolder(target: ShowInFolderTarget): Promise<void>;
  /** Opens CV Steward's data folder in the system's file manager (Settings). Failures reach the error surface. */
  openDataFolder(): Promise<void>;
}

/** Pure but for `showInFolder`: the link with `location.hash` lives in hash-routing.ts. */
export const createNavigationSlice =
  (client: StewardClient): StateCreator<StewardState, [], [], NavigationSlice> =>
  (set, get) => ({
    page: 'accounts',
    navigate: (page) => {
      if (!isPage(page)) return;
      set({ page });
    },
    showInFolder: async (target) => {
      try {
        await client.app.showInFolder({ target });
      } catch (error) {
        get().pushError(toAppError(error));
      }
    },
    openDataFolder: async () => {
      try {
        await client.app.openDataFolder();
      } catch (error) {
        get().pushError(toAppError(error));
      }
    },
  });
