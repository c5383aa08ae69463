/**
 * Resume (a domain, docs/architecture.md, "Layers"): records of running exports and cleanup runs kept on
 * disk, the jobs a quit, crash or kill -9 interrupted, offered again on the next start,
 * and the saved cleanup plans (docs/architecture.md, "Jobs"). May import the leaves, the
 * platform (jobs, fs) and src-main/cleanup (to read saved plans); never application/,
 * services.ts or a front end. Other main-process modules import from here only.
 */
export { RunningJobRegistry, type RegistryJobs, type RunningJobRegistryOptions } from './running-job-registry';
export { createInterruptedJobs, type InterruptedJobs, type InterruptedJobsOptions, type ResumeAccounts, type ResumeExportRequest, type ResumeResult } from './interrupted-jobs';
export { listSavedPlans, planFileExists, totalItems } from './saved-plans';
export { exportRequestRecord } from './export-request';
export { RECORDS_FOLDER } from './record-files';
export type { CleanupStartInfo, ExportStartInfo, ExportRequestRecord, InterruptedRecord } from './interrupted-record';
export type { ReportProblem } from './record-files';
export { interruptedHandlers } from './interrupted-handlers';
