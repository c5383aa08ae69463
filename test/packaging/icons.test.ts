/**
 * The committed icons (scripts/make-icons.mjs renders them from assets/icon.svg) are what
 * electron-builder.yml points at: the Linux hicolor set, the 1024 px PNG macOS's .icns is
 * made from, and a Windows .ico whose largest image is the 256 px electron-builder demands.
 * A missing or wrongly sized file would give an installer the default Electron icon.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const assets = resolve(__dirname, '../../assets');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString('ascii'), file).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('the icons the installers use', () => {
  it('has a square PNG for every Linux size, named by its size', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(pngSize(join(assets, 'icons', `${size}x${size}.png`))).toEqual({ width: size, height: size });
    }
  });

  it('has the 1024 px PNG macOS needs for its Retina sizes', () => {
    expect(pngSize(join(assets, 'icon.png'))).toEqual({ width: 1024, height: 1024 });
  });

  it('has a Windows .ico holding 16 to 256 px images', () => {
    const ico = readFileSync(join(assets, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]); // reserved, type 1 = icon
    const count = ico.readUInt16LE(4);
    // In the directory a width byte of 0 means 256.
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + 16 * i] || 256);
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });
});
