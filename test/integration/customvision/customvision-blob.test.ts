/**
 * Downloading image and model files from their SAS links, against local servers that
 * play Azure Storage: streamed (a 20 MB file is never held whole), no training key sent,
 * an expired link recognised as such, a cut-off download reported as retryable.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { ServerResponse } from 'node:http';
import { downloadBlob, downloadBlobTo, sasExpiry } from '../../../src-main/customvision/blob-download';
import { failure, localServers } from '../../support/customvision/local-servers';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const serve = localServers();

const sasPath = '/i-0123456789abcdef0123456789abcdef/i-fedcba9876543210fedcba9876543210?sv=2017-04-17&sr=b&sig=abc%2Fdef%3D&se=2020-06-07T16%3A45%3A22Z&sp=r';
/** Deterministic bytes, so the receiver can check every one arrived in order. */
function patternChunk(offset: number, size: number): Buffer {
  const chunk = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) chunk[i] = (offset + i) % 251;
  return chunk;
}

/** Writes `total` bytes in 64 KiB chunks, honouring backpressure; counts what left. */
function streamBody(res: ServerResponse, total: number, progress: { written: number }): void {
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': total, 'x-ms-request-id': 'blob-req-1' });
  const step = 64 * 1024;
  const pump = (): void => {
    while (progress.written < total) {
      const size = Math.min(step, total - progress.written);
      const ok = res.write(patternChunk(progress.written, size));
      progress.written += size;
      if (!ok) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  pump();
}

describe('downloadBlob', () => {
  it('streams a 20 MB file without ever holding it whole, and sends no training key', async () => {
    const total = 20 * 1024 * 1024;
    const server = { written: 0 };
    const storage = await serve((_request, res) => streamBody(res, total, server));

    let received = 0;
    let chunks = 0;
    let consumed = 0;
    let peakBuffered = 0;
    let serverWrittenWhenPaused = -1;
    const download = await downloadBlob(storage.origin + sasPath, {
      onBytes: (chunkBytes, totalBytes) => {
        chunks += 1;
        received = totalBytes;
        expect(chunkBytes).toBeGreaterThan(0);
      },
    });
    expect(download).toMatchObject({ status: 200, contentLength: total, contentType: 'application/octet-stream', requestId: 'blob-req-1' });

    let paused = false;
    let mismatch = -1;
    const slowConsumer = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        for (let i = 0; i < chunk.length; i += 4099) if (chunk[i] !== (consumed + i) % 251 && mismatch < 0) mismatch = consumed + i;
        consumed += chunk.length;
        peakBuffered = Math.max(peakBuffered, received - consumed);
        // Stop for a while after the first megabyte: the sender must be held back.
        if (!paused && consumed >= 1024 * 1024) {
          paused = true;
          setTimeout(() => {
            serverWrittenWhenPaused = server.written;
            callback();
          }, 300);
          return;
        }
        callback();
      },
    });
    await new Promise<void>((resolve, reject) => {
      download.stream.pipe(slowConsumer).on('finish', resolve).on('error', reject);
      download.stream.on('error', reject);
    });

    expect(consumed).toBe(total);
    expect(mismatch).toBe(-1);
    expect(chunks).toBeGreaterThan(20);
    // Between our counter and the consumer there was never more than a little buffered…
    expect(peakBuffered).toBeLessThan(1024 * 1024);
    // …and while the consumer paused, backpressure held the server short of the end (what
    // it did write sits in socket buffers, a few MB on loopback).
    expect(serverWrittenWhenPaused).toBeGreaterThan(0);
    expect(serverWrittenWhenPaused).toBeLessThan(total - 4 * 1024 * 1024);
    // Storage never sees the Training-Key (it travels only to the Training API).
    expect(storage.seen[0]?.headers['training-key']).toBeUndefined();
    expect(Object.keys(storage.seen[0]?.headers ?? {}).some((name) => /key|authorization/i.test(name))).toBe(false);
  });

  it('writes to a file with downloadBlobTo, byte-exact, and sends a Range when resuming', async () => {
    const total = 3 * 1024 * 1024 + 17;
    const storage = await serve((request, res) => {
      const range = /bytes=(\d+)-/.exec(request.headers.range ?? '');
      if (range) {
        const start = Number(range[1]);
        const body = patternChunk(start, total - start);
        res.writeHead(206, { 'Content-Length': body.length, 'Content-Range': `bytes ${start}-${total - 1}/${total}` });
        res.end(body);
        return;
      }
      streamBody(res, total, { written: 0 });
    });
    const dir = await mkdtemp(join(tmpdir(), 'cv-blob-'));
    dirs.push(dir);
    const file = join(dir, 'image.bin');
    const result = await downloadBlobTo(storage.origin + sasPath, createWriteStream(file));
    expect(result).toMatchObject({ status: 200, bytes: total, contentLength: total });
    expect((await stat(file)).size).toBe(total);
    const digest = await new Promise<string>((resolve) => {
      const hash = createHash('sha256');
      createReadStream(file).on('data', (c) => hash.update(c)).on('end', () => resolve(hash.digest('hex')));
    });
    expect(digest).toBe(createHash('sha256').update(patternChunk(0, total)).digest('hex'));

    const resumed = await downloadBlobTo(storage.origin + sasPath, new Writable({ write: (_c, _e, cb) => cb() }), { range: { start: 1000 } });
    expect(resumed).toMatchObject({ status: 206, bytes: total - 1000 });
    expect(storage.seen[1]?.headers.range).toBe('bytes=1000-');
  });

  it('recognises an expired SAS link (403 AuthenticationFailed) by header or by XML body', async () => {
    const xml =
      '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.\nRequestId:1\nTime:2026-06-25T01:31:57Z</Message><AuthenticationErrorDetail>Signed expiry time [Thu, 25 Jun 2026 00:31:00 GMT] must be after signed start time [Thu, 25 Jun 2026 01:31:57 GMT]</AuthenticationErrorDetail></Error>';
    const storage = await serve((request, res) => {
      const headers: Record<string, string> = { 'Content-Type': 'application/xml', 'x-ms-request-id': 'expired-1' };
      if (request.n === 1) headers['x-ms-error-code'] = 'AuthenticationFailed';
      res.writeHead(403, headers);
      res.end(xml);
    });
    for (let i = 0; i < 2; i += 1) {
      const error = await failure(downloadBlob(storage.origin + sasPath));
      expect(error).toMatchObject({ code: 'EXPIRED_LINK', kind: 'expired-link', status: 403, requestId: 'expired-1', retryable: false });
      expect(error.message).not.toContain('sig=');
    }
  });

  it('tells other storage failures apart: 403 without AuthenticationFailed, 404, 503', async () => {
    const storage = await serve((request, res) => {
      const [status, code] = request.n === 1 ? [403, 'AuthorizationPermissionMismatch'] : request.n === 2 ? [404, 'BlobNotFound'] : [503, 'ServerBusy'];
      res.writeHead(status, { 'x-ms-error-code': code, 'Content-Type': 'application/xml' });
      res.end(`<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>m</Message></Error>`);
    });
    expect(await failure(downloadBlob(storage.origin + sasPath))).toMatchObject({ code: 'FORBIDDEN', serviceCode: 'AuthorizationPermissionMismatch' });
    expect(await failure(downloadBlob(storage.origin + sasPath))).toMatchObject({ code: 'NOT_FOUND', serviceCode: 'BlobNotFound', retryable: false });
    expect(await failure(downloadBlob(storage.origin + sasPath))).toMatchObject({ code: 'SERVICE_ERROR', retryable: true });
  });

  it('reports a download cut off midway as a retryable CONNECTION_LOST', async () => {
    const storage = await serve((_request, res) => {
      res.writeHead(200, { 'Content-Length': 200_000 });
      res.write(patternChunk(0, 50_000));
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const error = await failure(downloadBlobTo(storage.origin + sasPath, new Writable({ write: (_c, _e, cb) => cb() })));
    expect(error).toMatchObject({ code: 'CONNECTION_LOST', retryable: true });
  });

  it('cancels a download in progress with CANCELLED', async () => {
    const storage = await serve((_request, res) => {
      res.writeHead(200, { 'Content-Length': 1_000_000 });
      res.write(patternChunk(0, 1000));
    });
    const controller = new AbortController();
    const download = await downloadBlob(storage.origin + sasPath, { signal: controller.signal });
    const sink = new Writable({ write: (_c, _e, cb) => cb() });
    const piping = new Promise<unknown>((resolve) => {
      download.stream.on('error', resolve);
      download.stream.pipe(sink);
    });
    setTimeout(() => controller.abort(), 50);
    expect(await piping).toMatchObject({ code: 'CANCELLED' });
  });

  it('times out a silent download but not a slow reader', async () => {
    const silent = await serve((_request, res) => {
      res.writeHead(200, { 'Content-Length': 10_000 });
      res.write(patternChunk(0, 100));
    });
    const download = await downloadBlob(silent.origin + sasPath, { timeoutMs: 150 });
    const error = await new Promise<unknown>((resolve) => {
      download.stream.on('error', resolve);
      download.stream.resume();
    });
    expect(error).toMatchObject({ code: 'TIMEOUT', retryable: true });
  });

  it('refuses links it must not fetch, without quoting them', async () => {
    await expect(downloadBlob('i-40b66b39b86b4583be8c0fe223aa9ec5/t-5c882c62ca2b4458b39a2041b111dd73')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(downloadBlob('http://irisprodeu2training.blob.core.windows.net/i-a/i-b?sig=secret')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.not.stringContaining('secret') as unknown,
    });
    await expect(downloadBlob('file:///etc/passwd')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('reads the expiry of a SAS link', () => {
    expect(sasExpiry(`https://x.blob.core.windows.net${sasPath}`)?.toISOString()).toBe('2020-06-07T16:45:22.000Z');
    expect(sasExpiry('https://x.blob.core.windows.net/a/b')).toBeUndefined();
    expect(sasExpiry('not a url')).toBeUndefined();
  });
});
