/**
 * Downloads an image or model file from the SAS URL the Training API handed out.
 *
 * - Streamed, never held whole: images go up to 6 MB, model zips far more, an export has
 *   100 000 of them. Bytes are counted as they pass (onBytes), checked against
 *   Content-Length at the end and against the caller's size cap (maxBytes) as they come.
 * - The returned stream is safe to hold before reading it (body-stream.ts): an error that
 *   happens first is the first read's error, never an unhandled 'error' event.
 * - No Training-Key: the SAS URL carries its own read-only authorisation, and storage is
 *   another host; sending the key there would leak it. No rate limiter either (storage is
 *   not the Training API); how many downloads run at once is the caller's choice.
 * - An expired link (403 AuthenticationFailed) is EXPIRED_LINK, so the caller can get
 *   fresh URLs with GetImagesByIds and try again.
 * - Errors never quote the URL: its `sig` is a credential for that blob.
 * - Full https links only. The relative paths a resource behind a virtual network gives
 *   instead are fetched with GetArtifact, an API call: `client.download()` takes either
 *   kind of link and picks the way (file-link.ts).
 */
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors/app-error';
import { readSome } from './body-reader';
import { openedDownload, type BlobDownload, type BodyLimits } from './body-stream';
import { CustomVisionError, cancelledError, httpError, parseErrorBody, requestIdFrom } from './errors';
import { startTransfer } from './transfer';

export type { BlobDownload } from './body-stream';

export interface BlobDownloadOptions {
  signal?: AbortSignal;
  /** Called for every chunk that passes: its size and the running total. */
  onBytes?: (chunkBytes: number, totalBytes: number) => void;
  /** Longest wait for the response headers, then for each next chunk. Default 30 s. */
  timeoutMs?: number;
  /** Resume a partial file: bytes from `start` (to `end` inclusive). */
  range?: { start: number; end?: number };
  /**
   * Largest file accepted, in bytes (with a range: start + the rest). A larger
   * Content-Length fails before reading; a body that grows past it is stopped.
   * Either way FILE_TOO_LARGE, not retryable. Default: no cap.
   */
  maxBytes?: number;
  /** Why the cap is what it is, for the message ("the service accepts training images up to 6 MB"). */
  maxBytesReason?: string;
  fetch?: typeof fetch;
  /** Named in errors and logs. Default "BlobDownload". */
  operation?: string;
}

export interface BlobDownloadResult {
  status: number;
  bytes: number;
  contentType?: string;
  contentLength?: number;
  requestId?: string;
}

export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 30_000;
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const ERROR_BODY_LIMIT = 64 * 1024;

export async function downloadBlob(url: string, options: BlobDownloadOptions = {}): Promise<BlobDownload> {
  const operation = options.operation ?? 'BlobDownload';
  const target = checkBlobUrl(url);
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (options.signal?.aborted) throw cancelledError(operation);
  const transfer = startTransfer({ operation, timeoutMs: options.timeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS, signal: options.signal });

  const headers: Record<string, string> = { Accept: '*/*' };
  if (options.range) headers.Range = `bytes=${options.range.start}-${options.range.end ?? ''}`;

  let response: Response;
  transfer.waiting();
  try {
    response = await fetchImpl(target, { method: 'GET', headers, signal: transfer.signal });
  } catch (error) {
    const mapped = transfer.failure(error);
    transfer.close();
    throw mapped;
  }
  transfer.resting();

  const requestId = requestIdFrom(response.headers);
  if (!response.ok) {
    let text = '';
    transfer.waiting();
    try {
      text = await readSome(response, ERROR_BODY_LIMIT);
    } catch {
      // The status alone decides; an unreadable error body adds nothing.
    } finally {
      transfer.close();
    }
    throw blobHttpError(operation, response, text);
  }
  const limits: BodyLimits = { operation, onBytes: options.onBytes, maxBytes: options.maxBytes, maxBytesReason: options.maxBytesReason };
  // A 206 carries the rest of a file whose first `start` bytes the caller already has.
  if (response.status === 206 && options.range) limits.offset = options.range.start;
  return openedDownload(response, transfer, limits, requestId);
}

/** Streams the blob into `destination` (a file, a hash…) and resolves once all is written. */
export async function downloadBlobTo(url: string, destination: Writable, options: BlobDownloadOptions = {}): Promise<BlobDownloadResult> {
  let bytes = 0;
  const download = await downloadBlob(url, {
    ...options,
    onBytes: (chunkBytes, totalBytes) => {
      bytes = totalBytes;
      options.onBytes?.(chunkBytes, totalBytes);
    },
  });
  await pipeline(download.stream, destination);
  const result: BlobDownloadResult = { status: download.status, bytes };
  if (download.contentType) result.contentType = download.contentType;
  if (download.contentLength !== undefined) result.contentLength = download.contentLength;
  if (download.requestId) result.requestId = download.requestId;
  return result;
}

/** When a SAS URL stops working (its `se`), if it says; lets callers refresh links early. */
export function sasExpiry(url: string): Date | undefined {
  try {
    const se = new URL(url).searchParams.get('se');
    if (!se) return undefined;
    const at = Date.parse(se);
    return Number.isNaN(at) ? undefined : new Date(at);
  } catch {
    return undefined;
  }
}

function checkBlobUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // A resource behind a virtual network gives relative paths: client.download fetches those with GetArtifact.
    throw new AppError('INVALID_ARGUMENT', 'This file link is not a full web address; a relative path (from a resource behind a virtual network) is fetched with the training client instead.');
  }
  const local = LOCAL_HOSTS.has(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && local)) {
    throw new AppError('INVALID_ARGUMENT', 'File links must use https.');
  }
  return parsed.href;
}

function blobHttpError(operation: string, response: Response, text: string): CustomVisionError {
  const storageCode = response.headers.get('x-ms-error-code') ?? parseErrorBody(text).serviceCode;
  if (response.status === 403 && storageCode === 'AuthenticationFailed') {
    const requestId = requestIdFrom(response.headers);
    return new CustomVisionError(`${operation} failed: the download link has expired (HTTP 403). Fresh links come from listing the images again.`, {
      kind: 'expired-link',
      code: 'EXPIRED_LINK',
      operation,
      status: 403,
      serviceCode: 'AuthenticationFailed',
      requestId,
      // Retrying the same URL cannot help; refreshing it can (GetImagesByIds).
      retryable: false,
    });
  }
  return httpError({ operation, status: response.status, headers: response.headers, bodyText: text });
}
