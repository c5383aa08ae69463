import { describe, expect, it } from 'vitest';
import type { CategoryProgress } from '../../../shared/model/job';
import { ProgressPrinter, type ProgressTimers } from '../../../src-main/cli/progress-printer';
import { formatBytes, formatCount, formatDuration, printable } from '../../../src-main/cli/format';

function progress(category: string, done: number, total: number | null, bytesDone = 0, errors = 0): CategoryProgress {
  return { category, done, total, bytesDone, bytesTotal: null, errors };
}

/** A printer on a hand-driven clock; `tick()` is what the one-second timer would call. */
function printer(tty = false) {
  let now = 0;
  let output = '';
  let timerSet = false;
  const timers: ProgressTimers = { set: () => ((timerSet = true), 'timer'), clear: () => (timerSet = false) };
  const p = new ProgressPrinter({ write: (text) => (output += text), tty, now: () => now, timers, columns: 60 });
  return {
    p,
    at: (ms: number) => (now = ms),
    output: () => output,
    timerSet: () => timerSet,
  };
}

describe('progress on stderr', () => {
  it('prints "images 1,234/5,000 · 120 MB · 3.2 MB/s · ETA …" once per tick, only for categories that moved', () => {
    const { p, at, output } = printer();
    p.start();
    at(0);
    p.update([progress('images', 1000, 5000, 100 * 1024 * 1024), progress('tags', 12, 12)]);
    at(1000);
    p.update([progress('images', 1234, 5000, 120 * 1024 * 1024), progress('tags', 12, 12)]);
    p.tick();
    expect(output()).toBe('images 1,234/5,000 · 120 MB · 20.0 MB/s · ETA 00:16\ntags   12/12\n');
    p.tick();
    expect(output().split('\n')).toHaveLength(3);
  });

  it('ends with the final counts of what moved since the last line, and stops its timer', () => {
    const { p, at, output, timerSet } = printer();
    p.start();
    expect(timerSet()).toBe(true);
    at(0);
    p.update([progress('images', 1, 3, 10), progress('models', 0, 0)]);
    p.tick();
    at(300);
    p.update([progress('images', 3, 3, 30, 1), progress('models', 0, 0)]);
    p.finish();
    expect(output()).toBe('images 1/3 · 10 B\nimages 3/3 · 30 B · 1 problem\n');
    expect(timerSet()).toBe(false);
  });

  it('writes no escape sequences when stderr is not a terminal', () => {
    const { p, at, output } = printer(false);
    for (let second = 0; second < 5; second += 1) {
      at(second * 1000);
      p.update([progress('files', second * 10, 50, second * 1000)]);
      p.tick();
    }
    p.note('a warning');
    p.finish();
    expect(output()).not.toContain('\u001b');
    expect(output()).not.toContain('\r');
    expect(output().trim().split('\n')).toHaveLength(6);
  });

  it('redraws the line of the same category in place on a terminal, and starts a new line for another', () => {
    const { p, at, output } = printer(true);
    at(0);
    p.update([progress('images', 1, 10)]);
    p.tick();
    at(1000);
    p.update([progress('images', 5, 10)]);
    p.tick();
    p.update([progress('images', 5, 10), progress('models', 1, 2)]);
    p.tick();
    p.note('Stopping…');
    expect(output()).toBe('images 1/10\r\u001b[2Kimages 5/10 · ETA 00:01\nmodels 1/2\nStopping…\n');
  });

  it('cuts a redrawn line to the terminal width so it cannot wrap', () => {
    const { p, at, output } = printer(true);
    at(0);
    p.update([progress('a-very-long-category-name-indeed-it-is', 123456789, 987654321, 5e9, 3)]);
    p.tick();
    expect(output().length).toBeLessThan(60);
    expect(output().endsWith('…')).toBe(true);
  });
});

describe('numbers as printed', () => {
  it('groups counts with spaces, sizes in KB/MB/GB, durations as mm:ss or h:mm:ss', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(12)).toBe('12');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(3.2 * 1024 * 1024)).toBe('3.2 MB');
    expect(formatBytes(120 * 1024 * 1024)).toBe('120 MB');
    expect(formatDuration(45)).toBe('00:45');
    expect(formatDuration(3723)).toBe('1:02:03');
  });

  it('makes service text harmless for a terminal', () => {
    expect(printable('a\u001b]0;pwned\u0007b\nc')).toBe('a?]0;pwned?b?c');
    expect(printable('x'.repeat(10), 5)).toBe('xxxx…');
  });
});
