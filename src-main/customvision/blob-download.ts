/**
 * Downloads an image or model file from the SAS URL the Training API handed out.
 *
 * - Streamed, never held whole: images go up to 6 MB, model zips far more, an export has
 *   100 000 of them. Bytes are counted as they pass (onBytes) and checked against
 *   Content-Length at the end.
 * - No Training-Key: the SAS URL carries its own read-only authorisation, and storage is
 *   another host; sending the key there would leak it. No rate limiter either (storage is
 *   not the Training API); how many downloads run at once is the caller's choice.
 * - An expired link (403 AuthenticationFailed, reference §6) is EXPIRED_LINK, so the
 *   caller can get fresh URLs with GetImagesByIds and try again.
 * - Errors never quote the URL: its `sig` is a credential for that blob.
 */
import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { AppError } from '../ipc/app-error';
import { allowManyWaiters } from './abort';
import { CustomVisionError, cancelledError, httpError, isCustomVisionError, parseErrorBody, requestIdFrom, timeoutError } from './errors';
import { networkError } from './network-errors';

export interface BlobDownloadOptions {
  signal?: AbortSignal;
  /** Called for every chunk that passes: its size and the running total. */
  onBytes?: (chunkBytes: number, totalBytes: number) => void;
  /** Longest wait for the response headers, then for each next chunk. Default 30 s. */
  timeoutMs?: number;
  /** Resume a partial file: bytes from `start` (to `end` inclusive). */
  range?: { start: number; end?: number };
  fetch?: typeof fetch;
  /** Named in errors and logs. Default "BlobDownload". */
  operation?: string;
}

export interface BlobDownload {
  /** The body; errors on it are CustomVisionErrors (CONNECTION_LOST, TIMEOUT, CANCELLED). */
  stream: Readable;
  /** 200, or 206 for a range. */
  status: number;
  contentType?: string;
  contentLength?: number;
  requestId?: string;
}

export interface BlobDownloadResult {
  status: number;
  bytes: number;
  contentType?: string;
  contentLength?: number;
  requestId?: string;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const ERROR_BODY_LIMIT = 64 * 1024;

export async function downloadBlob(url: string, options: BlobDownloadOptions = {}): Promise<BlobDownload> {
  const operation = options.operation ?? 'BlobDownload';
  const target = checkBlobUrl(url);
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const { signal } = options;
  if (signal?.aborted) throw cancelledError(operation);

  const controller = new AbortController();
  let timedOut = false;
  let idle: NodeJS.Timeout | undefined;
  // Set once the body flows: while it holds unread data the *consumer* is the slow one
  // (a paused job, a slow disk), which is no reason to give up on the network.
  let consumerBehind = (): boolean => false;
  const armIdle = (): void => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      if (consumerBehind()) {
        armIdle();
        return;
      }
      timedOut = true;
      controller.abort();
    }, timeoutMs);
  };
  const onAbort = (): void => controller.abort();
  allowManyWaiters(signal);
  signal?.addEventListener('abort', onAbort, { once: true });
  const cleanup = (): void => {
    clearTimeout(idle);
    signal?.removeEventListener('abort', onAbort);
  };
  const failure = (error: unknown): CustomVisionError => {
    if (isCustomVisionError(error)) return error;
    if (signal?.aborted) return cancelledError(operation);
    if (timedOut) return timeoutError(operation, timeoutMs);
    return networkError(operation, error);
  };

  const headers: Record<string, string> = { Accept: '*/*' };
  if (options.range) headers.Range = `bytes=${options.range.start}-${options.range.end ?? ''}`;

  let response: Response;
  armIdle();
  try {
    response = await fetchImpl(target, { method: 'GET', headers, signal: controller.signal });
  } catch (error) {
    cleanup();
    throw failure(error);
  }

  const requestId = requestIdFrom(response.headers);
  if (!response.ok || !response.body) {
    let text = '';
    try {
      text = await readSome(response, ERROR_BODY_LIMIT);
    } catch {
      // The status alone decides; an unreadable error body adds nothing.
    } finally {
      cleanup();
    }
    throw blobHttpError(operation, response, text);
  }

  const contentLength = numberHeader(response.headers.get('content-length'));
  // A compressed body's length is not the decoded length we count.
  const expected = response.headers.get('content-encoding') ? undefined : contentLength;
  const source = Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>);
  let total = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      armIdle();
      total += chunk.length;
      try {
        options.onBytes?.(chunk.length, total);
      } catch {
        // A broken progress callback must not corrupt the download.
      }
      callback(null, chunk);
    },
    flush(callback) {
      cleanup();
      if (expected !== undefined && total !== expected) {
        callback(truncated(operation, total, expected, requestId));
        return;
      }
      callback();
    },
  });
  source.on('error', (error) => {
    const mapped = failure(error);
    cleanup();
    counter.destroy(mapped);
  });
  counter.on('close', () => {
    cleanup();
    if (!source.destroyed) source.destroy();
  });
  consumerBehind = () => counter.readableLength > 0 || counter.writableLength > 0;
  source.pipe(counter);

  const result: BlobDownload = { stream: counter, status: response.status };
  const contentType = response.headers.get('content-type');
  if (contentType) result.contentType = contentType;
  if (contentLength !== undefined) result.contentLength = contentLength;
  if (requestId) result.requestId = requestId;
  return result;
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
    // Under a private network (VNET) the API gives relative paths for GetArtifact.
    throw new AppError('INVALID_ARGUMENT', 'This file link is not a full web address (a private-network resource gives paths for GetArtifact instead).');
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

function truncated(operation: string, got: number, expected: number, requestId: string | undefined): CustomVisionError {
  return new CustomVisionError(`${operation} failed: the download stopped early (${got} of ${expected} bytes).`, {
    kind: 'network',
    code: 'CONNECTION_LOST',
    operation,
    requestId,
    retryable: true,
  });
}

async function readSome(response: Response, limit: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < limit) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}

function numberHeader(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}
