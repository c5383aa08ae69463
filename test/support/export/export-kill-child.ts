/**
 * Child process for export-kill.test.ts: runs one export into CV_EXPORT_FOLDER against the
 * emulator the parent started, until it finishes or the parent kills it with SIGKILL.
 * Endpoint and key come from the environment (never the command line: keys must not show
 * in process lists). Bundled with esbuild by the test, so it runs as plain JS.
 */
import { EXPORT_CATEGORIES } from '../../../shared/model/bundle';
import { createTrainingClient, RateLimiterRegistry } from '../../../src-main/customvision';
import { runExport } from '../../../src-main/export';
import { JobProgress } from '../../../src-main/jobs';

async function main(): Promise<void> {
  const endpoint = process.env.CV_EXPORT_ENDPOINT ?? '';
  const key = process.env.CV_EXPORT_KEY ?? '';
  const folder = process.env.CV_EXPORT_FOLDER ?? '';
  const controller = new AbortController();
  const client = createTrainingClient({ endpoint, key, rateLimiters: new RateLimiterRegistry(), rateLimit: 1000 });
  await runExport(
    {
      jobId: 'kill-child',
      signal: controller.signal,
      progress: new JobProgress(EXPORT_CATEGORIES),
      checkpoint: async () => undefined,
    },
    {
      client,
      folder,
      selection: { categories: [...EXPORT_CATEGORIES] },
      account: { endpointHost: new URL(endpoint).host, keyFingerprint: 'ab12cd34', displayName: 'Kill test' },
      toolVersion: '0.1.0-test',
      concurrency: 6,
    },
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
