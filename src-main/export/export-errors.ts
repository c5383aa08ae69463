/**
 * Which failures stop a whole export and which only cost one item. An item that cannot
 * be fetched (a 404, a link that keeps failing, a page the service refuses) becomes a
 * problem in the manifest and the export goes on; anything that would fail every next
 * item too (cancel, wrong key, unreachable service, the resource's network rules, full
 * disk) stops it, with a partial
 * manifest written so a later run resumes.
 */
import { AppError } from '../errors/app-error';
import { isCustomVisionError } from '../customvision';

// NETWORK_RULES: the resource's firewall refuses this computer, so every next call would be refused too.
const FATAL_SERVICE_CODES = new Set(['CANCELLED', 'WRONG_KEY', 'UNREACHABLE', 'DNS_FAILURE', 'TLS_ERROR', 'NETWORK_RULES']);
const ITEM_APP_CODES = new Set(['INVALID_ID', 'INVALID_ARGUMENT']);

export function isFatalExportError(error: unknown): boolean {
  if (isCustomVisionError(error)) return FATAL_SERVICE_CODES.has(error.code);
  if (error instanceof AppError) return !ITEM_APP_CODES.has(error.code);
  // AbortError from a checkpoint, or a bug: never swallow it as "one item failed".
  return true;
}

/** A line for the manifest's problems and the progress bar: the user-facing text only. */
export function problemText(error: unknown): string {
  if (error instanceof AppError) return error.message;
  return 'An unexpected error occurred.';
}

/** Resolves after `ms`, or rejects with the signal's reason once it aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
