/**
 * One way to fetch any file link the Training API hands out. A resource on the public
 * network gives absolute storage URLs (SAS links, fetched without the key: blob-download.ts);
 * a resource behind a virtual network gives relative paths instead, fetched with the API's
 * GetArtifact (artifact-download.ts). The exporter need not know which kind it holds.
 */
import { AppError } from '../errors/app-error';
import { downloadArtifact, type FileDownloadOptions } from './artifact-download';
import { downloadBlob, type BlobDownloadOptions } from './blob-download';
import type { BlobDownload } from './body-stream';
import type { HttpClient } from './http-client';

export type FileLink = { kind: 'url'; url: string } | { kind: 'artifact'; path: string };

/**
 * An absolute URL (its scheme is checked by downloadBlob: https, or http on loopback) or
 * a relative GetArtifact path. Refused: nothing, and `//host/…` (a URL missing its scheme,
 * which the service never sends).
 */
export function fileLink(uri: string): FileLink {
  if (typeof uri !== 'string' || uri.trim() === '') {
    throw new AppError('INVALID_ARGUMENT', 'This item has no file link (an export that is still being prepared has none yet).');
  }
  if (uri.startsWith('//')) throw new AppError('INVALID_ARGUMENT', 'This file link has no scheme; it is neither a web address nor a path the service makes.');
  return isAbsoluteUrl(uri) ? { kind: 'url', url: uri } : { kind: 'artifact', path: uri };
}

function isAbsoluteUrl(uri: string): boolean {
  try {
    new URL(uri);
    return true;
  } catch {
    return false;
  }
}

export interface FileLinkContext {
  http: HttpClient;
  /** `/projects/<checked id>` */
  projectPath: string;
  /** For storage links (tests inject a fake; the key is never given to it for them). */
  fetch?: typeof fetch;
}

export function downloadFileLink(context: FileLinkContext, uri: string, options: FileDownloadOptions = {}): Promise<BlobDownload> {
  const link = fileLink(uri);
  if (link.kind === 'artifact') return downloadArtifact(context.http, context.projectPath, link.path, options);
  const blobOptions: BlobDownloadOptions = { ...options };
  if (context.fetch) blobOptions.fetch = context.fetch;
  return downloadBlob(link.url, blobOptions);
}
