/**
 * Quirks: opt-in behaviours the real service (or the network in front of it) can show but
 * the tidy emulator does not. Each test asserts what a client sees on the wire with the
 * quirk on — and, where it matters, that the same requests look tidy with it off.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startEmulator, type RunningEmulator, type SeedDocument } from '../../../src-main/emulator';
import {
  api,
  apiJson,
  fetchArtifact,
  must,
  pagedIds,
  readPrefix,
  startTestEmulator,
  V34,
  type WireImage,
  type WireIteration,
  type WireProject,
} from '../../support/emulator/emulator-support';

const GIB = 1024 * 1024 * 1024;
const OVERSIZE = 400 * 1024 * 1024;
const hex = (id: string): string => id.replaceAll('-', '');

/** 600 images in six groups of 100 sharing one `created` (minutes 0, 10, …, 50); even ones tagged. */
function tiesSeed(): SeedDocument {
  return {
    format: 'cv-emulator-seed',
    version: 1,
    baseDate: '2024-05-01T08:00:00Z',
    projects: [
      {
        key: 'ties',
        name: 'Batch uploads',
        tags: [{ name: 'A' }],
        images: Array.from({ length: 600 }, (_, i) => ({ key: `img-${i}`, width: 16, height: 16, created: Math.floor(i / 100) * 10, tags: i % 2 === 0 ? ['A'] : [] })),
        iterations: [{ name: 'Iteration 1', created: 120 }],
      },
    ],
  };
}

async function count(emu: RunningEmulator, path: string): Promise<number> {
  return Number(await (await api(emu, path)).text());
}

/** Waits until a stats counter stops moving (the server stopped writing), then returns it. */
async function settled(read: () => number): Promise<number> {
  let last = read();
  for (let i = 0; i < 50; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const now = read();
    if (now === last) return now;
    last = now;
  }
  throw new Error('the counter kept moving');
}

describe('the quirks setting', () => {
  it('is empty by default and set at start, by configure() and over /__emulator/config (replacing the set)', async () => {
    const emu = await startTestEmulator({ quirks: ['huge-json', 'ties', 'ties'] });
    try {
      expect(emu.config().quirks).toEqual(['ties', 'huge-json']);
      emu.configure({ quirks: ['network-rules'] });
      expect(emu.config().quirks).toEqual(['network-rules']);
      const post = (body: unknown) => fetch(`${emu.endpoint}/__emulator/config`, { method: 'POST', body: JSON.stringify(body) });
      const changed = await post({ quirks: ['oversize-blobs', 'relative-uris'] });
      expect(changed.status).toBe(200);
      expect(((await changed.json()) as { quirks: string[] }).quirks).toEqual(['relative-uris', 'oversize-blobs']);
      expect(((await (await fetch(`${emu.endpoint}/__emulator/config`)).json()) as { quirks: string[] }).quirks).toEqual(['relative-uris', 'oversize-blobs']);
      expect((await post({ quirks: [] })).status).toBe(200);
      expect(emu.config().quirks).toEqual([]);
    } finally {
      await emu.close();
    }
    const plain = await startTestEmulator();
    expect(plain.config().quirks).toEqual([]);
    await plain.close();
  });

  it('refuses unknown names with the list of valid ones', async () => {
    const valid = 'ties, relative-uris, network-rules, prediction-count-limit, other-default-threshold, huge-json, oversize-blobs, url-limit, url-limit-414, strict-batch-ids';
    // @ts-expect-error -- an unknown name, as plain JavaScript could pass it
    await expect(startEmulator({ quirks: ['tie'] })).rejects.toThrow(`unknown quirk "tie"; the quirks are ${valid}`);
    const emu = await startTestEmulator({ quirks: ['ties'] });
    try {
      // @ts-expect-error -- as above
      expect(() => emu.configure({ quirks: ['ties', 'fast'] })).toThrow(`unknown quirk "fast"; the quirks are ${valid}`);
      expect(emu.config().quirks).toEqual(['ties']);
      const refused = await fetch(`${emu.endpoint}/__emulator/config`, { method: 'POST', body: JSON.stringify({ quirks: ['ties', 'slow'] }) });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: string }).error).toBe(`quirks: unknown quirk "slow"; the quirks are ${valid}`);
      expect((await fetch(`${emu.endpoint}/__emulator/config`, { method: 'POST', body: JSON.stringify({ quirks: 'ties' }) })).status).toBe(400);
      expect(emu.config().quirks).toEqual(['ties']);
    } finally {
      await emu.close();
    }
  });
});

describe('quirk ties', () => {
  let emu: RunningEmulator;
  let projectId: string;
  let iterationId: string;

  beforeAll(async () => {
    emu = await startTestEmulator({ seed: tiesSeed(), faultSeed: 'ties-test' });
    projectId = must((await apiJson<WireProject[]>(emu, '/projects'))[0]).id;
    iterationId = must((await apiJson<WireIteration[]>(emu, `/projects/${projectId}/iterations`))[0]).id;
  });
  afterEach(() => emu.configure({ quirks: [] }));
  afterAll(async () => {
    await emu.close();
  });

  it('seeds equal `created` values equal to the tick, and without the quirk pages them tidily', async () => {
    const oldest = await apiJson<WireImage[]>(emu, `/projects/${projectId}/images?orderBy=Oldest&take=256`);
    expect(new Set(oldest.slice(0, 100).map((image) => image.created)).size).toBe(1);
    expect(must(oldest[0]).created).toMatch(/^2024-05-01T08:00:00(\.\d{1,7})?$/);
    expect(must(oldest[100]).created).not.toBe(must(oldest[99]).created);
    const ids = await pagedIds(emu, `/projects/${projectId}/images?orderBy=Oldest`);
    expect(ids).toHaveLength(600);
    expect(new Set(ids).size).toBe(600);
  });

  it('pages 600 images sharing six timestamps with take 256: ids twice, others missed, counts still 600', async () => {
    emu.configure({ quirks: ['ties'] });
    for (const order of ['Oldest', 'Newest']) {
      const ids = await pagedIds(emu, `/projects/${projectId}/images?orderBy=${order}`);
      expect(ids).toHaveLength(600);
      const distinct = new Set(ids);
      expect(distinct.size).toBeLessThan(600);
      expect(ids.length - distinct.size).toBeGreaterThan(0);
    }
    expect(await count(emu, `/projects/${projectId}/images/count`)).toBe(600);
    expect((await count(emu, `/projects/${projectId}/images/tagged/count`)) + (await count(emu, `/projects/${projectId}/images/untagged/count`))).toBe(600);
    const all = (await pagedIds(emu, `/projects/${projectId}/images/tagged?orderBy=Oldest`)).length + (await pagedIds(emu, `/projects/${projectId}/images/untagged`)).length;
    expect(all).toBe(600);
  });

  it('draws a fresh order of each tie group for every listing request, keeping `created` order', async () => {
    const listings = [
      `/projects/${projectId}/images?take=250&taggingStatus=Tagged`,
      `/projects/${projectId}/images?take=250&taggingStatus=Tagged&iterationId=${iterationId}`,
      `/projects/${projectId}/images/tagged?take=250`,
      `/projects/${projectId}/images/tagged?take=250&orderBy=Oldest&iterationId=${iterationId}`,
      `/projects/${projectId}/images/untagged?take=250`,
      `/projects/${projectId}/iterations/${iterationId}/performance/images?take=250`,
    ];
    for (const path of listings) {
      const tidyA = (await apiJson<WireImage[]>(emu, path)).map((image) => image.id);
      const tidyB = (await apiJson<WireImage[]>(emu, path)).map((image) => image.id);
      expect(tidyB, path).toEqual(tidyA);
      emu.configure({ quirks: ['ties'] });
      const first = await apiJson<WireImage[]>(emu, path);
      const second = await apiJson<WireImage[]>(emu, path);
      emu.configure({ quirks: [] });
      // 250 = five whole groups of 50: the same images, the same `created` sequence, another order.
      expect(first.map((image) => image.id), path).not.toEqual(second.map((image) => image.id));
      expect(new Set(first.map((image) => image.id)), path).toEqual(new Set(tidyA));
      expect(first.map((image) => image.created), path).toEqual(second.map((image) => image.created));
    }
  });

  it('GetImagesByIds: created ascending, each tie group in a fresh order', async () => {
    const oldest = (await apiJson<WireImage[]>(emu, `/projects/${projectId}/images?orderBy=Oldest&take=130`)).map((image) => image.id);
    const asked = [...oldest].reverse().join(',');
    const tidy = (await apiJson<WireImage[]>(emu, `/projects/${projectId}/images/id?imageIds=${asked}`)).map((image) => image.id);
    expect(tidy).toEqual(oldest);
    emu.configure({ quirks: ['ties'] });
    const first = (await apiJson<WireImage[]>(emu, `/projects/${projectId}/images/id?imageIds=${asked}`)).map((image) => image.id);
    const second = (await apiJson<WireImage[]>(emu, `/projects/${projectId}/images/id?imageIds=${asked}`)).map((image) => image.id);
    expect(first).not.toEqual(second);
    expect(new Set(first.slice(0, 100))).toEqual(new Set(oldest.slice(0, 100)));
    expect(new Set(first.slice(100))).toEqual(new Set(oldest.slice(100)));
  });

  it('is reproducible for a fault seed and has its own stream (fault decisions do not move)', async () => {
    const run = async (faultSeed: string, quirks: Array<'ties'>): Promise<{ pages: string[][]; statuses: number[] }> => {
      const other = await startTestEmulator({ seed: tiesSeed(), faultSeed, quirks });
      try {
        const pages: string[][] = [];
        for (let skip = 0; skip < 600; skip += 256) pages.push((await apiJson<WireImage[]>(other, `/projects/${projectId}/images?take=256&skip=${skip}`)).map((image) => image.id));
        // The fault stream drew once per request above too; with ties on or off, the same faults follow.
        other.configure({ failRate: 0.3 });
        const statuses: number[] = [];
        for (let i = 0; i < 12; i += 1) {
          const response = await api(other, `/projects/${projectId}/images?take=100`);
          await response.text();
          statuses.push(response.status);
        }
        return { pages, statuses };
      } finally {
        await other.close();
      }
    };
    const first = await run('seed-a', ['ties']);
    expect(first.statuses.some((status) => status >= 500) && first.statuses.includes(200)).toBe(true);
    expect(await run('seed-a', ['ties'])).toEqual(first);
    expect((await run('seed-a', [])).statuses).toEqual(first.statuses);
    expect((await run('seed-b', ['ties'])).pages).not.toEqual(first.pages);
  });
});

describe('quirk ties with --images', () => {
  it('gives one `created` per upload batch of 64, so paging 1500 images loses some', async () => {
    const tidy = await startTestEmulator({ images: 1500 });
    const emu = await startTestEmulator({ images: 1500, quirks: ['ties'] });
    try {
      const id = must((await apiJson<WireProject[]>(emu, '/projects'))[0]).id;
      const created = async (target: RunningEmulator): Promise<Set<string>> => {
        const out = new Set<string>();
        for (let skip = 0; skip < 1500; skip += 256) {
          for (const image of await apiJson<WireImage[]>(target, `/projects/${id}/images?take=256&skip=${skip}&orderBy=Oldest`)) out.add(image.created);
        }
        return out;
      };
      expect((await created(tidy)).size).toBe(1500);
      emu.configure({ quirks: [] });
      expect((await created(emu)).size).toBe(Math.ceil(1500 / 64));
      emu.configure({ quirks: ['ties'] });
      const ids = await pagedIds(emu, `/projects/${id}/images`);
      expect(ids).toHaveLength(1500);
      expect(new Set(ids).size).toBeLessThan(1500);
      expect(await count(emu, `/projects/${id}/images/count`)).toBe(1500);
      const tagged = await pagedIds(emu, `/projects/${id}/images/tagged?orderBy=Oldest`);
      expect(new Set(tagged).size).toBeLessThan(tagged.length);
    } finally {
      await Promise.all([tidy.close(), emu.close()]);
    }
  });

  it('pages a 100 000-image project fast (only tie groups at the window are shuffled)', async () => {
    const emu = await startTestEmulator({ images: 100_000, quirks: ['ties'] });
    try {
      const id = must((await apiJson<WireProject[]>(emu, '/projects'))[0]).id;
      const paths = [
        `/projects/${id}/images?take=256&skip=99700`,
        `/projects/${id}/images?take=256&skip=99700&orderBy=Oldest`,
        `/projects/${id}/images/tagged?take=256&skip=79000`,
        `/projects/${id}/images/untagged?take=256&skip=19000&orderBy=Oldest`,
      ];
      const first = await apiJson<WireImage[]>(emu, must(paths[0]));
      // The window cuts a 64-image batch: each request draws that batch's order afresh.
      expect((await apiJson<WireImage[]>(emu, must(paths[0]))).map((image) => image.id)).not.toEqual(first.map((image) => image.id));
      for (const path of paths) await apiJson(emu, path);
      const started = performance.now();
      for (let round = 0; round < 5; round += 1) for (const path of paths) expect((await apiJson<WireImage[]>(emu, path)).length).toBeGreaterThan(0);
      expect((performance.now() - started) / (5 * paths.length)).toBeLessThan(150);
    } finally {
      await emu.close();
    }
  });
});

describe('quirks on the demo account', () => {
  let emu: RunningEmulator;
  let flowers: WireProject;
  let iteration: WireIteration;

  beforeAll(async () => {
    emu = await startTestEmulator({ seed: 'demo' });
    flowers = must((await apiJson<WireProject[]>(emu, '/projects'))[0]);
    iteration = must((await apiJson<WireIteration[]>(emu, `/projects/${flowers.id}/iterations`)).find((it) => it.publishName));
  });
  afterEach(() => {
    emu.configure({ quirks: [], tps: 0, failRate: 0, resetRate: 0, truncateRate: 0 });
    emu.resetStats();
  });
  afterAll(async () => {
    await emu.close();
  });

  async function firstImage(): Promise<WireImage> {
    return must((await apiJson<WireImage[]>(emu, `/projects/${flowers.id}/images/tagged?take=1`))[0]);
  }

  async function firstPrediction(): Promise<{ id: string; originalImageUri: string; thumbnailUri: string; resizedImageUri: string }> {
    const result = await apiJson<{ results: Array<{ id: string; originalImageUri: string; thumbnailUri: string; resizedImageUri: string }> }>(
      emu,
      `/projects/${flowers.id}/predictions/query`,
      { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } },
    );
    return must(result.results[0]);
  }

  async function exportsOf(): Promise<Array<{ platform: string; downloadUri: string }>> {
    return apiJson(emu, `/projects/${flowers.id}/iterations/${iteration.id}/export`);
  }

  async function bytesOf(url: string): Promise<Buffer> {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  }

  describe('relative-uris', () => {
    it('turns every URI field into a `{container}/{blob}` path for GetArtifact', async () => {
      emu.configure({ quirks: ['relative-uris'] });
      const p = hex(flowers.id);
      const project = await apiJson<{ thumbnailUri: string }>(emu, `/projects/${flowers.id}`);
      expect(project.thumbnailUri).toMatch(new RegExp(`^i-${p}/t-[0-9a-f]{32}$`));
      const image = await firstImage();
      expect(image.originalImageUri).toBe(`i-${p}/i-${hex(image.id)}`);
      expect(image.resizedImageUri).toBe(image.originalImageUri);
      expect(image.thumbnailUri).toBe(`i-${p}/t-${hex(image.id)}`);
      const [byId] = await apiJson<WireImage[]>(emu, `/projects/${flowers.id}/images/id?imageIds=${image.id}`);
      expect(must(byId).originalImageUri).toBe(image.originalImageUri);
      const [performance] = await apiJson<Array<{ id: string; imageUri: string; thumbnailUri: string }>>(emu, `/projects/${flowers.id}/iterations/${iteration.id}/performance/images?take=1`);
      expect(must(performance).imageUri).toBe(`i-${p}/i-${hex(must(performance).id)}`);
      expect(must(performance).thumbnailUri).toBe(`i-${p}/t-${hex(must(performance).id)}`);
      const prediction = await firstPrediction();
      expect(prediction.originalImageUri).toBe(`predictionimages/${flowers.id}/o-${hex(prediction.id)}`);
      expect(prediction.resizedImageUri).toBe(prediction.originalImageUri);
      expect(prediction.thumbnailUri).toBe(`predictionimages/${flowers.id}/t-${hex(prediction.id)}`);
      expect((await exportsOf()).map((e) => e.downloadUri).sort()).toEqual([`m-${p}/${hex(iteration.id)}.ONNX.ONNX12.zip`, `m-${p}/${hex(iteration.id)}.TensorFlow.zip`]);
    });

    it('GetArtifact serves every kind with the bytes the blob URLs served (servedHashes works either way)', async () => {
      // Loaded here so the export code's state cannot stop the rest of this file.
      const { servedHashes } = await import('../../support/export/export-support');
      // Flowers has every kind: workspace and iteration-only images, predictions, two model zips.
      const direct = await servedHashes(emu, flowers.id);
      emu.configure({ quirks: ['relative-uris'] });
      const viaArtifact = await servedHashes(emu, flowers.id);
      emu.configure({ quirks: [] });
      expect(viaArtifact).toEqual(direct);
      const kinds = [...direct.keys()];
      expect(kinds.filter((k) => k.includes('/images/files/')).length).toBeGreaterThan(await count(emu, `/projects/${flowers.id}/images/count`));
      expect(kinds.some((k) => k.includes('/predictions/files/'))).toBe(true);
      expect(kinds.filter((k) => k.endsWith('.zip'))).toHaveLength(2);
      // Thumbnails too (servedHashes fetches originals only).
      const image = await firstImage();
      const prediction = await firstPrediction();
      const thumbnails = [await bytesOf(image.thumbnailUri), await bytesOf(prediction.thumbnailUri)];
      emu.configure({ quirks: ['relative-uris'] });
      const relative = [(await firstImage()).thumbnailUri, (await firstPrediction()).thumbnailUri];
      for (const [i, path] of relative.entries()) {
        const response = await fetchArtifact(emu, flowers.id, must(path));
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('application/octet-stream');
        expect(Buffer.from(await response.arrayBuffer())).toEqual(thumbnails[i]);
      }
    }, 90_000);

    it('counts GetArtifact downloads in blobDownloads like the blob route', async () => {
      emu.configure({ quirks: ['relative-uris'] });
      const image = await firstImage();
      emu.resetStats();
      const bytes = Buffer.from(await (await fetchArtifact(emu, flowers.id, image.originalImageUri)).arrayBuffer());
      await (await fetchArtifact(emu, flowers.id, image.thumbnailUri)).arrayBuffer();
      const stats = emu.stats();
      expect(stats.requests.GetArtifact).toBe(2);
      expect(stats.blobDownloads[image.id]).toEqual({ count: 1, bytes: bytes.length });
      expect(stats.blobDownloads[`${image.id}/thumbnail`]?.count).toBe(1);
      expect(stats.blobBytes).toBe(bytes.length + must(stats.blobDownloads[`${image.id}/thumbnail`]).bytes);
    });

    it('refuses direct blob access like storage behind a firewall: 403 AuthorizationFailure', async () => {
      const image = await firstImage();
      emu.configure({ quirks: ['relative-uris'] });
      emu.resetStats();
      const refused = await fetch(image.originalImageUri);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('x-ms-error-code')).toBe('AuthorizationFailure');
      expect(refused.headers.get('content-type')).toBe('application/xml');
      const xml = await refused.text();
      expect(xml).toContain('<Error><Code>AuthorizationFailure</Code><Message>This request is not authorized to perform this operation.\nRequestId:');
      expect(emu.stats().blobRejected).toBe(1);
      expect(emu.stats().blobDownloads).toEqual({});
    });

    it('sends GetArtifact through the API pipeline: key, rate limit, reset and truncate', async () => {
      emu.configure({ quirks: ['relative-uris'] });
      const path = (await firstImage()).originalImageUri;
      const full = Buffer.from(await (await fetchArtifact(emu, flowers.id, path)).arrayBuffer());
      expect((await fetchArtifact(emu, flowers.id, path, { key: 'wrong' })).status).toBe(401);
      emu.configure({ tps: 1 });
      const statuses = await Promise.all(
        [1, 2, 3].map(async () => {
          const response = await fetchArtifact(emu, flowers.id, path);
          await response.arrayBuffer();
          return response.status;
        }),
      );
      expect(statuses).toContain(429);
      emu.configure({ tps: 0, truncateRate: 1 });
      emu.resetStats();
      const cut = await fetchArtifact(emu, flowers.id, path);
      expect(cut.status).toBe(200);
      expect(Number(cut.headers.get('content-length'))).toBe(full.length);
      await expect(cut.arrayBuffer()).rejects.toThrow();
      expect(emu.stats().faults.truncate).toBe(1);
      emu.configure({ truncateRate: 0, resetRate: 1 });
      await expect(fetchArtifact(emu, flowers.id, path).then((r) => r.arrayBuffer())).rejects.toThrow();
      expect(emu.stats().faults.reset).toBe(1);
    });
  });

  describe('network-rules', () => {
    const BODY = '{"error":{"code":"403","message":"Access denied due to Virtual Network/Firewall rules."}}';

    it('answers every Training API call 403 with the gateway body and policy-id, before the key check', async () => {
      const image = await firstImage();
      emu.configure({ quirks: ['network-rules'], tps: 1, failRate: 1 });
      for (const [path, key] of [['/projects', undefined], [`/projects/${flowers.id}/images`, 'wrong'], ['/no-such-operation', undefined], [`${V34}/domains`, undefined]] as const) {
        const response = await api(emu, path, key ? { key } : {});
        expect(response.status, path).toBe(403);
        expect(response.headers.get('policy-id')).toBe('ThrowExceptionDueToTrafficDenied');
        expect(response.headers.get('content-type')).toBe('application/json');
        expect(response.headers.get('apim-request-id')).toMatch(/^[0-9a-f-]{36}$/);
        expect(await response.text()).toBe(BODY);
      }
      const stats = emu.stats();
      expect(stats.trafficDenied).toBe(4);
      expect(stats.unauthorized + stats.rateLimited + stats.faults.fail).toBe(0);
      expect(stats.requests.GetProjects).toBe(1);
      const blob = await fetch(image.originalImageUri);
      expect(blob.status).toBe(403);
      expect(blob.headers.get('x-ms-error-code')).toBe('AuthorizationFailure');
      expect((await fetch(`${emu.endpoint}/__emulator/stats`)).status).toBe(200);
      emu.configure({ quirks: [], tps: 0, failRate: 0 });
      expect((await api(emu, '/projects')).status).toBe(200);
    });
  });

  describe('prediction-count-limit', () => {
    const query = (maxCount: number) => api(emu, `/projects/${flowers.id}/predictions/query`, { method: 'POST', body: JSON.stringify({ maxCount }), headers: { 'Content-Type': 'application/json' } });

    it('refuses maxCount above 64 with BadRequestPredictionResultsExceededCount', async () => {
      expect((await query(65)).status).toBe(200);
      expect((await query(257)).status).toBe(400);
      emu.configure({ quirks: ['prediction-count-limit'] });
      expect((await query(64)).status).toBe(200);
      const refused = await query(65);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toEqual({ code: 'BadRequestPredictionResultsExceededCount', message: 'maxCount must be between 0 and 64.' });
    });
  });

  describe('other-default-threshold', () => {
    it('computes GetIterationPerformance without a threshold at 0.9', async () => {
      const performance = (threshold?: number) => apiJson<Record<string, unknown>>(emu, `/projects/${flowers.id}/iterations/${iteration.id}/performance${threshold === undefined ? '' : `?threshold=${threshold}`}`);
      const atHalf = await performance(0.5);
      const atNine = await performance(0.9);
      expect(atNine).not.toEqual(atHalf);
      expect(await performance()).toEqual(atHalf);
      emu.configure({ quirks: ['other-default-threshold'] });
      expect(await performance()).toEqual(atNine);
      expect(await performance(0.5)).toEqual(atHalf);
    });
  });

  describe('huge-json', () => {
    it('pads image lists to 1 GiB of whitespace after the real page, and stops when the client goes', async () => {
      const tidy = await api(emu, `/projects/${flowers.id}/images?take=5`);
      const tidyIds = ((await tidy.json()) as WireImage[]).map((image) => image.id);
      emu.configure({ quirks: ['huge-json'] });
      emu.resetStats();
      const abort = new AbortController();
      const response = await api(emu, `/projects/${flowers.id}/images?take=5`, { signal: abort.signal });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(Number(response.headers.get('content-length'))).toBe(GIB);
      const prefix = await readPrefix(response, 1024 * 1024, abort);
      const text = prefix.toString('utf8');
      const end = text.lastIndexOf(']') + 1;
      expect(text.slice(end).trim()).toBe('');
      expect(((JSON.parse(text.slice(0, end)) as WireImage[]).map((image) => image.id))).toEqual(tidyIds);
      const sent = await settled(() => emu.stats().paddedBytesSent);
      expect(sent).toBeGreaterThanOrEqual(prefix.length);
      expect(sent).toBeLessThan(64 * 1024 * 1024);
    });

    it('pads GetTaggedImages and GetUntaggedImages, not counts or GetImagesByIds', async () => {
      emu.configure({ quirks: ['huge-json'] });
      for (const path of [`/projects/${flowers.id}/images/tagged?take=2`, `/projects/${flowers.id}/images/untagged?take=2`]) {
        const abort = new AbortController();
        const response = await api(emu, path, { signal: abort.signal });
        expect(Number(response.headers.get('content-length')), path).toBe(GIB);
        await readPrefix(response, 1, abort);
      }
      const image = await firstImageUnpadded();
      for (const path of [`/projects/${flowers.id}/images/count`, `/projects/${flowers.id}/images/id?imageIds=${image}`, `/projects/${flowers.id}/tags`]) {
        const response = await api(emu, path);
        expect(Number(response.headers.get('content-length')), path).toBeLessThan(100_000);
        await response.arrayBuffer();
      }
    });

    async function firstImageUnpadded(): Promise<string> {
      const quirks = emu.config().quirks;
      emu.configure({ quirks: [] });
      const id = (await firstImage()).id;
      emu.configure({ quirks });
      return id;
    }
  });

  describe('oversize-blobs', () => {
    it('pads every blob with zeros to 400 MiB, streamed lazily and abandoned when the client goes', async () => {
      const image = await firstImage();
      const real = await bytesOf(image.originalImageUri);
      emu.configure({ quirks: ['oversize-blobs'] });
      emu.resetStats();
      const abort = new AbortController();
      const response = await fetch(image.originalImageUri, { signal: abort.signal });
      expect(response.status).toBe(200);
      expect(Number(response.headers.get('content-length'))).toBe(OVERSIZE);
      const prefix = await readPrefix(response, real.length + 200_000, abort);
      expect(prefix.subarray(0, real.length)).toEqual(real);
      expect(prefix.subarray(real.length).every((byte) => byte === 0)).toBe(true);
      const sent = await settled(() => emu.stats().paddedBytesSent);
      expect(sent).toBeGreaterThanOrEqual(prefix.length);
      expect(sent).toBeLessThan(64 * 1024 * 1024);
      expect(must(emu.stats().blobDownloads[image.id]).bytes).toBe(sent);
    });

    it('applies to thumbnails, prediction images and model zips, and to ranges', async () => {
      const image = await firstImage();
      const prediction = await firstPrediction();
      const model = must((await exportsOf())[0]).downloadUri;
      const urls = [image.thumbnailUri, prediction.originalImageUri, prediction.thumbnailUri, model];
      const heads = async () => Promise.all(urls.map(async (url) => Number((await fetch(url, { method: 'HEAD' })).headers.get('content-length'))));
      expect((await heads()).every((length) => length < 5_000_000)).toBe(true);
      emu.configure({ quirks: ['oversize-blobs'] });
      expect(await heads()).toEqual(urls.map(() => OVERSIZE));
      const start = await fetch(model, { headers: { Range: 'bytes=0-99' } });
      expect(start.status).toBe(206);
      expect(start.headers.get('content-range')).toBe(`bytes 0-99/${OVERSIZE}`);
      expect(Buffer.from(await start.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
      const tail = await fetch(model, { headers: { Range: 'bytes=-16' } });
      expect(Buffer.from(await tail.arrayBuffer())).toEqual(Buffer.alloc(16));
    });

    it('pads GetArtifact bodies the same way', async () => {
      const image = await firstImage();
      const real = await bytesOf(image.originalImageUri);
      emu.configure({ quirks: ['oversize-blobs', 'relative-uris'] });
      emu.resetStats();
      const abort = new AbortController();
      const response = await fetchArtifact(emu, flowers.id, (await firstImage()).originalImageUri, { signal: abort.signal });
      expect(response.status).toBe(200);
      expect(Number(response.headers.get('content-length'))).toBe(OVERSIZE);
      const prefix = await readPrefix(response, real.length + 1000, abort);
      expect(prefix.subarray(0, real.length)).toEqual(real);
      const sent = await settled(() => emu.stats().paddedBytesSent);
      expect(sent).toBeLessThan(64 * 1024 * 1024);
      expect(must(emu.stats().blobDownloads[image.id]).count).toBe(1);
    });
  });
});

describe('--quirks on the command line', () => {
  const ROOT = resolve(__dirname, '../../..');
  const CLI = join(ROOT, 'dist/emulator/cv-emulator.cjs');
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => Math.max(max, entry.isDirectory() ? newest(join(dir, entry.name)) : statSync(join(dir, entry.name)).mtimeMs), 0);

  beforeAll(() => {
    if (!existsSync(CLI) || statSync(CLI).mtimeMs < newest(join(ROOT, 'src-main/emulator'))) {
      execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
    }
  }, 120_000);

  it('refuses an unknown quirk with exit code 2 and the valid names', async () => {
    const child = spawn(process.execPath, [CLI, '--quirks', 'ties,nope'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    expect(code).toBe(2);
    expect(stderr).toContain('--quirks: unknown quirk "nope"; the quirks are ties, relative-uris');
  });

  it('--images 1500 --quirks ties shows lost and repeated images', async () => {
    const child = spawn(process.execPath, [CLI, '--images', '1500', '--quirks', 'ties', '--tps', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const line = await new Promise<string>((done, fail) => {
        let buffer = '';
        child.stdout.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          if (buffer.includes('\n')) done(buffer.slice(0, buffer.indexOf('\n')));
        });
        child.once('exit', (code) => fail(new Error(`exited with ${code}`)));
      });
      const match = must(/^ENDPOINT=(\S+) KEY=(\S+)$/.exec(line), 'first line');
      // The helpers only read endpoint and key.
      const cli = { endpoint: must(match[1]), key: must(match[2]) } as RunningEmulator;
      const id = must((await apiJson<WireProject[]>(cli, '/projects'))[0]).id;
      const ids = await pagedIds(cli, `/projects/${id}/images`);
      expect(ids).toHaveLength(1500);
      expect(new Set(ids).size).toBeLessThan(1500);
    } finally {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
