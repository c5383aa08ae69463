/**
 * The shared rate limiter, driven by a fake clock: it never lets more than the configured
 * rate through in any one-second window, a 429 holds every caller until Retry-After, and
 * the rate halves on throttling and creeps back on success.
 */
import { describe, expect, it } from 'vitest';
import { RateLimiter, RateLimiterRegistry } from '../../../src-main/customvision/rate-limiter';
import { FakeClock, settle } from '../../support/customvision/fake-clock';
import { maxInWindow } from '../../support/customvision/local-server';

function startCallers(limiter: RateLimiter, count: number, clock: FakeClock, signal?: AbortSignal) {
  const grants: number[] = [];
  const done = Array.from({ length: count }, () =>
    limiter.acquire(signal).then((ticket) => {
      grants.push(clock.now());
      return ticket;
    }),
  );
  return { grants, done };
}

describe('RateLimiter', () => {
  it('never exceeds the configured rate in any one-second window', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ ratePerSecond: 10, clock });
    const { grants } = startCallers(limiter, 60, clock);
    await clock.advance(10_000);
    expect(grants).toHaveLength(60);
    expect(maxInWindow(grants, 1000)).toBeLessThanOrEqual(10);
    // And it is not needlessly slow: 60 calls at 10/s take about six seconds, not more.
    expect(grants.at(-1)).toBeLessThan(6_500);
    // Calls are spread out rather than sent in bursts.
    for (let i = 1; i < grants.length; i += 1) expect((grants[i] ?? 0) - (grants[i - 1] ?? 0)).toBeGreaterThanOrEqual(100);
  });

  it('keeps the cap with fractional and tiny rates', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ ratePerSecond: 2.5, clock });
    const { grants } = startCallers(limiter, 20, clock);
    await clock.advance(20_000);
    expect(grants).toHaveLength(20);
    expect(maxInWindow(grants, 1000)).toBeLessThanOrEqual(2);

    const slowClock = new FakeClock();
    const slow = new RateLimiter({ ratePerSecond: 0.5, clock: slowClock });
    const slowCalls = startCallers(slow, 4, slowClock);
    await slowClock.advance(10_000);
    expect(maxInWindow(slowCalls.grants, 2000)).toBe(1);
  });

  it('on 429 pauses every caller until Retry-After, then resumes', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ ratePerSecond: 10, clock });
    const first = await limiter.acquire();
    limiter.onThrottled(first, 3000);
    const { grants } = startCallers(limiter, 5, clock);
    await clock.advance(2999);
    expect(grants).toEqual([]);
    expect(limiter.pausedUntil).toBe(3000);
    await clock.advance(2000);
    expect(grants[0]).toBe(3000);
    expect(grants).toHaveLength(5);
  });

  it('waits one second after a 429 that names no wait', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock });
    limiter.onThrottled(await limiter.acquire());
    const { grants } = startCallers(limiter, 1, clock);
    await clock.advance(5000);
    expect(grants).toEqual([1000]);
  });

  it('halves the rate once per round of throttled calls, and recovers it additively', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ ratePerSecond: 10, clock });
    const inFlight = startCallers(limiter, 3, clock);
    await clock.advance(1000);
    const tickets = await Promise.all(inFlight.done);
    // Three calls sent at the same rate all come back 429: one signal, one halving.
    for (const ticket of tickets) limiter.onThrottled(ticket, 1000);
    expect(limiter.currentRate).toBe(5);

    // At the lower rate, calls are 200 ms apart.
    const slower = startCallers(limiter, 3, clock);
    await clock.advance(3000);
    const [firstSlow = 0, secondSlow = 0] = slower.grants;
    expect(secondSlow - firstSlow).toBeGreaterThanOrEqual(200);
    const [afterDecrease] = await Promise.all(slower.done);
    if (!afterDecrease) throw new Error('no ticket');
    // A 429 for a call sent after the decrease lowers it again.
    limiter.onThrottled(afterDecrease, 1000);
    expect(limiter.currentRate).toBe(2.5);

    // Successes of calls sent after the last decrease bring it back, step by step, to the ceiling.
    const recovering = startCallers(limiter, 60, clock);
    await clock.advance(60_000);
    const recoveryTickets = await Promise.all(recovering.done);
    const [firstRecovery] = recoveryTickets;
    if (!firstRecovery) throw new Error('no ticket');
    limiter.onSuccess(firstRecovery);
    expect(limiter.currentRate).toBeCloseTo(2.7);
    for (const ticket of recoveryTickets) limiter.onSuccess(ticket);
    expect(limiter.currentRate).toBe(10);
    // It never goes above the configured rate.
    limiter.onSuccess(firstRecovery);
    expect(limiter.currentRate).toBe(10);
  });

  it('does not go below the minimum rate however often it is throttled', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ ratePerSecond: 10, minRatePerSecond: 2, clock });
    for (let i = 0; i < 10; i += 1) {
      const ticket = limiter.acquire();
      await clock.advance(5000);
      limiter.onThrottled(await ticket, 100);
    }
    expect(limiter.currentRate).toBe(2);
  });

  it('gives up a wait as soon as the caller aborts, without blocking the others', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ ratePerSecond: 1, clock });
    await limiter.acquire();
    const controller = new AbortController();
    const aborted = limiter.acquire(controller.signal);
    const other = startCallers(limiter, 1, clock);
    controller.abort(new Error('user cancelled'));
    await expect(aborted).rejects.toThrow('user cancelled');
    await clock.advance(1100);
    expect(other.grants).toEqual([1050]);
    // An already-aborted signal is refused at once.
    await expect(limiter.acquire(AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
    expect(limiter.stats.waiting).toBe(0);
  });

  it('leaves no timer behind once everyone is served', async () => {
    const clock = new FakeClock();
    const limiter = new RateLimiter({ clock });
    startCallers(limiter, 3, clock);
    await clock.advance(1000);
    await settle();
    expect(clock.pendingTimers).toBe(0);
  });

  it('rejects a rate that is not a positive number', () => {
    expect(() => new RateLimiter({ ratePerSecond: 0 })).toThrow(RangeError);
    expect(() => new RateLimiter({ ratePerSecond: Number.NaN })).toThrow(RangeError);
  });
});

describe('RateLimiterRegistry', () => {
  it('gives every client of one endpoint the same limiter, and other endpoints their own', () => {
    const registry = new RateLimiterRegistry();
    const a = registry.forEndpoint('https://a.cognitiveservices.azure.com');
    expect(registry.forEndpoint('https://a.cognitiveservices.azure.com')).toBe(a);
    expect(registry.forEndpoint('https://b.cognitiveservices.azure.com')).not.toBe(a);
  });

  it('lets a second client lower the shared rate but never raise it', () => {
    const registry = new RateLimiterRegistry();
    const limiter = registry.forEndpoint('https://a.cognitiveservices.azure.com', { ratePerSecond: 10 });
    registry.forEndpoint('https://a.cognitiveservices.azure.com', { ratePerSecond: 2 });
    expect(limiter.configuredRate).toBe(2);
    registry.forEndpoint('https://a.cognitiveservices.azure.com', { ratePerSecond: 50 });
    expect(limiter.configuredRate).toBe(2);
  });
});
