import { afterEach, beforeEach, describe, it, expect, vi } from 'vitest';
import { createThrottle } from '../../../src-main/jobs/progress-throttle';

describe('createThrottle (fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('emits the first value immediately (leading edge)', () => {
    const emit = vi.fn<(value: number) => void>();
    const throttle = createThrottle({ intervalMs: 100, emit });
    throttle.push(1);
    expect(emit.mock.calls).toEqual([[1]]);
  });

  it('keeps only the latest value inside the interval and emits it at the end (trailing edge)', () => {
    const emit = vi.fn<(value: number) => void>();
    const throttle = createThrottle({ intervalMs: 100, emit });
    throttle.push(1);
    vi.advanceTimersByTime(10);
    throttle.push(2);
    throttle.push(3);
    throttle.push(4);
    expect(emit.mock.calls).toEqual([[1]]);
    vi.advanceTimersByTime(89);
    expect(emit.mock.calls).toEqual([[1]]);
    vi.advanceTimersByTime(1);
    expect(emit.mock.calls).toEqual([[1], [4]]);
  });

  it('emits on the leading edge again once the interval has passed quietly', () => {
    const emit = vi.fn<(value: string) => void>();
    const throttle = createThrottle({ intervalMs: 100, emit });
    throttle.push('a');
    vi.advanceTimersByTime(250);
    throttle.push('b');
    expect(emit.mock.calls).toEqual([['a'], ['b']]);
  });

  it('coalesces 1000 pushes within one second into about 10 emits and delivers the last value', () => {
    const emit = vi.fn<(value: number) => void>();
    const throttle = createThrottle({ intervalMs: 100, emit });
    for (let i = 0; i < 1000; i += 1) {
      throttle.push(i);
      vi.advanceTimersByTime(1);
    }
    vi.runAllTimers();
    const values = emit.mock.calls.map(([value]) => value);
    expect(values.length).toBeGreaterThanOrEqual(9);
    expect(values.length).toBeLessThanOrEqual(12);
    expect(values[0]).toBe(0);
    expect(values.at(-1)).toBe(999);
    // The bar only ever moves forwards.
    expect(values).toEqual([...values].sort((a, b) => a - b));
  });

  it('flush() emits the pending value now and cancels the trailing emit', () => {
    const emit = vi.fn<(value: number) => void>();
    const throttle = createThrottle({ intervalMs: 100, emit });
    throttle.push(1);
    throttle.push(2);
    throttle.flush();
    expect(emit.mock.calls).toEqual([[1], [2]]);
    vi.advanceTimersByTime(1000);
    expect(emit.mock.calls).toEqual([[1], [2]]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('flush() with nothing pending emits nothing', () => {
    const emit = vi.fn<(value: number) => void>();
    const throttle = createThrottle({ intervalMs: 100, emit });
    throttle.flush();
    throttle.push(1);
    throttle.flush();
    expect(emit.mock.calls).toEqual([[1]]);
  });

  it('dispose() drops the pending value, clears its timer and ignores later pushes', () => {
    const emit = vi.fn<(value: number) => void>();
    const throttle = createThrottle({ intervalMs: 100, emit });
    throttle.push(1);
    throttle.push(2);
    throttle.dispose();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(1000);
    throttle.push(3);
    throttle.flush();
    expect(emit.mock.calls).toEqual([[1]]);
  });

  it('defaults to about 10 emits per second', () => {
    const emit = vi.fn<(value: number) => void>();
    const throttle = createThrottle({ emit });
    throttle.push(1);
    throttle.push(2);
    vi.advanceTimersByTime(99);
    expect(emit).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(emit.mock.calls).toEqual([[1], [2]]);
  });

  it('does not lose a trailing value when emit throws', () => {
    const seen: number[] = [];
    const throttle = createThrottle<number>({
      intervalMs: 100,
      emit: (value) => {
        seen.push(value);
        if (value === 1) throw new Error('listener failed');
      },
    });
    expect(() => throttle.push(1)).toThrow('listener failed');
    throttle.push(2);
    vi.advanceTimersByTime(100);
    expect(seen).toEqual([1, 2]);
  });
});

describe('createThrottle (injected clock and timers)', () => {
  it('uses the injected clock and timer functions', () => {
    let clock = 1_000;
    const timers = new Map<number, { callback: () => void; at: number }>();
    let nextHandle = 1;
    const emit = vi.fn<(value: number) => void>();
    const throttle = createThrottle({
      intervalMs: 100,
      emit,
      now: () => clock,
      setTimer: (callback, delayMs) => {
        const handle = nextHandle++;
        timers.set(handle, { callback, at: clock + delayMs });
        return handle;
      },
      clearTimer: (handle) => {
        if (typeof handle === 'number') timers.delete(handle);
      },
    });
    const advanceTo = (time: number): void => {
      clock = time;
      for (const [handle, timer] of [...timers]) {
        if (timer.at <= clock) {
          timers.delete(handle);
          timer.callback();
        }
      }
    };

    throttle.push(1);
    advanceTo(1_040);
    throttle.push(2);
    // The trailing timer is due exactly one interval after the leading emit.
    expect([...timers.values()].map((timer) => timer.at)).toEqual([1_100]);
    advanceTo(1_099);
    expect(emit.mock.calls).toEqual([[1]]);
    advanceTo(1_100);
    expect(emit.mock.calls).toEqual([[1], [2]]);
    expect(timers.size).toBe(0);
  });

  it('emits on push when the interval has passed even if the timer has not fired yet', () => {
    // A CPU-bound job yields only microtasks, so timers can run late.
    let clock = 0;
    const emit = vi.fn<(value: number) => void>();
    const cleared: unknown[] = [];
    const throttle = createThrottle({
      intervalMs: 100,
      emit,
      now: () => clock,
      setTimer: () => 'never-fires',
      clearTimer: (handle) => cleared.push(handle),
    });
    throttle.push(1);
    clock = 50;
    throttle.push(2);
    clock = 150;
    throttle.push(3);
    expect(emit.mock.calls).toEqual([[1], [3]]);
    expect(cleared).toEqual(['never-fires']);
  });

  it('rejects a negative interval', () => {
    expect(() => createThrottle({ intervalMs: -1, emit: () => {} })).toThrow(RangeError);
  });
});
