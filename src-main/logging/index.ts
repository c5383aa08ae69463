/**
 * The log file (platform, docs/architecture.md, "Layers"): a rotating log in the data folder, crash
 * handlers, and the redactor every line passes through, so no key or signed link is ever
 * written. May import only src-main/errors, shared/ and npm packages. Other main-process
 * modules import from here only.
 */
export { createAppLog, archivePath, DEFAULT_KEEP_FILES, DEFAULT_LOG_FILE_NAME, DEFAULT_MAX_BYTES } from './app-log';
export type { AppLog, AppLogOptions } from './app-log';
export { installCrashHandlers } from './crash-handlers';
export type { CrashEventSource, FatalErrorSummary, FatalKind } from './crash-handlers';
export { createRedactor, MIN_HIDDEN_SECRET_LENGTH, REDACTED } from './redactor';
export type { Redactor } from './redactor';
export { describeError, summarizeError } from './describe-error';
