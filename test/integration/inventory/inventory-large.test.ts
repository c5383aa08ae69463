/**
 * A 100 000-image account: the scan counts its images with the count endpoints only (no
 * page of the workspace is ever listed) and the snapshot the page receives stays small.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../src-main/emulator';
import { startTestEmulator } from '../../support/emulator/emulator-support';
import { emulatorClient, expectedCounts, projectCounts, row, runScan } from '../../support/inventory/inventory-support';

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startTestEmulator({ images: 100_000 });
});
afterAll(async () => {
  await emu.close();
});

describe('scanning a 100 000-image account', () => {
  it('counts every image with count calls only, and the snapshot stays small', async () => {
    const [projectId, want] = [...expectedCounts(emu.state)][0] ?? [];
    emu.resetStats();

    const { last, job } = await runScan(emulatorClient(emu));

    expect(job.state).toBe('succeeded');
    expect(last.state).toBe('done');
    expect(projectCounts(last, projectId ?? '').counts).toMatchObject({
      taggedImages: want?.taggedImages,
      untaggedImages: want?.untaggedImages,
      imagesOnlyInIterations: 0,
      tags: 5,
    });
    expect(row(last, 'images').count).toBe(100_000);
    const { requests, blobDownloads } = emu.stats();
    for (const listing of ['GetImages', 'GetTaggedImages', 'GetUntaggedImages', 'GetImagesByIds']) expect(requests[listing]).toBeUndefined();
    expect(requests.GetTaggedImageCount).toBe(1);
    expect(requests.GetUntaggedImageCount).toBe(1);
    expect(blobDownloads).toEqual({});
    expect(JSON.stringify(last).length).toBeLessThan(200_000);
  });
});
