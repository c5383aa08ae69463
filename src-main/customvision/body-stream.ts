/**
 * A downloaded file's body as a Node Readable that is safe to hand out:
 *
 * - Pulled, not pushed: a chunk is read from the network only when the consumer wants
 *   one (plus Node's small read-ahead), so memory stays bounded and the idle clock
 *   (transfer.ts) runs only while the network, not the consumer, is slow.
 * - Errors surface only to a consumer: the network is looked at only on the consumer's
 *   behalf, so a connection reset while the consumer is still opening its temp file shows
 *   up as the first read's error (CONNECTION_LOST), never as an 'error' event nobody
 *   listens to — which would kill the process, a worker thread in the app. The same holds
 *   for a cancel or a timeout before the first read.
 * - Counted (onBytes), checked against Content-Length at the end (short → CONNECTION_LOST,
 *   retryable) and against a size cap as it goes (FILE_TOO_LARGE, not retryable).
 * - Destroying it (the consumer gave up) aborts the request, so the socket is released.
 */
import { Readable } from 'node:stream';
import { CustomVisionError, fileTooLargeError } from './errors';
import { contentLengthOf } from './body-reader';
import type { Transfer } from './transfer';

/** A file being downloaded: its body and what the response said about it. */
export interface BlobDownload {
  /** The body; errors on it are CustomVisionErrors (CONNECTION_LOST, TIMEOUT, CANCELLED, FILE_TOO_LARGE). */
  stream: Readable;
  /** 200, or 206 for a range. */
  status: number;
  contentType?: string;
  contentLength?: number;
  requestId?: string;
}

export interface BodyLimits {
  /** Named in errors. */
  operation: string;
  /** Called for every chunk that passes: its size and the running total. */
  onBytes?: (chunkBytes: number, totalBytes: number) => void;
  /** Largest file accepted, in bytes; more → FILE_TOO_LARGE. Default: no cap. */
  maxBytes?: number;
  /** Why the cap is what it is, for the message ("the service accepts training images up to 6 MB"). */
  maxBytesReason?: string;
  /** Bytes of the file already held before this body (a resumed range); they count against maxBytes. */
  offset?: number;
}

/**
 * Turns an answered request into a BlobDownload, or fails before reading when
 * Content-Length already says the file is over the cap (the request is then closed).
 */
export async function openedDownload(response: Response, transfer: Transfer, limits: BodyLimits, requestId: string | undefined): Promise<BlobDownload> {
  const contentLength = contentLengthOf(response.headers);
  const offset = limits.offset ?? 0;
  if (limits.maxBytes !== undefined && contentLength !== undefined && offset + contentLength > limits.maxBytes) {
    transfer.close();
    await response.body?.cancel().catch(() => undefined);
    throw fileTooLargeError(limits.operation, limits.maxBytes, { reason: limits.maxBytesReason, status: response.status, requestId });
  }
  // A compressed body's Content-Length is not the decoded length we count.
  const expected = response.headers.get('content-encoding') ? undefined : contentLength;
  const stream = bodyStream(response.body, transfer, { ...limits, expected, requestId, status: response.status });
  const result: BlobDownload = { stream, status: response.status };
  const contentType = response.headers.get('content-type');
  if (contentType) result.contentType = contentType;
  if (contentLength !== undefined) result.contentLength = contentLength;
  if (requestId) result.requestId = requestId;
  return result;
}

interface BodyStreamOptions extends BodyLimits {
  /** Bytes the body must have (Content-Length of an unencoded body). */
  expected?: number;
  requestId?: string;
  status: number;
}

export function bodyStream(body: ReadableStream<Uint8Array> | null, transfer: Transfer, options: BodyStreamOptions): Readable {
  const reader = body?.getReader();
  const offset = options.offset ?? 0;
  let total = 0;

  const stream = new Readable({
    // Node calls read() again only after a push, so at most one network read is pending.
    read() {
      if (!reader) {
        finish();
        return;
      }
      pull(reader);
    },
    destroy(error, callback) {
      transfer.close();
      reader?.cancel().catch(() => undefined);
      callback(error);
    },
  });

  function pull(source: ReadableStreamDefaultReader<Uint8Array>): void {
    transfer.waiting();
    source.read().then(
      ({ done, value }) => {
        transfer.resting();
        if (stream.destroyed) return;
        if (done) {
          finish();
          return;
        }
        if (value.byteLength === 0) {
          pull(source);
          return;
        }
        total += value.byteLength;
        if (options.maxBytes !== undefined && offset + total > options.maxBytes) {
          stream.destroy(fileTooLargeError(options.operation, options.maxBytes, { reason: options.maxBytesReason, status: options.status, requestId: options.requestId }));
          return;
        }
        try {
          options.onBytes?.(value.byteLength, total);
        } catch {
          // A broken progress callback must not corrupt the download.
        }
        stream.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
      },
      (error: unknown) => {
        transfer.resting();
        if (!stream.destroyed) stream.destroy(transfer.failure(error));
      },
    );
  }

  function finish(): void {
    transfer.close();
    if (options.expected !== undefined && total !== options.expected) {
      stream.destroy(truncated(options.operation, total, options.expected, options.requestId));
      return;
    }
    stream.push(null);
  }

  return stream;
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
