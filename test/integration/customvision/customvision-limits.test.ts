/**
 * What a server may send is not what the client takes: an API answer is read up to
 * maxResponseBytes (RESPONSE_TOO_LARGE) and a file up to the caller's maxBytes
 * (FILE_TOO_LARGE), refused at once when Content-Length says so and cut off — request
 * aborted, socket released — when the bytes say so. Neither is retried. Real sockets on
 * 127.0.0.1 (not the emulator), so the server can tell when the client hung up.
 */
import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ServerResponse } from 'node:http';
import { downloadBlob } from '../../../src-main/customvision/blob-download';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../../../src-main/customvision/http-client';
import { FILE_CAPS } from '../../../src-main/customvision/file-caps';
import { sendJson } from '../../support/customvision/local-server';
import { clientFor, failure, localServers } from '../../support/customvision/local-servers';

const P = 'bc3f7dad-5544-468c-8573-3ef04d55463e';
const MiB = 1024 * 1024;
const sasPath = '/i-0123456789abcdef0123456789abcdef/i-fedcba9876543210fedcba9876543210?sv=2017-04-17&sr=b&sig=c2VjcmV0&sp=r';

const serve = localServers();

interface Flood {
  /** Bytes the server managed to hand to its socket. */
  written: number;
  /** Set when the client hung up (the socket closed before the server ended). */
  hungUp: Promise<void>;
}

/**
 * Streams `chunk` again and again (1 GiB at most), honouring backpressure, until the
 * client hangs up. With `announce` the full size is sent as Content-Length; otherwise
 * the body is chunked and its size unknown until it ends.
 */
function flood(res: ServerResponse, chunk: Buffer, options: { status?: number; announce?: number; contentType?: string } = {}): Flood {
  const limit = 1024 * MiB;
  const state = { written: 0 } as Flood;
  state.hungUp = new Promise((resolve) => res.on('close', () => resolve()));
  const headers: Record<string, string | number> = { 'Content-Type': options.contentType ?? 'application/octet-stream' };
  if (options.announce !== undefined) headers['Content-Length'] = options.announce;
  res.writeHead(options.status ?? 200, headers);
  const pump = (): void => {
    while (!res.destroyed && state.written < limit) {
      state.written += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  pump();
  return state;
}

/** A JSON list that never ends: `[{"id":"…"},{"id":"…"},…`. */
const jsonFlood = (res: ServerResponse) => {
  const item = Buffer.from(`{"id":"${P}","created":"2020-06-06T16:44:43.3417089","regions":[${'{"left":0.1},'.repeat(400)}{"left":0.1}]},`);
  return flood(res, item, { contentType: 'application/json; charset=utf-8' });
};

describe('API answers are read up to maxResponseBytes', () => {
  it('stops an endless answer at the default 64 MiB, hangs up, and does not retry', async () => {
    let state: Flood | undefined;
    const server = await serve((_request, res) => {
      state = jsonFlood(res);
    });
    const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const error = await failure(clientFor(server).getImagesByIds(P, [P]));
    const heapAfter = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;

    expect(error).toMatchObject({ name: 'CustomVisionError', code: 'RESPONSE_TOO_LARGE', operation: 'GetImagesByIds', retryable: false, attempts: 1, status: 200 });
    expect(error.message).toMatch(/^GetImagesByIds failed: .*more than 64 MB/);
    expect(server.seen).toHaveLength(1);
    // The server noticed the client hanging up, long before its gigabyte was out.
    await state?.hungUp;
    expect(state?.written).toBeGreaterThanOrEqual(DEFAULT_MAX_RESPONSE_BYTES);
    expect(state?.written).toBeLessThan(DEFAULT_MAX_RESPONSE_BYTES + 64 * MiB);
    // Memory grew by the cap at most (what was read before giving up), not by the body.
    expect(heapAfter - heapBefore).toBeLessThan(DEFAULT_MAX_RESPONSE_BYTES + 64 * MiB);
  }, 30_000);

  it('refuses at once an answer whose Content-Length is over the cap, reading none of it', async () => {
    let state: Flood | undefined;
    const server = await serve((_request, res) => {
      state = flood(res, Buffer.alloc(64 * 1024, 0x20), { announce: 1024 * MiB, contentType: 'application/json' });
    });
    const started = performance.now();
    const error = await failure(clientFor(server, { maxResponseBytes: 4 * MiB }).getProjects());
    expect(error).toMatchObject({ code: 'RESPONSE_TOO_LARGE', operation: 'GetProjects', retryable: false });
    expect(error.message).toContain('more than 4 MB');
    await state?.hungUp;
    // Only what the socket buffers took before the client hung up; never the whole announced gigabyte.
    expect(state?.written).toBeLessThan(64 * MiB);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(server.seen).toHaveLength(1);
  });

  it('still reads a large answer under the cap, and still retries one cut short', async () => {
    const body = JSON.stringify(Array.from({ length: 256 }, (_, n) => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, note: 'x'.repeat(8_000) })));
    const server = await serve((request, res) => {
      if (request.n === 1) {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
        res.write(body.slice(0, 1000));
        setTimeout(() => res.socket?.destroy(), 10);
        return;
      }
      sendJson(res, 200, JSON.parse(body));
    });
    const images = await clientFor(server, { maxResponseBytes: 3 * MiB }).getImagesByIds(P, [P]);
    expect(images).toHaveLength(256);
    expect(server.seen).toHaveLength(2);
  });

  it('reads only the start of an error answer, whatever its size: the status decides', async () => {
    const server = await serve((request, res) => {
      if (request.n === 1) {
        flood(res, Buffer.alloc(64 * 1024, 0x41), { status: 503, contentType: 'text/html' });
        return;
      }
      sendJson(res, 200, []);
    });
    expect(await clientFor(server, { maxResponseBytes: 1 * MiB }).getProjects()).toEqual([]);
    expect(server.seen).toHaveLength(2);
  });
});

describe('files are read up to maxBytes', () => {
  it('refuses a file whose Content-Length is over the cap before reading it', async () => {
    let state: Flood | undefined;
    const storage = await serve((_request, res) => {
      state = flood(res, Buffer.alloc(64 * 1024, 1), { announce: 400 * MiB });
    });
    let bytesSeen = 0;
    const error = await failure(
      downloadBlob(storage.origin + sasPath, { operation: 'DownloadImage', ...FILE_CAPS.image, onBytes: (chunk) => (bytesSeen += chunk) }),
    );
    expect(error).toMatchObject({ name: 'CustomVisionError', code: 'FILE_TOO_LARGE', operation: 'DownloadImage', retryable: false });
    expect(error.message).toBe(
      'DownloadImage failed: the file is larger than 64 MB (the service accepts training images up to 6 MB); the download was stopped and nothing was saved.',
    );
    expect(error.message).not.toContain('sig=');
    expect(bytesSeen).toBe(0);
    await state?.hungUp;
    expect(state?.written).toBeLessThan(64 * MiB);
  });

  it('stops a file that grows past the cap while streaming (no Content-Length)', async () => {
    let state: Flood | undefined;
    const storage = await serve((_request, res) => {
      state = flood(res, Buffer.alloc(64 * 1024, 2));
    });
    let bytesSeen = 0;
    const download = await downloadBlob(storage.origin + sasPath, { operation: 'DownloadModel', maxBytes: 5 * MiB, onBytes: (_chunk, total) => (bytesSeen = total) });
    const error = await failure(pipeline(download.stream, new Writable({ write: (_c, _e, cb) => cb() })));
    expect(error).toMatchObject({ code: 'FILE_TOO_LARGE', operation: 'DownloadModel', retryable: false });
    expect(error.message).toMatch(/^DownloadModel failed: the file is larger than 5 MB; the download was stopped and nothing was saved\.$/);
    // Nothing past the cap was handed on.
    expect(bytesSeen).toBeLessThanOrEqual(5 * MiB);
    await state?.hungUp;
    expect(state?.written).toBeLessThan(64 * MiB);
  });

  it('counts a resumed range from where the file starts', async () => {
    const storage = await serve((_request, res) => {
      res.writeHead(206, { 'Content-Length': 600_000, 'Content-Range': 'bytes 500000-1099999/1100000' });
      res.end(Buffer.alloc(600_000));
    });
    await expect(downloadBlob(storage.origin + sasPath, { range: { start: 500_000 }, maxBytes: 1_000_000 })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
    const fits = await downloadBlob(storage.origin + sasPath, { range: { start: 500_000 }, maxBytes: 1_100_000 });
    await pipeline(fits.stream, new Writable({ write: (_c, _e, cb) => cb() }));
  });

  it('applies the cap to GetArtifact bodies too, without retrying', async () => {
    let state: Flood | undefined;
    const api = await serve((_request, res) => {
      state = flood(res, Buffer.alloc(64 * 1024, 3));
    });
    const download = await clientFor(api).download(P, 'm-0123456789abcdef0123456789abcdef/fedcba9876543210fedcba9876543210.ONNX.zip', {
      operation: 'DownloadModel',
      maxBytes: 2 * MiB,
      maxBytesReason: 'exported models are far smaller',
    });
    const error = await failure(pipeline(download.stream, new Writable({ write: (_c, _e, cb) => cb() })));
    expect(error).toMatchObject({ code: 'FILE_TOO_LARGE', retryable: false });
    expect(error.message).toContain('larger than 2 MB (exported models are far smaller)');
    await state?.hungUp;
    expect(api.seen).toHaveLength(1);
  });
});
