/**
 * When to send a failed request again, and how long to wait first.
 *
 * Retried: 5xx (except 501/505), 408, 429, connection resets, truncated bodies and
 * timeouts: the request may succeed later. Never retried: other 4xx (a wrong key stays
 * wrong; a 404 stays missing), cancellation, DNS "no such host", TLS failures.
 * Waits use exponential backoff with full jitter (AWS architecture blog, "Exponential
 * Backoff And Jitter"): random in [0, min(cap, base·2^(n-1))], so many clients that failed
 * together do not come back together. 429 waits are the rate limiter's business (it
 * pauses every caller until Retry-After), so they add no backoff of their own.
 */
import { isCustomVisionError } from './errors';

export interface RetryPolicy {
  /** Total attempts for one call, the first included. Default 6. */
  maxAttempts: number;
  /**
   * Throttled (429) answers get their own, larger budget: the service said when to come
   * back, and a long export on a free tier must not fail after six polite waits.
   */
  maxThrottledAttempts: number;
  /** First backoff ceiling. Default 500 ms. */
  baseDelayMs: number;
  /** Largest backoff ceiling. Default 30 s. */
  maxDelayMs: number;
  /** A 429 asking for a longer wait than this fails at once (a quota, not a burst). Default 120 s. */
  maxRetryAfterMs: number;
  /** Random source in [0, 1) (tests pin it). */
  random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  maxThrottledAttempts: 30,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
  random: Math.random,
};

export function retryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...withoutUndefined(overrides) };
  if (!Number.isInteger(policy.maxAttempts) || policy.maxAttempts < 1) throw new RangeError('maxAttempts must be a whole number ≥ 1');
  return policy;
}

/** The wait before attempt `attempt + 1`, after `attempt` attempts failed (attempt ≥ 1). */
export function backoffDelayMs(attempt: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  return Math.floor(policy.random() * ceiling);
}

/** Whether an error thrown by one attempt is worth another attempt. */
export function isRetryableError(error: unknown): boolean {
  return isCustomVisionError(error) && error.retryable && error.code !== 'CANCELLED';
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
