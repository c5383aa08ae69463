/**
 * The export worker (a domain, docs/architecture.md, "Layers"): runs export's engine in a worker thread
 * with a capped heap, relays progress and pause/cancel checkpoints to the parent job, and
 * shares the parent's rate limiter (docs/architecture.md, "Processes"). May import the
 * leaves, the platform (customvision, jobs) and src-main/export; never application/,
 * services.ts or a front end. Other main-process modules import from here only.
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
