/**
 * Every request line fits what real front ends accept (8 KB: Kestrel's default; IIS
 * request filtering answers a longer query with a 404.15 page). Lines are measured here
 * from the URLs fetch was really given, independently of the client's own arithmetic:
 * `METHOD SP path?query SP HTTP/1.1 CRLF` (Kestrel counts the CRLF).
 */
import { describe, expect, it } from 'vitest';
import { createTrainingClient, type TrainingClientOptions } from '../../../src-main/customvision/training-client';
import { RateLimiterRegistry } from '../../../src-main/customvision/rate-limiter';
import { MAX_REQUEST_LINE_BYTES } from '../../../src-main/customvision/request-line';
import type { AppError } from '../../../src-main/errors/app-error';
import { empty, fakeFetch, json, type Sent } from '../../support/customvision/fake-fetch';

const KEY = '0123456789abcdef0123456789abcdef';
const P = 'bc3f7dad-5544-468c-8573-3ef04d55463e';
const I = 'fe1e83c4-6f50-4899-9544-6bb08cf0e15a';
const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(from + i).padStart(12, '0')}`);

const ENDPOINTS = [
  ['a resource endpoint', 'https://myres.cognitiveservices.azure.com/'],
  ['a regional endpoint', 'https://westeurope.api.cognitive.microsoft.com'],
] as const;

function client(endpoint: string, fetch: typeof globalThis.fetch, extra: Partial<TrainingClientOptions> = {}) {
  return createTrainingClient({ endpoint, key: KEY, fetch, rateLimiters: new RateLimiterRegistry(), rateLimit: 1000, ...extra });
}

/** The request line as it goes on the wire: HTTP/1.1 sends the origin-form target. */
const lineOf = (method: string, url: URL) => `${method} ${url.pathname}${url.search} HTTP/1.1\r\n`;
const bytes = (text: string) => new TextEncoder().encode(text).byteLength;

/** The same request with `count` ids in its id parameter (URLSearchParams encodes the commas, as the client does). */
function withIds(sent: Sent, param: string, count: number): URL {
  const url = new URL(sent.url.href);
  url.searchParams.set(param, ids(count).join(','));
  return url;
}

/** Answers GetImagesByIds with a record per id asked for, like the service. */
const imagesAsked = (sent: Sent) => json((sent.url.searchParams.get('imageIds') ?? '').split(',').map((id) => ({ id, created: '2020-06-06T16:44:43.3417089' })));

describe.each(ENDPOINTS)('request lines on %s', (_name, endpoint) => {
  it.each([
    ['DeleteImages', {}],
    ['DeleteImages', { allIterations: true }],
  ] as const)('%s %o: 256 ids are over 8 KB; maxIdsPerCall ids fit, one more does not', async (operation, extra) => {
    const { fetch, sent } = fakeFetch(() => empty(204));
    const c = client(endpoint, fetch);
    const n = c.maxIdsPerCall(operation, P, extra);

    await c.deleteImages(P, { imageIds: ids(n), ...extra });
    const [request] = sent;
    if (!request) throw new Error('expected one request');
    expect(request.url.searchParams.get('imageIds')?.split(',')).toHaveLength(n);
    expect(bytes(lineOf('DELETE', request.url))).toBeLessThanOrEqual(MAX_REQUEST_LINE_BYTES);
    expect(bytes(lineOf('DELETE', withIds(request, 'imageIds', n + 1)))).toBeGreaterThan(MAX_REQUEST_LINE_BYTES);
    const full = bytes(lineOf('DELETE', withIds(request, 'imageIds', 256)));
    expect(full).toBeGreaterThan(MAX_REQUEST_LINE_BYTES);

    // One more is refused before anything is sent, naming the limit and the count allowed.
    const refused = (await c.deleteImages(P, { imageIds: ids(n + 1), ...extra }).catch((e: unknown) => e)) as AppError;
    expect(refused).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(refused.message).toContain(`${MAX_REQUEST_LINE_BYTES} bytes`);
    expect(refused.message).toContain(`at most ${n} ids per call`);
    const refused256 = (await c.deleteImages(P, { imageIds: ids(256), ...extra }).catch((e: unknown) => e)) as AppError;
    // The client's own count of the line is the one measured from the wire.
    expect(refused256.message).toContain(`a request line of ${full} bytes`);
    expect(sent).toHaveLength(1);
  });

  it.each<[string, { iterationId?: string }]>([
    ['workspace', {}],
    ['an iteration', { iterationId: I }],
  ])('GetImagesByIds in %s: 256 ids are over 8 KB; maxIdsPerCall ids fit, one more does not', async (_where, extra) => {
    const { fetch, sent } = fakeFetch(imagesAsked);
    const c = client(endpoint, fetch);
    const n = c.maxIdsPerCall('GetImagesByIds', P, extra);

    expect(await c.getImagesByIds(P, ids(n), extra)).toHaveLength(n);
    const [request] = sent;
    if (!request) throw new Error('expected one request');
    expect(request.url.searchParams.get('iterationId')).toBe(extra.iterationId ?? null);
    expect(bytes(lineOf('GET', request.url))).toBeLessThanOrEqual(MAX_REQUEST_LINE_BYTES);
    expect(bytes(lineOf('GET', withIds(request, 'imageIds', n + 1)))).toBeGreaterThan(MAX_REQUEST_LINE_BYTES);
    expect(bytes(lineOf('GET', withIds(request, 'imageIds', 256)))).toBeGreaterThan(MAX_REQUEST_LINE_BYTES);
  });

  it('DeletePrediction: all 64 ids fit (the count limit is the tighter one)', async () => {
    const { fetch, sent } = fakeFetch(() => empty(204));
    const c = client(endpoint, fetch);
    expect(c.maxIdsPerCall('DeletePrediction', P)).toBe(64);
    await c.deletePredictions(P, ids(64));
    expect(bytes(lineOf('DELETE', sent[0]?.url ?? new URL(endpoint)))).toBeLessThanOrEqual(MAX_REQUEST_LINE_BYTES);
  });
});

describe('maxIdsPerCall', () => {
  it('is the same on both kinds of endpoint (the host is not in the request line) and shrinks with a longer API root', () => {
    const { fetch } = fakeFetch([]);
    const sizes = (endpoint: string, apiVersion: 'v3.3' | 'v3.4-preview') => {
      const c = client(endpoint, fetch, { apiVersion });
      return [
        c.maxIdsPerCall('DeleteImages', P),
        c.maxIdsPerCall('DeleteImages', P, { allIterations: true }),
        c.maxIdsPerCall('GetImagesByIds', P),
        c.maxIdsPerCall('GetImagesByIds', P, { iterationId: I }),
        c.maxIdsPerCall('DeletePrediction', P),
      ];
    };
    // DELETE …/images?imageIds=…: 105 + 39 n bytes with the CRLF; &allIterations=true adds 19, &iterationId=<id> 49.
    expect(sizes(ENDPOINTS[0][1], 'v3.3')).toEqual([207, 206, 207, 206, 64]);
    expect(sizes(ENDPOINTS[1][1], 'v3.3')).toEqual([207, 206, 207, 206, 64]);
    expect(sizes(ENDPOINTS[0][1], 'v3.4-preview')).toEqual([207, 206, 207, 205, 64]);
  });

  it('ignores what the operation does not send, and checks ids and the operation name', () => {
    const c = client(ENDPOINTS[0][1], fakeFetch([]).fetch);
    expect(c.maxIdsPerCall('DeleteImages', P, { iterationId: I })).toBe(c.maxIdsPerCall('DeleteImages', P));
    expect(c.maxIdsPerCall('GetImagesByIds', P, { allIterations: true })).toBe(c.maxIdsPerCall('GetImagesByIds', P));
    expect(() => c.maxIdsPerCall('GetImagesByIds', '../x')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }) as Error);
    expect(() => c.maxIdsPerCall('GetImagesByIds', P, { iterationId: 'x' })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }) as Error);
    // @ts-expect-error: a plain-JS caller could pass any name
    expect(() => c.maxIdsPerCall('GetTags', P)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }) as Error);
  });
});

describe('getImagesByIds splits what one line cannot carry', () => {
  it('asks 600 ids in calls of ≤ 8 KB each and returns every record once', async () => {
    const { fetch, sent } = fakeFetch(imagesAsked);
    const c = client(ENDPOINTS[0][1], fetch);
    const wanted = ids(600);
    // Repeated ids (in another spelling too) are asked once.
    const images = await c.getImagesByIds(P, [...wanted, wanted[5]?.toUpperCase() ?? '', wanted[599] ?? ''], { iterationId: I });

    expect(sent.length).toBe(Math.ceil(600 / c.maxIdsPerCall('GetImagesByIds', P, { iterationId: I })));
    for (const request of sent) {
      expect(bytes(lineOf('GET', request.url))).toBeLessThanOrEqual(MAX_REQUEST_LINE_BYTES);
      expect(request.url.searchParams.get('iterationId')).toBe(I);
    }
    const asked = sent.flatMap((request) => request.url.searchParams.get('imageIds')?.split(',') ?? []);
    expect(asked).toEqual(wanted);
    expect(images.map((image) => image.id)).toEqual(wanted);
  });

  it('fails as a whole when one of its calls fails (a partial answer is never returned)', async () => {
    const { fetch } = fakeFetch((sent) => (sent.url.searchParams.get('imageIds')?.includes(ids(1, 300)[0] ?? '') ? json({ code: 'NotFoundProject', message: 'gone' }, 404) : imagesAsked(sent)));
    await expect(client(ENDPOINTS[0][1], fetch).getImagesByIds(P, ids(600))).rejects.toMatchObject({ code: 'NOT_FOUND', serviceCode: 'NotFoundProject' });
  });
});

describe('any other request over the budget', () => {
  it('is refused before it is sent, whatever the operation', async () => {
    const { fetch, sent } = fakeFetch(() => json(0));
    const c = client(ENDPOINTS[0][1], fetch);
    const longFilter = `metadata=${Array.from({ length: 400 }, (_, n) => `k${n} eq 'v${n}'`).join(' or ')}`;
    await expect(c.getImageCount(P, { filter: longFilter })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/^GetImageCount: .* over the 8192 bytes servers accept; it was not sent/) as string });
    await expect(c.getTaggedImageCount(P, { tagIds: ids(300) })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(sent).toHaveLength(0);
    // Just under the budget still goes out.
    await expect(c.getTaggedImageCount(P, { tagIds: ids(200) })).resolves.toBe(0);
    expect(sent).toHaveLength(1);
  });
});
