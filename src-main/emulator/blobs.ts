/**
 * The blob endpoint (`/__blob/<container>/<blob>?<SAS>`), standing in for Azure Blob
 * Storage: SAS checked first (expired/tampered → 403 AuthenticationFailed XML, as Azure
 * Storage answers), then the blob (404 BlobNotFound); ETag, Last-Modified, a single
 * `Range: bytes=a-b` (206), bytes paced by the shared bandwidth cap, and reset/truncate
 * faults part-way. Blob downloads are not counted by the API rate limit. Quirks: behind a
 * firewall (relative-uris, network-rules) every request is refused 403
 * AuthorizationFailure; oversize-blobs pads every body with zeros to 400 MiB, made as it
 * is sent.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { etagFor, resolveBlob } from './blob-store';
import type { EmulatorCore } from './core';
import { formatHttpDate } from './dates';
import { bufferBody, paddedBody, sliceBody, streamBody } from './deliver';
import type { FaultInjector } from './faults';
import type { RuntimeConfig } from './options';
import { hasQuirk, OVERSIZE_BLOB_BYTES } from './quirks';
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

/** Storage behind a firewall (relative-uris / network-rules quirks) refuses every request. */
function firewalled(config: RuntimeConfig): boolean {
  return hasQuirk(config, 'relative-uris') || hasQuirk(config, 'network-rules');
}

export async function serveBlob(env: BlobEnv, req: IncomingMessage, res: ServerResponse, path: string, search: URLSearchParams, requestId: string): Promise<void> {
  const now = env.core.state.now();
  const config = env.core.config;
  if (firewalled(config)) {
    // What a storage account answers a caller its network rules do not allow, SAS or not.
    env.stats.blobRejected();
    sendStorageError(res, 403, 'AuthorizationFailure', requestId, now);
    return;
  }
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
  const oversize = hasQuirk(config, 'oversize-blobs');
  const bytes = blob.bytes();
  const body = oversize ? paddedBody(bytes, OVERSIZE_BLOB_BYTES, 0) : bufferBody(bytes);
  const range = parseRange(req.headers.range, body.length);
  if (range === 'unsatisfiable') {
    sendStorageError(res, 416, 'InvalidRange', requestId, now, undefined, { 'Content-Range': `bytes */${body.length}` });
    return;
  }
  const slice = range ? sliceBody(body, range.start, range.end + 1) : body;
  const headers: Record<string, string> = {
    ...storageHeaders(requestId),
    'Content-Type': blob.contentType,
    'Content-Length': String(slice.length),
    // Other content, other ETag: a client resuming with If-Match must not mix the two.
    ETag: oversize ? etagFor(`${blob.etag}|oversize`) : blob.etag,
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
  const fault = env.faults.decide(config, 'blob');
  const mode = fault.reset ? 'reset' : fault.truncate ? 'truncate' : undefined;
  if (mode && slice.length >= 2) env.stats.fault(mode);
  await streamBody(
    res,
    slice,
    {
      chunkSize: () => env.bandwidth.chunkSize(),
      pace: (size) => env.bandwidth.take(size),
      onChunk: (size) => {
        env.stats.blobBytes(blob.owner, size);
        if (oversize) env.stats.paddedBytes(size);
      },
    },
    mode ? { mode, fraction: fault.cutFraction } : undefined,
  );
}
