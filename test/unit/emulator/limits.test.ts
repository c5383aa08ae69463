import { describe, expect, it } from 'vitest';
import { CallBucket } from '../../../src-main/emulator/rate-limit';
import { FaultInjector } from '../../../src-main/emulator/faults';
import { SasSigner } from '../../../src-main/emulator/sas';
import { parseRange } from '../../../src-main/emulator/blobs';

describe('call token bucket', () => {
  it('allows a burst of `rate` calls, then asks to retry after whole seconds', () => {
    let now = 0;
    const bucket = new CallBucket(10, () => now);
    const results = Array.from({ length: 12 }, () => bucket.take());
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results[10]).toEqual({ ok: false, retryAfterSeconds: 1 });
    now += 100; // one token back
    expect(bucket.take().ok).toBe(true);
    expect(bucket.take().ok).toBe(false);
  });

  it('computes Retry-After from the refill rate', () => {
    let now = 0;
    const slow = new CallBucket(0.25, () => now);
    expect(slow.take().ok).toBe(true);
    expect(slow.take()).toEqual({ ok: false, retryAfterSeconds: 4 });
    now += 4000;
    expect(slow.take().ok).toBe(true);
  });
});

describe('fault injector', () => {
  it('gives the same decisions for the same seed and respects each rate', () => {
    const rates = { failRate: 0.3, resetRate: 0.1, truncateRate: 0.2 };
    const a = new FaultInjector('s');
    const b = new FaultInjector('s');
    const decisionsA = Array.from({ length: 200 }, () => a.decide(rates, 'api'));
    expect(Array.from({ length: 200 }, () => b.decide(rates, 'api'))).toEqual(decisionsA);
    const fails = decisionsA.filter((d) => d.fail).length;
    expect(fails).toBeGreaterThan(30);
    expect(fails).toBeLessThan(90);
    expect(new FaultInjector('s').decide(rates, 'blob').fail).toBeUndefined();
    const none = new FaultInjector('s');
    expect(Array.from({ length: 50 }, () => none.decide({ failRate: 0, resetRate: 0, truncateRate: 0 }, 'api')).some((d) => d.fail || d.reset || d.truncate)).toBe(false);
  });
});

describe('SAS signer', () => {
  it('accepts its own URLs until they expire and refuses any change', () => {
    let now = Date.parse('2020-06-06T16:45:21.500Z');
    const signer = new SasSigner(() => 'http://127.0.0.1:1', () => now, () => 86_400);
    const url = new URL(signer.url('/i-aa/i-bb'));
    expect(url.searchParams.get('se')).toBe('2020-06-07T16:45:21Z');
    expect(url.href).toContain('se=2020-06-07T16%3A45%3A21Z&sp=r');
    expect(signer.verify('/i-aa/i-bb', url.searchParams)).toEqual({ ok: true });
    expect(signer.verify('/i-aa/t-bb', url.searchParams)).toMatchObject({ ok: false, status: 403, code: 'AuthenticationFailed' });
    now += 86_400_000;
    expect(signer.verify('/i-aa/i-bb', url.searchParams)).toMatchObject({ ok: false, status: 403, detail: expect.stringMatching(/^Signed expiry time \[Sun, 07 Jun 2020 16:45:21 GMT\] must be after signed start time/) });
  });
});

describe('Range header', () => {
  it('reads one byte range, open-ended and suffix ranges', () => {
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=50-500', 100)).toEqual({ start: 50, end: 99 });
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-1,5-6', 100)).toBeUndefined();
    expect(parseRange(undefined, 100)).toBeUndefined();
  });
});
