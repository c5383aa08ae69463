/**
 * The fixed GIF palette: a 6×7×6 RGB colour cube (252 colours; green gets the extra level
 * because the eye is most sensitive to it), padded to 256 entries with black. A fixed
 * palette keeps quantisation trivial and deterministic; without dithering, gradients
 * show some banding, which is fine for synthetic test images.
 */
import type { RgbImage } from './raster';

const R_LEVELS = 6;
const G_LEVELS = 7;
const B_LEVELS = 6;
export const GIF_PALETTE_SIZE = 256;

function levelValue(level: number, levels: number): number {
  return Math.round((level * 255) / (levels - 1));
}

/** 768 bytes: R, G, B for each of the 256 entries, as written into the GIF. */
export const GIF_PALETTE: Buffer = (() => {
  const palette = Buffer.alloc(GIF_PALETTE_SIZE * 3);
  for (let r = 0; r < R_LEVELS; r += 1) {
    for (let g = 0; g < G_LEVELS; g += 1) {
      for (let b = 0; b < B_LEVELS; b += 1) {
        const i = ((r * G_LEVELS + g) * B_LEVELS + b) * 3;
        palette[i] = levelValue(r, R_LEVELS);
        palette[i + 1] = levelValue(g, G_LEVELS);
        palette[i + 2] = levelValue(b, B_LEVELS);
      }
    }
  }
  return palette;
})();

/**
 * For each channel value 0..255, the nearest level's contribution to the palette index.
 * "Nearest" is measured against the rounded level values actually in the palette, ties
 * going to the darker level, so every pixel gets the palette entry closest to its colour.
 */
function nearestLevelTable(levels: number, weight: number): Uint8Array {
  const table = new Uint8Array(256);
  for (let v = 0; v < 256; v += 1) {
    let best = 0;
    for (let level = 1; level < levels; level += 1) {
      if (Math.abs(levelValue(level, levels) - v) < Math.abs(levelValue(best, levels) - v)) best = level;
    }
    table[v] = best * weight;
  }
  return table;
}

const R_TABLE = nearestLevelTable(R_LEVELS, G_LEVELS * B_LEVELS);
const G_TABLE = nearestLevelTable(G_LEVELS, B_LEVELS);
const B_TABLE = nearestLevelTable(B_LEVELS, 1);

/** Maps every pixel to the index of its nearest palette colour (per channel = overall). */
export function quantizeToPalette(image: RgbImage): Uint8Array {
  const { data } = image;
  const indices = new Uint8Array(image.width * image.height);
  for (let p = 0, i = 0; p < indices.length; p += 1, i += 3) {
    indices[p] = (R_TABLE[data[i] ?? 0] ?? 0) + (G_TABLE[data[i + 1] ?? 0] ?? 0) + (B_TABLE[data[i + 2] ?? 0] ?? 0);
  }
  return indices;
}
