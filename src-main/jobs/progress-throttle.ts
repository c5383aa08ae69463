/**
 * Rate-limits progress updates. A job can report thousands of items per second, but the
 * renderer only needs about ten updates a second to draw a smooth bar, and every update
 * crosses the IPC boundary. Leading edge so the first change shows at once, trailing edge
 * so the latest value is never lost.
 */

export const DEFAULT_PROGRESS_INTERVAL_MS = 100;

export interface ThrottleOptions<T> {
  /** Minimum time between two emits. Defaults to 100 ms (about 10 per second). */
  intervalMs?: number;
  emit: (value: T) => void;
  /** Injectable clock and timers so tests can drive time deterministically. */
  now?: () => number;
  setTimer?: (callback: () => void, delayMs: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface Throttle<T> {
  /** Emits now if the interval has passed since the last emit, else keeps only the latest value. */
  push(value: T): void;
  /** Emits a pending value immediately (used for state changes and before a job finishes). */
  flush(): void;
  /** Drops any pending value and timer; later pushes are ignored. */
  dispose(): void;
}

export function createThrottle<T>(options: ThrottleOptions<T>): Throttle<T> {
  const intervalMs = options.intervalMs ?? DEFAULT_PROGRESS_INTERVAL_MS;
  if (!Number.isFinite(intervalMs) || intervalMs < 0) {
    throw new RangeError(`intervalMs must be a non-negative number, got ${intervalMs}`);
  }
  const { emit } = options;
  // Looked up at call time rather than captured, so fake timers installed later still apply.
  const now = options.now ?? (() => Date.now());
  const setTimer = options.setTimer ?? ((callback, delayMs) => setTimeout(callback, delayMs));
  const clearTimer =
    options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));

  let lastEmitAt: number | undefined;
  // Boxed so that `undefined` can itself be a legitimate pending value.
  let pending: { value: T } | undefined;
  let timer: { handle: unknown } | undefined;
  let disposed = false;

  function cancelTimer(): void {
    if (timer) {
      clearTimer(timer.handle);
      timer = undefined;
    }
  }

  // State is updated before calling out, so an emit that throws cannot leave a stale
  // pending value or timer behind.
  function emitNow(value: T, at: number): void {
    pending = undefined;
    cancelTimer();
    lastEmitAt = at;
    emit(value);
  }

  function onTimer(): void {
    timer = undefined;
    if (pending && !disposed) emitNow(pending.value, now());
  }

  return {
    push(value) {
      if (disposed) return;
      const at = now();
      // Checked even while a timer is pending: a CPU-bound job that only yields microtasks
      // starves timers, and this keeps its progress flowing anyway.
      if (lastEmitAt === undefined || at - lastEmitAt >= intervalMs) {
        emitNow(value, at);
        return;
      }
      pending = { value };
      if (!timer) {
        // Clamped so a clock that jumps backwards cannot postpone the trailing emit.
        const delayMs = Math.min(intervalMs, Math.max(0, intervalMs - (at - lastEmitAt)));
        timer = { handle: setTimer(onTimer, delayMs) };
      }
    },
    flush() {
      if (disposed) return;
      if (pending) emitNow(pending.value, now());
    },
    dispose() {
      disposed = true;
      pending = undefined;
      cancelTimer();
    },
  };
}
