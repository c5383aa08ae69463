import { describe, it, expect } from 'vitest';
import { generateImage, renderImagePixels } from '../../../../src-main/emulator/images';
import { encodeBmp } from '../../../../src-main/emulator/images/bmp-encoder';
import { BLUE, cornersImage, GREEN, RED, rgbAt, WHITE } from '../../../support/emulator/images/fixtures';

interface DecodedBmp {
  width: number;
  height: number;
  pixels: Buffer;
  paddingBytes: number[];
}

/** Test-only reader for 24-bit BITMAPINFOHEADER files, following the format's layout. */
function decodeBmp(file: Buffer): DecodedBmp {
  expect(file.toString('latin1', 0, 2)).toBe('BM');
  expect(file.readUInt32LE(2)).toBe(file.length);
  const offset = file.readUInt32LE(10);
  expect(file.readUInt32LE(14)).toBe(40);
  const width = file.readInt32LE(18);
  const height = file.readInt32LE(22);
  expect(height).toBeGreaterThan(0); // bottom-up
  expect(file.readUInt16LE(26)).toBe(1);
  expect(file.readUInt16LE(28)).toBe(24);
  expect(file.readUInt32LE(30)).toBe(0);
  const stride = Math.floor((24 * width + 31) / 32) * 4;
  expect(file.readUInt32LE(34)).toBe(stride * height);
  expect(file.length).toBe(offset + stride * height);
  const pixels = Buffer.alloc(width * height * 3);
  const paddingBytes: number[] = [];
  for (let row = 0; row < height; row += 1) {
    const y = height - 1 - row;
    const start = offset + row * stride;
    for (let x = 0; x < width; x += 1) {
      pixels[(y * width + x) * 3] = file[start + x * 3 + 2] ?? -1;
      pixels[(y * width + x) * 3 + 1] = file[start + x * 3 + 1] ?? -1;
      pixels[(y * width + x) * 3 + 2] = file[start + x * 3] ?? -1;
    }
    for (let p = width * 3; p < stride; p += 1) paddingBytes.push(file[start + p] ?? -1);
  }
  return { width, height, pixels, paddingBytes };
}

describe('BMP encoder', () => {
  it('stores rows bottom-up in BGR with zero padding to 4 bytes, for every padding length', () => {
    for (const width of [1, 2, 3, 4, 5]) {
      const source = cornersImage(width, 3);
      const decoded = decodeBmp(encodeBmp(source));
      expect([decoded.width, decoded.height]).toEqual([width, 3]);
      expect(decoded.pixels.equals(source.data)).toBe(true);
      expect(decoded.paddingBytes).toEqual(new Array(((4 - ((width * 3) % 4)) % 4) * 3).fill(0));
      expect(rgbAt(decoded.pixels, width, width - 1, 2)).toEqual(WHITE);
      if (width > 1) {
        expect(rgbAt(decoded.pixels, width, 0, 0)).toEqual(RED);
        expect(rgbAt(decoded.pixels, width, width - 1, 0)).toEqual(GREEN);
        expect(rgbAt(decoded.pixels, width, 0, 2)).toEqual(BLUE);
      }
    }
  });

  it('the top-left pixel of the file is the last row on disk', () => {
    const file = encodeBmp(cornersImage(4, 2));
    // Row 0 on disk is the image's bottom row: blue at x=0 stored as B, G, R.
    expect([...file.subarray(54, 57)]).toEqual([255, 0, 0]);
    // Row 1 on disk is the top row: red at x=0.
    expect([...file.subarray(54 + 12, 54 + 15)]).toEqual([0, 0, 255]);
  });

  it('a generated image decodes to the scene it was rendered from', () => {
    const spec = { seed: 77, width: 333, height: 211, label: 'dog' };
    const decoded = decodeBmp(generateImage({ ...spec, format: 'bmp' }));
    expect([decoded.width, decoded.height]).toEqual([333, 211]);
    expect(decoded.pixels.equals(renderImagePixels(spec).data)).toBe(true);
  });
});
