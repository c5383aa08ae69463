import { describe, it, expect } from 'vitest';
import { decode } from 'jpeg-js';
import { generateImage, renderImagePixels } from '../../../../src-main/emulator/images';
import { encodeJpeg } from '../../../../src-main/emulator/images/jpeg-encoder';
import { createRgbImage, fillRect } from '../../../../src-main/emulator/images/raster';

/** Mean absolute difference per channel between RGB pixels and decoded RGBA pixels. */
function meanAbsError(rgb: Uint8Array, rgba: Uint8Array): number {
  let total = 0;
  for (let p = 0, q = 0; p < rgb.length; p += 3, q += 4) {
    for (let c = 0; c < 3; c += 1) total += Math.abs((rgb[p + c] ?? 0) - (rgba[q + c] ?? 0));
  }
  return total / rgb.length;
}

describe('JPEG encoder', () => {
  it('writes a baseline JPEG that a decoder reads back at the right size and colours', () => {
    const spec = { seed: 2024, width: 320, height: 240, label: 'car' };
    const file = generateImage({ ...spec, format: 'jpeg' });
    expect([...file.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]); // SOI + next marker
    expect([...file.subarray(-2)]).toEqual([0xff, 0xd9]); // EOI

    const decoded = decode(file, { useTArray: true, formatAsRGBA: true });
    expect([decoded.width, decoded.height]).toEqual([320, 240]);
    // Lossy, but close: on average about one level out of 255 per channel.
    expect(meanAbsError(renderImagePixels(spec).data, decoded.data)).toBeLessThan(2);
  });

  it('keeps a flat colour area at its colour', () => {
    const image = createRgbImage(64, 48);
    fillRect(image, 0, 0, 63, 47, { r: 200, g: 40, b: 90 });
    const decoded = decode(encodeJpeg(image), { useTArray: true, formatAsRGBA: true });
    const centre = (24 * 64 + 32) * 4;
    expect(Math.abs((decoded.data[centre] ?? 0) - 200)).toBeLessThanOrEqual(3);
    expect(Math.abs((decoded.data[centre + 1] ?? 0) - 40)).toBeLessThanOrEqual(3);
    expect(Math.abs((decoded.data[centre + 2] ?? 0) - 90)).toBeLessThanOrEqual(3);
  });

  it('encodes sizes that are not multiples of the 8×8 block', () => {
    for (const [width, height] of [[1, 1], [9, 17], [13, 5]] as const) {
      const decoded = decode(generateImage({ seed: 1, width, height, format: 'jpeg' }), { useTArray: true });
      expect([decoded.width, decoded.height]).toEqual([width, height]);
    }
  });
});
