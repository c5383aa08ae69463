/**
 * Writing responses, including the two connection faults: `reset` (RST after part of the
 * body) and `truncate` (full Content-Length announced, body cut, connection closed).
 * Small replies go out in one write; blobs and padded replies are streamed in chunks
 * with backpressure and stop as soon as the client has gone, so a 1 GiB padded answer
 * costs only what the client actually reads.
 */
import type { ServerResponse } from 'node:http';
import { replyLength, type Reply } from './wire';

export type CutMode = 'reset' | 'truncate';

export interface Cut {
  mode: CutMode;
  /** Fraction of the body sent before cutting. */
  fraction: number;
}

export function cutPoint(length: number, fraction: number): number {
  return Math.min(length - 1, Math.max(1, Math.floor(length * fraction)));
}

/** Ends the connection the way the fault says: RST, or a plain close after a short body. */
export function breakConnection(res: ServerResponse, mode: CutMode): void {
  const socket = res.socket;
  if (!socket) return;
  if (mode === 'reset') socket.resetAndDestroy();
  else socket.end();
}

/** A body read in pieces, so a padded one is never built whole. */
export interface LazyBody {
  readonly length: number;
  /** Bytes [start, end). */
  read(start: number, end: number): Buffer;
}

export function bufferBody(bytes: Buffer): LazyBody {
  return { length: bytes.length, read: (start, end) => bytes.subarray(start, end) };
}

const PAD_CHUNK = 65_536;
const padChunks = new Map<number, Buffer>();

/** A shared, never-written run of `byte`: padding chunks are views of it, not new buffers. */
function padRun(byte: number): Buffer {
  let run = padChunks.get(byte);
  if (!run) {
    run = Buffer.alloc(PAD_CHUNK, byte);
    padChunks.set(byte, run);
  }
  return run;
}

/** `bytes` followed by `byte` up to `length` bytes in all. */
export function paddedBody(bytes: Buffer, length: number, byte: number): LazyBody {
  const total = Math.max(bytes.length, length);
  return {
    length: total,
    read: (start, end) => {
      if (end <= bytes.length) return bytes.subarray(start, end);
      if (start >= bytes.length && end - start <= PAD_CHUNK) return padRun(byte).subarray(0, end - start);
      const out = Buffer.alloc(end - start, byte);
      if (start < bytes.length) bytes.copy(out, 0, start, bytes.length);
      return out;
    },
  };
}

/** Bytes [start, end) of another body (a Range request). */
export function sliceBody(body: LazyBody, start: number, end: number): LazyBody {
  return { length: end - start, read: (from, to) => body.read(start + from, start + to) };
}

/** How a streamed body is paced and counted. */
export interface StreamHooks {
  /** Bytes per write. */
  chunkSize: () => number;
  /** Resolves when `bytes` may be sent (the bandwidth cap); default: at once. */
  pace?: (bytes: number) => Promise<void>;
  /** Called after each chunk is handed to the socket. */
  onChunk?: (bytes: number) => void;
}

export interface ReplyHooks extends StreamHooks {
  /** Called once the headers of a streamed reply are out. */
  onStart?: () => void;
}

function waitForDrain(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * Streams a body whose headers are already written, then ends it — or, with a cut, stops
 * after the cut point and breaks the connection. Stops writing once the client has gone.
 */
export async function streamBody(res: ServerResponse, body: LazyBody, hooks: StreamHooks, cut?: Cut): Promise<void> {
  let closed = false;
  const onClose = (): void => {
    closed = true;
  };
  res.once('close', onClose);
  const gone = (): boolean => closed || res.destroyed;
  try {
    const cutting = cut !== undefined && body.length >= 2;
    const limit = cutting ? cutPoint(body.length, cut.fraction) : body.length;
    let sent = 0;
    while (sent < limit && !gone()) {
      const size = Math.min(hooks.chunkSize(), limit - sent);
      if (hooks.pace) await hooks.pace(size);
      if (gone()) break;
      const flushed = res.write(body.read(sent, sent + size));
      hooks.onChunk?.(size);
      sent += size;
      if (!flushed) await waitForDrain(res);
    }
    if (gone()) return;
    if (cutting) {
      // Wait for what was written to leave, then break the connection.
      res.write(Buffer.alloc(0), () => breakConnection(res, cut.mode));
      return;
    }
    res.end();
  } finally {
    res.off('close', onClose);
  }
}

/**
 * Writes a reply. With a cut, the headers and part of the body go out and then the
 * connection breaks; a reply with no body cannot be truncated (the caller checks).
 * Padded and blob replies are streamed through `hooks`; `onStart` runs once their
 * headers are out.
 */
export async function writeReply(
  res: ServerResponse,
  reply: Reply,
  headers: Record<string, string>,
  cut?: Cut,
  hooks?: ReplyHooks,
): Promise<void> {
  const length = replyLength(reply);
  const all: Record<string, string> = { ...headers, ...reply.headers, 'Content-Length': String(length) };
  if (cut && cut.mode === 'reset' && length < 2) {
    breakConnection(res, 'reset');
    return;
  }
  res.writeHead(reply.status, all);
  if (reply.padding || reply.blobOwner !== undefined) {
    const streaming: ReplyHooks = hooks ?? { chunkSize: () => PAD_CHUNK };
    streaming.onStart?.();
    const body = reply.padding ? paddedBody(reply.body, reply.padding.length, reply.padding.byte) : bufferBody(reply.body);
    await streamBody(res, body, streaming, cut);
    return;
  }
  if (!cut || reply.body.length < 2) {
    res.end(reply.body);
    return;
  }
  const partial = reply.body.subarray(0, cutPoint(reply.body.length, cut.fraction));
  res.write(partial, () => breakConnection(res, cut.mode));
}
