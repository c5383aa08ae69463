/**
 * BMP encoder: uncompressed 24-bit, BITMAPINFOHEADER (the variant every viewer reads),
 * rows stored bottom-up in B, G, R order and padded to a multiple of 4 bytes.
 */
import type { RgbImage } from './raster';

const FILE_HEADER_BYTES = 14;
const INFO_HEADER_BYTES = 40;
/** 72 dpi expressed in pixels per metre, what most tools write. */
const PIXELS_PER_METRE = 2835;

export function encodeBmp(image: RgbImage): Buffer {
  const { width, height, data } = image;
  const stride = Math.ceil((width * 3) / 4) * 4;
  const pixelBytes = stride * height;
  const offset = FILE_HEADER_BYTES + INFO_HEADER_BYTES;
  const out = Buffer.alloc(offset + pixelBytes); // zero-filled, so row padding is 0

  out.write('BM', 0, 'latin1');
  out.writeUInt32LE(offset + pixelBytes, 2);
  out.writeUInt32LE(0, 6); // two reserved 16-bit fields
  out.writeUInt32LE(offset, 10);

  out.writeUInt32LE(INFO_HEADER_BYTES, 14);
  out.writeInt32LE(width, 18);
  out.writeInt32LE(height, 22); // positive height = bottom-up rows
  out.writeUInt16LE(1, 26); // colour planes
  out.writeUInt16LE(24, 28); // bits per pixel
  out.writeUInt32LE(0, 30); // BI_RGB: no compression
  out.writeUInt32LE(pixelBytes, 34);
  out.writeInt32LE(PIXELS_PER_METRE, 38);
  out.writeInt32LE(PIXELS_PER_METRE, 42);
  out.writeUInt32LE(0, 46); // palette size: none
  out.writeUInt32LE(0, 50); // important colours: all

  for (let y = 0; y < height; y += 1) {
    let src = y * width * 3;
    let dst = offset + (height - 1 - y) * stride;
    for (let x = 0; x < width; x += 1, src += 3, dst += 3) {
      out[dst] = data[src + 2] ?? 0;
      out[dst + 1] = data[src + 1] ?? 0;
      out[dst + 2] = data[src] ?? 0;
    }
  }
  return out;
}
