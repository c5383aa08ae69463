/** Turning what was measured into figures against their bounds (bench/README.md). */
import type { EmulatorStats } from '../src-main/emulator';
import { callBound, LIST_OPERATIONS, PAGE_SIZE, PER_ACCOUNT, PER_ITERATION, PER_PROJECT, PER_TRAINED_ITERATION, PER_IMAGE_OPERATIONS } from './call-bound';
import type { AccountShape, BaselineResult, ExportResult } from './protocol';
import { figure, type Figure } from './report';

const MB = 1_000_000;
export const TIME_SLACK = 1.25;
export const SPEED_UP = 5;
export const MEMORY_BOUND_MB = 300;

const sum = (values: Iterable<number>): number => [...values].reduce((total, value) => total + value, 0);
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** Bytes of each blob once, however often it was fetched (a second fetch is waste, not need). */
export function distinctBlobBytes(stats: EmulatorStats): { bytes: number; blobs: number; refetched: number } {
  let bytes = 0;
  let refetched = 0;
  const entries = Object.values(stats.blobDownloads);
  for (const entry of entries) {
    bytes += entry.count > 0 ? entry.bytes / entry.count : entry.bytes;
    if (entry.count > 1) refetched += 1;
  }
  return { bytes, blobs: entries.length, refetched };
}

export function callsFigure(shape: AccountShape, stats: EmulatorStats): Figure {
  const bound = callBound(shape);
  const requests = stats.requests;
  const actual = sum(Object.values(requests));
  const lists = sum(LIST_OPERATIONS.map((op) => requests[op] ?? 0));
  const perImage = sum(PER_IMAGE_OPERATIONS.map((op) => requests[op] ?? 0));
  const ideal = sum(
    shape.projects.flatMap((p) => [p.workspace, p.predictions, ...p.iterations.filter((i) => i.trained).flatMap((i) => [i.tagged, i.untagged, i.performances])]).map((n) => Math.ceil(n / PAGE_SIZE)),
  );
  const byOperation = Object.entries(requests)
    .sort((a, b) => b[1] - a[1])
    .map(([op, n]) => `${op} ${n}`)
    .join(', ');
  return figure({
    key: 'calls',
    label: `API calls (${shape.imageFiles.toLocaleString('en-US')}-image account)`,
    value: actual,
    unit: '',
    bound: bound.total,
    limit: { ratio: 1, direction: 'at most' },
    details: [
      `list calls ${lists} for ${bound.imageSets} image sets (bound ${bound.lists}: ceil(n/${PAGE_SIZE}) per set, +1 when n is 0 or a multiple of ${PAGE_SIZE}; Σ ceil(n/${PAGE_SIZE}) alone = ${ideal})`,
      `other calls ${actual - lists} (bound ${bound.constant} = ${PER_ACCOUNT} per account + ${PER_PROJECT} × ${bound.projects} projects + ${PER_ITERATION} × ${bound.iterations} iterations + ${PER_TRAINED_ITERATION} per trained iteration)`,
      `per-image calls (${PER_IMAGE_OPERATIONS.join('/')}, allowed only to renew expired links): ${perImage}; 429 answers: ${stats.rateLimited}`,
      `by operation: ${byOperation}`,
    ],
    data: { lists, listBound: bound.lists, constantBound: bound.constant, perImageCalls: perImage, rateLimited: stats.rateLimited, requests },
  });
}

export interface TimeInputs {
  shape: AccountShape;
  stats: EmulatorStats;
  result: ExportResult;
  tps: number;
  bandwidthKbps: number;
  latencyMs: number;
  blobLatencyMs: number;
  emulatorCpuMs: number;
  /** Parallel downloads, or undefined for the engine's default. */
  concurrency: number | undefined;
}

export function timeFigure(input: TimeInputs): Figure {
  const { result, stats } = input;
  const calls = callBound(input.shape).total;
  const blobs = distinctBlobBytes(stats);
  const bytesPerSecond = (input.bandwidthKbps * 1000) / 8;
  const apiSeconds = calls / input.tps;
  const byteSeconds = bytesPerSecond > 0 ? blobs.bytes / bytesPerSecond : 0;
  const bound = Math.max(apiSeconds, byteSeconds);
  const t = result.timeline;
  const afterImages = t.imagesLastMs === undefined ? undefined : result.elapsedMs - t.imagesLastMs;
  return figure({
    key: 'time',
    label: 'export time',
    value: result.elapsedMs / 1000,
    unit: 's',
    bound,
    limit: { ratio: TIME_SLACK, direction: 'at most' },
    details: [
      `bound = max(${calls} calls ÷ ${input.tps}/s = ${apiSeconds.toFixed(1)} s, ${(blobs.bytes / MB).toFixed(1)} MB in ${blobs.blobs} blobs ÷ ${(input.bandwidthKbps / 1000).toFixed(2)} Mbit/s = ${byteSeconds.toFixed(1)} s)`,
      `network: ${input.latencyMs} ms on API calls (emulator), ${input.blobLatencyMs} ms before each blob response (bench proxy), ${input.tps} calls/s, bandwidth ${(input.bandwidthKbps / 1000).toFixed(2)} Mbit/s shared by all downloads; engine: ${input.concurrency === undefined ? 'default' : input.concurrency} parallel downloads`,
      `where the time went: API busy ${seconds(t.apiBusyMs)} (${t.apiCalls} calls, ${seconds(t.limiterWaitMs)} waiting for the client's rate limiter); image files finished from ${seconds(t.imagesFirstMs ?? 0)} to ${seconds(t.imagesLastMs ?? 0)}; ${afterImages === undefined ? '?' : seconds(afterImages)} after the last image (iteration records, performance, predictions, models, datasets, viewer, manifest)`,
      `emulator CPU during the export: ${seconds(input.emulatorCpuMs)}; blobs fetched more than once: ${blobs.refetched}; bundle: ${result.status}, ${result.files} files, ${result.problems} problems`,
    ],
    data: { elapsedMs: result.elapsedMs, apiSeconds, byteSeconds, blobBytes: blobs.bytes, bandwidthKbps: input.bandwidthKbps, timeline: t, status: result.status, problems: result.problems, refetchedBlobs: blobs.refetched },
  });
}

export interface BaselineInputs {
  ours: ExportResult;
  baseline: BaselineResult;
  workspaceImages: number;
  baselineCalls: number;
  baselineRateLimited: number;
  /** The time figure's bound: no exporter can beat it, so baseline ÷ bound is the best speed-up possible here. */
  timeBoundSeconds: number;
}

export function baselineFigure(input: BaselineInputs): Figure {
  const { ours, baseline, workspaceImages } = input;
  const measured = baseline.images >= workspaceImages;
  const projectedMs = measured ? baseline.elapsedMs : (baseline.elapsedMs * workspaceImages) / Math.max(1, baseline.images);
  const speedUp = projectedMs / ours.elapsedMs;
  const bestPossible = projectedMs / 1000 / input.timeBoundSeconds;
  return figure({
    key: 'baseline',
    label: 'speed-up over the sequential SDK export',
    value: speedUp,
    unit: '×',
    bound: SPEED_UP,
    limit: { ratio: 1, direction: 'at least' },
    details: [
      measured
        ? `SDK baseline: all ${baseline.images} workspace images in ${seconds(baseline.elapsedMs)} (measured, not extrapolated)`
        : `SDK baseline: ${baseline.images} images (${(baseline.bytes / MB).toFixed(1)} MB) in ${seconds(baseline.elapsedMs)}, ${baseline.listCalls} list calls → EXTRAPOLATED linearly from ${baseline.images} to ${workspaceImages} workspace images: ${seconds(projectedMs)}`,
      `ours: ${seconds(ours.elapsedMs)} for everything (workspace and iteration-only images, predictions, models, records, datasets, viewer); the baseline saves workspace images only`,
      `best speed-up any exporter could reach here (baseline ÷ the time bound ${input.timeBoundSeconds.toFixed(1)} s): ${bestPossible.toFixed(2)}×`,
      `baseline API requests seen by the emulator: ${input.baselineCalls} (429 answers: ${input.baselineRateLimited})`,
    ],
    data: { baselineMs: baseline.elapsedMs, baselineImages: baseline.images, projectedMs, extrapolatedFrom: measured ? null : baseline.images, oursMs: ours.elapsedMs, bestPossible },
  });
}

const mb = (bytes: number | undefined): string => (bytes === undefined ? '? MB' : `${(bytes / MB).toFixed(0)} MB`);

function heapText(label: string, heap: { heapTotalBytes: number; heapUsedBytes: number } | undefined): string {
  return `${label} ${mb(heap?.heapTotalBytes)} (${mb(heap?.heapUsedBytes)} in use, live and not yet collected)`;
}

function workerCaps(caps: readonly number[]): string {
  if (caps.length <= 1) return `${caps[0] ?? '?'} MB (never ran out)`;
  return `${caps.join(' → ')} MB (ran out of heap and was restarted ${caps.length - 1} time(s))`;
}

export function memoryFigure(result: ExportResult, images: number, emulatorCpuMs: number, folder: string, nodeFlags: readonly string[]): Figure {
  const peak = result.vmHwmBytes ?? result.sampledPeakRssBytes;
  const worker = result.worker.atPeak;
  return figure({
    key: 'memory',
    label: `peak RSS exporting ${images.toLocaleString('en-US')} images`,
    value: peak / MB,
    unit: 'MB',
    bound: MEMORY_BOUND_MB,
    limit: { ratio: 1, direction: 'at most' },
    details: [
      `${result.vmHwmBytes === undefined ? 'sampled every 50 ms (no /proc here)' : `VmHWM ${(result.vmHwmBytes / MB).toFixed(1)} MB; sampled every 50 ms: ${(result.sampledPeakRssBytes / MB).toFixed(1)} MB`} (MB = 10^6 bytes)`,
      `export took ${seconds(result.elapsedMs)} into ${folder} (no bandwidth cap, high rate limit); emulator CPU ${seconds(emulatorCpuMs)}; bundle: ${result.status}, ${result.files.toLocaleString('en-US')} files, ${result.problems} problems`,
      `${nodeFlags.length === 0 ? 'node defaults (as the CLI runs)' : `node flags ${nodeFlags.join(' ')}`}; the engine runs in a worker thread, old-generation cap ${workerCaps(result.worker.heapCapsMb)}; RSS each 10 s (MB): ${result.rssMbPerSecond.filter((_, i) => i % 10 === 0).join(' ')}`,
      `at the sampled peak: ${heapText('export worker V8 heap', worker)}, external ${mb(worker?.externalBytes)} (array buffers ${mb(worker?.arrayBuffersBytes)}); ${heapText('main thread V8 heap', result.atPeak)}, external ${mb(result.atPeak.externalBytes)}; the rest is code, stacks and native memory`,
    ],
    data: { vmHwmBytes: result.vmHwmBytes ?? null, sampledPeakRssBytes: result.sampledPeakRssBytes, workerHeapCapsMb: result.worker.heapCapsMb, rssMbPerSecond: result.rssMbPerSecond, imagesPerSecond: result.timeline.imagesPerSecond, elapsedMs: result.elapsedMs, status: result.status, files: result.files },
  });
}

/** A figure measured on a bundle that is not complete proves nothing: it fails. */
export function requireComplete(f: Figure, status: string, problems: number): Figure {
  if (status === 'complete' && problems === 0) return f;
  return { ...f, pass: false, details: [...f.details, `FAIL: the bundle is ${status} with ${problems} problems, so this figure does not count`] };
}
