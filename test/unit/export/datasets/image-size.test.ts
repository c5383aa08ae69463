import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { encode } from 'jpeg-js';
import { readImageSize } from '../../../../src-main/export/datasets/image-size';
import { makeTempDirs, pngHeader } from '../../../support/export/datasets/bundle-fixture';

const temp = makeTempDirs();
afterEach(() => temp.cleanup());

function file(name: string, bytes: Buffer): string {
  const target = path.join(temp.make(), name);
  writeFileSync(target, bytes);
  return target;
}

describe('readImageSize', () => {
  it('reads a real JPEG, including one with an application segment before the frame', async () => {
    const jpeg = encode({ data: Buffer.alloc(7 * 3 * 4, 128), width: 7, height: 3 }, 80).data;
    expect(await readImageSize(file('a.jpg', jpeg))).toEqual({ width: 7, height: 3, channels: 3 });
    // An EXIF-like APP1 segment (length field 3000: itself + 2998 bytes) between SOI and the rest.
    const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0x0b, 0xb8]), Buffer.alloc(2998)]);
    const withExif = Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
    expect(await readImageSize(file('b.jpg', withExif))).toEqual({ width: 7, height: 3, channels: 3 });
  });

  it('reads PNG, GIF and BMP headers', async () => {
    expect(await readImageSize(file('a.png', pngHeader(1095, 900)))).toEqual({ width: 1095, height: 900, channels: 3 });
    const gif = Buffer.from('GIF89a\x05\x00\x02\x00\x00\x00\x00', 'latin1');
    expect(await readImageSize(file('a.gif', gif))).toMatchObject({ width: 5, height: 2 });
    const bmp = Buffer.alloc(54);
    bmp.write('BM', 0, 'latin1');
    bmp.writeInt32LE(4, 18);
    bmp.writeInt32LE(-6, 22); // top-down bitmap
    expect(await readImageSize(file('a.bmp', bmp))).toMatchObject({ width: 4, height: 6 });
  });

  it('says nothing for a missing, truncated or unknown file instead of failing', async () => {
    expect(await readImageSize(path.join(temp.make(), 'missing.png'))).toBeUndefined();
    expect(await readImageSize(file('t.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00])))).toBeUndefined();
    expect(await readImageSize(file('x.bin', Buffer.from('not an image')))).toBeUndefined();
  });
});
