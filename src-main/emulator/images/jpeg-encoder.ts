/**
 * JPEG encoder: a thin adapter over jpeg-js (pure JavaScript, so the output depends only
 * on the input and the quality, never on the machine). jpeg-js wants RGBA input.
 */
import { encode } from 'jpeg-js';
import type { RgbImage } from './raster';

/** High enough that the synthetic shapes keep clean edges, low enough to stay small. */
export const JPEG_QUALITY = 90;

export function encodeJpeg(image: RgbImage, quality = JPEG_QUALITY): Buffer {
  const { width, height, data } = image;
  const rgba = Buffer.alloc(width * height * 4);
  for (let src = 0, dst = 0; src < data.length; src += 3, dst += 4) {
    rgba[dst] = data[src] ?? 0;
    rgba[dst + 1] = data[src + 1] ?? 0;
    rgba[dst + 2] = data[src + 2] ?? 0;
    rgba[dst + 3] = 255;
  }
  return encode({ data: rgba, width, height }, quality).data;
}
