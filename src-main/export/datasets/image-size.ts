/**
 * Pixel size of an image file from its header, without decoding it. The dataset views use
 * the API's width and height (what the regions were drawn on); the header is read to fill
 * in a missing size and to count files whose stored pixels disagree with the API — e.g. an
 * EXIF-rotated JPEG — because pixel boxes are only right for the file you actually have.
 */
import { open, type FileHandle } from 'node:fs/promises';

export interface ImageSize {
  width: number;
  height: number;
  /** Colour channels when the header says (VOC <depth>). */
  channels?: number;
}

/** JPEG segments are walked, not scanned; a broken file must not loop forever. */
const MAX_JPEG_SEGMENTS = 512;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

function valid(size: ImageSize): ImageSize | undefined {
  return size.width > 0 && size.height > 0 ? size : undefined;
}

const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 3, 4: 2, 6: 4 };

function fromHead(head: Buffer): ImageSize | undefined | 'jpeg' {
  if (head.length >= 26 && head.readUInt32BE(0) === 0x89504e47 && head.toString('latin1', 12, 16) === 'IHDR') {
    return valid({ width: head.readUInt32BE(16), height: head.readUInt32BE(20), channels: PNG_CHANNELS[head[25] ?? -1] });
  }
  if (head.length >= 10 && head.toString('latin1', 0, 3) === 'GIF') return valid({ width: head.readUInt16LE(6), height: head.readUInt16LE(8), channels: 3 });
  if (head.length >= 26 && head.toString('latin1', 0, 2) === 'BM') {
    return valid({ width: Math.abs(head.readInt32LE(18)), height: Math.abs(head.readInt32LE(22)), channels: 3 });
  }
  if (head.length >= 30 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') {
    const chunk = head.toString('latin1', 12, 16);
    if (chunk === 'VP8 ') return valid({ width: head.readUInt16LE(26) & 0x3fff, height: head.readUInt16LE(28) & 0x3fff });
    if (chunk === 'VP8L') {
      const bits = head.readUInt32LE(21);
      return valid({ width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 });
    }
    if (chunk === 'VP8X') return valid({ width: head.readUIntLE(24, 3) + 1, height: head.readUIntLE(27, 3) + 1 });
    return undefined;
  }
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xd8) return 'jpeg';
  return undefined;
}

/** SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

async function jpegSize(handle: FileHandle): Promise<ImageSize | undefined> {
  let position = 2;
  for (let i = 0; i < MAX_JPEG_SEGMENTS; i += 1) {
    const header = await readAt(handle, position, 10);
    if (header.length < 4 || header[0] !== 0xff) return undefined;
    const marker = header[1] ?? 0;
    if (marker === 0xff) {
      position += 1; // fill byte
      continue;
    }
    if (isStartOfFrame(marker)) {
      if (header.length < 10) return undefined;
      return valid({ height: header.readUInt16BE(5), width: header.readUInt16BE(7), channels: header[9] });
    }
    if (marker === 0xd9 || marker === 0xda) return undefined; // end of image / start of scan before any frame
    position += 2 + header.readUInt16BE(2);
  }
  return undefined;
}

/** The size in the file's header, or undefined when the file is missing or unreadable. */
export async function readImageSize(file: string): Promise<ImageSize | undefined> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, 'r');
    const head = fromHead(await readAt(handle, 0, 32));
    return head === 'jpeg' ? await jpegSize(handle) : head;
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}
