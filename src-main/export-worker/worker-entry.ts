/**
 * The export worker (built as export-worker.cjs next to each bundle that starts it): one
 * runExport in a worker thread whose heap the parent capped. It builds its own client
 * from the endpoint and key in workerData (the key never leaves this process), reports
 * progress to the parent, asks the parent at checkpoints (so pause, resume and cancel
 * are the job's own) and takes its call rate from the parent's limiter.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import { createTrainingClient } from '../customvision';
import { runExport } from '../export';
import { AppError } from '../errors/app-error';
import type { JobContext } from '../jobs';
import type { ParentMessage, WorkerFailure, WorkerMessage, WorkerStart } from './protocol';
import { ParentRateLimiter, ParentRateLimiters } from './worker-limiter';
import { ProgressBatcher } from './worker-progress';

/**
 * The download pool reaches a checkpoint before every file: asking the parent each time
 * would be a round trip per image. An answer this recent stands in for a fresh one, so a
 * pause takes effect within this long instead of at once (cancel is still immediate: it
 * arrives as a message and aborts the signal).
 */
const CHECKPOINT_REUSE_MS = 20;

if (!parentPort) throw new Error('export-worker.cjs runs as a worker thread started by runExportInWorker.');
const port = parentPort;
const start = workerData as WorkerStart;
const send = (message: WorkerMessage): void => port.postMessage(message);

const controller = new AbortController();
const progress = new ProgressBatcher(send);
const limiter = new ParentRateLimiter(send);

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
}
const checkpoints = new Map<number, Waiter>();
let nextCheckpoint = 1;
let pendingCheckpoint: Promise<void> | undefined;
let confirmedAt = Number.NEGATIVE_INFINITY;

function checkpoint(): Promise<void> {
  const { signal } = controller;
  if (signal.aborted) return Promise.reject(signal.reason);
  if (pendingCheckpoint) return pendingCheckpoint;
  if (Date.now() - confirmedAt < CHECKPOINT_REUSE_MS) return Promise.resolve();
  // Progress first: the parent must not see the checkpoint before the work done until it.
  progress.flush();
  const id = nextCheckpoint++;
  const promise = new Promise<void>((resolve, reject) => checkpoints.set(id, { resolve, reject }));
  pendingCheckpoint = promise;
  const clear = () => {
    if (pendingCheckpoint === promise) pendingCheckpoint = undefined;
  };
  promise.then(clear, clear);
  send({ type: 'checkpoint', id });
  return promise;
}

function cancel(): void {
  if (!controller.signal.aborted) controller.abort();
  const waiting = [...checkpoints.values()];
  checkpoints.clear();
  for (const waiter of waiting) waiter.reject(controller.signal.reason);
}

port.on('message', (message: ParentMessage) => {
  if (limiter.handle(message)) return;
  if (message.type === 'cancel') cancel();
  else if (message.type === 'checkpoint-done') {
    const waiter = checkpoints.get(message.id);
    checkpoints.delete(message.id);
    if (!waiter) return;
    if (message.ok) {
      confirmedAt = Date.now();
      waiter.resolve();
    } else {
      // The job's checkpoint rejects only once the job is cancelled.
      cancel();
      waiter.reject(controller.signal.reason);
    }
  }
});

function describeFailure(error: unknown): WorkerFailure {
  if (error instanceof AppError) return { userFacing: true, code: error.code, message: error.message };
  return { userFacing: false, message: error instanceof Error ? error.message : String(error) };
}

function sampleHeap(): void {
  const usage = process.memoryUsage();
  send({
    type: 'heap',
    sample: {
      heapUsedBytes: usage.heapUsed,
      heapTotalBytes: usage.heapTotal,
      externalBytes: usage.external,
      arrayBuffersBytes: usage.arrayBuffers,
      heapLimitBytes: getHeapStatistics().heap_size_limit,
    },
  });
}

async function main(): Promise<void> {
  const sampler = start.heapSampleMs > 0 ? setInterval(sampleHeap, start.heapSampleMs) : undefined;
  sampler?.unref();
  const ctx: JobContext = { jobId: 'export-worker', signal: controller.signal, progress, checkpoint };
  try {
    const client = createTrainingClient({
      endpoint: start.endpoint,
      key: start.key,
      rateLimiters: new ParentRateLimiters(limiter),
      ...(start.requestLog ? { requestLog: (entry) => progress.request(entry) } : {}),
    });
    const summary = await runExport(ctx, { ...start.export, client });
    if (sampler) sampleHeap();
    progress.flush();
    send({ type: 'done', summary });
  } catch (error) {
    progress.flush();
    send({ type: 'failed', error: describeFailure(error) });
  } finally {
    if (sampler) clearInterval(sampler);
    // Nothing else is awaited: closing the port lets the thread end and the parent see 'exit'.
    port.close();
  }
}

void main();
