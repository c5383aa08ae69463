/**
 * The one entry point the emulator uses to get image bytes: validates a spec, renders its
 * scene and encodes it. Nothing is cached — a generated account with 100 000 images
 * produces each file on request from its spec — so the same spec must always give the
 * same bytes (its SHA-256 is what an export later verifies against).
 */
import { encodeBmp } from './bmp-encoder';
import { encodeGif } from './gif-encoder';
import { encodeJpeg } from './jpeg-encoder';
import { isImageFormat, type ImageFormat } from './media-type';
import { encodePng } from './png-encoder';
import type { RgbImage } from './raster';
import { renderScene } from './scene';

export interface ImageSpec {
  /** Any safe integer; decides layout and colours. */
  seed: number;
  width: number;
  height: number;
  format: ImageFormat;
  /** A tag name: images sharing it share a dominant hue and shape. */
  label?: string;
}

/** Largest width or height accepted (the Custom Vision upload limit is 10 240 px a side). */
export const MAX_IMAGE_SIDE = 10_240;

function checkSide(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > MAX_IMAGE_SIDE) {
    throw new RangeError(`Image ${name} must be an integer from 1 to ${MAX_IMAGE_SIDE}, got ${String(value)}`);
  }
}

function checkSpec(spec: ImageSpec): void {
  checkSide('width', spec.width);
  checkSide('height', spec.height);
  if (!Number.isSafeInteger(spec.seed)) {
    throw new RangeError(`Image seed must be a safe integer, got ${String(spec.seed)}`);
  }
  if (!isImageFormat(spec.format)) {
    throw new RangeError(`Unknown image format ${String(spec.format)}`);
  }
}

/** The raw RGB pixels an image spec stands for, before encoding (GIF then quantises). */
export function renderImagePixels(spec: Omit<ImageSpec, 'format'>): RgbImage {
  checkSpec({ ...spec, format: 'png' });
  return renderScene(spec);
}

/** Generates the encoded file for a spec: identical bytes for identical specs. */
export function generateImage(spec: ImageSpec): Buffer {
  checkSpec(spec);
  const pixels = renderScene(spec);
  switch (spec.format) {
    case 'png':
      return encodePng(pixels);
    case 'jpeg':
      return encodeJpeg(pixels);
    case 'bmp':
      return encodeBmp(pixels);
    case 'gif':
      return encodeGif(pixels);
  }
}
