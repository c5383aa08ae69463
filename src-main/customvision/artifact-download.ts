/**
 * Files of a resource behind a virtual network. Such a resource gives no storage links:
 * every image, prediction and export URI is a relative path (`i-<project>/i-<image>`) to
 * fetch with GetArtifact (`GET /projects/{projectId}/artifacts?path=…`, Training API v3.3;
 * answered with application/octet-stream). That is an API call like any other — the
 * Training-Key, the endpoint's rate limiter, retries before the body starts, the same
 * error mapping (http-client.ts `open`) — whose body is streamed like a blob's
 * (body-stream.ts: idle timeout, Content-Length check, size cap, safe to hold unread).
 */
import { AppError } from '../errors/app-error';
import { openedDownload, type BlobDownload } from './body-stream';
import type { HttpClient } from './http-client';

export interface FileDownloadOptions {
  signal?: AbortSignal;
  /** Named in errors and the request log. Default "GetArtifact" (or "BlobDownload" for a storage link). */
  operation?: string;
  /** Largest file accepted, in bytes; more → FILE_TOO_LARGE (not retryable). Default: no cap. */
  maxBytes?: number;
  /** Why the cap is what it is, for the message ("the service accepts training images up to 6 MB"). */
  maxBytesReason?: string;
  /** Longest wait for the headers, then for each next chunk. Default: the client's timeoutMs (30 s). */
  timeoutMs?: number;
  /** Called for every chunk that passes: its size and the running total. */
  onBytes?: (chunkBytes: number, totalBytes: number) => void;
}

/** Longer than any container/blob path the service makes; a longer one is not one of its paths. */
const MAX_ARTIFACT_PATH = 2048;

/** `projectPath` is `/projects/<checked id>`. */
export async function downloadArtifact(http: HttpClient, projectPath: string, path: string, options: FileDownloadOptions = {}): Promise<BlobDownload> {
  const operation = options.operation ?? 'GetArtifact';
  const request = { operation, path: `${projectPath}/artifacts`, query: { path: artifactPath(path) } };
  const opened = await http.open({ ...request, ...(options.signal ? { signal: options.signal } : {}), ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) });
  return openedDownload(opened.response, opened.transfer, { operation, onBytes: options.onBytes, maxBytes: options.maxBytes, maxBytesReason: options.maxBytesReason }, opened.requestId);
}

/** The path as the service gave it; it travels URL-encoded in the query, never in our path. */
export function artifactPath(path: string): string {
  if (typeof path !== 'string' || path.trim() === '') throw new AppError('INVALID_ARGUMENT', 'The file link is empty.');
  if (path.length > MAX_ARTIFACT_PATH || [...path].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) {
    // Not quoted: whatever it is, it is not something to echo into a message or a log.
    throw new AppError('INVALID_ARGUMENT', 'The file link is not a path the service makes (too long, or with control characters).');
  }
  return path;
}
