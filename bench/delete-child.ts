/**
 * One deletion of a project's images, in a process of its own, as `cv-steward cleanup`
 * does it: a plan of the scope {part, allImages} (buildPlan, then savePlan and loadPlan,
 * NOT timed: planning is the snapshot the user reviews before confirming), then
 * runCleanup with the plan's confirmText and the backup waived, TIMED end to end — the
 * gate, every DeleteImages call journaled with fsync, the 202 polling, the proof and the
 * receipt: what the user waits for after confirming.
 *
 * Planning runs while the emulator has no rate limit or latency (the parent sets the
 * network model between `planned` and `go`), with a client of its own, as `cleanup plan`
 * is a process of its own; the timed run gets a fresh client built as the CLI builds it:
 * createTrainingClient with the rate (the CLI's --rate, default 10) and the process-wide
 * limiter registry. Endpoint, folder and rates come from the environment, the key from
 * CV_STEWARD_TRAINING_KEY (never the command line).
 */
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CLEANUP_CATEGORIES } from '../shared/model/cleanup';
import { buildPlan, cleanupPaths, keychainPlanSealer, loadPlan, runCleanup, savePlan } from '../src-main/cleanup';
import { MemorySecretStore } from '../src-main/secrets';
import { createTrainingClient, RateLimiterRegistry, type RequestLogEntry } from '../src-main/customvision';
import { JobProgress, type JobContext, type ProgressDelta } from '../src-main/jobs';
import type { DeleteCall, DeletePlanned, DeleteRunResult } from './protocol';
import { runChild } from './child-main';

function env(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
}

function context(progress: JobProgress): JobContext {
  return { jobId: 'bench-delete', signal: new AbortController().signal, progress, checkpoint: async () => undefined };
}

/** Resolves when the parent says `go` (after it switched the emulator to the network model). */
function go(): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (message: { type?: string }): void => {
      if (message.type !== 'go') return;
      process.off('message', onMessage);
      resolve();
    };
    process.on('message', onMessage);
  });
}

async function bytesOf(paths: readonly string[]): Promise<number> {
  let total = 0;
  for (const path of paths) total += (await stat(path).catch(() => undefined))?.size ?? 0;
  return total;
}

async function main(): Promise<void> {
  const endpoint = env('BENCH_ENDPOINT');
  const folder = env('BENCH_FOLDER');
  const projectId = env('BENCH_PROJECT_ID');
  const key = env('CV_STEWARD_TRAINING_KEY');
  await mkdir(folder, { recursive: true });
  const planPath = join(folder, 'delete-all-images.plan.json');

  // ── Planning: not timed. Its own limiter registry, so nothing of it carries into the run.
  const planStarted = Date.now();
  const planClient = createTrainingClient({ endpoint, key, rateLimit: Number(env('BENCH_PLAN_RATE')), rateLimiters: new RateLimiterRegistry() });
  const built = await buildPlan(context(new JobProgress(CLEANUP_CATEGORIES)), planClient, {
    scope: { kind: 'part', projectId, part: { kind: 'allImages' } },
    account: { endpointHost: new URL(endpoint).host, keyFingerprint: 'bench0000', displayName: 'Bench account' },
  });
  // Sealed as the app seals plans (here with an in-memory keychain); the run checks the seal.
  const sealer = keychainPlanSealer(new MemorySecretStore());
  await savePlan(planPath, built, sealer);
  // As `cleanup run` does: the plan it runs is the file, read back and checked.
  const plan = await loadPlan(planPath);
  const deleteImagesSteps = plan.steps.filter((step) => step.kind === 'deleteImages').length;
  const planned: DeletePlanned = {
    type: 'planned',
    planMs: Date.now() - planStarted,
    images: plan.counts.images,
    imagesOnlyInIterations: plan.counts.imagesOnlyInIterations,
    steps: plan.steps.length,
    deleteImagesSteps,
    idsPerDeleteCall: planClient.maxIdsPerCall('DeleteImages', projectId, { allIterations: true }),
  };
  const started = go();
  process.send?.(planned);
  await started;

  // ── The run: timed, from runCleanup's call to its return.
  const log: RequestLogEntry[] = [];
  const client = createTrainingClient({ endpoint, key, rateLimit: Number(env('BENCH_CLIENT_RATE')), requestLog: (entry) => log.push(entry) });
  const progress = new JobProgress(CLEANUP_CATEGORIES);
  const journaled: number[] = [];
  let t0 = 0;
  const advance = progress.advance.bind(progress);
  // The executor advances the images bar right after a step's journal line is fsynced.
  progress.advance = (category: string, delta?: ProgressDelta) => {
    if (category === 'images' && t0 > 0) journaled.push(Date.now() - t0);
    advance(category, delta);
  };
  t0 = Date.now();
  const outcome = await runCleanup(context(progress), client, { planPath, plan, sealer, confirmText: plan.confirmText, backup: { kind: 'waived' } });
  const elapsedMs = Date.now() - t0;

  const calls: DeleteCall[] = log.map((entry) => ({
    operation: entry.operation,
    askedMs: entry.startedAt - entry.waitedMs - t0,
    sentMs: entry.startedAt - t0,
    endMs: entry.startedAt + entry.durationMs - t0,
    status: entry.status,
    attempt: entry.attempt,
  }));
  const paths = cleanupPaths(planPath);
  const receipt = outcome.receipt;
  const result: DeleteRunResult = {
    type: 'result',
    elapsedMs,
    planImages: plan.counts.images,
    deleteImagesSteps,
    calls,
    journaledMs: journaled,
    complete: outcome.complete,
    verifications: receipt.verifications.length,
    unverified: receipt.verifications.filter((item) => !item.verified).length,
    journaledCalls: receipt.calls.length,
    failedCalls: receipt.calls.filter((call) => call.outcome === 'failed').length,
    journalBytes: await bytesOf([paths.journal]),
    receiptBytes: await bytesOf([paths.receiptJson, paths.receiptHtml]),
  };
  // Nothing of the run may be left behind but the plan, its journal and its receipts.
  if ((await readdir(folder)).some((name) => name.endsWith('.lock'))) throw new Error('the run lock was not released');
  process.send?.(result);
}

runChild(main, (error) => (error instanceof Error ? (error.stack ?? error.message) : String(error)));
