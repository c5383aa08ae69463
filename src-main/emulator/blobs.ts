/**
 * The blob endpoint (`/__blob/<container>/<blob>?<SAS>`), standing in for Azure Blob
 * Storage: SAS checked first (expired/tampered → 403 AuthenticationFailed XML, reference
 * §6), then the blob (404 BlobNotFound); ETag, Last-Modified, a single `Range: bytes=a-b`
 * (206), bytes paced by the shared bandwidth cap, and reset/truncate faults part-way.
 * Blob downloads are not counted by the API rate limit.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolveBlob } from './blob-store';
import type { EmulatorCore } from './core';
import { formatHttpDate } from './dates';
import { breakConnection, cutPoint } from './deliver';
import type { FaultInjector } from './faults';
import type { ByteBucket } from './rate-limit';
import { storageErrorXml } from './sas';
import type { StatsCollector } from './stats';

export interface BlobEnv {
  core: EmulatorCore;
  stats: StatsCollector;
  faults: FaultInjector;
  bandwidth: ByteBucket;
}

function storageHeaders(requestId: string): Record<string, string> {
  return { 'x-ms-request-id': requestId, 'x-ms-version': '2017-04-17', Server: 'Windows-Azure-Blob/1.0 Microsoft-HTTPAPI/2.0' };
}

function sendStorageError(res: ServerResponse, status: number, code: string, requestId: string, now: number, detail?: string, extra: Record<string, string> = {}): void {
  const body = Buffer.from(storageErrorXml(code, requestId, now, detail), 'utf8');
  res.writeHead(status, {
    ...storageHeaders(requestId),
    ...extra,
    'x-ms-error-code': code,
    'Content-Type': 'application/xml',
    'Content-Length': String(body.length),
  });
  res.end(body);
}

/** A single byte range (`bytes=a-b`, `bytes=a-`, `bytes=-n`); anything else serves the whole blob. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
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

export async function serveBlob(env: BlobEnv, req: IncomingMessage, res: ServerResponse, path: string, search: URLSearchParams, requestId: string): Promise<void> {
  const now = env.core.state.now();
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendStorageError(res, 405, 'UnsupportedHttpVerb', requestId, now);
    return;
  }
  const check = env.core.sas.verify(path, search);
  if (!check.ok) {
    env.stats.blobRejected();
    sendStorageError(res, check.status, check.code, requestId, now, check.detail);
    return;
  }
  const blob = resolveBlob(env.core, path);
  if (!blob) {
    env.stats.blobRejected();
    sendStorageError(res, 404, 'BlobNotFound', requestId, now);
    return;
  }
  const body = blob.bytes();
  const range = parseRange(req.headers.range, body.length);
  if (range === 'unsatisfiable') {
    sendStorageError(res, 416, 'InvalidRange', requestId, now, undefined, { 'Content-Range': `bytes */${body.length}` });
    return;
  }
  const slice = range ? body.subarray(range.start, range.end + 1) : body;
  const headers: Record<string, string> = {
    ...storageHeaders(requestId),
    'Content-Type': blob.contentType,
    'Content-Length': String(slice.length),
    ETag: blob.etag,
    'Last-Modified': formatHttpDate(blob.lastModifiedMs),
    'Accept-Ranges': 'bytes',
    'x-ms-blob-type': 'BlockBlob',
  };
  if (range) headers['Content-Range'] = `bytes ${range.start}-${range.end}/${body.length}`;
  res.writeHead(range ? 206 : 200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  env.stats.blobStarted(blob.owner);
  const fault = env.faults.decide(env.core.config, 'blob');
  const mode = fault.reset ? 'reset' : fault.truncate ? 'truncate' : undefined;
  const limit = mode && slice.length >= 2 ? cutPoint(slice.length, fault.cutFraction) : slice.length;
  if (mode && slice.length >= 2) env.stats.fault(mode);
  let sent = 0;
  while (sent < limit && !res.destroyed) {
    const size = Math.min(env.bandwidth.chunkSize(), limit - sent);
    await env.bandwidth.take(size);
    if (res.destroyed) break;
    const flushed = res.write(slice.subarray(sent, sent + size));
    env.stats.blobBytes(blob.owner, size);
    sent += size;
    if (!flushed) await waitForDrain(res);
  }
  if (res.destroyed) return;
  if (limit < slice.length && mode) {
    // Wait for what was written to leave, then break the connection.
    res.write(Buffer.alloc(0), () => breakConnection(res, mode));
    return;
  }
  res.end();
}
