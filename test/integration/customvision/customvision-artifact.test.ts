/**
 * Files of a resource behind a virtual network: the API gives relative paths, fetched
 * with GetArtifact — an API call (key, limiter, retries, error mapping) whose body is
 * streamed like a blob's. `client.download` takes either kind of link and picks the way;
 * storage never sees the key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BlobDownload } from '../../../src-main/customvision/body-stream';
import type { RequestLogEntry } from '../../../src-main/customvision/http-client';
import type { Image } from '../../../src-main/customvision/wire-types';
import type { RunningEmulator } from '../../../src-main/emulator';
import { fastClient } from '../../support/test-job';
import { maxInWindow, sendJson } from '../../support/customvision/local-server';
import { TEST_KEY, clientFor, failure, localServers } from '../../support/customvision/local-servers';
import { must, startTestEmulator } from '../../support/emulator/emulator-support';

const KEY = TEST_KEY;
const P = 'bc3f7dad-5544-468c-8573-3ef04d55463e';
const ARTIFACT = 'i-40b66b39b86b4583be8c0fe223aa9ec5/i-5c882c62ca2b4458b39a2041b111dd73';
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 'demo' });
});
afterAll(async () => {
  await emulator.close();
});
const serve = localServers();

async function bytesOf(download: BlobDownload): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(download.stream, new Writable({ write: (chunk: Buffer, _e, cb) => (chunks.push(chunk), cb()) }));
  return Buffer.concat(chunks);
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** What a VNET resource would have given instead of the blob URL: `{container}/{blob}`. */
function relativeOf(blobUrl: string): string {
  const url = new URL(blobUrl);
  return url.pathname.replace(/^\/__blob\//, '');
}

async function firstImage(client: ReturnType<typeof fastClient>): Promise<{ projectId: string; image: Image }> {
  const [project] = await client.getProjects();
  const projectId = must(project?.id, 'project id');
  for await (const page of client.iterateTaggedImages(projectId, { pageSize: 1 }).pages()) return { projectId, image: must(page[0], 'image') };
  throw new Error('no image');
}

describe('GetArtifact against the emulator', () => {
  it('fetches an image by its relative path: the same bytes as its storage link, with the key, logged as an API call', async () => {
    const log: RequestLogEntry[] = [];
    const client = fastClient(emulator, { requestLog: (entry) => log.push(entry) });
    const { projectId, image } = await firstImage(client);
    const original = must(image.originalImageUri, 'originalImageUri');
    const path = relativeOf(original);
    expect(path).toMatch(/^i-[0-9a-f]{32}\/i-[0-9a-f]{32}$/);

    emulator.resetStats();
    const viaStorage = await bytesOf(await client.download(projectId, original));
    const viaArtifact = await client.download(projectId, path, { operation: 'DownloadImage' });
    expect(viaArtifact).toMatchObject({ status: 200, contentType: 'application/octet-stream', contentLength: viaStorage.length });
    expect(sha(await bytesOf(viaArtifact))).toBe(sha(viaStorage));
    const direct = await bytesOf(await client.downloadArtifact(projectId, path));
    expect(sha(direct)).toBe(sha(viaStorage));

    expect(emulator.stats().requests.GetArtifact).toBe(2);
    const calls = log.filter((entry) => entry.path.includes('/artifacts'));
    expect(calls.map((entry) => [entry.operation, entry.outcome, entry.status])).toEqual([
      ['DownloadImage', 'success', 200],
      ['GetArtifact', 'success', 200],
    ]);
    expect(calls[0]?.path).toBe(`/projects/${projectId}/artifacts?path=${encodeURIComponent(path)}`);
    expect(JSON.stringify(log)).not.toContain(emulator.key);
  });

  it('maps the service’s refusal of a path that is not the project’s (400 BadRequestInvalidArtifactUri)', async () => {
    const client = fastClient(emulator);
    const { projectId } = await firstImage(client);
    const error = await failure(client.download(projectId, 'i-00000000000000000000000000000000/i-00000000000000000000000000000000'));
    expect(error).toMatchObject({ code: 'BAD_REQUEST', status: 400, serviceCode: 'BadRequestInvalidArtifactUri', attempts: 1 });
  });

  it('fetches a model export through its relative downloadUri', async () => {
    const client = fastClient(emulator);
    for (const project of await client.getProjects()) {
      const projectId = must(project.id, 'project id');
      for (const iteration of await client.getIterations(projectId)) {
        const done = (await client.getExports(projectId, must(iteration.id, 'iteration id'))).find((e) => e.status === 'Done' && e.downloadUri);
        if (!done?.downloadUri) continue;
        const zip = await bytesOf(await client.download(projectId, relativeOf(done.downloadUri), { operation: 'DownloadModel', maxBytes: 2048 * 1024 * 1024 }));
        expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
        return;
      }
    }
    expect.unreachable('the demo has an exported model');
  });
});

describe('GetArtifact is an API call', () => {
  it('sends the key in the header only, asks for any type, and encodes the path into the query', async () => {
    const api = await serve((_request, res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': 5, 'apim-request-id': 'art-1' });
      res.end('hello');
    });
    const download = await clientFor(api).downloadArtifact(P, 'predictionimages/a b&c=d/o-1');
    expect(download).toMatchObject({ status: 200, requestId: 'art-1', contentLength: 5 });
    expect((await bytesOf(download)).toString()).toBe('hello');
    const seen = must(api.seen[0], 'request');
    expect(seen.url.pathname).toBe(`/customvision/v3.3/training/projects/${P}/artifacts`);
    expect(seen.url.searchParams.get('path')).toBe('predictionimages/a b&c=d/o-1');
    expect(seen.url.href).not.toContain(KEY);
    expect(seen.headers['training-key']).toBe(KEY);
    expect(seen.headers.accept).toBe('*/*');
  });

  it('rides out 429 (Retry-After) and 5xx before the body starts', async () => {
    const api = await serve((request, res) => {
      if (request.n === 1) return sendJson(res, 429, { error: { code: '429', message: 'Rate limit is exceeded.' } }, { 'Retry-After': '1' });
      if (request.n === 2) return sendJson(res, 503, { error: { code: '503', message: 'busy' } });
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': 3 });
      res.end('abc');
    });
    const log: RequestLogEntry[] = [];
    const download = await clientFor(api, { requestLog: (entry) => log.push(entry) }).download(P, ARTIFACT);
    expect((await bytesOf(download)).toString()).toBe('abc');
    expect(log.map((entry) => [entry.status, entry.outcome])).toEqual([
      [429, 'retry'],
      [503, 'retry'],
      [200, 'success'],
    ]);
    // The limiter held the retry back until Retry-After had passed.
    expect((api.seen[1]?.at ?? 0) - (api.seen[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
  }, 10_000);

  it('maps 401 to WRONG_KEY and a firewall 403 to NETWORK_RULES, each after one request and without the key', async () => {
    const api = await serve((request, res) => {
      if (request.n === 1) return sendJson(res, 401, { error: { code: '401', message: `Access denied due to invalid subscription key ${KEY}.` } });
      sendJson(res, 403, { error: { code: '403', message: 'Access denied due to Virtual Network/Firewall rules.' } }, { 'policy-id': 'ThrowExceptionDueToTrafficDenied' });
    });
    const client = clientFor(api);
    const wrongKey = await failure(client.download(P, ARTIFACT));
    expect(wrongKey).toMatchObject({ code: 'WRONG_KEY', status: 401, attempts: 1 });
    expect([wrongKey.message, JSON.stringify(wrongKey)].join()).not.toContain(KEY);
    const rules = await failure(client.download(P, ARTIFACT));
    expect(rules).toMatchObject({ code: 'NETWORK_RULES', status: 403, retryable: false, attempts: 1 });
    expect(api.seen).toHaveLength(2);
  });

  it('shares the endpoint’s rate limit with every other call', async () => {
    const api = await serve((request, res) => {
      if (request.url.pathname.endsWith('/projects')) return sendJson(res, 200, []);
      res.writeHead(200, { 'Content-Length': 1 });
      res.end('x');
    });
    const client = clientFor(api, { rateLimit: 5 });
    await Promise.all([
      ...Array.from({ length: 6 }, async () => bytesOf(await client.download(P, ARTIFACT))),
      ...Array.from({ length: 4 }, () => client.getProjects()),
    ]);
    expect(api.seen).toHaveLength(10);
    expect(maxInWindow(api.seen.map((s) => s.at), 1000)).toBeLessThanOrEqual(5);
  }, 10_000);

  it('streams the body with an idle timeout, and catches a body shorter than Content-Length', async () => {
    const silent = await serve((_request, res) => {
      res.writeHead(200, { 'Content-Length': 10_000 });
      res.write(Buffer.alloc(100));
    });
    const stalled = await clientFor(silent, { timeoutMs: 150 }).download(P, ARTIFACT);
    expect(await failure(bytesOf(stalled))).toMatchObject({ code: 'TIMEOUT', retryable: true });

    const short = await serve((_request, res) => {
      res.writeHead(200, { 'Content-Length': 200_000 });
      res.write(Buffer.alloc(50_000));
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const cut = await clientFor(short).download(P, ARTIFACT);
    expect(await failure(bytesOf(cut))).toMatchObject({ code: 'CONNECTION_LOST', retryable: true });
  });

  it('streams a large body without holding it (backpressure reaches the server)', async () => {
    const total = 40 * 1024 * 1024;
    const progress = { written: 0 };
    const api = await serve((_request, res) => {
      res.writeHead(200, { 'Content-Length': total });
      const pump = (): void => {
        while (progress.written < total) {
          progress.written += 64 * 1024;
          if (!res.write(Buffer.alloc(64 * 1024))) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    const download = await clientFor(api).download(P, ARTIFACT);
    let consumed = 0;
    let writtenDuringPause = -1;
    await pipeline(
      download.stream,
      new Writable({
        write(chunk: Buffer, _e, callback) {
          consumed += chunk.length;
          if (writtenDuringPause < 0 && consumed >= 1024 * 1024) {
            setTimeout(() => {
              writtenDuringPause = progress.written;
              callback();
            }, 300);
            return;
          }
          callback();
        },
      }),
    );
    expect(consumed).toBe(total);
    expect(writtenDuringPause).toBeGreaterThan(0);
    expect(writtenDuringPause).toBeLessThan(total - 16 * 1024 * 1024);
  });
});

describe('client.download picks the way by the link', () => {
  it('fetches an absolute link from storage without the key, and a relative one with GetArtifact', async () => {
    const storage = await serve((_request, res) => {
      res.writeHead(200, { 'Content-Length': 4 });
      res.end('blob');
    });
    const api = await serve((_request, res) => {
      res.writeHead(200, { 'Content-Length': 3 });
      res.end('api');
    });
    const client = clientFor(api);
    const sas = `${storage.origin}/i-a/i-b?sv=2017-04-17&sr=b&sig=c2lnbmF0dXJl&sp=r`;
    expect((await bytesOf(await client.download(P, sas))).toString()).toBe('blob');
    expect((await bytesOf(await client.download(P, ARTIFACT))).toString()).toBe('api');
    expect(storage.seen[0]?.headers['training-key']).toBeUndefined();
    expect(api.seen[0]?.headers['training-key']).toBe(KEY);
    expect(api.seen).toHaveLength(1);
  });

  it.each([
    ['an empty link', ''],
    ['a link without a scheme', '//storage.example/i-a/i-b'],
    ['plain http to a remote host', 'http://irisprodeu2training.blob.core.windows.net/i-a/i-b?sig=c2VjcmV0'],
    ['another scheme', 'file:///etc/passwd'],
    ['a path with a line break', 'i-a/\ni-b'],
  ])('refuses %s without sending anything or quoting it', async (_name, uri) => {
    const api = await serve((_request, res) => sendJson(res, 200, []));
    const error = await failure(clientFor(api).download(P, uri));
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(error.message).not.toContain('c2VjcmV0');
    expect(api.seen).toHaveLength(0);
  });

  it('refuses a bad project id before anything is sent', async () => {
    const api = await serve((_request, res) => sendJson(res, 200, []));
    await expect(clientFor(api).download('../..', ARTIFACT)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(clientFor(api).downloadArtifact('../..', ARTIFACT)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(api.seen).toHaveLength(0);
  });
});
