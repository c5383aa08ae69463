/** Synthetic, deterministic, decodable images for the emulator; import from here only. */
export { generateImage, renderImagePixels, MAX_IMAGE_SIDE, type ImageSpec } from './generate-image';
export { imageMediaType, isImageFormat, IMAGE_FORMATS, type ImageFormat } from './media-type';
export { themeForLabel, SHAPE_KINDS, type SceneTheme, type ShapeKind } from './scene';
export { GIF_PALETTE } from './gif-palette';
export { pixelAt, type Rgb, type RgbImage } from './raster';
