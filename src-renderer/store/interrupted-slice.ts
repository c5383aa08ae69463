/**
 * Jobs a quit or crash interrupted (docs/architecture.md, "Jobs"), for the banner at the
 * top of the app, and the cleanup plans saved in main's data folder, for the wizard's
 * "Saved plans" list.
 *
 * Resuming an export starts a new export job into the same bundle and shows it on the
 * Export page. Resuming a cleanup deletes nothing: it opens the plan in the wizard at the
 * review step, where the backup and the typed confirmation are asked for again.
 */
import type { StateCreator } from 'zustand';
import type { InterruptedJob, SavedPlan } from '../../shared/model/resume';
import { inInterfaceLanguage } from '../lib/api';
import { toAppError, type AppErrorInput } from '../lib/app-error';
import type { LoadStatus, StewardClient, StewardState } from './types';

export interface InterruptedSlice {
  interruptedJobs: InterruptedJob[];
  interruptedStatus: LoadStatus;
  /** The job whose Resume or Dismiss is on its way to main (its buttons wait). */
  interruptedPendingId: string | null;
  /** Main refused a Resume or Dismiss: shown in the banner, next to the job. */
  interruptedError: { id: string; error: AppErrorInput } | null;
  savedPlans: SavedPlan[];
  savedPlansStatus: LoadStatus;
  loadInterruptedJobs(): Promise<void>;
  /** True once main accepted it (the export started, or the plan is open in the wizard). */
  resumeInterruptedJob(id: string): Promise<boolean>;
  dismissInterruptedJob(id: string): Promise<void>;
  loadSavedPlans(): Promise<void>;
}

export const createInterruptedSlice =
  (client: StewardClient): StateCreator<StewardState, [], [], InterruptedSlice> =>
  (set, get) => {
    const without = (id: string) => get().interruptedJobs.filter((job) => job.id !== id);

    /** One Resume or Dismiss at a time; a refusal stays with its job. */
    const act = async (id: string, work: () => Promise<void>): Promise<boolean> => {
      if (get().interruptedPendingId !== null) return false;
      set({ interruptedPendingId: id, interruptedError: null });
      try {
        await work();
        return true;
      } catch (error) {
        set({ interruptedError: { id, error: toAppError(error) } });
        return false;
      } finally {
        set({ interruptedPendingId: null });
      }
    };

    return {
      interruptedJobs: [],
      interruptedStatus: 'idle',
      interruptedPendingId: null,
      interruptedError: null,
      savedPlans: [],
      savedPlansStatus: 'idle',

      loadInterruptedJobs: async () => {
        set({ interruptedStatus: 'loading' });
        try {
          set({ interruptedJobs: await client.jobs.interrupted(), interruptedStatus: 'ready' });
        } catch (error) {
          // The banner is a convenience: a failure to list goes to the error surface, the app goes on.
          set({ interruptedStatus: 'error' });
          get().pushError(toAppError(error));
        }
      },

      resumeInterruptedJob: (id) =>
        act(id, async () => {
          const result = await client.jobs.resumeInterrupted({ id });
          set({ interruptedJobs: without(id) });
          if (result.kind === 'export') {
            // The Export page follows this job, as if it had been started there.
            set({ exportJobId: result.jobId });
            get().navigate('export');
            await get().loadJobs();
          } else {
            await get().openCleanupPlan(result.planId);
          }
        }),

      dismissInterruptedJob: async (id) => {
        await act(id, async () => {
          await client.jobs.dismissInterrupted({ id });
          set({ interruptedJobs: without(id) });
        });
      },

      loadSavedPlans: async () => {
        set({ savedPlansStatus: 'loading' });
        try {
          set({ savedPlans: await client.cleanup.plans(inInterfaceLanguage({})), savedPlansStatus: 'ready' });
        } catch (error) {
          set({ savedPlansStatus: 'error' });
          get().pushError(toAppError(error));
        }
      },
    };
  };
