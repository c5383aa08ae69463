/**
 * The app's log file: one rotating, redacted text file in the app's data folder
 * (`<userData>/logs/cv-steward.log`; main.ts passes the folder).
 *
 * Built on electron-log's plain-Node entry (`electron-log/node`), which never loads
 * Electron, so this module runs in main, the CLI and tests alike. We use only its file
 * transport (synchronous appends, size check, rotation hook); redaction happens here,
 * before electron-log sees the text, so no electron-log transform or inspect option can
 * ever print an unredacted object.
 */
import nodeLog from 'electron-log/node';
import type { LogFile } from 'electron-log';
import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createRedactor } from './redactor';
import { describeError } from './describe-error';

export const DEFAULT_LOG_FILE_NAME = 'cv-steward.log';
export const DEFAULT_MAX_BYTES = 1024 * 1024;
export const DEFAULT_KEEP_FILES = 3;

export interface AppLogOptions {
  /** The folder of the log files; created if missing. */
  dir: string;
  fileName?: string;
  /** The current file is rotated once it grows past this size (it may exceed it by one line). */
  maxBytes?: number;
  /** How many files are kept in all, the current one included (at least 1). */
  keepFiles?: number;
}

export interface AppLog {
  /** The absolute path of the current log file (for "Show log file"). */
  readonly path: string;
  info(message: string): void;
  warn(message: string): void;
  /** Logs the message and, if given, the error's message, code, stack and causes. */
  error(message: string, error?: unknown): void;
  /** Redacts this secret (≥ 8 characters) wherever it appears in later lines. */
  hide(secret: string): void;
  unhide(secret: string): void;
  /** The text as it would be written (for a dialog that repeats a logged error). */
  redact(text: string): string;
  /** Stops writing; later calls are ignored. No handle is held open between lines. */
  close(): void;
}

// electron-log keeps every logger in a static map by logId; unique ids keep two logs
// (tests, or main and a worker) from replacing each other there.
let loggerCount = 0;

export function createAppLog(options: AppLogOptions): AppLog {
  const filePath = path.resolve(options.dir, options.fileName ?? DEFAULT_LOG_FILE_NAME);
  const keepFiles = Math.max(1, Math.floor(options.keepFiles ?? DEFAULT_KEEP_FILES));
  const redactor = createRedactor();

  loggerCount += 1;
  const logger = nodeLog.create({ logId: `cv-steward-${loggerCount}` });
  logger.transports.console.level = false;
  const file = logger.transports.file;
  // electron-log resolves its default path variables (from an app name it finds in the
  // nearest package.json) before calling resolvePathFn, and throws if it finds none —
  // as in a packaged app started from '/'. Naming the app avoids that lookup.
  file.setAppName('CV Steward');
  file.resolvePathFn = () => filePath;
  file.maxSize = options.maxBytes ?? DEFAULT_MAX_BYTES;
  file.level = 'info';
  // Our own line format: electron-log's string templates treat %s/%d in the text as
  // placeholders and would eat them from a logged URL or message. UTC ISO times keep
  // bug reports from different time zones comparable.
  file.format = ({ message, level }) => [`[${message.date.toISOString()}] [${level}] ${String(message.data[0])}`];
  file.sync = true; // a crash log must be on disk before the process dies
  // Owner-only: redacted, but still a record of what the user did.
  file.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' };
  file.archiveLogFn = (oldFile: LogFile) => {
    try {
      rotateLogFiles(oldFile.path, keepFiles);
    } catch {
      // Windows may refuse to rename a file another program holds open (an editor, a
      // virus scanner). Keep the newest quarter rather than growing without bound.
      // crop() exists on electron-log's File (its own default archiveLogFn uses it) but is
      // missing from its LogFile type.
      (oldFile as LogFile & { crop(bytesAfter: number): void }).crop(Math.round(file.maxSize / 4));
    }
  };

  let closed = false;
  const write = (level: 'info' | 'warn' | 'error', text: string): void => {
    if (closed) return;
    logger[level](redactor.redact(text));
  };

  return {
    path: filePath,
    info: (message) => write('info', message),
    warn: (message) => write('warn', message),
    error: (message, error) => write('error', error === undefined ? message : `${message}\n${describeError(error)}`),
    hide: (secret) => redactor.hide(secret),
    unhide: (secret) => redactor.unhide(secret),
    redact: (text) => redactor.redact(text),
    close() {
      closed = true;
      file.level = false;
    },
  };
}

/** `cv-steward.log` → `cv-steward.1.log`: archives keep the extension so they open in a
 * text editor by double-click. */
export function archivePath(filePath: string, index: number): string {
  const { dir, name, ext } = path.parse(filePath);
  return path.join(dir, `${name}.${index}${ext}`);
}

/** Shifts `.1` → `.2` … dropping the oldest, then moves the current file to `.1`. */
function rotateLogFiles(filePath: string, keepFiles: number): void {
  if (keepFiles <= 1) {
    rmSync(filePath, { force: true });
    return;
  }
  rmSync(archivePath(filePath, keepFiles - 1), { force: true });
  for (let index = keepFiles - 2; index >= 1; index -= 1) {
    try {
      renameSync(archivePath(filePath, index), archivePath(filePath, index + 1));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  renameSync(filePath, archivePath(filePath, 1));
}
