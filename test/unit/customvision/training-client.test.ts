/**
 * The client's requests as the service sees them (paths, query strings, headers), its
 * argument checks, and that the training key stays out of everything but the header.
 * fetch is a recorded fake here; test/integration/customvision/*.test.ts use real sockets.
 */
import { describe, expect, it } from 'vitest';
import { inspect } from 'node:util';
import { createTrainingClient } from '../../../src-main/customvision/training-client';
import { CustomVisionError } from '../../../src-main/customvision/errors';
import type { RequestLogEntry } from '../../../src-main/customvision/http-client';
import type { AppError } from '../../../src-main/errors/app-error';
import { FakeClock } from '../../support/customvision/fake-clock';
import { empty, fakeFetch, json } from '../../support/customvision/fake-fetch';
import { TEST_KEY, testClient } from '../../support/customvision/test-client';

const KEY = TEST_KEY;
const P = 'bc3f7dad-5544-468c-8573-3ef04d55463e';
const I = 'fe1e83c4-6f50-4899-9544-6bb08cf0e15a';
const T = '9e27bc1b-7ae7-4e3b-a4e5-36153479dc01';
const ids = (n: number) => Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

const client = testClient;

describe('requests', () => {
  it('sends the key in Training-Key, asks for JSON, and uses the v3.3 training root', async () => {
    const { fetch, sent } = fakeFetch([json([])]);
    await client(fetch).getProjects();
    expect(sent[0]?.url.href).toBe('https://myres.cognitiveservices.azure.com/customvision/v3.3/training/projects');
    expect(sent[0]?.headers.get('training-key')).toBe(KEY);
    expect(sent[0]?.headers.get('accept')).toBe('application/json');
  });

  it('uses the v3.4-preview root when asked', async () => {
    const { fetch, sent } = fakeFetch([json([])]);
    await client(fetch, { apiVersion: 'v3.4-preview' }).getDomains();
    expect(sent[0]?.url.pathname).toBe('/customvision/v3.4-preview/training/domains');
  });

  it('builds each operation’s path and query as the spec names them', async () => {
    const { fetch, sent } = fakeFetch(() => json(0));
    const c = client(fetch);
    await c.getImageCount(P, { taggingStatus: 'Untagged', iterationId: I, filter: "metadata=a eq 'b'" });
    await c.getTaggedImageCount(P, { tagIds: [T, T] });
    await c.getUntaggedImageCount(P, { iterationId: I });
    await c.getImagePerformanceCount(P, I);
    const urls = sent.map((s) => s.url.pathname + s.url.search);
    expect(urls).toEqual([
      `/customvision/v3.3/training/projects/${P}/images/count?iterationId=${I}&taggingStatus=Untagged&%24filter=metadata%3Da+eq+%27b%27`,
      `/customvision/v3.3/training/projects/${P}/images/tagged/count?tagIds=${T}%2C${T}`,
      `/customvision/v3.3/training/projects/${P}/images/untagged/count?iterationId=${I}`,
      `/customvision/v3.3/training/projects/${P}/iterations/${I}/performance/images/count`,
    ]);
  });

  it('returns records exactly as sent (raw date strings, unknown enum values, nulls)', async () => {
    const image = { id: ids(1)[0], created: '2020-06-06T16:44:43.3417089', width: 10, tags: [{ tagId: T, tagName: 'a', created: '2020-06-06T16:44:43.212834' }] };
    const tag = { id: T, name: 'x', description: null, type: 'SomethingNew', imageCount: 3 };
    const { fetch } = fakeFetch([json([image]), json(tag), json({ precision: 1, perTagPerformance: [] })]);
    const c = client(fetch);
    expect(await c.getImagesByIds(P, ids(1))).toEqual([image]);
    expect(await c.getTag(P, T)).toEqual(tag);
    expect(await c.getIterationPerformance(P, I, { threshold: 0.9, overlapThreshold: 0.3 })).toEqual({ precision: 1, perTagPerformance: [] });
  });

  it('returns status and request id of deletes, 202 and 204 alike', async () => {
    const { fetch, sent } = fakeFetch([empty(202, { 'apim-request-id': 'r1' }), empty(204, { 'apim-request-id': 'r2' }), empty(204), empty(204)]);
    const c = client(fetch);
    expect(await c.deleteImages(P, { allImages: true, allIterations: true })).toEqual({ status: 202, requestId: 'r1' });
    expect(await c.deleteImages(P, { imageIds: ids(2), allIterations: true })).toEqual({ status: 204, requestId: 'r2' });
    expect(await c.deletePredictions(P, ids(64))).toEqual({ status: 204 });
    expect(await c.unpublishIteration(P, I)).toEqual({ status: 204 });
    expect(sent.map((s) => `${s.method} ${s.url.pathname}${s.url.search}`)).toEqual([
      `DELETE /customvision/v3.3/training/projects/${P}/images?allImages=true&allIterations=true`,
      `DELETE /customvision/v3.3/training/projects/${P}/images?imageIds=${ids(2).join('%2C')}&allIterations=true`,
      `DELETE /customvision/v3.3/training/projects/${P}/predictions?ids=${ids(64).join('%2C')}`,
      `DELETE /customvision/v3.3/training/projects/${P}/iterations/${I}/publish`,
    ]);
  });

  it('walks stored predictions by continuation token until it is empty', async () => {
    const pred = (n: number) => ({ id: ids(10)[n], created: '2020-02-11T16:41:01.171Z', predictions: [] });
    const { fetch, sent } = fakeFetch([
      json({ token: { session: '2:1', continuation: 'c1', maxCount: 2, orderBy: 'Newest' }, results: [pred(0), pred(1)] }),
      json({ token: { session: '2:1', continuation: 'c2', maxCount: 2, orderBy: 'Newest' }, results: [pred(1), pred(2)] }),
      json({ token: { session: '2:1', continuation: null, maxCount: 2, orderBy: 'Newest' }, results: [pred(3)] }),
    ]);
    const list = client(fetch).iteratePredictions(P, { maxCount: 2, orderBy: 'Newest' });
    const got = [];
    for await (const p of list) got.push(p.id);
    expect(got).toEqual([ids(10)[0], ids(10)[1], ids(10)[2], ids(10)[3]]);
    expect(list.stats).toEqual({ pages: 3, items: 4, duplicatesDropped: 1 });
    expect(sent.map((s) => JSON.parse(s.body ?? '{}') as unknown)).toEqual([
      { maxCount: 2, orderBy: 'Newest' },
      { session: '2:1', continuation: 'c1', maxCount: 2, orderBy: 'Newest' },
      { session: '2:1', continuation: 'c2', maxCount: 2, orderBy: 'Newest' },
    ]);
    expect(sent[0]?.method).toBe('POST');
    expect(sent[0]?.headers.get('content-type')).toBe('application/json');
  });

  it('stops rather than loops when the service repeats a page', async () => {
    const page = Array.from({ length: 3 }, (_, n) => ({ id: ids(3)[n] }));
    const { fetch, sent } = fakeFetch(() => json(page));
    const walk = async () => {
      for await (const _ of client(fetch).iterateUntaggedImages(P, { pageSize: 3 })) void _;
    };
    await expect(walk()).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
    expect(sent).toHaveLength(2);
  });

  it('reports every attempt to requestLog, without the key', async () => {
    const log: RequestLogEntry[] = [];
    const { fetch } = fakeFetch([json({ code: 'ErrorUnknown', message: 'x' }, 503), json([], 200, { 'apim-request-id': 'req-9' })]);
    await client(fetch, { requestLog: (entry) => log.push(entry) }).getTags(P, { iterationId: I });
    expect(log.map(({ operation, attempt, status, outcome, requestId, errorCode }) => ({ operation, attempt, status, outcome, requestId, errorCode }))).toEqual([
      { operation: 'GetTags', attempt: 1, status: 503, outcome: 'retry', requestId: undefined, errorCode: 'SERVICE_ERROR' },
      { operation: 'GetTags', attempt: 2, status: 200, outcome: 'success', requestId: 'req-9', errorCode: undefined },
    ]);
    expect(log[0]?.path).toBe(`/projects/${P}/tags?iterationId=${I}`);
    expect(log.every((entry) => entry.waitedMs >= 0 && entry.durationMs >= 0 && entry.method === 'GET')).toBe(true);
    expect(JSON.stringify(log)).not.toContain(KEY);
  });

  it('lets many calls share one job signal without a listener-leak warning', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const { fetch } = fakeFetch(() => json(1));
      const c = client(fetch);
      const job = new AbortController();
      await Promise.all(Array.from({ length: 30 }, () => c.getImageCount(P, { signal: job.signal })));
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});

describe('argument checks (nothing is sent)', () => {
  const { fetch, sent } = fakeFetch(() => json([]));
  const c = client(fetch);
  it.each<[string, () => unknown]>([
    ['a project id that could climb the path', () => c.getProject('../..')],
    ['a malformed id among many asked for', () => c.getImagesByIds(P, [...ids(300), 'nope'])],
    ['more than 64 prediction ids', () => c.deletePredictions(P, ids(65))],
    ['no prediction ids', () => c.deletePredictions(P, [])],
    ['deleteImages with neither ids nor allImages', () => c.deleteImages(P, { allIterations: true })],
    ['deleteImages with both', () => c.deleteImages(P, { imageIds: ids(1), allImages: true })],
    ['more than 256 ids to delete', () => c.deleteImages(P, { imageIds: ids(257) })],
    ['more ids to delete than fit one request line', () => c.deleteImages(P, { imageIds: ids(207), allIterations: true })],
    ['a page larger than 256', () => c.iterateImages(P, { pageSize: 257 })],
    ['more than 20 tag filters', () => c.iterateTaggedImages(P, { tagIds: ids(21) })],
  ])('%s', async (_name, run) => {
    await expect((async () => run())()).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(sent).toHaveLength(0);
  });

  it('answers an empty id list locally', async () => {
    expect(await c.getImagesByIds(P, [])).toEqual([]);
    expect(sent).toHaveLength(0);
  });

  it('refuses a blank key or one with line breaks, without quoting it', () => {
    expect(() => createTrainingClient({ endpoint: 'http://127.0.0.1:1', key: '  ' })).toThrow(expect.objectContaining({ code: 'BAD_KEY' }) as Error);
    try {
      createTrainingClient({ endpoint: 'http://127.0.0.1:1', key: `${KEY}\nX-Evil: 1` });
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).code).toBe('BAD_KEY');
      expect((error as AppError).message).not.toContain(KEY);
    }
  });

  it('refuses a bad endpoint with BAD_ENDPOINT', () => {
    expect(() => createTrainingClient({ endpoint: 'https://www.customvision.ai/', key: KEY })).toThrow(expect.objectContaining({ code: 'BAD_ENDPOINT' }) as Error);
  });
});

describe('the key stays secret', () => {
  it('is not in the client object, its JSON, toString or console output', () => {
    const c = client(fakeFetch([]).fetch);
    expect(JSON.stringify(c)).not.toContain(KEY);
    expect(String(c)).toBe('TrainingClient(https://myres.cognitiveservices.azure.com, v3.3)');
    expect(inspect(c, { depth: 10, showHidden: true })).not.toContain(KEY);
  });

  it('is redacted when a server or the runtime echoes it back', async () => {
    const { fetch } = fakeFetch([
      json({ error: { code: '401', message: `Access denied for key ${KEY}.` } }, 401),
      new TypeError(`Headers.append: "${KEY}" is an invalid header value.`),
    ]);
    const c = client(fetch, { maxAttempts: 1 });
    for (const run of [() => c.getProjects(), () => c.getDomains()]) {
      const error = (await run().catch((e: unknown) => e)) as CustomVisionError;
      expect(error).toBeInstanceOf(CustomVisionError);
      const everything = [error.message, error.stack, JSON.stringify(error), inspect(error, { depth: 10 }), String(error.serviceMessage)].join('\n');
      expect(everything).not.toContain(KEY);
    }
  });
});

describe('failures', () => {
  it('classifies DNS and TLS failures from fetch and does not retry them', async () => {
    const dns = new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND myres.cognitiveservices.azure.com'), { code: 'ENOTFOUND', hostname: 'myres.cognitiveservices.azure.com' }) });
    const tls = new TypeError('fetch failed', { cause: Object.assign(new Error('unable to verify the first certificate'), { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }) });
    const { fetch, sent } = fakeFetch([dns, tls]);
    const c = client(fetch);
    await expect(c.getProjects()).rejects.toMatchObject({ code: 'DNS_FAILURE', kind: 'network', attempts: 1 });
    await expect(c.getProjects()).rejects.toMatchObject({ code: 'TLS_ERROR', kind: 'network', attempts: 1 });
    expect(sent).toHaveLength(2);
  });

  it('retries a reset connection and succeeds', async () => {
    const reset = new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });
    const { fetch, sent } = fakeFetch([reset, reset, json([{ id: P }])]);
    expect(await client(fetch).getProjects()).toEqual([{ id: P }]);
    expect(sent).toHaveLength(3);
  });

  it('gives up after maxAttempts with the attempt count on the error', async () => {
    const { fetch, sent } = fakeFetch(() => json({ code: 'ErrorUnknown', message: 'boom' }, 500));
    await expect(client(fetch, { maxAttempts: 3 }).getProjects()).rejects.toMatchObject({ code: 'SERVICE_ERROR', attempts: 3, retryable: true });
    expect(sent).toHaveLength(3);
  });

  it('rejects an answer of the wrong shape as INVALID_RESPONSE', async () => {
    const { fetch } = fakeFetch([json({ not: 'a list' }), json('seven'), new Response('<html>proxy login</html>', { status: 200 })]);
    const c = client(fetch);
    await expect(c.getProjects()).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
    await expect(c.getImageCount(P)).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
    await expect(c.getProjects()).rejects.toMatchObject({ code: 'INVALID_RESPONSE', retryable: false });
  });

  it('fails at once when a 429 asks for a wait longer than a burst (a quota), saying how long', async () => {
    const { fetch, sent } = fakeFetch([json({ error: { code: '429', message: 'Out of call volume quota.' } }, 429, { 'retry-after': '86400' })]);
    await expect(client(fetch).getProjects()).rejects.toMatchObject({ code: 'THROTTLED', retryAfterMs: 86_400_000 });
    expect(sent).toHaveLength(1);
  });

  it('waits as long as the 429 text says when there is no Retry-After header', async () => {
    const clock = new FakeClock(1_000_000);
    const sentAt: number[] = [];
    const { fetch } = fakeFetch((s) => {
      sentAt.push(clock.now());
      void s;
      return sentAt.length === 1
        ? json({ error: { code: '429', message: 'Requests … have exceeded rate limit of your current tier. Please retry after 3 seconds.' } }, 429)
        : json([]);
    });
    const c = client(fetch, { clock });
    const result = c.getProjects();
    await clock.advance(2_999);
    expect(sentAt).toEqual([1_000_000]);
    await clock.advance(100);
    await expect(result).resolves.toEqual([]);
    expect(sentAt).toEqual([1_000_000, 1_003_000]);
  });
});
