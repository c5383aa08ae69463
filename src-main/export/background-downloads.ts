/**
 * Lets downloads run while the walk goes on listing. Without it an export takes about
 * "API time + byte time"; with it, about the larger of the two (the bound the bench
 * measures against). Every pool of the run (workspace images, images only in
 * iterations, stored predictions, model files) draws from one set of download slots, so
 * the network sees `concurrency` downloads at most however many pools are open.
 *
 * A pool that fails fatally (disk full, cancel) is remembered: the walk checks
 * `throwIfFailed` at each step, so it stops soon instead of listing on for nothing.
 */
import pLimit, { type LimitFunction } from 'p-limit';

export class BackgroundDownloads {
  /** Runs one download in one of the run's slots. */
  readonly slot: LimitFunction;
  private readonly pending = new Set<Promise<unknown>>();
  private failure: { error: unknown } | undefined;
  private stopped: { error: unknown } | undefined;

  constructor(concurrency: number) {
    this.slot = pLimit(concurrency);
  }

  /** Tracks `work` (a pool, or what waits on pools) until it settles; returns it. */
  track<T>(work: Promise<T>): Promise<T> {
    const settled = work.then(
      () => undefined,
      (error: unknown) => {
        this.failure ??= { error };
      },
    );
    this.pending.add(settled);
    void settled.finally(() => this.pending.delete(settled));
    return work;
  }

  /** Rethrows the first fatal failure of a pool, if one has happened. */
  throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }

  /**
   * Tells every pool to start nothing new (the walk failed): they end after the
   * downloads in flight, with `error`, at their next checkpoint.
   */
  stop(error: unknown): void {
    this.stopped ??= { error };
  }

  /** For the pools' checkpoints: throws once stop() was called. */
  throwIfStopped(): void {
    if (this.stopped) throw this.stopped.error;
  }

  /** Waits until nothing tracked is running (pools started meanwhile included). */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /** Waits for everything, then rethrows the first failure. */
  async drain(): Promise<void> {
    await this.settle();
    this.throwIfFailed();
  }
}
