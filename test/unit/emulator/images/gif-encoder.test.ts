import { describe, it, expect } from 'vitest';
import { GIF_PALETTE, generateImage, renderImagePixels, type RgbImage } from '../../../../src-main/emulator/images';
import { encodeGif } from '../../../../src-main/emulator/images/gif-encoder';
import { lzwEncode } from '../../../../src-main/emulator/images/lzw-encoder';
import { createRgbImage } from '../../../../src-main/emulator/images/raster';
import { BLUE, cornersImage, GREEN, RED, WHITE } from '../../../support/emulator/images/fixtures';
import { decodeGif, lzwDecode } from '../../../support/emulator/images/gif-test-decoder';

/** The RGB colour a decoded GIF shows at pixel p. */
function shownColour(palette: Buffer, indices: Uint8Array, p: number): [number, number, number] {
  const i = (indices[p] ?? 0) * 3;
  return [palette[i] ?? -1, palette[i + 1] ?? -1, palette[i + 2] ?? -1];
}

/**
 * The palette colour nearest to (r, g, b), by brute force over all 256 entries — an
 * independent check of the encoder's per-channel quantiser.
 */
function nearestPaletteColour(palette: Buffer, r: number, g: number, b: number): [number, number, number] {
  let best: [number, number, number] = [-1, -1, -1];
  let bestDistance = Infinity;
  for (let i = 0; i < palette.length; i += 3) {
    const pr = palette[i] ?? 0;
    const pg = palette[i + 1] ?? 0;
    const pb = palette[i + 2] ?? 0;
    const distance = (pr - r) ** 2 + (pg - g) ** 2 + (pb - b) ** 2;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = [pr, pg, pb];
    }
  }
  return best;
}

/** Simple deterministic noise so the LZW table fills and resets many times. */
function noiseImage(width: number, height: number): RgbImage {
  const image = createRgbImage(width, height);
  let x = 123456789;
  for (let i = 0; i < image.data.length; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    image.data[i] = x & 0xff;
  }
  return image;
}

describe('GIF encoder', () => {
  it('writes GIF89a with a 256-colour global palette and the right dimensions', () => {
    const file = generateImage({ seed: 4, width: 300, height: 200, format: 'gif' });
    const decoded = decodeGif(file);
    expect(decoded.version).toBe('GIF89a');
    expect([decoded.width, decoded.height]).toEqual([300, 200]);
    expect(decoded.palette.length).toBe(256 * 3);
    expect(decoded.palette.equals(GIF_PALETTE)).toBe(true);
    expect(file.at(-1)).toBe(0x3b);
  });

  it('shows exact colours for an image already in the palette, corners in place', () => {
    const source = cornersImage(6, 4);
    const { palette, indices } = decodeGif(encodeGif(source));
    expect(shownColour(palette, indices, 0)).toEqual([RED.r, RED.g, RED.b]);
    expect(shownColour(palette, indices, 5)).toEqual([GREEN.r, GREEN.g, GREEN.b]);
    expect(shownColour(palette, indices, 18)).toEqual([BLUE.r, BLUE.g, BLUE.b]);
    expect(shownColour(palette, indices, 23)).toEqual([WHITE.r, WHITE.g, WHITE.b]);
    expect(shownColour(palette, indices, 7)).toEqual([0, 0, 0]);
  });

  it('every pixel of a generated image shows the palette colour nearest to the rendered one', () => {
    const spec = { seed: 99, width: 640, height: 480, label: 'apple' };
    const { palette, indices } = decodeGif(generateImage({ ...spec, format: 'gif' }));
    const scene = renderImagePixels(spec).data;
    const cache = new Map<number, string>();
    let mismatches = 0;
    for (let p = 0; p < indices.length; p += 1) {
      const r = scene[p * 3] ?? 0;
      const g = scene[p * 3 + 1] ?? 0;
      const b = scene[p * 3 + 2] ?? 0;
      const key = (r << 16) | (g << 8) | b;
      let expected = cache.get(key);
      if (expected === undefined) {
        expected = nearestPaletteColour(palette, r, g, b).join();
        cache.set(key, expected);
      }
      if (shownColour(palette, indices, p).join() !== expected) mismatches += 1;
    }
    expect(mismatches).toBe(0);
  });

  it('survives many LZW table resets (noise) and tiny images', () => {
    // 128×128 noise needs ~16 000 codes: the 4096-code table fills and resets 4 times.
    for (const source of [noiseImage(128, 128), noiseImage(1, 1), noiseImage(3, 1)]) {
      const { width, height, palette, indices } = decodeGif(encodeGif(source));
      expect([width, height]).toEqual([source.width, source.height]);
      let mismatches = 0;
      for (let p = 0; p < indices.length; p += 1) {
        const [r, g, b] = [source.data[p * 3] ?? 0, source.data[p * 3 + 1] ?? 0, source.data[p * 3 + 2] ?? 0];
        if (shownColour(palette, indices, p).join() !== nearestPaletteColour(palette, r, g, b).join()) mismatches += 1;
      }
      expect(mismatches).toBe(0);
    }
  });

  it('LZW round-trips long runs, repeats and the code-width boundaries', () => {
    const inputs: Uint8Array[] = [
      new Uint8Array(100_000), // one long run: exercises the KwKwK case over and over
      Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7 + (i >> 9)) & 0xff),
      Uint8Array.from({ length: 5_000 }, (_, i) => i & 3),
      Uint8Array.of(42),
    ];
    for (const input of inputs) {
      for (const minCodeSize of [2, 8]) {
        const symbols = input.map((v) => v & ((1 << minCodeSize) - 1));
        const decoded = lzwDecode(Buffer.from(lzwEncode(symbols, minCodeSize)), minCodeSize, symbols.length);
        expect(Buffer.from(decoded).equals(Buffer.from(symbols))).toBe(true);
      }
    }
  });

  it('splits the code stream into sub-blocks of at most 255 bytes', () => {
    const file = encodeGif(noiseImage(128, 128));
    let at = 13 + 768 + 10 + 1; // header, palette, image descriptor, min code size
    let blocks = 0;
    for (;;) {
      const size = file[at] ?? -1;
      expect(size).toBeGreaterThanOrEqual(0);
      expect(size).toBeLessThanOrEqual(255);
      at += size + 1;
      if (size === 0) break;
      blocks += 1;
    }
    expect(blocks).toBeGreaterThan(1);
    expect(at).toBe(file.length - 1);
  });
});
