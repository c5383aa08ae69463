/**
 * The client against the emulator's request-line limits: with the `url-limit` quirk (IIS
 * request filtering: a line over 8 KB gets the 404.15 page) and `url-limit-414` (Kestrel:
 * a line and its CRLF over 8 KB get 414), it reads 600 images and deletes a full batch
 * without one line refused; the emulator's own refusals read as REQUEST_TOO_LONG, and its
 * gateway 404 as a NOT_FOUND that names nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator';
import { createTrainingClient } from '../../../src-main/customvision/training-client';
import { RateLimiterRegistry } from '../../../src-main/customvision/rate-limiter';
import { httpError } from '../../../src-main/customvision/errors';
import { notFoundNames } from '../../../src-main/customvision/not-found';
import { failure } from '../../support/customvision/local-servers';
import { waitFor } from '../../support/emulator/emulator-support';

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ seed: 'empty', images: 1200, tps: 0 });
});
afterAll(async () => {
  await emulator.close();
});

function client() {
  return createTrainingClient({ endpoint: emulator.endpoint, key: emulator.key, rateLimiters: new RateLimiterRegistry(), retry: { baseDelayMs: 5, maxDelayMs: 20 } });
}

async function largeProject(): Promise<{ projectId: string; imageIds: string[] }> {
  const c = client();
  const [project] = await c.getProjects();
  const projectId = project?.id ?? '';
  const imageIds: string[] = [];
  for await (const image of c.iterateImages(projectId)) imageIds.push(String(image.id));
  return { projectId, imageIds };
}

describe.each(['url-limit', 'url-limit-414'] as const)('with the %s quirk', (quirk) => {
  it('reads 600 images and deletes a full batch without one request line refused', async () => {
    emulator.configure({ quirks: [quirk] });
    emulator.resetStats();
    emulator.clearDeletions();
    const c = client();
    const { projectId, imageIds } = await largeProject();
    const wanted = imageIds.slice(0, 600);

    const images = await c.getImagesByIds(projectId, wanted);
    expect(images.map((image) => image.id).sort()).toEqual([...wanted].sort());

    const batch = imageIds.slice(600, 600 + c.maxIdsPerCall('DeleteImages', projectId, { allIterations: true }));
    expect(batch.length).toBe(206);
    expect(await c.deleteImages(projectId, { imageIds: batch, allIterations: true })).toMatchObject({ status: 202 });
    // 202: the emulator finishes the delete in the background, as the service does.
    const deleted = () => emulator.deletions().flatMap((record) => record.ids);
    await waitFor(() => deleted().length >= batch.length);
    expect(deleted().sort()).toEqual([...batch].sort());

    const stats = emulator.stats();
    expect(stats.requestLineRefused).toBe(0);
    // The emulator measures without the CRLF; Kestrel's limit counts it.
    expect(stats.maxRequestLineBytes + 2).toBeLessThanOrEqual(8192);
    emulator.configure({ quirks: [] });
  });
});

describe('the emulator’s refusals through the client’s error mapping', () => {
  /** What a careless client would send: all 256 ids in one GetImagesByIds. */
  async function sendTooLong(): Promise<Response> {
    const ids = Array.from({ length: 256 }, (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`);
    const project = '00000000-0000-4000-8000-000000000000';
    return fetch(`${emulator.endpoint}/customvision/v3.3/training/projects/${project}/images/id?imageIds=${ids.join('%2C')}`, { headers: { 'Training-Key': emulator.key } });
  }

  it.each([
    ['url-limit', 404],
    ['url-limit-414', 414],
  ] as const)('%s: the answer is REQUEST_TOO_LONG, never NOT_FOUND', async (quirk, status) => {
    emulator.configure({ quirks: [quirk] });
    const answer = await sendTooLong();
    emulator.configure({ quirks: [] });
    expect(answer.status).toBe(status);
    const error = httpError({ operation: 'GetImagesByIds', status: answer.status, headers: answer.headers, bodyText: await answer.text() });
    expect(error).toMatchObject({ code: 'REQUEST_TOO_LONG', status, retryable: false });
    expect(notFoundNames(error, 'NotFoundImage')).toBe(false);
  });

  it('a gateway 404 is NOT_FOUND with serviceCode "404", which names no image', async () => {
    const { projectId, imageIds } = await largeProject();
    emulator.configure({ gateway404Operations: ['GetImagesByIds'] });
    try {
      const error = await failure(client().getImagesByIds(projectId, imageIds.slice(0, 3)));
      expect(error).toMatchObject({ code: 'NOT_FOUND', serviceCode: '404', status: 404 });
      expect(notFoundNames(error, 'NotFoundImage')).toBe(false);
    } finally {
      emulator.configure({ gateway404Operations: [] });
    }
  });
});
