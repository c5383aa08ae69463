/**
 * The job runner (platform, docs/architecture.md, "Layers"): queued/running/paused/finished
 * jobs with per-category progress, throttled snapshots, pause, resume and cancel, and the
 * jobs:* handler set (docs/architecture.md, "Jobs"). May import only src-main/errors,
 * shared/ and src-main/ipc's handler types. Other main-process modules import from here only.
 */
export { JobError, type JobErrorCode } from './job-error';
export { assertTransition, canTransition, isTerminal } from './job-state';
export {
  createThrottle,
  DEFAULT_PROGRESS_INTERVAL_MS,
  type Throttle,
  type ThrottleOptions,
} from './progress-throttle';
export { JobProgress, type ProgressDelta, type ProgressReporter } from './job-progress';
export {
  JobRunner,
  type JobResult,
  type JobContext,
  type JobListener,
  type JobRunnerOptions,
  type StartJobOptions,
} from './job-runner';
export { jobsHandlers } from './jobs-handlers';
