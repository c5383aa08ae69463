import { describe, it, expect } from 'vitest';
import { inflateSync } from 'node:zlib';
import { zlibCompress } from '../../../../src-main/emulator/images/deflate-encoder';

/** Deterministic pseudo-random bytes (xorshift32). */
function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('zlib stream encoder', () => {
  // node:zlib's inflate checks the header, every code, and the Adler-32 trailer.
  const cases: Array<[string, Uint8Array, number[]]> = [
    ['empty input', new Uint8Array(0), [1, 3]],
    ['one byte', Uint8Array.of(7), [1, 3]],
    ['a long run (overlapping matches)', new Uint8Array(100_000).fill(200), [1, 3]],
    ['incompressible noise', noise(50_000, 1), [1, 3, 300]],
    ['a repeated 3-byte pattern', Uint8Array.from({ length: 10_000 }, (_, i) => [10, 20, 30][i % 3] ?? 0), [3]],
    [
      'rows that repeat at a distance',
      Uint8Array.from({ length: 90_000 }, (_, i) => (i % 1_501) * 7),
      [1_501, 1_498, 1_504],
    ],
    ['more than the 32 KiB window, with a too-far distance ignored', noise(40_000, 9).map((v, i) => (i % 2 ? v : 0)), [40_000, 2]],
  ];

  it.each(cases)('%s inflates back to the input', (_name, input, distances) => {
    const compressed = zlibCompress(input, distances);
    expect(Buffer.from(inflateSync(compressed)).equals(Buffer.from(input))).toBe(true);
  });

  it('shrinks repetitive data to a small fraction of its size', () => {
    const rows = Uint8Array.from({ length: 90_000 }, (_, i) => (i % 1_501) * 7);
    expect(zlibCompress(rows, [1_501]).length).toBeLessThan(rows.length / 20);
  });
});
