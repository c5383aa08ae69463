/**
 * The kind of an image file, read from its first bytes (docs/bundle-format.md): the extension of a
 * bundle file comes from what the file is, never from the URL or the API's claims.
 * Custom Vision accepts jpg, png, bmp and gif; tif and webp are recognised so that a
 * surprise is still named sensibly; anything else is `bin`.
 */

export type SniffedExtension = 'jpg' | 'png' | 'bmp' | 'gif' | 'tif' | 'webp' | 'bin';

export interface SniffedType {
  ext: SniffedExtension;
  mediaType: string;
}

/** The longest signature below (webp: "RIFF" + size + "WEBP"). */
export const SNIFF_BYTES = 12;

const UNKNOWN: SniffedType = { ext: 'bin', mediaType: 'application/octet-stream' };

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((value, index) => bytes[offset + index] === value);
}

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

/** Looks at the first SNIFF_BYTES bytes (fewer if the file is shorter). */
export function sniffMediaType(head: Uint8Array): SniffedType {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { ext: 'jpg', mediaType: 'image/jpeg' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ext: 'png', mediaType: 'image/png' };
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return { ext: 'gif', mediaType: 'image/gif' };
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return { ext: 'webp', mediaType: 'image/webp' };
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return { ext: 'tif', mediaType: 'image/tiff' };
  // "BM" alone is weak; the file size and reserved fields that follow make it a real BMP header.
  if (startsWith(head, ascii('BM')) && head.length >= 10 && head[6] === 0 && head[7] === 0 && head[8] === 0 && head[9] === 0) {
    return { ext: 'bmp', mediaType: 'image/bmp' };
  }
  return UNKNOWN;
}

/** Every extension sniffMediaType can give: a file stem is finished under any one of them. */
export const SNIFFED_EXTENSIONS: readonly SniffedExtension[] = ['jpg', 'png', 'bmp', 'gif', 'tif', 'webp', 'bin'];
