/**
 * Token buckets: one counts API calls (limits and quotas page: "Other API calls" 10 TPS on
 * F0 and S0), the other paces blob bytes when a bandwidth cap is set. Both refill
 * continuously.
 */

export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export class CallBucket {
  private rate: number;
  private tokens: number;
  private last: number;
  private readonly now: () => number;

  /** rate = calls per second (burst = rate); 0 disables limiting. */
  constructor(rate: number, now: () => number = () => performance.now()) {
    this.now = now;
    this.rate = rate;
    this.tokens = this.capacity();
    this.last = now();
  }

  /** Burst = rate, but at least one call (a rate below 1/s must still let calls through). */
  private capacity(): number {
    return Math.max(1, this.rate);
  }

  setRate(rate: number): void {
    const wasOff = this.rate <= 0;
    this.refill();
    this.rate = rate;
    // Turning limiting on starts with a full burst, as a fresh bucket does.
    this.tokens = wasOff ? this.capacity() : Math.min(this.tokens, this.capacity());
  }

  take(): TakeResult {
    if (this.rate <= 0) return { ok: true };
    this.refill();
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    // Whole seconds until one token is back, never less than 1 (the real text says "1 second").
    const seconds = Math.max(1, Math.ceil((1 - this.tokens) / this.rate));
    return { ok: false, retryAfterSeconds: seconds };
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.capacity(), this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
  }
}

/**
 * Bytes per second shared by every concurrent blob download: each chunk waits for its
 * bytes, first come first served, so N downloads together never exceed the cap.
 */
export class ByteBucket {
  private bytesPerSecond = 0;
  private tokens = 0;
  private last = performance.now();
  private readonly waiters: Array<{ bytes: number; resolve: () => void }> = [];
  private timer: NodeJS.Timeout | undefined;

  setRate(bytesPerSecond: number): void {
    this.refill();
    this.bytesPerSecond = bytesPerSecond;
    this.tokens = Math.min(this.tokens, this.capacity());
    if (bytesPerSecond <= 0) this.releaseAll();
    else this.pump();
  }

  get enabled(): boolean {
    return this.bytesPerSecond > 0;
  }

  /** A chunk size that keeps pacing smooth: about a tenth of a second of bandwidth. */
  chunkSize(): number {
    return this.enabled ? Math.max(256, Math.min(16_384, Math.floor(this.bytesPerSecond / 10))) : 65_536;
  }

  take(bytes: number): Promise<void> {
    if (!this.enabled) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push({ bytes: Math.min(bytes, this.capacity()), resolve });
      this.pump();
    });
  }

  /** Wakes everyone (used on close so no download hangs forever). */
  releaseAll(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const waiter of this.waiters.splice(0)) waiter.resolve();
  }

  private capacity(): number {
    return Math.max(this.chunkSize(), this.bytesPerSecond / 4);
  }

  private refill(): void {
    const now = performance.now();
    this.tokens = Math.min(this.capacity(), this.tokens + ((now - this.last) / 1000) * this.bytesPerSecond);
    this.last = now;
  }

  private pump(): void {
    if (this.timer) return;
    this.refill();
    while (this.waiters.length > 0) {
      const head = this.waiters[0];
      if (!head || head.bytes > this.tokens) break;
      this.tokens -= head.bytes;
      this.waiters.shift();
      head.resolve();
    }
    const head = this.waiters[0];
    if (!head) return;
    const waitMs = Math.max(1, ((head.bytes - this.tokens) / this.bytesPerSecond) * 1000);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, waitMs);
  }
}
