/**
 * Two calls whose parameters the spec leaves open: QueryPredictions' page size (no
 * maximum declared, but an error code for asking too much) and GetIterationPerformance's
 * threshold (no default declared). The client halves a refused page size and always
 * sends a threshold.
 */
import { describe, expect, it } from 'vitest';
import { createTrainingClient, DEFAULT_PERFORMANCE_THRESHOLD } from '../../../src-main/customvision/training-client';
import { RateLimiterRegistry } from '../../../src-main/customvision/rate-limiter';
import { fakeFetch, json, type Sent } from '../../support/customvision/fake-fetch';

const KEY = '0123456789abcdef0123456789abcdef';
const P = 'bc3f7dad-5544-468c-8573-3ef04d55463e';
const I = 'fe1e83c4-6f50-4899-9544-6bb08cf0e15a';
const pid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function client(fetch: typeof globalThis.fetch) {
  return createTrainingClient({ endpoint: 'https://myres.cognitiveservices.azure.com/', key: KEY, fetch, rateLimiters: new RateLimiterRegistry(), rateLimit: 1000, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
}

const refused = () => json({ code: 'BadRequestPredictionResultsExceededCount', message: 'maxCount must be between 0 and 64.' }, 400);
const bodyOf = (sent: Sent) => JSON.parse(sent.body ?? '{}') as { maxCount?: number; continuation?: string };

/** A service with `total` stored predictions that refuses pages larger than `limit`. */
function service(total: number, limit: number) {
  return (sent: Sent) => {
    const token = bodyOf(sent);
    const size = token.maxCount ?? 50;
    if (size > limit) return refused();
    const start = Number(token.continuation ?? 0);
    const results = Array.from({ length: Math.min(size, total - start) }, (_, n) => ({ id: pid(start + n), created: '2020-02-11T16:41:01.171Z' }));
    const next = start + results.length;
    return json({ token: { session: '2:1', continuation: next < total ? String(next) : null, maxCount: size, orderBy: 'Newest' }, results });
  };
}

async function all<T>(list: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of list) out.push(item);
  return out;
}

describe('QueryPredictions page size', () => {
  it('halves a refused maxCount (256 → 128 → 64), asks for the same page again, and keeps the size for the rest of the walk', async () => {
    const { fetch, sent } = fakeFetch(service(150, 64));
    const list = client(fetch).iteratePredictions(P, { maxCount: 256, orderBy: 'Newest' });
    const predictions = await all(list);
    expect(predictions.map((p) => p.id)).toEqual(Array.from({ length: 150 }, (_, n) => pid(n)));
    expect(sent.map((s) => [bodyOf(s).maxCount, bodyOf(s).continuation ?? null])).toEqual([
      [256, null],
      [128, null],
      [64, null],
      [64, '64'],
      [64, '128'],
    ]);
    expect(list.stats).toEqual({ pages: 3, items: 150, duplicatesDropped: 0 });

    // A new walk starts again from the caller's size.
    sent.length = 0;
    await all(list);
    expect(bodyOf(sent[0] as Sent).maxCount).toBe(256);
  });

  it('halves in the middle of a walk too, resending that page', async () => {
    let limit = 1000;
    const serve = service(30, 1000);
    const { fetch, sent } = fakeFetch((s) => {
      if (sent.length === 2) limit = 5;
      return (bodyOf(s).maxCount ?? 0) > limit ? refused() : serve(s);
    });
    const predictions = await all(client(fetch).iteratePredictions(P, { maxCount: 10 }));
    expect(predictions).toHaveLength(30);
    expect(sent.map((s) => [bodyOf(s).maxCount, bodyOf(s).continuation ?? null])).toEqual([
      [10, null],
      [10, '10'],
      [5, '10'],
      [5, '15'],
      [5, '20'],
      [5, '25'],
    ]);
  });

  it('lets the refusal through once the size would go below 1', async () => {
    const { fetch, sent } = fakeFetch(() => refused());
    await expect(all(client(fetch).iteratePredictions(P, { maxCount: 4 }))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      serviceCode: 'BadRequestPredictionResultsExceededCount',
    });
    expect(sent.map((s) => bodyOf(s).maxCount)).toEqual([4, 2, 1]);
  });

  it('does not halve for other refusals, nor when the caller left the size to the service', async () => {
    const other = fakeFetch(() => json({ code: 'BadRequestPredictionInvalidQueryParameters', message: 'bad token' }, 400));
    await expect(all(client(other.fetch).iteratePredictions(P, { maxCount: 256 }))).rejects.toMatchObject({ serviceCode: 'BadRequestPredictionInvalidQueryParameters' });
    expect(other.sent).toHaveLength(1);

    const unsized = fakeFetch(() => refused());
    await expect(all(client(unsized.fetch).iteratePredictions(P, {}))).rejects.toMatchObject({ serviceCode: 'BadRequestPredictionResultsExceededCount' });
    expect(unsized.sent.map((s) => bodyOf(s).maxCount)).toEqual([undefined]);
  });
});

describe('GetIterationPerformance threshold', () => {
  it('sends threshold=0.5 when the caller gives none, and the caller’s value otherwise', async () => {
    const { fetch, sent } = fakeFetch(() => json({ precision: 1, perTagPerformance: [] }));
    const c = client(fetch);
    await c.getIterationPerformance(P, I);
    await c.getIterationPerformance(P, I, { overlapThreshold: 0.3 });
    await c.getIterationPerformance(P, I, { threshold: 0.9 });
    expect(DEFAULT_PERFORMANCE_THRESHOLD).toBe(0.5);
    expect(sent.map((s) => s.url.search)).toEqual(['?threshold=0.5', '?threshold=0.5&overlapThreshold=0.3', '?threshold=0.9']);
  });
});
