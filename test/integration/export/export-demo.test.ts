/**
 * Exporting the demo account end to end, as a user would: every byte in the bundle is
 * what the service serves, every record is what the API returned, the counts reconcile,
 * verify is clean (and catches tampering), the zip carries the same bytes, and exporting
 * again into the same folder downloads nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFile, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import yauzl from 'yauzl';
import type { RunningEmulator } from '../../../src-main/emulator';
import { readJsonl, readManifest, runExport, verifyBundle, zipBundle, type Manifest } from '../../../src-main/export';
import { startTestEmulator } from '../../support/emulator/emulator-support';
import { bundleHashesByStem, exportOptions, servedHashes, sha256, tempFolder, testJob } from '../../support/export/export-support';

let emu: RunningEmulator;
let folder: { path: string; remove: () => Promise<void> };
let summary: string;
let manifest: Manifest;

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo' });
  folder = await tempFolder();
  ({ summary } = await runExport(testJob(), exportOptions(emu, folder.path)));
  manifest = await readManifest(folder.path);
}, 60_000);

afterAll(async () => {
  await emu.close();
  await folder.remove();
  await rm(`${folder.path}.zip`, { force: true });
});

describe('exporting the demo account', () => {
  it('finishes complete, with counts that match the service and a summary that says so', () => {
    expect(manifest.status).toBe('complete');
    expect(manifest.problems).toEqual([]);
    expect(manifest.projects).toHaveLength(3);
    expect(summary).toContain('3 projects');
    expect(summary).toContain('every count matches');
    for (const project of manifest.projects) {
      expect(project.reconciliation.length).toBeGreaterThan(0);
      expect(project.reconciliation.filter((item) => !item.ok)).toEqual([]);
    }
    const totalImages = manifest.projects.reduce((sum, p) => sum + p.counts.taggedImages + p.counts.untaggedImages + p.counts.imagesOnlyInIterations, 0);
    expect(manifest.counts.images?.items).toBe(totalImages);
    expect(manifest.projects.some((p) => p.counts.imagesOnlyInIterations > 0)).toBe(true);
  });

  it('holds every image, prediction and model byte-for-byte as the emulator serves it', async () => {
    const inBundle = await bundleHashesByStem(folder.path);
    let compared = 0;
    for (const project of manifest.projects) {
      const served = await servedHashes(emu, project.id);
      expect(served.size).toBeGreaterThan(0);
      for (const [stem, hash] of served) {
        expect(inBundle.get(stem), stem).toBe(hash);
        compared += 1;
      }
    }
    // 300 images, 17 predictions, 3 model zips.
    expect(compared).toBe(300 + 17 + 3);
  });

  it('names files by id with the extension their bytes call for', async () => {
    const files = manifest.files.filter((file) => file.path.includes('/images/files/'));
    expect(new Set(files.map((file) => file.path.split('.').pop()))).toEqual(new Set(['png', 'jpg']));
    for (const file of files.slice(0, 20)) {
      const head = (await readFile(join(folder.path, file.path))).subarray(0, 4);
      if (file.path.endsWith('.png')) expect(head.toString('latin1', 1, 4)).toBe('PNG');
      else expect(head[0]).toBe(0xff);
      expect(file.mediaType).toBe(file.path.endsWith('.png') ? 'image/png' : 'image/jpeg');
    }
  });

  it('keeps records exactly as the API returned them, oldest first', async () => {
    const project = manifest.projects[0];
    if (!project) throw new Error('no project');
    const response = await fetch(`${emu.endpoint}/customvision/v3.3/training/projects/${project.id}/images?take=256&orderBy=Oldest`, { headers: { 'Training-Key': emu.key } });
    const raw = (await response.json()) as Array<Record<string, unknown>>;
    const saved: Array<Record<string, unknown>> = [];
    for await (const record of readJsonl<Record<string, unknown>>(join(folder.path, `projects/${project.id}/images/images.jsonl`))) saved.push(record);
    const withoutLinks = (record: Record<string, unknown>) => {
      const { originalImageUri: _o, resizedImageUri: _r, thumbnailUri: _t, ...rest } = record;
      return rest;
    };
    expect(saved.length).toBe(project.counts.taggedImages + project.counts.untaggedImages);
    expect(saved.slice(0, raw.length).map(withoutLinks)).toEqual(raw.map(withoutLinks));
    // Key order too: the record is the API's object, not a re-typed copy.
    expect(Object.keys(saved[0] ?? {})).toEqual(Object.keys(raw[0] ?? {}));
    const account = JSON.parse(await readFile(join(folder.path, 'account/account.json'), 'utf8')) as Record<string, unknown>;
    expect(account).toMatchObject({ keyFingerprint: 'ab12cd34', apiVersion: 'v3.3' });
    expect(JSON.stringify(account)).not.toContain(emu.key);
  });

  it('leaves no image out of the dataset views silently, those only in trained iterations included', async () => {
    let onlyInIterations = 0;
    let onlyInIterationsWithBoxes = 0;
    for (const project of manifest.projects) {
      const base = join(folder.path, 'projects', project.id);
      const workspace = new Set<string>();
      for await (const record of readJsonl<{ id: string }>(join(base, 'images/images.jsonl'))) workspace.add(record.id);
      const iterationOnly = new Map<string, boolean>();
      for (const file of manifest.files.filter((entry) => entry.path.startsWith(`projects/${project.id}/iterations/`) && entry.path.endsWith('/images.jsonl'))) {
        for await (const record of readJsonl<{ id: string; regions?: unknown[] }>(join(folder.path, file.path))) {
          if (!workspace.has(record.id)) iterationOnly.set(record.id, (iterationOnly.get(record.id) ?? false) || (record.regions?.length ?? 0) > 0);
        }
      }
      onlyInIterations += iterationOnly.size;
      onlyInIterationsWithBoxes += [...iterationOnly.values()].filter(Boolean).length;

      // Every image (workspace or only in iterations) is in the views or in excluded.csv, never neither; those only in iterations say which iteration.
      const csvRows = async (path: string): Promise<string[][]> =>
        (await readFile(join(folder.path, path), 'utf8')).trim().split('\r\n').slice(1).map((line) => line.split(','));
      const excluded = new Map((await csvRows(`datasets/excluded/${project.id}/excluded.csv`)).map((row) => [row[0] ?? '', row.at(-1) ?? '']));
      const inViews = new Map<string, string>();
      const coco = join('datasets/coco', project.id, 'annotations.json');
      if (manifest.files.some((entry) => entry.path === coco)) {
        const parsed = JSON.parse(await readFile(join(folder.path, coco), 'utf8')) as { images: Array<{ cv_image_id: string; cv_iteration_id?: string }> };
        for (const image of parsed.images) inViews.set(image.cv_image_id, image.cv_iteration_id ?? '');
      } else {
        for (const row of await csvRows(`datasets/csv/${project.id}/labels.csv`)) inViews.set(row[0] ?? '', row.at(-1) ?? '');
      }
      for (const id of [...workspace, ...iterationOnly.keys()]) {
        expect(inViews.has(id) !== excluded.has(id), `${project.name}: ${id} in the views or excluded.csv`).toBe(true);
        const iteration = inViews.get(id) ?? excluded.get(id);
        if (iterationOnly.has(id)) expect(iteration, id).toMatch(/^[0-9a-f-]{36}$/);
        else expect(iteration, id).toBe('');
      }
      for (const [id, boxed] of iterationOnly) if (boxed) expect(inViews.has(id), `${id} has boxes`).toBe(true);
    }
    // The demo account: 16 images survive only in trained iterations, 5 of them with boxes.
    expect(onlyInIterations).toBe(16);
    expect(onlyInIterationsWithBoxes).toBe(5);
    const readme = await readFile(join(folder.path, 'datasets/README.txt'), 'utf8');
    expect(readme).toContain('IMAGES ONLY IN ITERATIONS');
    expect(readme).toMatch(/Images only in trained iterations: [1-9]\d* in the views/);
  });

  it('verifies clean', async () => {
    const progress: number[] = [];
    const report = await verifyBundle(folder.path, { onProgress: (done) => progress.push(done) });
    expect(report).toMatchObject({ ok: true, missing: [], extra: [], truncated: [], altered: [], problems: [] });
    expect(report.checkedFiles).toBe(manifest.files.length);
    expect(progress.at(-1)).toBe(manifest.files.length);
  });

  it('zips into one archive whose every entry hashes as the manifest says', async () => {
    const result = await zipBundle(folder.path);
    expect(result.path).toBe(`${folder.path}.zip`);
    expect((await stat(result.path)).size).toBe(result.bytes);
    const entries = await readZip(result.path);
    expect(entries.size).toBe(manifest.files.length + 1);
    const zipped = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '{}') as Manifest;
    expect(zipped.files).toEqual(manifest.files);
    for (const file of manifest.files) expect(sha256(entries.get(file.path) ?? Buffer.alloc(0)), file.path).toBe(file.sha256);
  });

  it('exports again into the same folder without downloading a single file again', async () => {
    emu.resetStats();
    const before = await stat(join(folder.path, manifest.files.find((f) => f.path.includes('/images/files/'))?.path ?? ''));
    await runExport(testJob(), exportOptions(emu, folder.path));
    expect(emu.stats().blobDownloads).toEqual({});
    const after = await stat(join(folder.path, manifest.files.find((f) => f.path.includes('/images/files/'))?.path ?? ''));
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect((await readManifest(folder.path)).status).toBe('complete');
    expect((await verifyBundle(folder.path)).ok).toBe(true);
  });

  it('catches a flipped byte, a deleted file, a cut file and an extra file by path', async () => {
    const images = manifest.files.filter((f) => f.path.includes('/images/files/'));
    const [flipped, deleted, cut] = images;
    if (!flipped || !deleted || !cut) throw new Error('need three images');
    const flippedPath = join(folder.path, flipped.path);
    const bytes = await readFile(flippedPath);
    bytes[Math.floor(bytes.length / 2)] = (bytes[Math.floor(bytes.length / 2)] ?? 0) ^ 0x01;
    await writeFile(flippedPath, bytes);
    await rm(join(folder.path, deleted.path));
    const cutBytes = await readFile(join(folder.path, cut.path));
    await writeFile(join(folder.path, cut.path), cutBytes.subarray(0, cutBytes.length - 10));
    await appendFile(join(folder.path, 'projects', 'notes.txt'), 'mine');
    // The engine's own state is not bundle content.
    await writeFile(join(folder.path, '.cv-steward', 'tmp', 'leftover'), 'x');

    const report = await verifyBundle(folder.path);
    expect(report.ok).toBe(false);
    expect(report.altered).toEqual([flipped.path]);
    expect(report.missing).toEqual([deleted.path]);
    expect(report.truncated).toEqual([cut.path]);
    expect(report.extra).toEqual(['projects/notes.txt']);
    expect(report.problems).toEqual([]);

    await writeFile(join(folder.path, 'manifest.json'), '{"format":');
    const unreadable = await verifyBundle(folder.path);
    expect(unreadable.ok).toBe(false);
    expect(unreadable.problems[0]).toMatch(/manifest\.json is not valid JSON/);
  });
});

function readZip(path: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const out = new Map<string, Buffer>();
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      zip.on('error', reject);
      zip.on('end', () => resolve(out));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
