/** The image formats the emulator can generate, and how they are labelled over HTTP. */

export const IMAGE_FORMATS = ['png', 'jpeg', 'bmp', 'gif'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

const MEDIA_TYPES: Record<ImageFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  bmp: 'image/bmp',
  gif: 'image/gif',
};

export function imageMediaType(format: ImageFormat): string {
  return MEDIA_TYPES[format];
}

export function isImageFormat(value: unknown): value is ImageFormat {
  return typeof value === 'string' && (IMAGE_FORMATS as readonly string[]).includes(value);
}
