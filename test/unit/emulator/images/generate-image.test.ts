import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import {
  generateImage,
  IMAGE_FORMATS,
  imageMediaType,
  MAX_IMAGE_SIDE,
  renderImagePixels,
  themeForLabel,
  type ImageFormat,
  type ImageSpec,
} from '../../../../src-main/emulator/images';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Frozen hashes. The emulator's demo account lists these images' sizes and an export
 * verifies their SHA-256, so a change here means every machine's demo data changes: only
 * update them on purpose (and say so), never to make a flaky run pass — a mismatch on
 * another machine means generation is not deterministic there.
 */
const GOLDEN: Record<ImageFormat, string> = {
  png: 'db21fb756908a7f5f81f3becf112a709722620d6498c260036dae08de5e666ea',
  jpeg: '2b6bd3e9d95f03963d4509fba1b40f468fdc66d4f338a2da7406f13a4c2be553',
  bmp: '7285c4d417e68a2326b14c92bee4990df0518fafacef94761c28b03d936c747b',
  gif: '2a8eef51dd76103323d3b1d715821cd6045b8ab34970464e5bc3f1e8436a31dd',
};
const GOLDEN_SPEC = { seed: 20_240_925, width: 160, height: 120, label: 'golden retriever' };

const MAGIC: Record<ImageFormat, number[]> = {
  png: [0x89, 0x50, 0x4e, 0x47],
  jpeg: [0xff, 0xd8, 0xff],
  bmp: [0x42, 0x4d],
  gif: [0x47, 0x49, 0x46, 0x38],
};

describe('generateImage', () => {
  it.each(IMAGE_FORMATS)('%s: the same spec always gives identical bytes', (format) => {
    const spec: ImageSpec = { seed: 31337, width: 200, height: 150, format, label: 'cat' };
    expect(sha256(generateImage(spec))).toBe(sha256(generateImage({ ...spec })));
  });

  it.each(IMAGE_FORMATS)('%s: different seeds or labels give different bytes', (format) => {
    const base: ImageSpec = { seed: 1, width: 200, height: 150, format };
    const hashes = new Set([
      sha256(generateImage(base)),
      sha256(generateImage({ ...base, seed: 2 })),
      sha256(generateImage({ ...base, seed: 2 ** 40 + 1 })), // high bits of the seed count
      sha256(generateImage({ ...base, label: 'cat' })),
      sha256(generateImage({ ...base, label: 'dog' })),
    ]);
    expect(hashes.size).toBe(5);
  });

  it.each(IMAGE_FORMATS)('%s: matches the frozen hash (same bytes on every machine)', (format) => {
    expect(sha256(generateImage({ ...GOLDEN_SPEC, format }))).toBe(GOLDEN[format]);
  });

  it.each(IMAGE_FORMATS)('%s: starts with the magic bytes of its media type', (format) => {
    const file = generateImage({ seed: 5, width: 10, height: 10, format });
    expect([...file.subarray(0, MAGIC[format].length)]).toEqual(MAGIC[format]);
  });

  it('labels each format with its media type', () => {
    expect(IMAGE_FORMATS.map(imageMediaType)).toEqual(['image/png', 'image/jpeg', 'image/bmp', 'image/gif']);
  });

  it('refuses sizes outside 1..10240 and non-integer sizes with a RangeError', () => {
    const ok: ImageSpec = { seed: 1, width: 10, height: 10, format: 'png' };
    for (const bad of [0, -1, MAX_IMAGE_SIDE + 1, 1.5, Number.NaN, Infinity]) {
      expect(() => generateImage({ ...ok, width: bad })).toThrow(RangeError);
      expect(() => generateImage({ ...ok, height: bad })).toThrow(RangeError);
    }
    expect(() => generateImage({ ...ok, seed: 0.5 })).toThrow(RangeError);
    expect(() => generateImage({ ...ok, format: 'tiff' as ImageFormat })).toThrow(RangeError);
  });

  it('accepts the extreme sizes 1×1 and 10240×1', () => {
    expect(generateImage({ seed: 1, width: 1, height: 1, format: 'png' }).length).toBeGreaterThan(0);
    expect(generateImage({ seed: 1, width: MAX_IMAGE_SIDE, height: 1, format: 'gif' }).readUInt16LE(6)).toBe(MAX_IMAGE_SIDE);
    expect(generateImage({ seed: 1, width: 1, height: MAX_IMAGE_SIDE, format: 'bmp' }).readInt32LE(22)).toBe(MAX_IMAGE_SIDE);
  });
});

/** Hue in degrees and saturation/value in 0..1 of an RGB colour. */
function toHsv(r: number, g: number, b: number): { h: number; s: number; v: number } {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  let h = 0;
  if (d > 0) {
    if (max === r) h = 60 * (((g - b) / d + 6) % 6);
    else if (max === g) h = 60 * ((b - r) / d + 2);
    else h = 60 * ((r - g) / d + 4);
  }
  return { h, s: max === 0 ? 0 : d / max, v: max / 255 };
}

/** Share of pixels in a vivid colour within ±12° of the given hue. */
function shareOfHue(spec: { seed: number; width: number; height: number; label?: string }, hue: number): number {
  const { data } = renderImagePixels(spec);
  let hits = 0;
  for (let i = 0; i < data.length; i += 3) {
    const { h, s, v } = toHsv(data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0);
    const distance = Math.min(Math.abs(h - hue), 360 - Math.abs(h - hue));
    if (distance <= 12 && s >= 0.6 && v >= 0.55) hits += 1;
  }
  return hits / (data.length / 3);
}

describe('images of the same tag look related', () => {
  it('every image of a tag shows a good share of that tag\'s hue', () => {
    for (const label of ['cat', 'dog', 'scratch']) {
      const { hue } = themeForLabel(label);
      for (let seed = 1; seed <= 8; seed += 1) {
        expect(shareOfHue({ seed, width: 160, height: 120, label }, hue), `${label} #${seed}`).toBeGreaterThan(0.04);
      }
    }
  });

  it('different tags get visibly different themes', () => {
    const themes = ['cat', 'dog', 'car', 'apple'].map(themeForLabel);
    expect(new Set(themes.map((t) => `${t.hue}/${t.shape}`)).size).toBe(4);
    // The theme comes from the label alone, not from the seed.
    expect(themeForLabel('cat')).toEqual(themeForLabel('cat'));
  });
});
