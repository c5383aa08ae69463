/**
 * One export, in a process of its own, exactly as the app's job and the CLI run it:
 * runExportInWorker (the engine in a worker thread with the app's heap cap, restarted
 * with more heap if it runs out) with the engine's real defaults (all categories, its
 * default parallel downloads, the process's shared rate limiter). Endpoint, folder and
 * rate come from the environment, the key from CV_STEWARD_TRAINING_KEY (never the
 * command line); it goes to the worker as the app's does. Reports elapsed time, peak RSS
 * of the whole process (main thread and worker: sampled, and the kernel's VmHWM) and
 * where the time went.
 */
import { readFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { EXPORT_CATEGORIES } from '../shared/model/bundle';
import type { RequestLogEntry } from '../src-main/customvision';
import { readManifest } from '../src-main/export';
import { runExportInWorker, type WorkerHeapSample } from '../src-main/export-worker';
import { JobProgress, type JobContext, type ProgressDelta } from '../src-main/jobs';
import type { ExportResult } from './protocol';
import { runChild } from './child-main';

function env(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
}

function optionalNumber(name: string): number | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : Number(value);
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
  /** The worker's latest heap figures (it samples every 50 ms, as the sampler below does). */
  let workerHeap: WorkerHeapSample | undefined;
  /** What the process held when RSS peaked: tells heap growth from buffers and native memory. */
  let atPeak = process.memoryUsage();
  let workerAtPeak: WorkerHeapSample | undefined;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    const rss = usage.rss;
    if (rss > peakRss) {
      atPeak = usage;
      workerAtPeak = workerHeap;
    }
    peakRss = Math.max(peakRss, rss);
    const second = Math.floor((Date.now() - began) / 1000);
    rssPerSecond[second] = Math.max(rssPerSecond[second] ?? 0, Math.round(rss / 1e6));
  }, 50);

  // The request log is the worker client's, forwarded: the same entries as in one thread.
  const calls: Array<[number, number]> = [];
  let limiterWaitMs = 0;
  const onRequest = (entry: RequestLogEntry): void => {
    calls.push([entry.startedAt - entry.waitedMs, entry.startedAt + entry.durationMs]);
    limiterWaitMs += entry.waitedMs;
  };
  const heapCapsMb: number[] = [];

  const started = Date.now();
  const timeline = { first: undefined as number | undefined, last: undefined as number | undefined };
  const perSecond: number[] = [];
  const progress = new JobProgress(EXPORT_CATEGORIES);
  const advance = progress.advance.bind(progress);
  // Progress reaches this thread in batches of at most 50 ms (the worker's flush interval).
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
  const heapMb = optionalNumber('BENCH_EXPORT_HEAP_MB');
  const youngMb = optionalNumber('BENCH_EXPORT_YOUNG_MB');
  const { summary } = await runExportInWorker(ctx, {
    connection: { endpoint, key: env('CV_STEWARD_TRAINING_KEY'), rateLimit: rate },
    folder,
    selection: { categories: [...EXPORT_CATEGORIES] },
    account: { endpointHost: new URL(endpoint).host, keyFingerprint: 'bench0000', displayName: 'Bench account' },
    toolVersion: 'bench',
    // Unset = the engine's and the worker's own defaults, which is what the figures are about.
    ...(process.env.BENCH_CONCURRENCY ? { concurrency: Number(process.env.BENCH_CONCURRENCY) } : {}),
    ...(heapMb === undefined ? {} : { heapMb }),
    ...(youngMb === undefined ? {} : { youngGenerationMb: youngMb }),
    observe: {
      onWorker: (info) => heapCapsMb.push(info.heapMb),
      onRequest,
      onHeap: (sample) => (workerHeap = sample),
    },
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
    worker: { heapCapsMb, atPeak: workerAtPeak ?? workerHeap },
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

runChild(main);
