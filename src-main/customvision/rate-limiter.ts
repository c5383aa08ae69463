/**
 * One request-rate limiter per endpoint, shared by every client and job that talks to it:
 * Custom Vision allows 10 calls per second per resource for everything we do, and the
 * SDKs do not protect callers from 429
 * (https://learn.microsoft.com/azure/ai-services/custom-vision-service/limits-and-quotas).
 *
 * How it grants calls, and why:
 * - Calls are spaced at least 1/rate apart (a token bucket of size one): smooth traffic,
 *   never a burst the gateway may count against the next second.
 * - On top, a hard cap: at most floor(rate) grants in any window of one second plus a
 *   safety margin. A classic bucket with burst capacity lets up to twice the rate through
 *   in some one-second window; this one cannot exceed the configured rate even when the
 *   network delays some calls more than others.
 * - On 429 every caller pauses until the service's Retry-After, and the rate is halved
 *   (at most once per round of in-flight calls). Successes then add a little back until
 *   the configured rate is reached again (AIMD, as TCP does).
 */
import { systemClock, type Clock } from './clock';

export interface RateLimiterOptions {
  /** Calls per second never to exceed. Default 10 (Custom Vision "other API calls"). */
  ratePerSecond?: number;
  /** Lowest rate the adaptive decrease goes to. Default min(1, ratePerSecond). */
  minRatePerSecond?: number;
  /** Added to the one-second window of the hard cap, for network jitter. Default 50 ms. */
  safetyMarginMs?: number;
  /** Multiplicative decrease on 429. Default 0.5. */
  decreaseFactor?: number;
  /** Calls/s added back per successful call after a decrease. Default ratePerSecond / 50. */
  increasePerSuccess?: number;
  /** Pause after a 429 that names no wait. Default 1000 ms: back off at least a second. */
  defaultRetryAfterMs?: number;
  clock?: Clock;
}

/** Proof of a granted call; hand it back with the outcome. */
export interface RateLimitTicket {
  readonly grantedAt: number;
}

interface Waiter {
  resolve: (ticket: RateLimitTicket) => void;
  reject: (reason: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

export const DEFAULT_RATE_PER_SECOND = 10;

export class RateLimiter {
  private readonly clock: Clock;
  private readonly margin: number;
  private readonly decreaseFactor: number;
  private readonly defaultRetryAfterMs: number;
  private configured: number;
  private readonly minimumOption: number;
  private readonly increaseOption: number | undefined;
  private minimum: number;
  private increase: number;
  private rate: number;
  private pauseUntil = 0;
  private lastGrant = Number.NEGATIVE_INFINITY;
  private lastDecreaseAt = Number.NEGATIVE_INFINITY;
  /** Grant times still inside the hard-cap window, oldest first. */
  private readonly recent: number[] = [];
  private readonly queue: Waiter[] = [];
  private timer: unknown = undefined;
  private granted = 0;
  private throttled = 0;

  constructor(options: RateLimiterOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.margin = options.safetyMarginMs ?? 50;
    this.decreaseFactor = options.decreaseFactor ?? 0.5;
    this.defaultRetryAfterMs = options.defaultRetryAfterMs ?? 1000;
    this.configured = positive(options.ratePerSecond ?? DEFAULT_RATE_PER_SECOND, 'ratePerSecond');
    this.minimumOption = options.minRatePerSecond ?? 1;
    this.increaseOption = options.increasePerSuccess;
    this.minimum = Math.min(this.minimumOption, this.configured);
    this.increase = this.increaseOption ?? this.configured / 50;
    this.rate = this.configured;
  }

  /** Current (possibly reduced) calls per second. */
  get currentRate(): number {
    return this.rate;
  }
  get configuredRate(): number {
    return this.configured;
  }
  /** Epoch ms until which every caller waits (0 or past = not paused). */
  get pausedUntil(): number {
    return this.pauseUntil;
  }
  get stats(): { granted: number; throttled: number; waiting: number } {
    return { granted: this.granted, throttled: this.throttled, waiting: this.queue.length };
  }

  /** Lowers (never raises) the ceiling, e.g. when a second user of the endpoint asks for less. */
  lowerConfiguredRate(ratePerSecond: number): void {
    const next = positive(ratePerSecond, 'ratePerSecond');
    if (next >= this.configured) return;
    this.configured = next;
    this.minimum = Math.min(this.minimum, next);
    this.increase = Math.min(this.increase, next / 50);
    this.rate = Math.min(this.rate, next);
    this.pump();
  }

  /**
   * Sets the ceiling, higher or lower: the user changed the app's rate limit. Lowering
   * takes effect at once; raising lets the rate climb back only as far as a 429 allows
   * (a limiter slowed down by the service keeps recovering step by step).
   */
  setConfiguredRate(ratePerSecond: number): void {
    const next = positive(ratePerSecond, 'ratePerSecond');
    if (next <= this.configured) {
      this.lowerConfiguredRate(next);
      return;
    }
    const unthrottled = this.rate >= this.configured;
    this.configured = next;
    this.minimum = Math.min(this.minimumOption, next);
    this.increase = this.increaseOption ?? next / 50;
    if (unthrottled) this.rate = next;
    this.pump();
  }

  /** Waits for a turn. Rejects with the signal's reason if it aborts first. */
  acquire(signal?: AbortSignal): Promise<RateLimitTicket> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<RateLimitTicket>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal };
      if (signal) {
        waiter.onAbort = () => {
          const index = this.queue.indexOf(waiter);
          if (index >= 0) this.queue.splice(index, 1);
          reject(signal.reason);
          this.pump();
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.queue.push(waiter);
      this.pump();
    });
  }

  /** The call went through: recover some rate if we are below the ceiling. */
  onSuccess(ticket: RateLimitTicket): void {
    if (this.rate >= this.configured) return;
    // Calls granted before the last decrease say nothing about the new rate.
    if (ticket.grantedAt < this.lastDecreaseAt) return;
    this.rate = Math.min(this.configured, this.rate + this.increase);
  }

  /** The service answered 429: pause everyone, and slow down once per round of calls. */
  onThrottled(ticket: RateLimitTicket, retryAfterMs?: number): void {
    const now = this.clock.now();
    this.throttled += 1;
    const wait = retryAfterMs ?? this.defaultRetryAfterMs;
    this.pauseUntil = Math.max(this.pauseUntil, now + Math.max(0, wait));
    // Several calls in flight at the same rate all come back 429; that is one signal.
    if (ticket.grantedAt >= this.lastDecreaseAt) {
      this.rate = Math.max(this.minimum, this.rate * this.decreaseFactor);
      this.lastDecreaseAt = now;
    }
    this.pump();
  }

  /** When the next call may start, given spacing, the hard cap and any pause. */
  private nextAllowedAt(): number {
    let at = Math.max(this.pauseUntil, this.lastGrant + 1000 / this.rate);
    const cap = Math.max(1, Math.floor(this.configured));
    const windowMs = Math.max(1000, 1000 / this.configured) + this.margin;
    if (this.recent.length >= cap) {
      const oldestInCap = this.recent[this.recent.length - cap] ?? Number.NEGATIVE_INFINITY;
      at = Math.max(at, oldestInCap + windowMs);
    }
    return at;
  }

  private pump(): void {
    if (this.timer !== undefined) {
      this.clock.clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.queue.length > 0) {
      const now = this.clock.now();
      const at = this.nextAllowedAt();
      if (now < at) {
        this.timer = this.clock.setTimeout(() => {
          this.timer = undefined;
          this.pump();
        }, at - now);
        return;
      }
      const waiter = this.queue.shift();
      if (!waiter) return;
      if (waiter.signal && waiter.onAbort) waiter.signal.removeEventListener('abort', waiter.onAbort);
      this.record(now);
      waiter.resolve({ grantedAt: now });
    }
  }

  private record(now: number): void {
    this.granted += 1;
    this.lastGrant = now;
    this.recent.push(now);
    const keep = Math.max(1, Math.floor(this.configured));
    if (this.recent.length > keep) this.recent.splice(0, this.recent.length - keep);
  }
}

function positive(value: number, name: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number`);
  return value;
}

/**
 * Limiters keyed by endpoint origin. Azure counts calls per resource, so two clients for
 * the same endpoint (an inventory scan and an export running together) must share one.
 */
export class RateLimiterRegistry {
  private readonly limiters = new Map<string, RateLimiter>();

  /** The endpoint's limiter; a later caller asking for a lower rate lowers it for everyone. */
  forEndpoint(baseUrl: string, options: RateLimiterOptions = {}): RateLimiter {
    const existing = this.limiters.get(baseUrl);
    if (existing) {
      if (options.ratePerSecond !== undefined) existing.lowerConfiguredRate(options.ratePerSecond);
      return existing;
    }
    const limiter = new RateLimiter(options);
    this.limiters.set(baseUrl, limiter);
    return limiter;
  }

  /**
   * The app's rate limit changed: every endpoint's limiter takes the new ceiling, higher or
   * lower, so the next job (and any running one: they share the endpoint's limiter) uses
   * it. Limiters made later get what their first client asks for, as before.
   */
  setRate(ratePerSecond: number): void {
    for (const limiter of this.limiters.values()) limiter.setConfiguredRate(ratePerSecond);
  }

  /** Forget every limiter (tests; or after the user removes an account). */
  clear(): void {
    this.limiters.clear();
  }
}

/** The process-wide registry every client uses unless told otherwise. */
export const sharedRateLimiters = new RateLimiterRegistry();
