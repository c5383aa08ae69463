/**
 * Exports that meet trouble: a 429 storm when the service's limit drops mid-export, links
 * that expire before their download starts, and a cancel followed by a resume. Each must
 * end with a complete, verified bundle, without re-downloading what was finished.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readManifest, runExport, verifyBundle } from '../../../src-main/export';
import { JobRunner } from '../../../src-main/jobs';
import { EXPORT_CATEGORIES } from '../../../shared/model/bundle';
import type { TrainingClient } from '../../../src-main/customvision';
import type { EmulatorOptions } from '../../../src-main/emulator';
import { perTest, waitFor } from '../../support/emulator/emulator-support';
import { exportClient, exportOptions, expectFaithful, smallProjectSeed, testJob } from '../../support/export/export-support';

const each = perTest();

async function setup(images: number, options: EmulatorOptions = {}) {
  const emu = await each.emulator({ seed: smallProjectSeed(images), ...options });
  return { emu, folder: await each.folder('cv-export-') };
}

describe('export under faults', () => {
  it('rides out a 429 storm when the service limit drops to 3 calls/s mid-export', async () => {
    const { emu, folder } = await setup(12);
    const job = testJob();
    job.onCheckpoint = (count) => {
      // The third checkpoint is the first page of image records: most calls are still ahead.
      if (count === 3) emu.configure({ tps: 3 });
    };
    // The client's own default limit (10/s), as in the app.
    const { summary } = await runExport(job, { ...exportOptions(emu, folder), client: exportClient(emu, { rateLimit: undefined }) });
    expect(emu.stats().rateLimited).toBeGreaterThan(0);
    expect(summary).toContain('every count matches');
    emu.configure({ tps: 0 });
    await expectFaithful(emu, folder);
  }, 40_000);

  it('renews expired links in batches with GetImagesByIds when they expire before the download', async () => {
    const images = 40;
    // The emulator's clock jumps past every link's expiry at each checkpoint until the first
    // renewal: links listed earlier are then dead when their download starts, every time
    // (racing a real 1 s expiry against a bandwidth cap made this depend on machine speed).
    let offsetMs = 0;
    const { emu, folder } = await setup(images, { sasTtlSeconds: 60, now: () => Date.now() + offsetMs });
    const job = testJob();
    job.onCheckpoint = () => {
      if ((emu.stats().requests.GetImagesByIds ?? 0) === 0) offsetMs += 120_000;
    };
    await runExport(job, { ...exportOptions(emu, folder), concurrency: 4 });
    const stats = emu.stats();
    const refreshes = stats.requests.GetImagesByIds ?? 0;
    expect(stats.blobRejected).toBeGreaterThan(0);
    expect(refreshes).toBeGreaterThan(0);
    // Batches, never one call per image.
    expect(refreshes).toBeLessThan(images / 4);
    await expectFaithful(emu, folder);
  });

  it('stops on cancel with a partial manifest, then resumes without downloading finished files again', async () => {
    const { emu, folder } = await setup(60, { bandwidthKbps: 4_000 });
    const job = testJob();
    let cancelledAt = 0;
    job.onCheckpoint = () => {
      if (cancelledAt === 0 && (job.progress.snapshot().find((c) => c.category === 'images')?.done ?? 0) >= 20) {
        cancelledAt = Date.now();
        job.controller.abort(new DOMException('Cancelled by the user', 'AbortError'));
      }
    };
    await expect(runExport(job, exportOptions(emu, folder))).rejects.toThrow();
    const partial = await readManifest(folder);
    expect(partial.status).toBe('partial');
    const finished = partial.files.filter((file) => file.path.includes('/images/files/'));
    expect(finished.length).toBeGreaterThanOrEqual(20);
    expect(finished.length).toBeLessThan(60);
    // What the partial manifest lists is really there.
    expect((await verifyBundle(folder)).missing).toEqual([]);
    const journal = (await readFile(join(folder, '.cv-steward/journal.jsonl'), 'utf8')).trim().split('\n');
    expect(journal.length).toBeGreaterThanOrEqual(finished.length);

    emu.resetStats();
    await runExport(testJob(), exportOptions(emu, folder));
    const downloads = emu.stats().blobDownloads;
    for (const file of finished) {
      const id = /([0-9a-f-]{36})\.[a-z]+$/.exec(file.path)?.[1] ?? '';
      expect(downloads[id], `${id} downloaded again`).toBeUndefined();
    }
    expect(Object.keys(downloads).length).toBeGreaterThan(0);
    emu.configure({ bandwidthKbps: 0 });
    await expectFaithful(emu, folder);
  }, 40_000);

  it('pauses between downloads when the job is paused, and finishes after resume (real JobRunner)', async () => {
    const { emu, folder } = await setup(40, { bandwidthKbps: 2_000 });
    const runner = new JobRunner({ progressIntervalMs: 0 });
    const images = (id: string) => runner.get(id)?.categories.find((c) => c.category === 'images')?.done ?? 0;
    const job = runner.start({ kind: 'export', title: 'Export', categories: EXPORT_CATEGORIES, run: (ctx) => runExport(ctx, exportOptions(emu, folder)) });
    await waitFor(() => images(job.id) >= 5, 10_000);
    runner.pause(job.id);
    // Downloads already started may finish; after that nothing more is fetched while paused.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Object.keys(emu.stats().blobDownloads).length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(Object.keys(emu.stats().blobDownloads).length).toBe(started);
    expect(started).toBeLessThan(40);
    runner.resume(job.id);
    await waitFor(() => runner.get(job.id)?.state === 'succeeded', 20_000);
    expect(runner.get(job.id)?.summary).toContain('every count matches');
    runner.dispose();
  }, 30_000);

  it('marks the bundle partial, and says why, when a count does not match what was exported', async () => {
    const { emu, folder } = await setup(10);
    const real = exportClient(emu);
    // A service whose count endpoint disagrees with its own list (or changed mid-export).
    const lying: TrainingClient = {
      ...real,
      getTaggedImageCount: async (...args: Parameters<TrainingClient['getTaggedImageCount']>) => (await real.getTaggedImageCount(...args)) + 1,
    };
    const { summary } = await runExport(testJob(), { ...exportOptions(emu, folder), client: lying });
    const manifest = await readManifest(folder);
    expect(manifest.status).toBe('partial');
    const mismatched = manifest.projects[0]?.reconciliation.filter((item) => !item.ok) ?? [];
    expect(mismatched.map((item) => item.what)).toContain('taggedImages');
    const workspace = mismatched.find((item) => item.what === 'taggedImages' && item.iterationId === undefined);
    expect(workspace && workspace.api - workspace.exported).toBe(1);
    expect(summary).toMatch(/PARTIAL/);
    expect(summary).toMatch(/Counts differ: Faults: taggedImages/);
    expect((await verifyBundle(folder)).ok).toBe(false);
  });
});
