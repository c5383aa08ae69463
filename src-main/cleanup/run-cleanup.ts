/**
 * One cleanup run (docs/architecture.md, "Cleanup"): the gate, then the steps, then the
 * proof, then the receipt. Every run of the same plan, after a crash, kill -9, cancel or
 * lost network, passes the gate again and resumes from the journal next to the plan; the
 * receipt is rewritten at the end of each run that gets that far, covering every call of
 * every run.
 */
import type { Language } from '../../shared/model/preferences';
import { CLEANUP_CATEGORIES, type CleanupPlan, type Receipt } from '../../shared/model/cleanup';
import type { TrainingClient } from '../customvision';
import { JobProgress, type JobContext, type ProgressReporter } from '../jobs';
import { CleanupJournal } from './cleanup-journal';
import { cleanupPaths } from './cleanup-paths';
import { checkBundleCoverage } from './coverage';
import { executePlan } from './executor';
import { passGate, type BackupChoice, type CoverageCheck } from './gate';
import type { PlanSealer } from './plan-seal';
import { provePlan } from './proof';
import { acquireRunLock } from './run-lock';
import { buildReceipt, writeReceipt } from './receipt';

export const DEFAULT_POLL_INTERVAL_MS = 2_000;
/** How long to wait for a 202 deletion before going on (the proof checks again anyway). */
export const DEFAULT_POLL_TIMEOUT_MS = 10 * 60_000;

export interface RunCleanupOptions {
  /** The saved plan; journal and receipts go next to it (cleanupPaths). */
  planPath: string;
  plan: CleanupPlan;
  /** Checks the plan's seal before anything else (plan-seal.ts). */
  sealer: PlanSealer;
  /** Must equal plan.confirmText exactly, else CONFIRMATION_MISMATCH before any call. */
  confirmText: string;
  backup: BackupChoice;
  now?: () => Date;
  /** 202 polling (tests pass small values). */
  pollIntervalMs?: number;
  pollTimeoutMs?: number;
  /** The bundle check; defaults to checkBundleCoverage (tests inject a double). */
  checkCoverage?: CoverageCheck;
  /** The receipt's language (JSON texts and HTML page). Default 'en'. */
  language?: Language;
}

export interface CleanupOutcome {
  receipt: Receipt;
  receiptJsonPath: string;
  receiptHtmlPath: string;
  /** Every step verified by the proof. */
  complete: boolean;
}

export async function runCleanup(ctx: JobContext, client: TrainingClient, options: RunCleanupOptions): Promise<CleanupOutcome> {
  const { plan } = options;
  const now = options.now ?? (() => new Date());
  const paths = cleanupPaths(options.planPath);

  // Nothing is read from or written to the account, and no journal is started, before this.
  // The coverage check reports its own progress on the same categories; the run's bars
  // must count deletions only, so it gets a progress of its own (cancel and pause still reach
  // it) — except the re-hashing of the bundle's files, which can take minutes and is shown.
  const gateCtx: JobContext = { jobId: ctx.jobId, signal: ctx.signal, checkpoint: () => ctx.checkpoint(), progress: filesOnly(ctx.progress) };
  const backup = await passGate(gateCtx, client, {
    plan,
    sealer: options.sealer,
    confirmText: options.confirmText,
    backup: options.backup,
    checkCoverage: options.checkCoverage ?? checkBundleCoverage,
    now,
  });

  const lock = await acquireRunLock(paths.journal);
  let journal: CleanupJournal | undefined;
  try {
    journal = await CleanupJournal.open(paths.journal, plan.planId);
    await journal.recordStart({ at: now().toISOString(), planId: plan.planId, backup });
    await executePlan(ctx, client, {
      plan,
      journal,
      now,
      pollIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
      pollTimeoutMs: options.pollTimeoutMs ?? DEFAULT_POLL_TIMEOUT_MS,
    });
    const verifications = await provePlan(ctx, client, plan, journal);
    const receipt = buildReceipt({ plan, journal, verifications, finishedAt: now(), ...(options.language ? { language: options.language } : {}) });
    await writeReceipt(paths, receipt, new Map(plan.projects.map((project) => [project.id, project.name])));
    return { receipt, receiptJsonPath: paths.receiptJson, receiptHtmlPath: paths.receiptHtml, complete: receipt.complete };
  } finally {
    await journal?.close();
    await lock.release();
  }
}

/** A reporter that passes the bundle check's `files` bar to the run and keeps the rest to itself. */
function filesOnly(run: ProgressReporter): ProgressReporter {
  const own = new JobProgress(CLEANUP_CATEGORIES);
  const target = (category: string): ProgressReporter => (category === 'files' ? run : own);
  return {
    setTotal: (category, total, bytesTotal) => target(category).setTotal(category, total, bytesTotal),
    advance: (category, delta) => target(category).advance(category, delta),
    fail: (category, message) => target(category).fail(category, message),
  };
}
