/**
 * Child process for cleanup-run-kill.test.ts: runs the plan at CV_CLEANUP_PLAN against the
 * emulator the parent started, until it finishes or the parent kills it with SIGKILL.
 * Endpoint and key come from the environment (never the command line: keys must not show
 * in process lists). Bundled with esbuild by the test, so it runs as plain JS.
 */
import { readFile } from 'node:fs/promises';
import { CLEANUP_CATEGORIES, CleanupPlanSchema } from '../../../shared/model/cleanup';
import { runCleanup } from '../../../src-main/cleanup/run-cleanup';
import { createTrainingClient, RateLimiterRegistry } from '../../../src-main/customvision';
import { JobProgress } from '../../../src-main/jobs';
import { testSealer } from './cleanup-run-support';

async function main(): Promise<void> {
  const endpoint = process.env.CV_CLEANUP_ENDPOINT ?? '';
  const key = process.env.CV_CLEANUP_KEY ?? '';
  const planPath = process.env.CV_CLEANUP_PLAN ?? '';
  const plan = CleanupPlanSchema.parse(JSON.parse(await readFile(planPath, 'utf8')));
  const client = createTrainingClient({ endpoint, key, rateLimiters: new RateLimiterRegistry(), rateLimit: 1000 });
  const outcome = await runCleanup(
    { jobId: 'kill-child', signal: new AbortController().signal, progress: new JobProgress(CLEANUP_CATEGORIES), checkpoint: async () => undefined },
    client,
    { planPath, plan, sealer: testSealer(), confirmText: plan.confirmText, backup: { kind: 'waived' }, pollIntervalMs: 10 },
  );
  process.stderr.write(`complete: ${outcome.complete}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
