/**
 * A download's stream may be held unread for a while (the exporter opens its temp file
 * first). Whatever happens to the connection meanwhile must reach the consumer as the
 * first read's error — a CustomVisionError — and never as an 'error' event nobody listens
 * to, which would crash the process (in the app: the export worker thread).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { downloadBlob } from '../../../src-main/customvision/blob-download';
import type { BlobDownload } from '../../../src-main/customvision/body-stream';
import type { CustomVisionError } from '../../../src-main/customvision/errors';
import { RateLimiterRegistry } from '../../../src-main/customvision/rate-limiter';
import { createTrainingClient } from '../../../src-main/customvision/training-client';
import type { RunningEmulator } from '../../../src-main/emulator';
import type { Handler } from '../../support/customvision/local-server';
import { TEST_KEY, localServers } from '../../support/customvision/local-servers';
import { must, startTestEmulator } from '../../support/emulator/emulator-support';

const KEY = TEST_KEY;
const P = 'bc3f7dad-5544-468c-8573-3ef04d55463e';
const sasPath = '/i-0123456789abcdef0123456789abcdef/i-fedcba9876543210fedcba9876543210?sv=2017-04-17&sr=b&sig=abc&sp=r';

let emulator: RunningEmulator;
const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => uncaught.push(error);

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 'demo' });
  process.on('uncaughtException', onUncaught);
});
afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  await emulator.close();
});
const serve = localServers();

/** Headers and the first bytes go out, then the connection is reset (RST). */
const resetAfterHeaders: Handler = (_request, res) => {
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': 100_000 });
  res.write(Buffer.alloc(10));
  setTimeout(() => res.socket?.resetAndDestroy(), 10);
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sink = () => new Writable({ write: (_chunk, _encoding, callback) => callback() });
const consumeError = (download: BlobDownload) =>
  pipeline(download.stream, sink()).then(
    () => expect.unreachable('the download should have failed'),
    (error: unknown) => error as CustomVisionError,
  );

describe('a download held unread', () => {
  it('keeps a reset connection for the first read: CONNECTION_LOST, and no uncaught exception', async () => {
    const storage = await serve(resetAfterHeaders);
    const before = uncaught.length;
    const download = await downloadBlob(storage.origin + sasPath, { operation: 'DownloadImage' });
    // The consumer is busy elsewhere (opening its temp file) while the connection dies.
    await pause(300);
    expect(uncaught.length - before).toBe(0);
    const error = await consumeError(download);
    expect(error).toMatchObject({ name: 'CustomVisionError', code: 'CONNECTION_LOST', operation: 'DownloadImage', retryable: true });
    await pause(50);
    expect(uncaught.length - before).toBe(0);
  });

  it('does the same with for await, and for a GetArtifact body', async () => {
    const api = await serve(resetAfterHeaders);
    const client = createTrainingClient({ endpoint: api.origin, key: KEY, rateLimiters: new RateLimiterRegistry() });
    const before = uncaught.length;
    const download = await client.downloadArtifact(P, 'i-0123456789abcdef0123456789abcdef/i-fedcba9876543210fedcba9876543210');
    await pause(300);
    const error = await (async () => {
      try {
        for await (const chunk of download.stream) void chunk;
      } catch (caught) {
        return caught as CustomVisionError;
      }
      return expect.unreachable('the download should have failed');
    })();
    expect(error).toMatchObject({ code: 'CONNECTION_LOST', operation: 'GetArtifact' });
    expect(uncaught.length - before).toBe(0);
  });

  it('reports a cancel that came before the first read as CANCELLED', async () => {
    const storage = await serve((_request, res) => {
      res.writeHead(200, { 'Content-Length': 1_000_000 });
      res.write(Buffer.alloc(1000));
    });
    const before = uncaught.length;
    const controller = new AbortController();
    const download = await downloadBlob(storage.origin + sasPath, { signal: controller.signal });
    controller.abort();
    await pause(200);
    expect(await consumeError(download)).toMatchObject({ code: 'CANCELLED' });
    expect(uncaught.length - before).toBe(0);
  });

  it('survives the emulator resetting blob downloads part-way (reset-rate 1)', async () => {
    const client = createTrainingClient({ endpoint: emulator.endpoint, key: emulator.key, rateLimiters: new RateLimiterRegistry(), rateLimit: 1000 });
    const [project] = await client.getProjects();
    const projectId = must(project?.id, 'project id');
    const [image] = await client.iterateImages(projectId, { pageSize: 1 }).pages()[Symbol.asyncIterator]().next().then((page) => page.value ?? []);
    const before = uncaught.length;
    emulator.configure({ resetRate: 1 });
    try {
      const download = await client.download(projectId, must(image?.originalImageUri, 'image link'), { operation: 'DownloadImage' });
      await pause(300);
      expect(await consumeError(download)).toMatchObject({ code: 'CONNECTION_LOST', retryable: true });
    } finally {
      emulator.configure({ resetRate: 0 });
    }
    expect(uncaught.length - before).toBe(0);
  });
});
