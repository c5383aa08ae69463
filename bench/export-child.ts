/**
 * One export, in a process of its own, with the engine's real defaults (all categories,
 * its default parallel downloads, the client's shared-style rate limiter): the same runExport the
 * app's job and the CLI call. Endpoint, folder and rate come from the environment, the
 * key from CV_STEWARD_TRAINING_KEY (never the command line). Reports elapsed time, peak
 * RSS (sampled, and the kernel's VmHWM) and where the time went.
 */
import { readFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { EXPORT_CATEGORIES } from '../shared/model/bundle';
import { createTrainingClient, RateLimiterRegistry, type RequestLogEntry } from '../src-main/customvision';
import { readManifest, runExport } from '../src-main/export';
import { JobProgress, type JobContext, type ProgressDelta } from '../src-main/jobs';
import type { ExportResult } from './protocol';

function env(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
}

function vmHwmBytes(): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match?.[1] === undefined ? undefined : Number(match[1]) * 1024;
  } catch {
    return undefined;
  }
}

function mergedMs(intervals: Array<[number, number]>): number {
  intervals.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const [from, to] of intervals) {
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total;
}

async function main(): Promise<void> {
  const endpoint = env('BENCH_ENDPOINT');
  const folder = env('BENCH_FOLDER');
  const rate = Number(env('BENCH_CLIENT_RATE'));
  let peakRss = process.memoryUsage().rss;
  const began = Date.now();
  /** Largest RSS seen in each second, MB: shows which phase of the export holds the memory. */
  const rssPerSecond: number[] = [];
  /** What the process held when RSS peaked: tells heap growth from buffers and native memory. */
  let atPeak = process.memoryUsage();
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    const rss = usage.rss;
    if (rss > peakRss) atPeak = usage;
    peakRss = Math.max(peakRss, rss);
    const second = Math.floor((Date.now() - began) / 1000);
    rssPerSecond[second] = Math.max(rssPerSecond[second] ?? 0, Math.round(rss / 1e6));
  }, 50);

  const calls: Array<[number, number]> = [];
  let limiterWaitMs = 0;
  const requestLog = (entry: RequestLogEntry): void => {
    calls.push([entry.startedAt - entry.waitedMs, entry.startedAt + entry.durationMs]);
    limiterWaitMs += entry.waitedMs;
  };
  const client = createTrainingClient({ endpoint, key: env('CV_STEWARD_TRAINING_KEY'), rateLimiters: new RateLimiterRegistry(), rateLimit: rate, requestLog });

  const started = Date.now();
  const timeline = { first: undefined as number | undefined, last: undefined as number | undefined };
  const perSecond: number[] = [];
  const progress = new JobProgress(EXPORT_CATEGORIES);
  const advance = progress.advance.bind(progress);
  progress.advance = (category: string, delta?: ProgressDelta) => {
    if (category === 'images') {
      const at = Date.now() - started;
      timeline.first ??= at;
      timeline.last = at;
      const second = Math.floor(at / 1000);
      perSecond[second] = (perSecond[second] ?? 0) + (delta?.items ?? 1);
    }
    advance(category, delta);
  };
  const controller = new AbortController();
  const ctx: JobContext = { jobId: 'bench', signal: controller.signal, progress, checkpoint: async () => undefined };
  const summary = await runExport(ctx, {
    client,
    folder,
    selection: { categories: [...EXPORT_CATEGORIES] },
    account: { endpointHost: new URL(endpoint).host, keyFingerprint: 'bench0000', displayName: 'Bench account' },
    toolVersion: 'bench',
    // Unset = the engine's own default, which is what the figures are about.
    ...(process.env.BENCH_CONCURRENCY ? { concurrency: Number(process.env.BENCH_CONCURRENCY) } : {}),
  });
  const elapsedMs = Date.now() - started;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  // The peak is taken now: reading the 100 000-entry manifest below is the bench's work.
  const vmHwm = vmHwmBytes();
  const manifest = await readManifest(folder);
  const result: ExportResult = {
    type: 'result',
    elapsedMs,
    sampledPeakRssBytes: peakRss,
    vmHwmBytes: vmHwm,
    summary,
    rssMbPerSecond: Array.from(rssPerSecond, (n) => n ?? 0),
    atPeak: { heapUsedBytes: atPeak.heapUsed, heapTotalBytes: atPeak.heapTotal, externalBytes: atPeak.external, arrayBuffersBytes: atPeak.arrayBuffers },
    heapLimitBytes: getHeapStatistics().heap_size_limit,
    status: manifest.status,
    problems: manifest.problems.length,
    files: manifest.files.length,
    timeline: {
      apiBusyMs: mergedMs(calls),
      limiterWaitMs,
      apiCalls: calls.length,
      imagesFirstMs: timeline.first,
      imagesLastMs: timeline.last,
      imagesPerSecond: Array.from(perSecond, (n) => n ?? 0),
    },
  };
  process.send?.(result);
}

// The bench went away (Ctrl+C, crash): stop rather than run on unseen.
let finished = false;
process.on('disconnect', () => {
  if (!finished) process.exit(1);
});

main().then(
  () => {
    finished = true;
    process.disconnect?.();
  },
  (error: unknown) => {
    finished = true;
    process.send?.({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    process.exitCode = 1;
    process.disconnect?.();
  },
);
