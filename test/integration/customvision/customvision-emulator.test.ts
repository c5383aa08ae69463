/**
 * The client against the real local emulator (src-main/emulator) with its demo account:
 * what the inventory and export will do for a user — list projects, count and page
 * images, read iterations, tags, exports and stored predictions, download image bytes —
 * and that it copes with the emulator's throttling, faults and expiring links.
 * The client and the emulator share no code (docs/architecture.md, "The emulator and the
 * client"); this is where they meet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator';
import { createTrainingClient, type TrainingClientOptions } from '../../../src-main/customvision/training-client';
import { RateLimiterRegistry } from '../../../src-main/customvision/rate-limiter';
import { downloadBlob, downloadBlobTo } from '../../../src-main/customvision/blob-download';
import { parseApiDate } from '../../../src-main/customvision/api-date';
import type { RequestLogEntry } from '../../../src-main/customvision/http-client';
import type { Image } from '../../../src-main/customvision/wire-types';

let emulator: RunningEmulator;
let clockOffsetMs = 0;

beforeAll(async () => {
  // Unthrottled for the functional tests (they run fast); the throttling tests set tps.
  emulator = await startEmulator({ seed: 'demo', tps: 0, now: () => Date.now() + clockOffsetMs });
});
afterAll(async () => {
  await emulator.close();
});

function client(extra: Partial<TrainingClientOptions> = {}) {
  return createTrainingClient({
    endpoint: emulator.endpoint,
    key: emulator.key,
    rateLimiters: new RateLimiterRegistry(),
    retry: { baseDelayMs: 5, maxDelayMs: 50 },
    ...extra,
  });
}

const sink = () => new Writable({ write: (_chunk, _encoding, callback) => callback() });

async function all<T>(list: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of list) out.push(item);
  return out;
}

describe('the demo account through the client', () => {
  it('lists the demo projects with their tags and iterations', async () => {
    const c = client({ rateLimit: 200 });
    const projects = await c.getProjects();
    expect(projects.length).toBe(3);
    expect(projects.map((p) => p.name)).toContain('Flower shop (demo)');
    for (const project of projects) {
      expect(parseApiDate(project.created)).toBeInstanceOf(Date);
      const id = project.id ?? '';
      expect(await c.getProject(id)).toMatchObject({ id, name: project.name });
      const tags = await c.getTags(id);
      expect(tags.length).toBeGreaterThan(0);
      const iterations = await c.getIterations(id);
      expect(iterations.length).toBeGreaterThan(0);
    }
  });

  it('pages every image of every project, matching the counts, with no duplicates', async () => {
    const c = client({ rateLimit: 200 });
    for (const project of await c.getProjects()) {
      const id = project.id ?? '';
      const tagged = await c.getTaggedImageCount(id);
      const untagged = await c.getUntaggedImageCount(id);
      expect(await c.getImageCount(id)).toBe(tagged + untagged);

      const list = c.iterateImages(id, { pageSize: 32 });
      const images = await all(list);
      expect(images).toHaveLength(tagged + untagged);
      expect(new Set(images.map((i) => i.id)).size).toBe(images.length);
      expect(list.stats.duplicatesDropped).toBe(0);
      expect(list.stats.pages).toBe(Math.floor((tagged + untagged) / 32) + 1);
      // Oldest first, as the client asks by default.
      const created = images.map((i) => parseApiDate(i.created)?.getTime() ?? Number.NaN);
      expect(created.every((t, n) => n === 0 || t >= (created[n - 1] ?? 0))).toBe(true);

      expect(await all(c.iterateTaggedImages(id))).toHaveLength(tagged);
      expect(await all(c.iterateUntaggedImages(id))).toHaveLength(untagged);
    }
  });

  it('finds images that survive only inside an iteration', async () => {
    const c = client({ rateLimit: 200 });
    let onlyInIterations = 0;
    for (const project of await c.getProjects()) {
      const id = project.id ?? '';
      const workspace = new Set((await all(c.iterateImages(id))).map((i) => i.id));
      for (const iteration of await c.getIterations(id)) {
        if (iteration.status !== 'Completed') continue;
        for await (const image of c.iterateImages(id, { iterationId: iteration.id ?? '' })) if (!workspace.has(image.id)) onlyInIterations += 1;
      }
    }
    expect(onlyInIterations).toBeGreaterThan(0);
  });

  it('reads performance, exports and stored predictions', async () => {
    const c = client({ rateLimit: 200 });
    let exports = 0;
    let predictions = 0;
    for (const project of await c.getProjects()) {
      const id = project.id ?? '';
      for (const iteration of await c.getIterations(id)) {
        if (iteration.status !== 'Completed') continue;
        const iterationId = iteration.id ?? '';
        const performance = await c.getIterationPerformance(id, iterationId, { threshold: 0.5 });
        expect(Array.isArray(performance.perTagPerformance)).toBe(true);
        const count = await c.getImagePerformanceCount(id, iterationId);
        expect(await all(c.iterateImagePerformances(id, iterationId, { pageSize: 50 }))).toHaveLength(count);
        exports += (await c.getExports(id, iterationId)).length;
      }
      predictions += (await all(c.iteratePredictions(id, { maxCount: 4 }))).length;
      expect((await c.exportProject(id)).token).toBeTruthy();
    }
    expect(exports).toBeGreaterThan(0);
    expect(predictions).toBeGreaterThan(0);
  });

  it('downloads image bytes from the SAS links, and refreshes a link that expired', async () => {
    const c = client({ rateLimit: 200 });
    const [project] = await c.getProjects();
    const id = project?.id ?? '';
    let image: Image | undefined;
    for await (const first of c.iterateTaggedImages(id, { pageSize: 1 })) {
      image = first;
      break;
    }
    const url = image?.originalImageUri ?? '';
    const first = await downloadBlobTo(url, sink());
    expect(first.bytes).toBeGreaterThan(0);
    expect(first.contentType).toMatch(/^image\//);

    // A day and a bit later the link no longer works…
    clockOffsetMs = 25 * 3600 * 1000;
    try {
      await expect(downloadBlob(url)).rejects.toMatchObject({ code: 'EXPIRED_LINK', kind: 'expired-link' });
      // …and GetImagesByIds hands out a fresh one for the same bytes.
      const [fresh] = await c.getImagesByIds(id, [image?.id ?? '']);
      expect(fresh?.originalImageUri).not.toBe(url);
      const again = await downloadBlobTo(fresh?.originalImageUri ?? '', sink());
      expect(again.bytes).toBe(first.bytes);
    } finally {
      clockOffsetMs = 0;
    }
  });

  it('refuses a wrong key with WRONG_KEY after one request', async () => {
    const log: RequestLogEntry[] = [];
    const c = createTrainingClient({ endpoint: emulator.endpoint, key: 'not-the-key-0000', rateLimiters: new RateLimiterRegistry(), requestLog: (e) => log.push(e) });
    await expect(c.getProjects()).rejects.toMatchObject({ code: 'WRONG_KEY', status: 401 });
    expect(log).toHaveLength(1);
  });

  it('reports an unknown project as NOT_FOUND with the service code', async () => {
    await expect(client().getProject('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND', serviceCode: 'NotFoundProject' });
  });
});

describe('the emulator’s throttling and faults', () => {
  it('at the default 10 calls/s, never sets off the service’s own limit of 10 per second', async () => {
    // A fresh emulator at its default tps 10 (a full bucket, as a resource at rest has).
    const fresh = await startEmulator({});
    try {
      const c = createTrainingClient({ endpoint: fresh.endpoint, key: fresh.key, rateLimiters: new RateLimiterRegistry() });
      const answers = await Promise.all(Array.from({ length: 24 }, () => c.getProjects()));
      expect(answers.every((projects) => projects.length === 0)).toBe(true);
      expect(fresh.stats().requests.GetProjects).toBe(24);
      expect(fresh.stats().rateLimited).toBe(0);
    } finally {
      await fresh.close();
    }
  }, 20_000);

  it('finishes a burst of calls when the service allows only 5 per second (tps 5), honouring its 429s', async () => {
    emulator.configure({ tps: 5 });
    emulator.resetStats();
    try {
      const log: RequestLogEntry[] = [];
      // The client believes 10/s is allowed; the service says otherwise and the client adapts.
      const c = client({ rateLimit: 10, requestLog: (e) => log.push(e) });
      const [project] = await c.getProjects();
      const id = project?.id ?? '';
      const expected = await c.getTaggedImageCount(id);
      const counts = await Promise.all(Array.from({ length: 12 }, () => c.getTaggedImageCount(id)));
      expect(counts).toEqual(counts.map(() => expected));
      const throttled = log.filter((e) => e.status === 429);
      expect(throttled.length).toBeGreaterThan(0);
      expect(throttled.every((e) => e.outcome === 'retry')).toBe(true);
      expect(emulator.stats().rateLimited).toBe(throttled.length);
    } finally {
      emulator.configure({ tps: 0 });
    }
  }, 30_000);

  it('scans correctly through 5xx answers, connection resets and truncated bodies', async () => {
    const reference = client({ rateLimit: 200 });
    const projects = await reference.getProjects();
    const expected = new Map<string, number>();
    for (const p of projects) expected.set(p.id ?? '', (await all(reference.iterateImages(p.id ?? ''))).length);

    emulator.configure({ failRate: 0.15, resetRate: 0.1, truncateRate: 0.1 });
    emulator.resetStats();
    try {
      const c = client({ rateLimit: 100, maxAttempts: 10 });
      for (const p of projects) {
        const images: Image[] = await all(c.iterateImages(p.id ?? '', { pageSize: 16 }));
        expect(images).toHaveLength(expected.get(p.id ?? '') ?? -1);
      }
      const faults = emulator.stats().faults;
      expect(faults.fail + faults.reset + faults.truncate).toBeGreaterThan(0);
    } finally {
      emulator.configure({ failRate: 0, resetRate: 0, truncateRate: 0 });
    }
  }, 30_000);
});
