export { createAppLog, archivePath, DEFAULT_KEEP_FILES, DEFAULT_LOG_FILE_NAME, DEFAULT_MAX_BYTES } from './app-log';
export type { AppLog, AppLogOptions } from './app-log';
export { installCrashHandlers } from './crash-handlers';
export type { CrashEventSource, FatalErrorSummary, FatalKind } from './crash-handlers';
export { createRedactor, MIN_HIDDEN_SECRET_LENGTH, REDACTED } from './redactor';
export type { Redactor } from './redactor';
export { describeError, summarizeError } from './describe-error';
