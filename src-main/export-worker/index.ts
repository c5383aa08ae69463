/**
 * The export worker's public API: other main-process modules import from here only.
 * worker-entry.ts is not imported by anyone: the build emits it as export-worker.cjs.
 */
export {
  runExportInWorker,
  EXPORT_HEAP_MB,
  EXPORT_YOUNG_MB,
  EXPORT_HEAP_CEILING_MB,
  type ExportConnection,
  type ExportRunner,
  type ExportWorkerInfo,
  type WorkerExportOptions,
} from './run-export-in-worker';
export { runExportInProcess } from './run-export-in-process';
export type { WorkerHeapSample } from './protocol';
