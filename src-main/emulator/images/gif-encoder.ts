/**
 * GIF encoder: GIF89a, one frame covering the whole screen, the fixed 256-colour global
 * palette of gif-palette.ts, LZW-compressed indices in ≤255-byte sub-blocks.
 */
import { GIF_PALETTE, quantizeToPalette } from './gif-palette';
import { lzwEncode } from './lzw-encoder';
import type { RgbImage } from './raster';

/** 256 palette entries → 8-bit indices. */
const MIN_CODE_SIZE = 8;
const MAX_SUB_BLOCK = 255;

function withSubBlocks(stream: Uint8Array): Buffer {
  const blocks = Math.ceil(stream.length / MAX_SUB_BLOCK);
  const out = Buffer.alloc(stream.length + blocks + 1); // + length bytes + terminator
  let dst = 0;
  for (let src = 0; src < stream.length; src += MAX_SUB_BLOCK) {
    const size = Math.min(MAX_SUB_BLOCK, stream.length - src);
    out[dst] = size;
    out.set(stream.subarray(src, src + size), dst + 1);
    dst += size + 1;
  }
  out[dst] = 0; // block terminator
  return out;
}

export function encodeGif(image: RgbImage): Buffer {
  const { width, height } = image;
  const screen = Buffer.alloc(13);
  screen.write('GIF89a', 0, 'latin1');
  screen.writeUInt16LE(width, 6);
  screen.writeUInt16LE(height, 8);
  // Global colour table present, 8 bits of colour resolution, unsorted, 2^(7+1) entries.
  screen[10] = 0b1111_0111;
  screen[11] = 0; // background colour index
  screen[12] = 0; // pixel aspect ratio: unspecified

  const descriptor = Buffer.alloc(10);
  descriptor[0] = 0x2c; // image separator
  descriptor.writeUInt16LE(0, 1); // left
  descriptor.writeUInt16LE(0, 3); // top
  descriptor.writeUInt16LE(width, 5);
  descriptor.writeUInt16LE(height, 7);
  descriptor[9] = 0; // no local colour table, not interlaced

  const codes = lzwEncode(quantizeToPalette(image), MIN_CODE_SIZE);
  return Buffer.concat([
    screen,
    GIF_PALETTE,
    descriptor,
    Buffer.from([MIN_CODE_SIZE]),
    withSubBlocks(codes),
    Buffer.from([0x3b]), // trailer
  ]);
}
