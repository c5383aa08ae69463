/**
 * The Training API client against real sockets: small node:http servers on 127.0.0.1
 * whose answers each test scripts (not the emulator). What a user would notice: a scan
 * that survives throttling, flaky servers and cut connections without ever going over
 * the rate limit; a wrong key reported at once; a cancel that stops immediately.
 */
import { describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { createTrainingClient, type TrainingClientOptions } from '../../../src-main/customvision/training-client';
import { RateLimiterRegistry } from '../../../src-main/customvision/rate-limiter';
import type { CustomVisionError } from '../../../src-main/customvision/errors';
import type { RequestLogEntry } from '../../../src-main/customvision/http-client';
import { maxInWindow, sendJson, type LocalServer } from '../../support/customvision/local-server';
import { TEST_KEY, failure, localServers } from '../../support/customvision/local-servers';

const KEY = TEST_KEY;
const P = 'bc3f7dad-5544-468c-8573-3ef04d55463e';

const serve = localServers();

function clientFor(server: LocalServer, extra: Partial<TrainingClientOptions> = {}) {
  return createTrainingClient({
    endpoint: server.origin,
    key: KEY,
    rateLimiters: new RateLimiterRegistry(),
    rateLimit: 50,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...extra,
  });
}

const imageId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('throttling', () => {
  it('rides out a 429 storm, pausing everyone for Retry-After and never exceeding the rate', async () => {
    const throttledCalls = 4;
    const server = await serve((request, res) => {
      // Answers take a while, so several calls are in flight when the storm starts.
      setTimeout(() => {
        if (request.n <= throttledCalls) {
          sendJson(res, 429, { error: { code: '429', message: 'Rate limit is exceeded. Please retry after 1 second.' } }, { 'Retry-After': '1' });
          return;
        }
        const projectNo = Number(request.url.pathname.split('/').at(-3)?.slice(-2));
        sendJson(res, 200, projectNo);
      }, 150);
    });
    const log: RequestLogEntry[] = [];
    // Recovery after the storm is quicker than the default (rate/50 per success) to keep the test short.
    const client = clientFor(server, { rateLimit: { ratePerSecond: 10, increasePerSuccess: 2 }, requestLog: (entry) => log.push(entry) });
    const projects = Array.from({ length: 10 }, (_, i) => `bc3f7dad-5544-468c-8573-3ef04d5546${String(i).padStart(2, '0')}`);
    const counts = await Promise.all(projects.map((id) => client.getImageCount(id)));

    expect(counts).toEqual(projects.map((_, i) => i));
    expect(server.seen).toHaveLength(10 + throttledCalls);
    // What the server saw: never more than 10 calls in any one-second window.
    expect(maxInWindow(server.seen.map((s) => s.at), 1000)).toBeLessThanOrEqual(10);
    // What the client did: once it had read a 429, no caller sent anything until Retry-After
    // had passed. (Calls already on their way when the 429 came back are not new calls.)
    const throttled = log.filter((entry) => entry.status === 429);
    expect(throttled).toHaveLength(throttledCalls);
    for (const entry of throttled) {
      const learnedAt = entry.startedAt + entry.durationMs;
      const sentDuringPause = log.filter((other) => other.startedAt > learnedAt && other.startedAt < learnedAt + 990);
      expect(sentDuringPause.map((other) => other.startedAt - learnedAt)).toEqual([]);
    }
  }, 20_000);
});

describe('server failures', () => {
  it('retries a burst of 5xx answers and returns the result', async () => {
    const server = await serve((request, res) => {
      if (request.n <= 3) sendJson(res, request.n === 2 ? 500 : 503, { code: 'ErrorUnknown', message: 'try later' });
      else sendJson(res, 200, [{ id: P, name: 'Birds' }]);
    });
    expect(await clientFor(server).getProjects()).toEqual([{ id: P, name: 'Birds' }]);
    expect(server.seen).toHaveLength(4);
  });

  it('gives up after maxAttempts when the server keeps failing', async () => {
    const server = await serve((_request, res) => sendJson(res, 502, { code: 'ErrorUnknown', message: 'bad gateway' }, { 'apim-request-id': 'req-502' }));
    const error = await failure(clientFor(server, { maxAttempts: 3 }).getProjects());
    expect(error).toMatchObject({ code: 'SERVICE_ERROR', status: 502, attempts: 3, requestId: 'req-502' });
    expect(server.seen).toHaveLength(3);
  });

  it('retries connections reset in the middle of the body', async () => {
    const body = JSON.stringify(Array.from({ length: 50 }, (_, n) => ({ id: imageId(n), created: '2020-06-06T16:44:43.3417089' })));
    const server = await serve((request, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
      if (request.n <= 2) {
        res.write(body.slice(0, 500));
        setTimeout(() => res.socket?.destroy(), 10);
        return;
      }
      res.end(body);
    });
    const images = await clientFor(server).getImagesByIds(P, [imageId(0)]);
    expect(images).toHaveLength(50);
    expect(server.seen).toHaveLength(3);
  });

  it('retries a truncated JSON body and reports one that is simply not JSON', async () => {
    const full = JSON.stringify([{ id: P, name: 'Birds' }]);
    const truncated = await serve((request, res) => {
      const text = request.n === 1 ? full.slice(0, 20) : full;
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
      res.end(text);
    });
    expect(await clientFor(truncated).getProjects()).toEqual([{ id: P, name: 'Birds' }]);
    expect(truncated.seen).toHaveLength(2);

    const html = await serve((_request, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html><body>Sign in to the proxy</body></html>');
    });
    const error = await failure(clientFor(html).getProjects());
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', kind: 'invalid-response' });
    expect(html.seen).toHaveLength(1);
  });

  it('times out a server that never answers, retrying up to maxAttempts', async () => {
    const server = await serve(() => undefined);
    const started = performance.now();
    const error = await failure(clientFor(server, { timeoutMs: 150, maxAttempts: 2 }).getProjects());
    expect(error).toMatchObject({ code: 'TIMEOUT', kind: 'timeout', attempts: 2 });
    expect(server.seen).toHaveLength(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });
});

describe('what is never retried', () => {
  it('reports a wrong key (401) as WRONG_KEY after exactly one request, without the key', async () => {
    const server = await serve((_request, res) =>
      sendJson(res, 401, {
        error: {
          code: '401',
          message: 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
        },
      }),
    );
    const error = await failure(clientFor(server).getProjects());
    expect(error).toMatchObject({ code: 'WRONG_KEY', status: 401, serviceCode: '401', attempts: 1 });
    expect(server.seen).toHaveLength(1);
    expect(server.seen[0]?.headers['training-key']).toBe(KEY);
    expect([error.message, error.stack, JSON.stringify(error)].join()).not.toContain(KEY);
  });

  it('reports an unknown project (404, flat body) as NOT_FOUND with the service code and request id', async () => {
    const server = await serve((_request, res) => sendJson(res, 404, { code: 'NotFoundProject', message: 'Project not found' }, { 'apim-request-id': 'abc-123' }));
    const error = await failure(clientFor(server).getProject(P));
    expect(error).toMatchObject({ code: 'NOT_FOUND', serviceCode: 'NotFoundProject', requestId: 'abc-123', operation: 'GetProject' });
    expect(server.seen).toHaveLength(1);
  });

  it('does not follow a redirect (it would carry the key to another host)', async () => {
    const elsewhere = await serve((_request, res) => sendJson(res, 200, []));
    const server = await serve((_request, res) => {
      res.writeHead(302, { Location: `${elsewhere.origin}/customvision/v3.3/training/projects` });
      res.end();
    });
    const error = await failure(clientFor(server).getProjects());
    expect(error).toMatchObject({ code: 'INVALID_RESPONSE', status: 302 });
    expect(elsewhere.seen).toHaveLength(0);
  });

  it('reports a closed port as UNREACHABLE', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const client = createTrainingClient({ endpoint: `http://127.0.0.1:${port}`, key: KEY, rateLimiters: new RateLimiterRegistry() });
    const error = await failure(client.getProjects());
    expect(error).toMatchObject({ code: 'UNREACHABLE', kind: 'network', attempts: 1 });
  });
});

describe('cancellation', () => {
  it('stops a request in flight at once with CANCELLED and does not retry', async () => {
    const server = await serve(() => undefined);
    const controller = new AbortController();
    const call = failure(clientFor(server).getProjects({ signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const abortedAt = performance.now();
    controller.abort();
    const error = await call;
    expect(error).toMatchObject({ code: 'CANCELLED', kind: 'aborted' });
    // At once: not after the 30 s timeout, not after a retry.
    expect(performance.now() - abortedAt).toBeLessThan(1000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.seen).toHaveLength(1);
  });

  it('cancels calls still waiting for their turn in the rate limiter', async () => {
    const server = await serve((_request, res) => sendJson(res, 200, 1));
    const client = clientFor(server, { rateLimit: 1 });
    const controller = new AbortController();
    const calls = [0, 1, 2].map(() => client.getImageCount(P, { signal: controller.signal }).then((n) => n, (e: unknown) => e as CustomVisionError));
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort();
    const results = await Promise.all(calls);
    expect(results[0]).toBe(1);
    expect(results.slice(1).map((r) => (r as CustomVisionError).code)).toEqual(['CANCELLED', 'CANCELLED']);
    expect(server.seen).toHaveLength(1);
  });
});

describe('paging', () => {
  it('walks 600 images in pages of 256, oldest first, dropping an image repeated across pages', async () => {
    const all = Array.from({ length: 600 }, (_, n) => ({ id: imageId(n), created: '2020-06-06T16:44:43.3417089' }));
    const server = await serve((request, res) => {
      const skip = Number(request.url.searchParams.get('skip'));
      const take = Number(request.url.searchParams.get('take'));
      // An upload between the first and second page shifts later pages by one.
      const shift = skip > 0 ? 1 : 0;
      sendJson(res, 200, all.slice(skip - shift, skip - shift + take));
    });
    const client = clientFor(server);
    const list = client.iterateTaggedImages(P);
    const seen: string[] = [];
    for await (const image of list) seen.push(image.id ?? '');

    expect(server.seen.map((s) => s.url.search)).toEqual([
      '?orderBy=Oldest&take=256&skip=0',
      '?orderBy=Oldest&take=256&skip=256',
      '?orderBy=Oldest&take=256&skip=512',
    ]);
    expect(server.seen.every((s) => s.url.pathname === `/customvision/v3.3/training/projects/${P}/images/tagged`)).toBe(true);
    expect(seen).toEqual(all.map((image) => image.id));
    expect(list.stats).toEqual({ pages: 3, items: 600, duplicatesDropped: 1 });

    // The same list page by page; each walk starts afresh.
    const sizes: number[] = [];
    for await (const page of list.pages()) sizes.push(page.length);
    expect(sizes).toEqual([256, 255, 89]);
    expect(list.stats.duplicatesDropped).toBe(1);
  });
});
