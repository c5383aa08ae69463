/**
 * The client against the emulator playing the real service's other faces (its opt-in
 * quirks): a resource behind a virtual network (relative URIs, GetArtifact), one whose
 * firewall refuses us, a smaller prediction page limit, another default threshold, and
 * answers or files far larger than anything real. Also what the plain emulator refuses:
 * QueryPredictions maxCount > 256.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BlobDownload } from '../../../src-main/customvision/body-stream';
import { FILE_CAPS } from '../../../src-main/customvision/file-caps';
import type { TrainingClient } from '../../../src-main/customvision/training-client';
import type { RunningEmulator } from '../../../src-main/emulator';
import { fastClient } from '../../support/test-job';
import { must, startTestEmulator } from '../../support/emulator/emulator-support';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 'demo' });
});
afterAll(async () => {
  await emulator.close();
});
afterEach(() => {
  emulator.configure({ quirks: [] });
});

/** A client whose requests are recorded (URL and JSON body) on their way to the emulator. */
function recordingClient(): { client: TrainingClient; sent: Array<{ url: URL; body: unknown }> } {
  const sent: Array<{ url: URL; body: unknown }> = [];
  const recording = (async (input: string | URL | Request, init?: RequestInit) => {
    sent.push({ url: new URL(String(input)), body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined });
    return fetch(input, init);
  }) as typeof fetch;
  return { client: fastClient(emulator, { fetch: recording }), sent };
}

async function all<T>(list: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of list) out.push(item);
  return out;
}

async function sha(download: BlobDownload): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(download.stream, new Writable({ write: (chunk: Buffer, _e, cb) => (hash.update(chunk), cb()) }));
  return hash.digest('hex');
}

async function projectWithPredictions(client: TrainingClient): Promise<{ projectId: string; count: number }> {
  for (const project of await client.getProjects()) {
    const projectId = must(project.id, 'project id');
    const count = (await all(client.iteratePredictions(projectId, { maxCount: 256 }))).length;
    if (count > 1) return { projectId, count };
  }
  throw new Error('the demo has stored predictions');
}

const maxCounts = (sent: Array<{ url: URL; body: unknown }>) =>
  sent.filter((s) => s.url.pathname.endsWith('/predictions/query')).map((s) => (s.body as { maxCount?: number }).maxCount);

describe('QueryPredictions page size', () => {
  it('asks for 1000 and settles on 250 when the service refuses more than 256', async () => {
    const { client, sent } = recordingClient();
    const { projectId, count } = await projectWithPredictions(client);
    sent.length = 0;
    const predictions = await all(client.iteratePredictions(projectId, { maxCount: 1000, orderBy: 'Newest' }));
    expect(predictions).toHaveLength(count);
    expect(maxCounts(sent)).toEqual([1000, 500, 250]);
  });

  it('settles on 64 under the prediction-count-limit quirk, page after page', async () => {
    const { client, sent } = recordingClient();
    const { projectId, count } = await projectWithPredictions(client);
    emulator.configure({ quirks: ['prediction-count-limit'] });
    sent.length = 0;
    expect(await all(client.iteratePredictions(projectId, { maxCount: 256 }))).toHaveLength(count);
    const sizes = maxCounts(sent);
    expect(sizes.slice(0, 3)).toEqual([256, 128, 64]);
    expect(sizes.slice(3).every((size) => size === 64)).toBe(true);
  });
});

describe('GetIterationPerformance threshold', () => {
  it('is sent as 0.5 when none is given, so the answer does not depend on the service’s own default', async () => {
    const { client, sent } = recordingClient();
    let checked = 0;
    // The quirk's default (0.9) gives other numbers, so an unsent threshold would show.
    let differentAt09 = 0;
    for (const project of await client.getProjects()) {
      const projectId = must(project.id, 'project id');
      for (const iteration of await client.getIterations(projectId)) {
        if (iteration.status !== 'Completed') continue;
        const iterationId = must(iteration.id, 'iteration id');
        const explicit = await client.getIterationPerformance(projectId, iterationId, { threshold: 0.5 });
        const at09 = await client.getIterationPerformance(projectId, iterationId, { threshold: 0.9 });
        if (JSON.stringify(at09) !== JSON.stringify(explicit)) differentAt09 += 1;
        emulator.configure({ quirks: ['other-default-threshold'] });
        sent.length = 0;
        const implicit = await client.getIterationPerformance(projectId, iterationId);
        emulator.configure({ quirks: [] });
        expect(sent[0]?.url.searchParams.get('threshold')).toBe('0.5');
        expect(implicit).toEqual(explicit);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(differentAt09).toBeGreaterThan(0);
  });
});

describe('a resource behind a virtual network (relative-uris)', () => {
  it('downloads images, predictions and model exports through client.download', async () => {
    const client = fastClient(emulator);
    const [project] = await client.getProjects();
    const projectId = must(project?.id, 'project id');
    const [withLinks] = await all(client.iterateTaggedImages(projectId, { pageSize: 1 }).pages());
    const absolute = must(withLinks?.[0]?.originalImageUri, 'image link');
    const expected = await sha(await client.download(projectId, absolute));

    emulator.configure({ quirks: ['relative-uris'] });
    const [relativePage] = await all(client.iterateTaggedImages(projectId, { pageSize: 1 }).pages());
    const image = must(relativePage?.[0], 'image');
    const relative = must(image.originalImageUri, 'image link');
    expect(relative).not.toMatch(/^https?:/);
    expect(await sha(await client.download(projectId, relative, { operation: 'DownloadImage', ...FILE_CAPS.image }))).toBe(expected);
    expect(await sha(await client.download(projectId, must(image.thumbnailUri, 'thumbnail')))).toMatch(/^[0-9a-f]{64}$/);

    let files = 0;
    for (const p of await client.getProjects()) {
      const id = must(p.id, 'project id');
      for (const prediction of await all(client.iteratePredictions(id, { maxCount: 256 }))) {
        if (!prediction.originalImageUri) continue;
        await sha(await client.download(id, prediction.originalImageUri, { operation: 'DownloadPrediction', ...FILE_CAPS.prediction }));
        files += 1;
        break;
      }
      for (const iteration of await client.getIterations(id)) {
        for (const model of await client.getExports(id, must(iteration.id, 'iteration id'))) {
          if (model.status !== 'Done' || !model.downloadUri) continue;
          expect(model.downloadUri).not.toMatch(/^https?:/);
          await sha(await client.download(id, model.downloadUri, { operation: 'DownloadModel', ...FILE_CAPS.model }));
          files += 1;
        }
      }
    }
    expect(files).toBeGreaterThan(1);
  });
});

describe('what the real service can send that the client must not take whole', () => {
  it('network-rules: every call fails at once with NETWORK_RULES', async () => {
    emulator.configure({ quirks: ['network-rules'] });
    await expect(fastClient(emulator).getProjects()).rejects.toMatchObject({ code: 'NETWORK_RULES', status: 403, retryable: false, attempts: 1 });
  });

  it('huge-json: an image list of 1 GiB is refused as RESPONSE_TOO_LARGE, quickly', async () => {
    const client = fastClient(emulator);
    const [project] = await client.getProjects();
    emulator.configure({ quirks: ['huge-json'] });
    const started = performance.now();
    await expect(all(client.iterateImages(must(project?.id, 'project id')))).rejects.toMatchObject({ code: 'RESPONSE_TOO_LARGE', retryable: false, attempts: 1 });
    expect(performance.now() - started).toBeLessThan(10_000);
  }, 20_000);

  it('oversize-blobs: a 400 MiB "image" is refused as FILE_TOO_LARGE', async () => {
    const client = fastClient(emulator);
    const [project] = await client.getProjects();
    const projectId = must(project?.id, 'project id');
    const [page] = await all(client.iterateTaggedImages(projectId, { pageSize: 1 }).pages());
    emulator.configure({ quirks: ['oversize-blobs'] });
    await expect(client.download(projectId, must(page?.[0]?.originalImageUri, 'image link'), { operation: 'DownloadImage', ...FILE_CAPS.image })).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
      message: expect.stringContaining('the service accepts training images up to 6 MB') as unknown,
    });
  });
});
