/**
 * How large a downloaded file may be, per kind, for `download`'s maxBytes. The caps sit
 * far above what the service stores, so they only ever stop a server (or something
 * posing as one) that streams without end; the reason goes into the FILE_TOO_LARGE
 * message so the user sees why the limit is where it is.
 */
export type FileKind = 'image' | 'prediction' | 'model';

export interface FileCap {
  maxBytes: number;
  maxBytesReason: string;
}

const MiB = 1024 * 1024;

export const FILE_CAPS: Readonly<Record<FileKind, Readonly<FileCap>>> = Object.freeze({
  // Custom Vision limits: training images up to 6 MB, prediction images up to 4 MB.
  image: { maxBytes: 64 * MiB, maxBytesReason: 'the service accepts training images up to 6 MB' },
  prediction: { maxBytes: 64 * MiB, maxBytesReason: 'the service accepts prediction images up to 4 MB' },
  // Compact-domain exports are tens of MB; 2 GiB leaves room for any platform's package.
  model: { maxBytes: 2048 * MiB, maxBytesReason: 'exported models are far smaller' },
});
