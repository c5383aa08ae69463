/** Small hand-made images with known pixels, shared by the encoder tests. */
import { createRgbImage, type Rgb, type RgbImage } from '../../../../src-main/emulator/images/raster';

export const RED: Rgb = { r: 255, g: 0, b: 0 };
export const GREEN: Rgb = { r: 0, g: 255, b: 0 };
export const BLUE: Rgb = { r: 0, g: 0, b: 255 };
export const WHITE: Rgb = { r: 255, g: 255, b: 255 };

export function setPixel(image: RgbImage, x: number, y: number, colour: Rgb): void {
  const i = (y * image.width + x) * 3;
  image.data[i] = colour.r;
  image.data[i + 1] = colour.g;
  image.data[i + 2] = colour.b;
}

/**
 * A width×height image: black, with a red top-left pixel, a green top-right pixel, a blue
 * bottom-left pixel and a white bottom-right one — any row flip, mirror or channel swap
 * shows up as a wrong corner.
 */
export function cornersImage(width: number, height: number): RgbImage {
  const image = createRgbImage(width, height);
  setPixel(image, 0, 0, RED);
  setPixel(image, width - 1, 0, GREEN);
  setPixel(image, 0, height - 1, BLUE);
  setPixel(image, width - 1, height - 1, WHITE);
  return image;
}

export function rgbAt(pixels: Uint8Array, width: number, x: number, y: number): Rgb {
  const i = (y * width + x) * 3;
  return { r: pixels[i] ?? -1, g: pixels[i + 1] ?? -1, b: pixels[i + 2] ?? -1 };
}
