/**
 * What the store does by itself when a job moves or the language changes, in one place
 * instead of inside the slices: the slices hold state and actions, this module decides
 * when to call them. It runs whichever page is on screen, so a backup that ends while the
 * user reads Settings is still checked.
 *
 * - the running export is sampled for its rate and time remaining;
 * - a verify job that ends has its report fetched;
 * - the cleanup wizard's jobs: a built plan is fetched, a finished backup export has its
 *   bundle checked again, a finished check has its coverage fetched, and a finished run
 *   rescans the inventory (unless the gate refused it) and fetches its receipt;
 * - the cleanup plan's scope sentence comes from main in the page's language, so it is
 *   asked for again when the language changes.
 *
 * Returns the function that removes every listener it added; connecting the same store
 * again returns that same function instead of reacting twice.
 */
import type { StoreApi } from 'zustand';
import type { JobSnapshot } from '../../shared/model/job';
import { i18n } from '../i18n';
import { isTerminal } from '../lib/job-state';
import { endedWithProof, refusedBeforeDeleting } from './cleanup-slice';
import { jobTotals, recordSample, selectExportJob, selectVerifyJob } from './export-slice';
import type { StewardState } from './types';
import { useStewardStore } from './index';
import { oncePerStore } from './once-per-store';

export interface JobReactionOptions {
  /** The clock the transfer samples are stamped with. */
  now?: () => number;
}

export function connectJobReactions(store: StoreApi<StewardState> = useStewardStore, options: JobReactionOptions = {}): () => void {
  return connectReactions(store, options);
}

const connectReactions = oncePerStore((store, { now = Date.now }: JobReactionOptions) => {
  const followExport = exportSampler(store, now);
  const followVerify = verifyReportFetcher();
  const followCleanup = cleanupJobFollower();

  const unsubscribeStore = store.subscribe((state, previous) => {
    followExport(state, previous);
    followVerify(state);
    followCleanup(state);
  });

  const onLanguageChanged = () => {
    const { cleanupPlanId: planId, cleanupPlan } = store.getState();
    if (planId !== null && cleanupPlan) void store.getState().reloadCleanupPlan(planId);
  };
  i18n.on('languageChanged', onLanguageChanged);

  return () => {
    unsubscribeStore();
    i18n.off('languageChanged', onLanguageChanged);
  };
});

type Reaction = (state: StewardState, previous: StewardState) => void;

/** Samples the shown export while it runs; paused time is not transfer time, so a pause starts afresh. */
function exportSampler(store: StoreApi<StewardState>, now: () => number): Reaction {
  // The job the samples belong to: another job's progress must not feed its rate.
  let sampledJobId: string | null = null;
  return (state, previous) => {
    const job = selectExportJob(state);
    if (!job || job === selectExportJob(previous)) return;
    const earlier = job.id === sampledJobId ? state.exportSamples : [];
    sampledJobId = job.id;
    const { bytes, items } = jobTotals(job);
    const samples = job.state === 'running' ? recordSample(earlier, { at: now(), bytes, items }) : [];
    if (samples.length > 0 || state.exportSamples.length > 0) store.setState({ exportSamples: samples });
  };
}

function verifyReportFetcher(): (state: StewardState) => void {
  return (state) => {
    const verify = selectVerifyJob(state);
    if (!verify || (verify.state !== 'succeeded' && verify.state !== 'failed')) return;
    // A failed verify may have no report; its error is shown with the job already. A verify
    // started elsewhere (another window, the menu) is not worth an error either.
    void state.loadEndedVerifyReport(verify.id, verify.state === 'failed' || verify.id !== state.verifyJobId);
  };
}

function cleanupJobFollower(): (state: StewardState) => void {
  // Jobs whose end has been acted on, so each is handled once.
  const handled = new Set<string>();

  const onEnd = (state: StewardState, jobId: string | null, act: (job: JobSnapshot, planId: string) => void) => {
    const job = jobId === null ? undefined : state.jobsById[jobId];
    const planId = state.cleanupPlanId;
    if (!job || !isTerminal(job.state) || handled.has(job.id) || planId === null) return;
    handled.add(job.id);
    act(job, planId);
  };

  return (state) => {
    onEnd(state, state.cleanupPlanJobId, (job, planId) => {
      if (job.state === 'succeeded') void state.reloadCleanupPlan(planId);
    });
    onEnd(state, state.cleanupBackupJobId, (job, planId) => {
      // The export filled in what the bundle lacked: check it again, as the gate will.
      const folder = state.cleanupBundle;
      if (job.state === 'succeeded' && folder) void state.recheckCleanupBundle(planId, folder);
    });
    onEnd(state, state.cleanupCheckJobId, (_job, planId) => {
      // A failed check still leaves its report (what is not covered), so fetch it either way.
      void state.loadCleanupCoverage(planId);
    });
    onEnd(state, state.cleanupRunJobId, (job, planId) => {
      if (!refusedBeforeDeleting(job)) void state.scanInventory();
      if (endedWithProof(job)) void state.loadCleanupReceipt(planId);
    });
  };
}
