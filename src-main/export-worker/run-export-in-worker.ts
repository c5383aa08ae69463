/**
 * runExportInWorker: runExport in a worker thread whose V8 heap is capped, for the app's
 * export job, the CLI and the bench alike. Node's default heap lets garbage pile up to
 * hundreds of MB before a full collection; a capped heap collects sooner, which keeps a
 * 100 000-image export well under 300 MB RSS. The cap is set per worker (resourceLimits),
 * so neither the CLI nor Electron needs node flags.
 *
 * A big account can need more than the cap: a worker that runs out of heap is restarted
 * with twice the cap (up to a ceiling) and resumes the bundle, so files already saved are
 * not fetched again; the job's summary says so.
 */
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { normalizeEndpoint, sharedRateLimiters, type RateLimiterRegistry, type RequestLogEntry } from '../customvision';
import type { ExportOptions } from '../export';
import { AppError } from '../errors/app-error';
import type { JobContext } from '../jobs';
import { LimiterBroker } from './limiter-broker';
import { ProgressRelay } from './progress-relay';
import type { ParentMessage, WorkerFailure, WorkerHeapSample, WorkerMessage, WorkerStart } from './protocol';
import type { ExportSummary } from '../../shared/model/export-summary';

/** Old-generation cap of the first worker, MB (measured: bench/README.md, "Peak memory"). */
export const EXPORT_HEAP_MB = 112;
/** Young generation, MB: V8's default (48 MB on 64-bit) is garbage that adds straight to RSS. */
export const EXPORT_YOUNG_MB = 8;
/** No restart goes beyond this. */
export const EXPORT_HEAP_CEILING_MB = 4096;
/** How long a cancelled worker may take to write its partial manifest before it is stopped. */
const CANCEL_GRACE_MS = 10_000;

export interface ExportConnection {
  /** As saved or typed; normalised by the client. */
  endpoint: string;
  /** Handed to the worker in workerData only. */
  key: string;
  /** Calls per second (the CLI's --rate); default the client's own. */
  rateLimit?: number;
}

export interface ExportWorkerInfo {
  /** 1 for the first worker of this export, 2 after the first restart, … */
  attempt: number;
  heapMb: number;
}

/** runExport's options, with the client replaced by what the worker builds one from. */
export interface WorkerExportOptions extends Omit<ExportOptions, 'client'> {
  connection: ExportConnection;
  /** Default: export-worker.cjs next to the running bundle. */
  workerPath?: string;
  /** Old-generation cap of the first worker, MB. Default EXPORT_HEAP_MB. */
  heapMb?: number;
  /** Largest cap a restart may use, MB (the last restart gets at most this). Default EXPORT_HEAP_CEILING_MB. */
  heapCeilingMb?: number;
  /** Default EXPORT_YOUNG_MB. */
  youngGenerationMb?: number;
  /** Where the endpoint's limiter comes from. Default the process-wide one. */
  rateLimiters?: RateLimiterRegistry;
  /** Instrumentation (the bench): each worker started, its requests, its heap. */
  observe?: {
    onWorker?: (info: ExportWorkerInfo) => void;
    /** Setting it makes the worker forward its client's request log. */
    onRequest?: (entry: RequestLogEntry) => void;
    /** Setting it makes the worker sample its heap every heapSampleMs (default 50). */
    onHeap?: (sample: WorkerHeapSample) => void;
    heapSampleMs?: number;
  };
}

/** What the app's job and the CLI call to run an export: this, or runExportInProcess in tests. */
export type ExportRunner = (ctx: JobContext, options: WorkerExportOptions) => Promise<ExportSummary>;

type Attempt = { kind: 'done'; summary: ExportSummary } | { kind: 'failed'; error: WorkerFailure } | { kind: 'out-of-memory' } | { kind: 'stopped'; reason: string };

/** Folders an export worker of this process is writing: the bundle lock's pid cannot tell workers apart. */
const busyFolders = new Set<string>();

export async function runExportInWorker(ctx: JobContext, options: WorkerExportOptions): Promise<ExportSummary> {
  if (ctx.signal.aborted) throw ctx.signal.reason;
  const workerPath = options.workerPath ?? join(__dirname, 'export-worker.cjs');
  if (!existsSync(workerPath)) throw new Error(`The export worker is missing (${workerPath}); this copy of CV Steward is incomplete.`);
  const folderKey = resolve(options.folder);
  if (busyFolders.has(folderKey)) {
    throw new AppError('BUNDLE_BUSY', `Another export is already writing into ${options.folder}. Wait for it to finish or cancel it first.`);
  }
  busyFolders.add(folderKey);
  try {
    return await attempts(ctx, options, workerPath);
  } finally {
    busyFolders.delete(folderKey);
  }
}

async function attempts(ctx: JobContext, options: WorkerExportOptions, workerPath: string): Promise<ExportSummary> {
  const firstMb = options.heapMb ?? EXPORT_HEAP_MB;
  const ceilingMb = Math.max(firstMb, options.heapCeilingMb ?? EXPORT_HEAP_CEILING_MB);
  const relay = new ProgressRelay(ctx.progress);
  let heapMb = firstMb;
  for (let attempt = 1; ; attempt += 1) {
    relay.newAttempt();
    options.observe?.onWorker?.({ attempt, heapMb });
    const outcome = await runWorker(ctx, options, workerPath, heapMb, relay);
    if (outcome.kind === 'done') {
      if (attempt === 1) return outcome.summary;
      const { summary, summaryText } = outcome.summary;
      return {
        summary: `${summary} The export needed more memory than its first limit of ${firstMb} MB: it was restarted with ${heapMb} MB and went on where it had stopped, without downloading saved files again.`,
        summaryText: { ...summaryText, params: { ...summaryText.params, firstHeapMb: firstMb, heapMb } },
      };
    }
    if (outcome.kind === 'out-of-memory' && !ctx.signal.aborted && heapMb < ceilingMb) {
      heapMb = Math.min(heapMb * 2, ceilingMb);
      continue;
    }
    // A worker that died could not release the bundle lock, and no worker will take it over now.
    if (outcome.kind !== 'failed') await releaseOrphanedLock(options.folder);
    if (ctx.signal.aborted) throw ctx.signal.reason;
    if (outcome.kind === 'failed') throw toError(outcome.error);
    if (outcome.kind === 'out-of-memory') {
      throw new AppError(
        'OUT_OF_MEMORY',
        `The export ran out of memory, even with ${heapMb} MB. The bundle in ${options.folder} is partial; export into the same folder again to continue it.`,
      );
    }
    throw new Error(`The export stopped unexpectedly: ${outcome.reason}`);
  }
}

function runWorker(ctx: JobContext, options: WorkerExportOptions, workerPath: string, heapMb: number, relay: ProgressRelay): Promise<Attempt> {
  const { connection, observe } = options;
  const start: WorkerStart = {
    endpoint: connection.endpoint,
    key: connection.key,
    export: {
      folder: options.folder,
      selection: options.selection,
      account: options.account,
      toolVersion: options.toolVersion,
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      ...(options.zip === undefined ? {} : { zip: options.zip }),
      ...(options.language === undefined ? {} : { language: options.language }),
    },
    requestLog: observe?.onRequest !== undefined,
    heapSampleMs: observe?.onHeap ? (observe.heapSampleMs ?? 50) : 0,
  };
  const limiter = (options.rateLimiters ?? sharedRateLimiters).forEndpoint(
    normalizeEndpoint(connection.endpoint).baseUrl,
    connection.rateLimit === undefined ? {} : { ratePerSecond: connection.rateLimit },
  );
  const worker = new Worker(workerPath, {
    name: 'cv-steward-export',
    workerData: start,
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: options.youngGenerationMb ?? EXPORT_YOUNG_MB },
  });
  let exited = false;
  const reply = (message: ParentMessage): void => {
    if (!exited) worker.postMessage(message);
  };
  const broker = new LimiterBroker(limiter, reply);

  return new Promise<Attempt>((settle) => {
    let result: Attempt | undefined;
    let graceTimer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = () => {
      reply({ type: 'cancel' });
      // A worker that does not wind down in time is stopped; the bundle is kill-safe.
      graceTimer = setTimeout(() => void worker.terminate(), CANCEL_GRACE_MS);
    };
    ctx.signal.addEventListener('abort', onAbort, { once: true });

    worker.on('message', (message: WorkerMessage) => {
      if (broker.handle(message)) return;
      switch (message.type) {
        case 'progress':
          relay.apply(message.ops);
          break;
        case 'requests':
          for (const entry of message.entries) observe?.onRequest?.(entry);
          break;
        case 'heap':
          observe?.onHeap?.(message.sample);
          break;
        case 'checkpoint':
          ctx.checkpoint().then(
            () => reply({ type: 'checkpoint-done', id: message.id, ok: true }),
            () => reply({ type: 'checkpoint-done', id: message.id, ok: false }),
          );
          break;
        case 'done':
          result = { kind: 'done', summary: message.summary };
          break;
        case 'failed':
          result = { kind: 'failed', error: message.error };
          break;
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (result) return;
      result = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'out-of-memory' } : { kind: 'stopped', reason: error.message };
    });
    worker.on('exit', (code) => {
      exited = true;
      broker.close();
      clearTimeout(graceTimer);
      ctx.signal.removeEventListener('abort', onAbort);
      settle(result ?? { kind: 'stopped', reason: `the export worker exited (code ${code}) without a result.` });
    });
  });
}

/** The worker's error as the job shows it: a user-facing one keeps its code and words. */
function toError(failure: WorkerFailure): Error {
  if (failure.userFacing && failure.code) return new AppError(failure.code, failure.message);
  return new Error(failure.message);
}

/**
 * A worker that died (out of memory, crashed, stopped after a cancel) could not release
 * the bundle lock (docs/bundle-format.md: `.cv-steward/lock` holding the pid). It holds
 * this process's pid, which stays alive, so another process would find the folder busy.
 */
async function releaseOrphanedLock(folder: string): Promise<void> {
  const path = join(folder, '.cv-steward', 'lock');
  try {
    const owner: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (typeof owner === 'object' && owner !== null && 'pid' in owner && owner.pid === process.pid) await rm(path, { force: true });
  } catch {
    // No lock, or not one of ours: nothing to release.
  }
}
