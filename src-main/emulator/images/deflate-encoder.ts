/**
 * A small zlib (RFC 1950) / DEFLATE (RFC 1951) compressor for PNG scanlines.
 *
 * Why not node:zlib: the emulator promises the same bytes for the same spec on every
 * machine, and zlib's match finder hashes with CPU-specific instructions in some of the
 * zlib builds Node ships (Chromium's CRC32C-based insert_string), so its output can
 * differ between machines and Node versions. Here the output depends only on the input.
 *
 * It suits synthetic scenes well: matches are only searched at a few fixed distances
 * (the previous byte, the previous pixel, and the same, left and right pixel of the row
 * above), which is where flat shapes and gradients repeat, and everything goes into one
 * block with the fixed Huffman codes of RFC 1951 §3.2.6, so there are no trees to build.
 */
import { LsbBitWriter } from './lsb-bit-writer';

const MIN_MATCH = 3;
const MAX_MATCH = 258;
const WINDOW = 32_768;

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DISTANCE_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
  8193, 12289, 16385, 24577,
];
const DISTANCE_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

function reverseBits(value: number, bits: number): number {
  let out = 0;
  for (let i = 0; i < bits; i += 1) out |= ((value >>> i) & 1) << (bits - 1 - i);
  return out;
}

/**
 * The fixed literal/length code (RFC 1951 §3.2.6), bit-reversed because Huffman codes
 * are sent most significant bit first while everything else is packed LSB first.
 */
const FIXED_CODES = new Uint16Array(288);
const FIXED_LENGTHS = new Uint8Array(288);
for (let symbol = 0; symbol < 288; symbol += 1) {
  const [code, bits] =
    symbol < 144 ? [0x30 + symbol, 8] : symbol < 256 ? [0x190 + symbol - 144, 9] : symbol < 280 ? [symbol - 256, 7] : [0xc0 + symbol - 280, 8];
  FIXED_CODES[symbol] = reverseBits(code, bits);
  FIXED_LENGTHS[symbol] = bits;
}

/** Match length (3..258) → index into LENGTH_BASE. */
const LENGTH_INDEX = new Uint8Array(MAX_MATCH + 1);
for (let index = 0; index < LENGTH_BASE.length; index += 1) {
  const base = LENGTH_BASE[index] ?? 0;
  const next = index === LENGTH_BASE.length - 1 ? MAX_MATCH + 1 : (LENGTH_BASE[index + 1] ?? 0);
  for (let length = base; length < next; length += 1) LENGTH_INDEX[length] = index;
}

function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5552 is the most bytes that can be summed before b may overflow 2^32 (RFC 1950).
  for (let start = 0; start < data.length; start += 5552) {
    const end = Math.min(data.length, start + 5552);
    for (let i = start; i < end; i += 1) {
      a += data[i] ?? 0;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function writeSymbol(out: LsbBitWriter, symbol: number): void {
  out.write(FIXED_CODES[symbol] ?? 0, FIXED_LENGTHS[symbol] ?? 0);
}

function writeMatch(out: LsbBitWriter, length: number, distance: number): void {
  const lengthIndex = LENGTH_INDEX[length] ?? 0;
  writeSymbol(out, 257 + lengthIndex);
  out.write(length - (LENGTH_BASE[lengthIndex] ?? 0), LENGTH_EXTRA[lengthIndex] ?? 0);
  let distanceIndex = DISTANCE_BASE.length - 1;
  while ((DISTANCE_BASE[distanceIndex] ?? 0) > distance) distanceIndex -= 1;
  out.write(reverseBits(distanceIndex, 5), 5);
  out.write(distance - (DISTANCE_BASE[distanceIndex] ?? 0), DISTANCE_EXTRA[distanceIndex] ?? 0);
}

/**
 * Compresses `data` into a zlib stream, looking for repeats only at the given distances
 * (earlier ones win ties). Distances beyond the 32 KiB window are ignored.
 */
export function zlibCompress(data: Uint8Array, distances: readonly number[]): Buffer {
  const candidates = distances.filter((d) => d >= 1 && d <= WINDOW);
  const out = new LsbBitWriter(Math.ceil(data.length / 8) + 64);
  out.writeBytes(0x78, 0x01); // deflate, 32 KiB window, no dictionary, "fastest" level hint
  out.write(1, 1); // BFINAL: this is the only block
  out.write(1, 2); // BTYPE 01: fixed Huffman codes

  let i = 0;
  while (i < data.length) {
    let bestLength = 0;
    let bestDistance = 0;
    const limit = Math.min(MAX_MATCH, data.length - i);
    for (const distance of candidates) {
      if (distance > i) continue;
      let length = 0;
      while (length < limit && data[i + length] === data[i + length - distance]) length += 1;
      if (length > bestLength) {
        bestLength = length;
        bestDistance = distance;
        if (length === limit) break;
      }
    }
    if (bestLength >= MIN_MATCH) {
      writeMatch(out, bestLength, bestDistance);
      i += bestLength;
    } else {
      writeSymbol(out, data[i] ?? 0);
      i += 1;
    }
  }
  writeSymbol(out, 256); // end of block

  const checksum = adler32(data);
  out.writeBytes((checksum >>> 24) & 0xff, (checksum >>> 16) & 0xff, (checksum >>> 8) & 0xff, checksum & 0xff);
  const bytes = out.finish();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}
