/**
 * PNG encoder: 8-bit truecolour (RGB), no interlace, filter type 0 (None) on every row,
 * one IDAT chunk compressed by deflate-encoder.ts (not node:zlib: see there for why).
 */
import { crc32 } from './crc32';
import { zlibCompress } from './deflate-encoder';
import type { RgbImage } from './raster';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const FILTER_NONE = 0;

function chunk(type: string, data: Buffer): Buffer {
  const typeBytes = Buffer.from(type, 'latin1');
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  typeBytes.copy(out, 4);
  data.copy(out, 8);
  out.writeUInt32BE(crc32(typeBytes, data), 8 + data.length);
  return out;
}

/** The scanlines as PNG stores them: each row prefixed by its filter-type byte. */
function scanlines(image: RgbImage): Buffer {
  const stride = image.width * 3;
  const out = Buffer.alloc((stride + 1) * image.height);
  for (let y = 0; y < image.height; y += 1) {
    out[y * (stride + 1)] = FILTER_NONE;
    image.data.copy(out, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return out;
}

export function encodePng(image: RgbImage): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour
  header[10] = 0; // compression method: deflate
  header[11] = 0; // filter method 0 (the only one)
  header[12] = 0; // no interlace
  const row = image.width * 3 + 1;
  // Where synthetic scenes repeat: the previous pixel, the previous byte (greys), and the
  // pixel above or diagonally above (rows of gradients and shapes resemble the last).
  const distances = [...new Set([3, row, 1, row - 3, row + 3])];
  const compressed = zlibCompress(scanlines(image), distances);
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', compressed), chunk('IEND', Buffer.alloc(0))]);
}
