/**
 * The export as the app, the CLI and the bench run it: runExportInWorker starting the
 * built worker (esbuild, as scripts/build.mjs does) with a capped heap. The demo account
 * arrives complete and verifies clean, progress and checkpoints reach the job, a cancel
 * leaves a partial bundle that a second run completes without fetching saved files
 * again, a wrong key fails with the client's own message, and a worker that runs out of
 * heap is restarted with twice the cap and finishes the bundle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXPORT_CATEGORIES } from '../../../shared/model/bundle';
import type { JobSnapshot } from '../../../shared/model/job';
import { createTrainingClient, RateLimiterRegistry } from '../../../src-main/customvision';
import type { RunningEmulator } from '../../../src-main/emulator';
import { readManifest, verifyBundle } from '../../../src-main/export';
import { EXPORT_HEAP_MB, runExportInWorker, type ExportWorkerInfo, type WorkerExportOptions } from '../../../src-main/export-worker';
import { AppError } from '../../../src-main/errors/app-error';
import { JobRunner } from '../../../src-main/jobs';
import { buildScript, type BuiltScript } from '../../support/build-script';
import { startTestEmulator } from '../../support/emulator/emulator-support';
import { ALL_CATEGORIES, tempFolder, testJob } from '../../support/export/export-support';

let built: BuiltScript;
let leaky: BuiltScript;
let workerPath: string;
let leakyWorkerPath: string;
let emu: RunningEmulator;
const folders: Array<{ remove: () => Promise<void> }> = [];

beforeAll(async () => {
  built = await buildScript(join(__dirname, '../../../src-main/export-worker/worker-entry.ts'), 'export-worker.cjs');
  workerPath = built.path;
  leaky = await buildScript(join(__dirname, '../../support/export/leaky-export-worker.ts'), 'leaky-export-worker.cjs');
  leakyWorkerPath = leaky.path;
  emu = await startTestEmulator({ seed: 'demo' });
}, 60_000);

afterAll(async () => {
  await emu?.close();
  for (const folder of folders) await folder.remove();
  await built.remove();
  await leaky.remove();
});

async function newFolder(): Promise<string> {
  const folder = await tempFolder('cv-worker-export-');
  folders.push(folder);
  return folder.path;
}

function options(target: RunningEmulator, folder: string, extra: Partial<WorkerExportOptions> = {}): WorkerExportOptions {
  return {
    connection: { endpoint: target.endpoint, key: target.key, rateLimit: 1000 },
    // A registry of its own: this file's calls do not slow other test files' clients.
    rateLimiters: new RateLimiterRegistry(),
    workerPath,
    folder,
    selection: { categories: ALL_CATEGORIES },
    account: { endpointHost: new URL(target.endpoint).host, keyFingerprint: 'ab12cd34', displayName: 'Worker test' },
    toolVersion: '0.1.0-test',
    ...extra,
  };
}

const IMAGE_FILE = /\/images\/files\/([0-9a-f-]{36})\.[a-z]+"/g;

/** Image ids whose files the bundle's journal lists as finished. */
async function journaledImageIds(folder: string): Promise<string[]> {
  const text = await readFile(join(folder, '.cv-steward/journal.jsonl'), 'utf8').catch(() => '');
  return [...text.matchAll(IMAGE_FILE)].map((match) => match[1] ?? '');
}

function journaledImageIdsNow(folder: string): string[] {
  const path = join(folder, '.cv-steward/journal.jsonl');
  return existsSync(path) ? [...readFileSync(path, 'utf8').matchAll(IMAGE_FILE)].map((match) => match[1] ?? '') : [];
}

describe('an export in the worker', () => {
  it('exports the demo account complete, verified clean, with progress and checkpoints reaching the job', async () => {
    const folder = await newFolder();
    const job = testJob();
    let checkpoints = 0;
    job.onCheckpoint = () => void (checkpoints += 1);
    const workers: ExportWorkerInfo[] = [];
    const { summary } = await runExportInWorker(job, options(emu, folder, { observe: { onWorker: (info) => workers.push(info) } }));

    expect(summary).toContain('every count matches');
    expect(workers).toEqual([{ attempt: 1, heapMb: EXPORT_HEAP_MB }]);
    const manifest = await readManifest(folder);
    expect(manifest.status).toBe('complete');
    expect(manifest.problems).toEqual([]);
    expect(await verifyBundle(folder)).toMatchObject({ ok: true, missing: [], extra: [], altered: [], truncated: [] });

    const images = job.progress.snapshot().find((category) => category.category === 'images');
    expect(images?.done).toBeGreaterThan(0);
    expect(images?.done).toBe(images?.total);
    expect(images?.done).toBe(manifest.counts.images?.items);
    expect(images?.bytesDone).toBeGreaterThan(0);
    expect(checkpoints).toBeGreaterThan(0);
    // The worker let go of the folder: no lock is left behind.
    expect(existsSync(join(folder, '.cv-steward/lock'))).toBe(false);
  }, 60_000);

  it('fails with the client’s own message when the key is wrong, and never shows the key', async () => {
    const wrongKey = 'f'.repeat(32);
    // The export's first call lists the projects (to check the folder's bundle is this account's).
    const expected = await createTrainingClient({ endpoint: emu.endpoint, key: wrongKey, rateLimiters: new RateLimiterRegistry() })
      .getProjects()
      .then(
        () => undefined,
        (error: unknown) => error as AppError,
      );
    expect(expected?.code).toBe('WRONG_KEY');

    const folder = await newFolder();
    const failure = await runExportInWorker(testJob(), options({ ...emu, key: wrongKey }, folder)).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(AppError);
    // Each request has its own id; the rest of the message is the client's, word for word.
    const withoutRequestId = (message: string | undefined) => message?.replace(/request id [0-9a-f-]+/, 'request id …');
    expect((failure as AppError).code).toBe('WRONG_KEY');
    expect(withoutRequestId((failure as AppError).message)).toBe(withoutRequestId(expected?.message));
    expect((failure as AppError).message).toContain('refused the training key');
    expect((failure as AppError).message).not.toContain(wrongKey);
  }, 30_000);

  it('refuses a second export into a folder this process is already exporting into', async () => {
    const folder = await newFolder();
    const first = runExportInWorker(testJob(), options(emu, folder));
    await expect(runExportInWorker(testJob(), options(emu, folder))).rejects.toMatchObject({ code: 'BUNDLE_BUSY' });
    await expect(first).resolves.toMatchObject({ summary: expect.stringContaining('every count matches') });
  }, 60_000);
});

describe('cancelling an export in the worker', () => {
  it('stops as the job is cancelled, leaves a partial bundle, and a second run completes it without fetching saved files again', async () => {
    // Slow enough (≈ 2 MB/s for all downloads) that the cancel lands while images are still downloading.
    emu.configure({ bandwidthKbps: 16_000 });
    try {
      const folder = await newFolder();
      const runner = new JobRunner({ maxConcurrent: 1 });
      let work: Promise<unknown> | undefined;
      const finished = new Promise<JobSnapshot>((resolve) => runner.onFinished(resolve));
      const job = runner.start({
        kind: 'export',
        title: 'Export',
        categories: EXPORT_CATEGORIES,
        run: (ctx) => {
          const promise = runExportInWorker(ctx, options(emu, folder));
          work = promise.catch(() => undefined);
          return promise;
        },
      });
      runner.onProgress((snapshot) => {
        const images = snapshot.categories.find((category) => category.category === 'images');
        if (snapshot.state === 'running' && (images?.done ?? 0) >= 20) runner.cancel(job.id);
      });
      expect((await finished).state).toBe('cancelled');
      // The worker winds down: it writes the partial manifest and lets go of the folder.
      await work;
      runner.dispose();

      expect((await readManifest(folder)).status).toBe('partial');
      expect(existsSync(join(folder, '.cv-steward/lock'))).toBe(false);
      const saved = await journaledImageIds(folder);
      expect(saved.length).toBeGreaterThanOrEqual(20);

      emu.resetStats();
      const { summary } = await runExportInWorker(testJob(), options(emu, folder));
      expect(summary).toContain('every count matches');
      expect(await verifyBundle(folder)).toMatchObject({ ok: true });
      const downloads = emu.stats().blobDownloads;
      for (const id of saved) expect(downloads[id], `${id} was downloaded again`).toBeUndefined();
      expect(Object.keys(downloads).length).toBeGreaterThan(0);
    } finally {
      emu.configure({ bandwidthKbps: 0 });
    }
  }, 60_000);
});

describe('an export worker that runs out of heap', () => {
  it('is restarted with twice the cap, resumes without fetching saved files again, and the summary says so', async () => {
    const folder = await newFolder();
    const workers: ExportWorkerInfo[] = [];
    let savedBeforeRestart: string[] = [];
    const onWorker = (info: ExportWorkerInfo) => {
      workers.push(info);
      if (info.attempt !== 2) return;
      // The first worker is gone: what it saved must not be fetched again.
      savedBeforeRestart = journaledImageIdsNow(folder);
      emu.resetStats();
    };
    const job = testJob();
    // The leaky worker runs out of its first 32 MB once 20 image files are saved (see
    // leaky-export-worker.ts); with 64 MB it does not leak and finishes the bundle.
    const { summary } = await runExportInWorker(job, options(emu, folder, { workerPath: leakyWorkerPath, heapMb: 32, heapCeilingMb: 512, observe: { onWorker } }));

    expect(workers.length).toBeGreaterThan(1);
    expect(workers.map((info) => info.heapMb)).toEqual(workers.map((_, i) => 32 * 2 ** i));
    expect(summary).toContain('every count matches');
    expect(summary).toContain(`first limit of 32 MB: it was restarted with ${workers.at(-1)?.heapMb ?? 0} MB`);
    expect((await readManifest(folder)).status).toBe('complete');
    expect(await verifyBundle(folder)).toMatchObject({ ok: true });
    expect(savedBeforeRestart.length).toBeGreaterThanOrEqual(20);
    const downloads = emu.stats().blobDownloads;
    for (const id of savedBeforeRestart) expect(downloads[id], `${id} was downloaded again`).toBeUndefined();
    // Files counted by the worker that died are not counted again by the next one.
    const images = job.progress.snapshot().find((category) => category.category === 'images');
    expect(images?.done).toBe(images?.total);
  }, 60_000);

  it('gives up at the ceiling with a clear error, leaving the folder free for the next run', async () => {
    const folder = await newFolder();
    const failure = await runExportInWorker(testJob(), options(emu, folder, { heapMb: 4, heapCeilingMb: 4 })).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'OUT_OF_MEMORY', message: expect.stringContaining('even with 4 MB') });
    expect(existsSync(join(folder, '.cv-steward/lock'))).toBe(false);
    await expect(runExportInWorker(testJob(), options(emu, folder))).resolves.toMatchObject({ summary: expect.stringContaining('every count matches') });
  }, 60_000);
});
