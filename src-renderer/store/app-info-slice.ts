import type { StateCreator } from 'zustand';
import type { AppInfo } from '../../shared/model/app-info';
import { toAppError, type AppErrorInput } from '../lib/app-error';
import type { LoadStatus, StewardClient, StewardState } from './types';

export interface AppInfoSlice {
  appInfo: AppInfo | null;
  appInfoStatus: LoadStatus;
  /** Shown where the info is shown (Settings › About), not in the global error surface. */
  appInfoError: AppErrorInput | null;
  loadAppInfo(): Promise<void>;
}

export const createAppInfoSlice =
  (client: StewardClient): StateCreator<StewardState, [], [], AppInfoSlice> =>
  (set, get) => ({
    appInfo: null,
    appInfoStatus: 'idle',
    appInfoError: null,
    loadAppInfo: async () => {
      if (get().appInfoStatus === 'loading') return;
      set({ appInfoStatus: 'loading', appInfoError: null });
      try {
        const appInfo = await client.app.info();
        set({ appInfo, appInfoStatus: 'ready' });
      } catch (error) {
        set({ appInfoStatus: 'error', appInfoError: toAppError(error) });
      }
    },
  });
