/**
 * A small PNG decoder for tests only: 8-bit truecolour, non-interlaced — exactly what a
 * browser would need to show our images — written independently of the encoder (CRC via
 * zlib.crc32, all five row filters) so a shared misunderstanding cannot hide.
 */
import { crc32, inflateSync } from 'node:zlib';

export interface PngChunk {
  type: string;
  data: Buffer;
  crc: number;
  crcValid: boolean;
}

export interface DecodedPng {
  width: number;
  height: number;
  chunks: PngChunk[];
  /** RGB, 3 bytes per pixel, top row first. */
  pixels: Buffer;
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function readPngChunks(file: Buffer): PngChunk[] {
  if (!file.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG signature');
  const chunks: PngChunk[] = [];
  let at = 8;
  while (at < file.length) {
    const length = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    const data = file.subarray(at + 8, at + 8 + length);
    const crc = file.readUInt32BE(at + 8 + length);
    const crcValid = crc32(file.subarray(at + 4, at + 8 + length)) === crc;
    chunks.push({ type, data, crc, crcValid });
    at += 12 + length;
  }
  if (at !== file.length) throw new Error('trailing bytes after the last chunk');
  return chunks;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

export function decodePng(file: Buffer): DecodedPng {
  const chunks = readPngChunks(file);
  const header = chunks[0];
  if (header?.type !== 'IHDR') throw new Error('IHDR must come first');
  const width = header.data.readUInt32BE(0);
  const height = header.data.readUInt32BE(4);
  const [depth, colourType, compression, filterMethod, interlace] = header.data.subarray(8, 13);
  if (depth !== 8 || colourType !== 2 || compression !== 0 || filterMethod !== 0 || interlace !== 0) {
    throw new Error('test decoder supports 8-bit RGB, non-interlaced only');
  }
  if (chunks.at(-1)?.type !== 'IEND') throw new Error('IEND must come last');
  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const stride = width * 3;
  if (raw.length !== (stride + 1) * height) throw new Error(`inflated ${raw.length} bytes, expected ${(stride + 1) * height}`);

  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i += 1) {
      const x = raw[y * (stride + 1) + 1 + i] ?? 0;
      const a = i >= 3 ? (pixels[y * stride + i - 3] ?? 0) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + i] ?? 0) : 0;
      const c = i >= 3 && y > 0 ? (pixels[(y - 1) * stride + i - 3] ?? 0) : 0;
      let predictor: number;
      if (filter === 0) predictor = 0;
      else if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = Math.floor((a + b) / 2);
      else if (filter === 4) predictor = paeth(a, b, c);
      else throw new Error(`bad filter type ${String(filter)} on row ${y}`);
      pixels[y * stride + i] = (x + predictor) & 0xff;
    }
  }
  return { width, height, chunks, pixels };
}
