/**
 * The same runner signature, without a worker: builds the client here and calls runExport
 * in this thread, with no heap cap. For tests that run the sources (vitest has no built
 * export-worker.cjs to start); the app, the CLI and the bench use runExportInWorker.
 */
import { createTrainingClient } from '../customvision';
import { runExport } from '../export';
import type { JobContext } from '../jobs';
import type { WorkerExportOptions } from './run-export-in-worker';
import type { ExportSummary } from '../../shared/model/export-summary';

export function runExportInProcess(ctx: JobContext, options: WorkerExportOptions): Promise<ExportSummary> {
  const { connection, workerPath: _path, heapMb: _heap, heapCeilingMb: _ceiling, youngGenerationMb: _young, rateLimiters, observe, ...exportOptions } = options;
  const client = createTrainingClient({
    endpoint: connection.endpoint,
    key: connection.key,
    ...(connection.rateLimit === undefined ? {} : { rateLimit: connection.rateLimit }),
    ...(rateLimiters === undefined ? {} : { rateLimiters }),
    ...(observe?.onRequest === undefined ? {} : { requestLog: observe.onRequest }),
  });
  return runExport(ctx, { ...exportOptions, client });
}
