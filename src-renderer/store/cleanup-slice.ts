/**
 * The cleanup wizard (docs/architecture.md, "Cleanup"): scope → plan review → backup →
 * type-to-confirm → run → proof. The page holds only ids (plan, folders, jobs) and what
 * main answered; main keeps the plan, the key, the gate and the executor, so nothing here
 * can delete without them.
 *
 * The wizard's jobs are followed from job-reactions.ts, which calls the actions below when
 * they end: when the plan is built it is fetched, when a backup export ends the bundle is
 * checked, when a check ends its coverage is fetched, and when the run ends the receipt is
 * fetched and the inventory scanned again, so no page keeps showing what was deleted.
 */
import type { StateCreator } from 'zustand';
import type { ExternalLinkId } from '../../shared/model/external-links';
import type { ChosenFolder } from '../../shared/model/bundle';
import type { CleanupScope, CoverageReport, PlanSummary, Receipt } from '../../shared/model/cleanup';
import type { JobSnapshot } from '../../shared/model/job';
import { i18n } from '../i18n';
import { inInterfaceLanguage, type CleanupBackup } from '../lib/api';
import { toAppError, type AppErrorInput } from '../lib/app-error';
import { isTerminal } from '../lib/job-state';
import { draftFromScope, EMPTY_DRAFT, scopeFromDraft, type CleanupDraft } from './cleanup-scope';
import type { StewardClient, StewardState } from './types';

export const CLEANUP_STEPS = ['scope', 'review', 'backup', 'confirm', 'run', 'proof'] as const;
export type CleanupStep = (typeof CLEANUP_STEPS)[number];

export interface CleanupSlice {
  cleanupStep: CleanupStep;
  cleanupDraft: CleanupDraft;
  cleanupPlanId: string | null;
  cleanupPlanJobId: string | null;
  cleanupPlan: PlanSummary | null;
  /** The bundle checked (or backed up into) for this plan. */
  cleanupBundle: ChosenFolder | null;
  cleanupCheckJobId: string | null;
  cleanupBackupJobId: string | null;
  /** The check of `cleanupBundle` against the plan, once it has finished. */
  cleanupCoverage: CoverageReport | null;
  cleanupWaived: boolean;
  cleanupConfirmInput: string;
  cleanupRunJobId: string | null;
  cleanupReceipt: Receipt | null;
  /** A wizard request is on its way to main: its buttons wait. */
  cleanupPending: boolean;
  /** The latest refused wizard request, shown in the step it belongs to. */
  cleanupError: AppErrorInput | null;
  /** The Inventory page's actions: open the wizard with this scope filled in. */
  beginCleanup(scope: CleanupScope): void;
  /**
   * Reopens a saved plan (the saved-plans list, an interrupted cleanup) at the review step.
   * Backup and the typed confirmation are asked for again. True once the plan is shown.
   */
  openCleanupPlan(planId: string): Promise<boolean>;
  setCleanupDraft(patch: Partial<CleanupDraft>): void;
  setCleanupProject(projectId: string, selected: boolean): void;
  startCleanupPlan(): Promise<boolean>;
  /** One step back (review → scope drops the plan); never out of a run. */
  cleanupBack(): void;
  continueCleanup(): void;
  chooseCleanupBundle(): Promise<void>;
  backUpForCleanup(): Promise<void>;
  setCleanupWaived(waived: boolean): void;
  setCleanupConfirmInput(text: string): void;
  /** Starts (or, after a stop, resumes) the run. True once main accepted it. */
  runCleanupPlan(): Promise<boolean>;
  /**
   * After main refused the plan itself (edited since it was made, sealed elsewhere…): drops
   * it and builds a new one from the same choice, back at the review step. True once started.
   */
  replanCleanup(): Promise<boolean>;
  openCleanupReceipt(): Promise<void>;
  openExternalPage(link: ExternalLinkId): Promise<void>;
  resetCleanup(): void;
  /** Fetches the plan again (it was built, or its language changed); dropped if another plan is shown by then. */
  reloadCleanupPlan(planId: string): Promise<void>;
  /** Checks the chosen bundle again once a backup export into it has filled in what it lacked. */
  recheckCleanupBundle(planId: string, folder: ChosenFolder): Promise<void>;
  /** Fetches what the finished bundle check found covered. */
  loadCleanupCoverage(planId: string): Promise<void>;
  /** Fetches the receipt of a run that ended with proof, and moves on to the proof step. */
  loadCleanupReceipt(planId: string): Promise<void>;
}

/**
 * Refusals of the plan itself by main's gate: it cannot run as it is (edited after it was
 * made, unsealed, sealed on another computer, malformed, made for another account), and
 * running it again would be refused again — only a new plan can.
 */
const PLAN_REFUSALS: ReadonlySet<string> = new Set(['PLAN_TAMPERED', 'PLAN_UNSEALED', 'PLAN_SEALED_ELSEWHERE', 'PLAN_INVALID', 'PLAN_ACCOUNT_MISMATCH']);

/** Gate failures: main refused before deleting anything, so there is nothing to rescan. */
const REFUSALS: ReadonlySet<string> = new Set(['CONFIRMATION_MISMATCH', 'BACKUP_NOT_COVERING', 'BACKUP_NOT_CHECKED', 'NOTHING_TO_DELETE', ...PLAN_REFUSALS]);

const INITIAL = {
  cleanupStep: 'scope',
  cleanupDraft: EMPTY_DRAFT,
  cleanupPlanId: null,
  cleanupPlanJobId: null,
  cleanupPlan: null,
  cleanupBundle: null,
  cleanupCheckJobId: null,
  cleanupBackupJobId: null,
  cleanupCoverage: null,
  cleanupWaived: false,
  cleanupConfirmInput: '',
  cleanupRunJobId: null,
  cleanupReceipt: null,
  cleanupPending: false,
  cleanupError: null,
} satisfies Partial<CleanupSlice>;

/** What the plan may rely on now: a bundle whose check found it covering, else the waiver, else nothing. */
export function selectCleanupBackup(state: StewardState): CleanupBackup | null {
  if (state.cleanupBundle && state.cleanupCoverage?.ok && !selectCleanupBackupBusy(state)) {
    return { kind: 'bundle', folderId: state.cleanupBundle.folderId };
  }
  return state.cleanupWaived ? { kind: 'waived' } : null;
}

function jobOf(state: StewardState, id: string | null): JobSnapshot | undefined {
  return id === null ? undefined : state.jobsById[id];
}

function unfinished(job: JobSnapshot | undefined): boolean {
  return job !== undefined && !isTerminal(job.state);
}

/** A backup export or a bundle check is under way. */
export function selectCleanupBackupBusy(state: StewardState): boolean {
  return unfinished(jobOf(state, state.cleanupBackupJobId)) || unfinished(jobOf(state, state.cleanupCheckJobId));
}

export function selectCleanupRunning(state: StewardState): boolean {
  return unfinished(jobOf(state, state.cleanupRunJobId));
}

export const selectCleanupPlanJob = (state: StewardState) => jobOf(state, state.cleanupPlanJobId);
export const selectCleanupCheckJob = (state: StewardState) => jobOf(state, state.cleanupCheckJobId);
export const selectCleanupBackupJob = (state: StewardState) => jobOf(state, state.cleanupBackupJobId);
export const selectCleanupRunJob = (state: StewardState) => jobOf(state, state.cleanupRunJobId);

/** The run ended because main refused the plan itself (see PLAN_REFUSALS): nothing was deleted. */
export function planRefused(job: JobSnapshot | undefined): boolean {
  return job?.state === 'failed' && PLAN_REFUSALS.has(job.error?.code ?? '');
}

export const selectCleanupPlanRefused = (state: StewardState) => planRefused(selectCleanupRunJob(state));

/** The run ended at main's gate, before anything was deleted. */
export function refusedBeforeDeleting(job: JobSnapshot): boolean {
  return job.state === 'failed' && REFUSALS.has(job.error?.code ?? '');
}

/** The run ended with a receipt to show: everything proven gone, or proof of what was left. */
export function endedWithProof(job: JobSnapshot): boolean {
  return job.state === 'succeeded' || job.error?.code === 'CLEANUP_INCOMPLETE';
}

export const createCleanupSlice =
  (client: StewardClient): StateCreator<StewardState, [], [], CleanupSlice> =>
  (set, get) => {
    /** Runs a wizard request: one at a time, a refusal shown in the step. */
    const request = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
      if (get().cleanupPending) return undefined;
      set({ cleanupPending: true, cleanupError: null });
      try {
        return await work();
      } catch (error) {
        set({ cleanupError: toAppError(error) });
        return undefined;
      } finally {
        set({ cleanupPending: false });
      }
    };

    /** Answers about another plan (the user went back or started over) are dropped. */
    const fetchFor = async <T>(planId: string, fetch: () => Promise<T>, apply: (value: T) => void) => {
      try {
        const value = await fetch();
        if (get().cleanupPlanId === planId) apply(value);
      } catch (error) {
        if (get().cleanupPlanId === planId) set({ cleanupError: toAppError(error) });
      }
    };

    const startCheck = async (planId: string, folder: ChosenFolder) => {
      const { jobId } = await client.cleanup.checkBundle({ planId, folderId: folder.folderId });
      set({ cleanupCheckJobId: jobId, cleanupCoverage: null });
      await get().loadJobs();
    };

    return {
      ...INITIAL,

      beginCleanup: (scope) => {
        if (selectCleanupRunning(get())) {
          set({ cleanupError: { code: 'INVALID_STATE', message: i18n.t('cleanup.runningAlready'), translated: true } });
        } else {
          set({ ...INITIAL, cleanupDraft: draftFromScope(scope) });
        }
        get().navigate('cleanup');
      },

      openCleanupPlan: async (planId) => {
        get().navigate('cleanup');
        if (selectCleanupRunning(get())) {
          set({ cleanupError: { code: 'INVALID_STATE', message: i18n.t('cleanup.runningAlready'), translated: true } });
          return false;
        }
        const opened = await request(async () => {
          const plan = await client.cleanup.getPlan(inInterfaceLanguage({ planId }));
          set({ ...INITIAL, cleanupDraft: draftFromScope(plan.scope), cleanupPlanId: planId, cleanupPlan: plan, cleanupStep: 'review' });
          return true;
        });
        return opened === true;
      },

      setCleanupDraft: (patch) => set((state) => ({ cleanupDraft: { ...state.cleanupDraft, ...patch } })),

      setCleanupProject: (projectId, selected) =>
        set((state) => {
          const others = state.cleanupDraft.projectIds.filter((id) => id !== projectId);
          return { cleanupDraft: { ...state.cleanupDraft, projectIds: selected ? [...others, projectId] : others } };
        }),

      startCleanupPlan: async () => {
        const scope = scopeFromDraft(get().cleanupDraft);
        if (!scope) return false;
        const started = await request(async () => {
          const { jobId, planId } = await client.cleanup.plan({ scope });
          set({ ...INITIAL, cleanupDraft: get().cleanupDraft, cleanupPlanId: planId, cleanupPlanJobId: jobId, cleanupStep: 'review' });
          await get().loadJobs();
          return true;
        });
        return started === true;
      },

      cleanupBack: () => {
        const { cleanupStep } = get();
        if (cleanupStep === 'review') set({ ...INITIAL, cleanupDraft: get().cleanupDraft });
        else if (cleanupStep === 'backup') set({ cleanupStep: 'review', cleanupError: null });
        else if (cleanupStep === 'confirm') set({ cleanupStep: 'backup', cleanupError: null, cleanupConfirmInput: '' });
      },

      continueCleanup: () => {
        const state = get();
        if (state.cleanupStep === 'review' && (state.cleanupPlan?.stepCount ?? 0) > 0) set({ cleanupStep: 'backup', cleanupError: null });
        else if (state.cleanupStep === 'backup' && selectCleanupBackup(state)) set({ cleanupStep: 'confirm', cleanupError: null });
      },

      chooseCleanupBundle: async () => {
        const planId = get().cleanupPlanId;
        if (planId === null || selectCleanupBackupBusy(get())) return;
        await request(async () => {
          const folder = await client.cleanup.chooseBundle();
          if (!folder) return;
          set({ cleanupBundle: folder, cleanupCoverage: null, cleanupBackupJobId: null });
          await startCheck(planId, folder);
        });
      },

      backUpForCleanup: async () => {
        const planId = get().cleanupPlanId;
        if (planId === null || selectCleanupBackupBusy(get())) return;
        await request(async () => {
          const folder = await client.cleanup.chooseBundle();
          if (!folder) return;
          set({ cleanupBundle: folder, cleanupCoverage: null, cleanupCheckJobId: null });
          const { jobId } = await client.cleanup.backup(inInterfaceLanguage({ planId, folderId: folder.folderId }));
          set({ cleanupBackupJobId: jobId });
          await get().loadJobs();
        });
      },

      setCleanupWaived: (waived) => set({ cleanupWaived: waived }),

      setCleanupConfirmInput: (text) => set({ cleanupConfirmInput: text }),

      runCleanupPlan: async () => {
        const state = get();
        const backup = selectCleanupBackup(state);
        const { cleanupPlanId: planId, cleanupPlan: plan, cleanupConfirmInput: typed } = state;
        if (planId === null || !plan || !backup || typed !== plan.confirmText || selectCleanupRunning(state)) return false;
        const started = await request(async () => {
          const { jobId } = await client.cleanup.run(inInterfaceLanguage({ planId, confirmText: typed, backup }));
          set({ cleanupRunJobId: jobId, cleanupStep: 'run' });
          await get().loadJobs();
          return true;
        });
        return started === true;
      },

      replanCleanup: async () => {
        if (selectCleanupRunning(get())) return false;
        // The refused plan is dropped with everything chosen for it (bundle, waiver, typed name): the new one is reviewed afresh.
        set({ ...INITIAL, cleanupDraft: get().cleanupDraft });
        return get().startCleanupPlan();
      },

      openCleanupReceipt: async () => {
        const planId = get().cleanupPlanId;
        if (planId !== null) await request(() => client.cleanup.openReceipt({ planId }));
      },

      openExternalPage: async (link) => {
        await request(() => client.app.openExternal({ link }));
      },

      resetCleanup: () => {
        if (!selectCleanupRunning(get())) set({ ...INITIAL });
      },

      reloadCleanupPlan: (planId) => fetchFor(planId, () => client.cleanup.getPlan(inInterfaceLanguage({ planId })), (plan) => set({ cleanupPlan: plan })),

      // Not through `request`: the backup's own request may still be out when a quick export ends.
      recheckCleanupBundle: (planId, folder) => startCheck(planId, folder).catch((error: unknown) => set({ cleanupError: toAppError(error) })),

      loadCleanupCoverage: (planId) => fetchFor(planId, () => client.cleanup.coverage({ planId }), (report) => set({ cleanupCoverage: report })),

      loadCleanupReceipt: (planId) =>
        fetchFor(planId, () => client.cleanup.receipt({ planId }), (receipt) => set({ cleanupReceipt: receipt, cleanupStep: 'proof' })),
    };
  };
