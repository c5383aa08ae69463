/**
 * Reading a whole fetch body into memory, but never more of it than the caller allows.
 * `response.arrayBuffer()` would take whatever the server sends (a proxy's endless page, a
 * broken server's gigabyte), so the API client reads through these instead: memory stays
 * bounded whatever arrives.
 */
import { responseTooLargeError, requestIdFrom } from './errors';

export interface BoundedReadOptions {
  operation: string;
  /** Larger bodies fail with RESPONSE_TOO_LARGE. */
  maxBytes: number;
  /**
   * Called before failing, so the request is aborted and its socket released (cancelling
   * the reader alone may leave undici draining the rest of a keep-alive response).
   */
  abort: () => void;
}

/**
 * The whole body, or RESPONSE_TOO_LARGE: at once when Content-Length announces more than
 * `maxBytes`, otherwise as soon as the streamed bytes pass it. A body cut short is not
 * judged here: the caller compares the length with Content-Length.
 */
export async function readBoundedBody(response: Response, options: BoundedReadOptions): Promise<Uint8Array> {
  const tooLarge = () => {
    options.abort();
    return responseTooLargeError(options.operation, options.maxBytes, { status: response.status, requestId: requestIdFrom(response.headers) });
  };
  const announced = contentLengthOf(response.headers);
  if (announced !== undefined && announced > options.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > options.maxBytes) {
      const error = tooLarge();
      await reader.cancel().catch(() => undefined);
      throw error;
    }
    chunks.push(value);
  }
  return concat(chunks, size);
}

/**
 * At most `limit` bytes of the body as text, the rest left unread (and the reader
 * cancelled): for error answers, where the status decides and the text only explains.
 */
export async function readSome(response: Response, limit: number): Promise<string> {
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
  return Buffer.from(concat(chunks, size)).subarray(0, limit).toString('utf8');
}

/** Content-Length as a number, or undefined when absent or not a plain count. */
export function contentLengthOf(headers: Headers): number | undefined {
  const value = headers.get('content-length');
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
