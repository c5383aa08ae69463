import type { StateCreator } from 'zustand';
import { toAppError } from '../lib/app-error';
import type { StewardClient, StewardState } from './types';

export interface DiagnosticsSlice {
  /** The system check started from this window, if any. */
  systemCheckJobId: string | null;
  systemCheckStarting: boolean;
  startSystemCheck(): Promise<void>;
}

export const createDiagnosticsSlice =
  (client: StewardClient): StateCreator<StewardState, [], [], DiagnosticsSlice> =>
  (set, get) => ({
    systemCheckJobId: null,
    systemCheckStarting: false,
    startSystemCheck: async () => {
      if (get().systemCheckStarting) return;
      set({ systemCheckStarting: true });
      try {
        const { jobId } = await client.diagnostics.start();
        set({ systemCheckJobId: jobId });
        // Progress events will follow; listing now shows the job without waiting for one.
        await get().loadJobs();
      } catch (error) {
        get().pushError(toAppError(error));
      } finally {
        set({ systemCheckStarting: false });
      }
    },
  });
