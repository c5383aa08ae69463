/**
 * The lifeline of one streamed GET (a file from storage, or from GetArtifact): an abort
 * controller joined with the caller's signal, and an idle clock that runs only while we
 * wait for the network (the headers, the next chunk), never while the consumer is busy
 * with what it already has (a paused job, a slow disk). Whatever ends the transfer comes
 * out as one CustomVisionError: CANCELLED, TIMEOUT, or the network failure.
 */
import { allowManyWaiters } from './abort';
import { systemClock, type Clock } from './clock';
import { cancelledError, isCustomVisionError, timeoutError, type CustomVisionError } from './errors';
import { networkError } from './network-errors';

export interface TransferOptions {
  operation: string;
  /** Longest wait for the headers, then for each next chunk. */
  timeoutMs: number;
  signal?: AbortSignal;
  clock?: Clock;
}

export interface Transfer {
  /** Give this to fetch: aborting it ends the request and releases its socket. */
  readonly signal: AbortSignal;
  /** The network owes us something now (headers, a chunk): start the idle clock. */
  waiting(): void;
  /** It delivered; stop the clock until we ask again. */
  resting(): void;
  /** What `error` means for the user, given how the transfer ended. */
  failure(error: unknown): CustomVisionError;
  /** Aborts the request if still open and drops timers and listeners. Idempotent. */
  close(): void;
}

export function startTransfer(options: TransferOptions): Transfer {
  const { operation, timeoutMs, signal } = options;
  const clock = options.clock ?? systemClock;
  if (!(timeoutMs > 0)) throw new RangeError('timeoutMs must be positive');
  const controller = new AbortController();
  let timedOut = false;
  let timer: unknown;
  let closed = false;

  const stopClock = (): void => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
  };
  const onAbort = (): void => controller.abort();
  allowManyWaiters(signal);
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) controller.abort();

  return {
    signal: controller.signal,
    waiting() {
      if (closed) return;
      stopClock();
      timer = clock.setTimeout(() => {
        timer = undefined;
        timedOut = true;
        controller.abort();
      }, timeoutMs);
    },
    resting: stopClock,
    failure(error) {
      if (isCustomVisionError(error)) return error;
      if (signal?.aborted) return cancelledError(operation);
      if (timedOut) return timeoutError(operation, timeoutMs);
      return networkError(operation, error);
    },
    close() {
      if (closed) return;
      closed = true;
      stopClock();
      signal?.removeEventListener('abort', onAbort);
      // Ends an unfinished body at the socket; after a complete body it changes nothing.
      controller.abort();
    },
  };
}
