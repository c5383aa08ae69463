/**
 * What the export worker (worker-entry.ts) and its parent (run-export-in-worker.ts) tell
 * each other. Plain data only: everything here crosses postMessage's structured clone.
 * The training key travels once, in workerData, and is never part of a message back.
 */
import type { Language } from '../../shared/model/preferences';
import type { ExportCategory } from '../../shared/model/bundle';
import type { RequestLogEntry } from '../customvision';
import type { ExportAccount } from '../export';
import type { MainText } from '../../shared/model/main-text';
import type { ExportSummary } from '../../shared/model/export-summary';

/** Everything the worker needs to build its own client and run one export. */
export interface WorkerStart {
  endpoint: string;
  /** Stays inside this process: workerData, never argv, env or a message back. */
  key: string;
  export: {
    folder: string;
    selection: { projectIds?: string[]; categories: ExportCategory[] };
    account: ExportAccount;
    toolVersion: string;
    concurrency?: number;
    zip?: boolean;
    /** The offline viewer's language (absent: the bundle's recorded one, else English). */
    language?: Language;
  };
  /** Forward the client's request log (bench instrumentation). */
  requestLog: boolean;
  /** Send the worker's heap figures this often (bench instrumentation); 0 = never. */
  heapSampleMs: number;
}

/** One ProgressReporter call, in the order the engine made it. */
export type ProgressOp =
  | { op: 'total'; category: string; total: number | null; bytesTotal?: number | null }
  | { op: 'advance'; category: string; items: number; bytes: number }
  | { op: 'fail'; category: string; message: string; text?: MainText };

/** The worker isolate's own memory (process.memoryUsage() in a worker is per isolate). */
export interface WorkerHeapSample {
  heapUsedBytes: number;
  heapTotalBytes: number;
  externalBytes: number;
  arrayBuffersBytes: number;
  heapLimitBytes: number;
}

/** How a failure crosses: user-facing errors keep code and message, the rest only a message. */
export interface WorkerFailure {
  userFacing: boolean;
  code?: string;
  message: string;
}

export type WorkerMessage =
  | { type: 'progress'; ops: ProgressOp[] }
  | { type: 'requests'; entries: RequestLogEntry[] }
  | { type: 'heap'; sample: WorkerHeapSample }
  /** The engine reached a checkpoint: the parent answers once its job's checkpoint() settles. */
  | { type: 'checkpoint'; id: number }
  /** Rate limiting is the parent's (one limiter per endpoint for the whole process). */
  | { type: 'limiter-acquire'; id: number }
  | { type: 'limiter-cancel'; id: number }
  | { type: 'limiter-success'; grantedAt: number }
  | { type: 'limiter-throttled'; grantedAt: number; retryAfterMs?: number }
  | { type: 'done'; summary: ExportSummary }
  | { type: 'failed'; error: WorkerFailure };

export type ParentMessage =
  | { type: 'cancel' }
  | { type: 'checkpoint-done'; id: number; ok: boolean }
  | { type: 'limiter-granted'; id: number; grantedAt: number };
