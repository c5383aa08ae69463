/** The extension of a saved image comes from its bytes, not from a URL or a guess. */
import { describe, expect, it } from 'vitest';
import { sniffMediaType } from '../../../src-main/export/magic-bytes';
import { generateImage } from '../../../src-main/emulator/images';

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

describe('sniffMediaType', () => {
  it('recognises the four formats Custom Vision accepts, as the emulator encodes them', () => {
    const expected = { png: ['png', 'image/png'], jpeg: ['jpg', 'image/jpeg'], bmp: ['bmp', 'image/bmp'], gif: ['gif', 'image/gif'] } as const;
    for (const format of ['png', 'jpeg', 'bmp', 'gif'] as const) {
      const image = generateImage({ seed: 7, width: 20, height: 12, format });
      expect(sniffMediaType(image.subarray(0, 12))).toEqual({ ext: expected[format][0], mediaType: expected[format][1] });
    }
  });

  it('recognises TIFF (both byte orders) and WebP', () => {
    expect(sniffMediaType(bytes(0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0)).ext).toBe('tif');
    expect(sniffMediaType(bytes(0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8)).ext).toBe('tif');
    expect(sniffMediaType(Uint8Array.from([...ascii('RIFF'), 1, 2, 3, 4, ...ascii('WEBP')]))).toEqual({ ext: 'webp', mediaType: 'image/webp' });
  });

  it('calls anything else bin, including text that starts like a bitmap and files too short to tell', () => {
    expect(sniffMediaType(ascii('<html><body>'))).toEqual({ ext: 'bin', mediaType: 'application/octet-stream' });
    expect(sniffMediaType(ascii('BMW is a car'))).toEqual({ ext: 'bin', mediaType: 'application/octet-stream' });
    expect(sniffMediaType(ascii('RIFF1234WAVE')).ext).toBe('bin');
    expect(sniffMediaType(bytes(0xff, 0xd8)).ext).toBe('bin');
    expect(sniffMediaType(bytes()).ext).toBe('bin');
  });
});
