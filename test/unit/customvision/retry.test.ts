/**
 * The retry policy: which failures are tried again, and how long the waits may be.
 */
import { describe, expect, it } from 'vitest';
import { backoffDelayMs, DEFAULT_RETRY_POLICY, isRetryableError, retryPolicy } from '../../../src-main/customvision/retry';
import { cancelledError, httpError, isRetryableStatus } from '../../../src-main/customvision/errors';
import { networkError } from '../../../src-main/customvision/network-errors';
import { retryAfterFromHeaders, retryAfterFromText, parseRetryAfterValue } from '../../../src-main/customvision/retry-after';

describe('which answers are retried', () => {
  it('retries 408, 429 and 5xx (not 501/505); never other 4xx', () => {
    const retried = [408, 429, 500, 502, 503, 504, 507, 599];
    const final = [400, 401, 403, 404, 405, 409, 410, 413, 415, 422, 501, 505];
    for (const status of retried) expect(isRetryableStatus(status), String(status)).toBe(true);
    for (const status of final) expect(isRetryableStatus(status), String(status)).toBe(false);
  });

  it('retries resets and timeouts, never cancellation or a wrong key', () => {
    const reset = networkError('X', new TypeError('fetch failed', { cause: Object.assign(new Error('read'), { code: 'ECONNRESET' }) }));
    expect(isRetryableError(reset)).toBe(true);
    expect(isRetryableError(cancelledError('X'))).toBe(false);
    expect(isRetryableError(httpError({ operation: 'X', status: 401, headers: new Headers(), bodyText: '' }))).toBe(false);
    expect(isRetryableError(new Error('plain bug'))).toBe(false);
  });
});

describe('backoff', () => {
  it('stays within [0, min(cap, base·2^(n-1))] (full jitter)', () => {
    const policy = { baseDelayMs: 500, maxDelayMs: 30_000 };
    expect(backoffDelayMs(1, { ...policy, random: () => 0 })).toBe(0);
    expect(backoffDelayMs(1, { ...policy, random: () => 0.999999 })).toBe(499);
    expect(backoffDelayMs(2, { ...policy, random: () => 0.999999 })).toBe(999);
    expect(backoffDelayMs(4, { ...policy, random: () => 0.5 })).toBe(2000);
    expect(backoffDelayMs(20, { ...policy, random: () => 0.999999 })).toBe(29_999);
    expect(backoffDelayMs(1000, { ...policy, random: () => 0.999999 })).toBe(29_999);
  });

  it('spreads retries over the whole range (clients that failed together do not return together)', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const delays = Array.from({ length: 200 }, () => backoffDelayMs(3, { baseDelayMs: 500, maxDelayMs: 30_000, random }));
    expect(Math.min(...delays)).toBeLessThan(200);
    expect(Math.max(...delays)).toBeGreaterThan(1800);
    expect(Math.max(...delays)).toBeLessThan(2000);
  });

  it('defaults to 6 attempts and refuses nonsense', () => {
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBe(6);
    expect(retryPolicy({ maxAttempts: undefined }).maxAttempts).toBe(6);
    expect(() => retryPolicy({ maxAttempts: 0 })).toThrow(RangeError);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('reads seconds, fractions and HTTP dates', () => {
    expect(parseRetryAfterValue('3', now)).toBe(3000);
    expect(parseRetryAfterValue('0.5', now)).toBe(500);
    expect(parseRetryAfterValue('Thu, 01 Jan 2026 00:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfterValue('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfterValue('soon', now)).toBeUndefined();
    expect(parseRetryAfterValue('', now)).toBeUndefined();
  });

  it('prefers retry-after-ms when present', () => {
    expect(retryAfterFromHeaders(new Headers({ 'retry-after-ms': '250', 'retry-after': '1' }), now)).toBe(250);
    expect(retryAfterFromHeaders(new Headers({ 'retry-after': '2' }), now)).toBe(2000);
    expect(retryAfterFromHeaders(new Headers(), now)).toBeUndefined();
  });

  it('reads the wait from the 429 message text', () => {
    expect(retryAfterFromText('Please retry after 3 seconds.')).toBe(3000);
    expect(
      retryAfterFromText(
        'Requests to the CreateImagesFromData Operation under Custom_Vision_Training_3.3 have exceeded rate limit of your current Custom_Vision.Training F0 pricing tier. Please retry after 1 second. To increase your rate limit switch to a paid tier.',
      ),
    ).toBe(1000);
    expect(retryAfterFromText('{"error":{"code":"429","message":"Rate limit is exceeded. Try again in 26 seconds."}}')).toBe(26_000);
    expect(retryAfterFromText('retry after 500 milliseconds')).toBe(500);
    expect(retryAfterFromText('Please retry after 2 minutes')).toBe(120_000);
    expect(retryAfterFromText('Too many requests')).toBeUndefined();
    expect(retryAfterFromText(undefined)).toBeUndefined();
  });
});
