/**
 * A small GIF decoder for tests only: the header, global/local palettes, extension
 * blocks (skipped) and the first image's LZW data, decoded the way classic decoders do it
 * (written independently of the encoder, from the GIF89a specification).
 */

export interface DecodedGif {
  version: string;
  width: number;
  height: number;
  /** R, G, B per entry of the colour table the frame uses. */
  palette: Buffer;
  /** One palette index per pixel, top row first. */
  indices: Uint8Array;
}

function readSubBlocks(file: Buffer, start: number): { data: Buffer; end: number } {
  const parts: Buffer[] = [];
  let at = start;
  for (;;) {
    const size = file[at];
    if (size === undefined) throw new Error('data ended inside sub-blocks');
    at += 1;
    if (size === 0) return { data: Buffer.concat(parts), end: at };
    parts.push(file.subarray(at, at + size));
    at += size;
  }
}

export function lzwDecode(data: Buffer, minCodeSize: number, pixelCount: number): Uint8Array {
  const clear = 1 << minCodeSize;
  const end = clear + 1;
  const out = new Uint8Array(pixelCount);
  let written = 0;
  // Each table entry is stored as (prefix code, last symbol, first symbol, length).
  const prefix = new Int32Array(4096);
  const suffix = new Uint8Array(4096);
  const first = new Uint8Array(4096);
  const length = new Int32Array(4096);
  for (let i = 0; i < clear; i += 1) {
    prefix[i] = -1;
    suffix[i] = i;
    first[i] = i;
    length[i] = 1;
  }
  let size = minCodeSize + 1;
  let available = end + 1;
  let previous = -1;
  let bitPos = 0;
  const totalBits = data.length * 8;

  const emit = (code: number): void => {
    const len = length[code] ?? 0;
    if (written + len > pixelCount) throw new Error('LZW data decodes to more pixels than the frame has');
    let c = code;
    for (let k = len - 1; k >= 0; k -= 1) {
      out[written + k] = suffix[c] ?? 0;
      c = prefix[c] ?? -1;
    }
    written += len;
  };

  for (;;) {
    if (bitPos + size > totalBits) throw new Error('LZW data ended without an end code');
    let code = 0;
    for (let b = 0; b < size; b += 1, bitPos += 1) {
      code |= (((data[bitPos >>> 3] ?? 0) >>> (bitPos & 7)) & 1) << b;
    }
    if (code === clear) {
      size = minCodeSize + 1;
      available = end + 1;
      previous = -1;
      continue;
    }
    if (code === end) break;
    if (previous === -1) {
      if (code >= clear) throw new Error(`first code after clear is ${code}, not a literal`);
      emit(code);
      previous = code;
      continue;
    }
    if (code > available) throw new Error(`code ${code} beyond next free code ${available}`);
    if (available < 4096) {
      // New entry = previous string + first symbol of the current one (the KwKwK case
      // when code === available: current is previous + its own first symbol).
      const firstOfCurrent = code === available ? (first[previous] ?? 0) : (first[code] ?? 0);
      prefix[available] = previous;
      suffix[available] = firstOfCurrent;
      first[available] = first[previous] ?? 0;
      length[available] = (length[previous] ?? 0) + 1;
      available += 1;
      if (available === 1 << size && size < 12) size += 1;
    } else if (code === available) {
      throw new Error('code refers to an entry a full table cannot hold');
    }
    emit(code);
    previous = code;
  }
  if (written !== pixelCount) throw new Error(`decoded ${written} pixels, expected ${pixelCount}`);
  return out;
}

export function decodeGif(file: Buffer): DecodedGif {
  const version = file.toString('latin1', 0, 6);
  if (version !== 'GIF87a' && version !== 'GIF89a') throw new Error('not a GIF');
  const width = file.readUInt16LE(6);
  const height = file.readUInt16LE(8);
  const packed = file[10] ?? 0;
  let at = 13;
  let palette: Buffer = Buffer.alloc(0);
  if (packed & 0x80) {
    const entries = 2 << (packed & 0x07);
    palette = file.subarray(at, at + entries * 3);
    at += entries * 3;
  }
  for (;;) {
    const introducer = file[at];
    if (introducer === 0x21) {
      at = readSubBlocks(file, at + 2).end; // extension label, then sub-blocks
      continue;
    }
    if (introducer !== 0x2c) throw new Error(`unexpected block 0x${String(introducer?.toString(16))}`);
    const frameWidth = file.readUInt16LE(at + 5);
    const frameHeight = file.readUInt16LE(at + 7);
    if (file.readUInt16LE(at + 1) !== 0 || file.readUInt16LE(at + 3) !== 0 || frameWidth !== width || frameHeight !== height) {
      throw new Error('the frame must cover the whole logical screen');
    }
    const framePacked = file[at + 9] ?? 0;
    if (framePacked & 0x40) throw new Error('interlaced frames are not supported by this test decoder');
    at += 10;
    if (framePacked & 0x80) {
      const entries = 2 << (framePacked & 0x07);
      palette = file.subarray(at, at + entries * 3);
      at += entries * 3;
    }
    const minCodeSize = file[at] ?? 0;
    const { data, end } = readSubBlocks(file, at + 1);
    if (file[end] !== 0x3b) throw new Error('expected the trailer after the only frame');
    if (end + 1 !== file.length) throw new Error('bytes after the trailer');
    return { version, width, height, palette, indices: lzwDecode(data, minCodeSize, frameWidth * frameHeight) };
  }
}
