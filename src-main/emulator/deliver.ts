/**
 * Writing responses, including the two connection faults: `reset` (RST after part of the
 * body) and `truncate` (full Content-Length announced, body cut, connection closed).
 */
import type { ServerResponse } from 'node:http';
import type { Reply } from './wire';

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

/**
 * Writes a reply. With a cut, the headers and part of the body go out and then the
 * connection breaks; a reply with no body cannot be truncated (the caller checks).
 */
export function writeReply(res: ServerResponse, reply: Reply, headers: Record<string, string>, cut?: Cut): void {
  const all: Record<string, string> = { ...headers, ...reply.headers, 'Content-Length': String(reply.body.length) };
  if (cut && cut.mode === 'reset' && reply.body.length < 2) {
    breakConnection(res, 'reset');
    return;
  }
  res.writeHead(reply.status, all);
  if (!cut || reply.body.length < 2) {
    res.end(reply.body);
    return;
  }
  const partial = reply.body.subarray(0, cutPoint(reply.body.length, cut.fraction));
  res.write(partial, () => breakConnection(res, cut.mode));
}
