/**
 * Last-resort handlers for errors nothing else caught in the main process. Node's default
 * is to print to a console nobody sees and exit; we log the error (redacted, with its
 * stack) and hand a one-line summary to the Electron layer, which shows a dialog and
 * decides whether to quit.
 */
import type { AppLog } from './app-log';
import { summarizeError } from './describe-error';

export type FatalKind = 'uncaughtException' | 'unhandledRejection';

export interface FatalErrorSummary {
  kind: FatalKind;
  /** "TypeError: x is not a function", redacted like the log (hide() included): safe to
   * show and to copy into a bug report. */
  message: string;
  /** Where the full error (stack, causes) was written. */
  logPath: string;
}

/** The part of `process` we need; tests pass an EventEmitter. */
export interface CrashEventSource {
  on(event: FatalKind, listener: (reason: unknown) => void): unknown;
  off(event: FatalKind, listener: (reason: unknown) => void): unknown;
}

/** Returns a function that removes both handlers. */
export function installCrashHandlers(
  source: CrashEventSource,
  log: Pick<AppLog, 'error' | 'path' | 'redact'>,
  onFatal: (summary: FatalErrorSummary) => void,
): () => void {
  const handle = (kind: FatalKind) => (reason: unknown) => {
    let message = 'An unexpected error occurred.';
    try {
      message = log.redact(summarizeError(reason));
    } catch {
      // A thrown value whose inspection throws too: keep the generic message.
    }
    try {
      log.error(`Fatal ${kind} in the main process`, reason);
    } catch {
      // The log itself failed (disk full, folder gone): still tell the user.
    }
    onFatal({ kind, message, logPath: log.path });
  };

  const onException = handle('uncaughtException');
  const onRejection = handle('unhandledRejection');
  source.on('uncaughtException', onException);
  source.on('unhandledRejection', onRejection);
  return () => {
    source.off('uncaughtException', onException);
    source.off('unhandledRejection', onRejection);
  };
}
