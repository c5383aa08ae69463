/**
 * Jobs interrupted by a quit, crash or kill -9, offered again on the next start, and the
 * saved cleanup plans (issue 6 §5). Other main-process modules import from here only.
 */
export { RunningJobRegistry, type RegistryJobs, type RunningJobRegistryOptions } from './running-job-registry';
export { createInterruptedJobs, type InterruptedJobs, type InterruptedJobsOptions, type ResumeAccounts, type ResumeExportRequest, type ResumeResult } from './interrupted-jobs';
export { listSavedPlans, planFileExists, totalItems } from './saved-plans';
export { exportRequestRecord } from './export-request';
export { RECORDS_FOLDER } from './record-files';
export type { CleanupStartInfo, ExportStartInfo, ExportRequestRecord, InterruptedRecord } from './interrupted-record';
export type { ReportProblem } from './record-files';
export { interruptedHandlers } from './interrupted-handlers';
