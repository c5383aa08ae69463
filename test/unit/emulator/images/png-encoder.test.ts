import { describe, it, expect } from 'vitest';
import { crc32 } from 'node:zlib';
import { generateImage, renderImagePixels } from '../../../../src-main/emulator/images';
import { encodePng } from '../../../../src-main/emulator/images/png-encoder';
import { BLUE, cornersImage, GREEN, RED, rgbAt, WHITE } from '../../../support/emulator/images/fixtures';
import { decodePng, PNG_SIGNATURE, readPngChunks } from '../../../support/emulator/images/png-test-decoder';

describe('PNG encoder', () => {
  it('decodes back to exactly the pixels it was given, corners in place', () => {
    for (const [width, height] of [[5, 3], [1, 1], [7, 2], [2, 9]] as const) {
      const source = cornersImage(width, height);
      const decoded = decodePng(encodePng(source));
      expect([decoded.width, decoded.height]).toEqual([width, height]);
      expect(decoded.pixels.equals(source.data)).toBe(true);
      expect(rgbAt(decoded.pixels, width, width - 1, height - 1)).toEqual(WHITE);
      if (width > 1 && height > 1) {
        expect(rgbAt(decoded.pixels, width, 0, 0)).toEqual(RED);
        expect(rgbAt(decoded.pixels, width, width - 1, 0)).toEqual(GREEN);
        expect(rgbAt(decoded.pixels, width, 0, height - 1)).toEqual(BLUE);
      }
    }
  });

  it('writes the PNG signature, an 8-bit RGB IHDR first, IEND last, and valid CRCs', () => {
    const file = generateImage({ seed: 7, width: 321, height: 123, format: 'png' });
    expect(file.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const chunks = readPngChunks(file);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    for (const chunk of chunks) expect(chunk.crcValid, `${chunk.type} CRC`).toBe(true);

    const [ihdr, , iend] = chunks;
    expect(ihdr?.data.length).toBe(13);
    expect(ihdr?.data.readUInt32BE(0)).toBe(321);
    expect(ihdr?.data.readUInt32BE(4)).toBe(123);
    expect([...(ihdr?.data.subarray(8) ?? [])]).toEqual([8, 2, 0, 0, 0]);
    expect(iend?.data.length).toBe(0);
    // IEND carries no data, so its CRC is the well-known constant of the bytes "IEND".
    expect(iend?.crc).toBe(0xae426082);
    expect(iend?.crc).toBe(crc32('IEND'));
  });

  it('a generated image decodes to the scene it was rendered from', () => {
    const spec = { seed: 12345, width: 640, height: 480, label: 'cat' };
    const decoded = decodePng(generateImage({ ...spec, format: 'png' }));
    const scene = renderImagePixels(spec);
    expect([decoded.width, decoded.height]).toEqual([640, 480]);
    expect(decoded.pixels.equals(scene.data)).toBe(true);
    // Not a blank canvas: a gallery needs something to look at.
    const colours = new Set<number>();
    for (let i = 0; i < decoded.pixels.length; i += 3) {
      colours.add(((decoded.pixels[i] ?? 0) << 16) | ((decoded.pixels[i + 1] ?? 0) << 8) | (decoded.pixels[i + 2] ?? 0));
    }
    expect(colours.size).toBeGreaterThan(50);
  });

  it('compresses flat synthetic scenes well below their raw size', () => {
    const file = generateImage({ seed: 3, width: 640, height: 480, format: 'png' });
    expect(file.length).toBeLessThan((640 * 480 * 3) / 10);
  });

  it('handles a large 2048×2048 image', () => {
    const decoded = decodePng(generateImage({ seed: 9, width: 2048, height: 2048, format: 'png' }));
    expect([decoded.width, decoded.height]).toEqual([2048, 2048]);
    expect(decoded.pixels.equals(renderImagePixels({ seed: 9, width: 2048, height: 2048 }).data)).toBe(true);
  });
});
