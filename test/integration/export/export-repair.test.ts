/**
 * Re-running an export repairs the bundle and never mixes two accounts:
 * - a saved image altered in place (same size, other bytes) is what verify reports, and a
 *   re-run fetches exactly that file again (the damaged copy is kept aside), after which
 *   verify agrees the bundle is intact;
 * - exporting another resource into a bundle is refused before anything is written, with
 *   a message naming both; the same resource reached with its other key continues it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunningEmulator, SeedDocument } from '../../../src-main/emulator';
import { readManifest, runExport, verifyBundle } from '../../../src-main/export';
import { startTestEmulator } from '../../support/emulator/emulator-support';
import { exportOptions, tempFolder, testJob } from '../../support/export/export-support';

function seed(key: string, images: number): SeedDocument {
  return {
    format: 'cv-emulator-seed',
    version: 1,
    projects: [
      {
        key,
        name: `Project ${key}`,
        tags: [{ name: 'x' }],
        images: Array.from({ length: images }, (_, i) => ({ key: `i${i}`, width: 40 + (i % 5), height: 32, format: i % 2 ? 'png' : 'jpeg', tags: ['x'], created: i })),
      },
    ],
  };
}

const emulators: RunningEmulator[] = [];
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const emu of emulators.splice(0)) await emu.close();
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function emulator(seedDoc: SeedDocument): Promise<RunningEmulator> {
  const emu = await startTestEmulator({ seed: seedDoc });
  emulators.push(emu);
  return emu;
}

async function folder(): Promise<string> {
  const made = await tempFolder();
  cleanups.push(made.remove);
  return made.path;
}

/** Every path below `root` with its size and mtime: proof that nothing was touched. */
async function snapshot(root: string, relative = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(root, relative), { withFileTypes: true })) {
    const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await snapshot(root, path)));
    else {
      const info = await stat(join(root, path));
      out.push(`${path} ${info.size} ${info.mtimeMs}`);
    }
  }
  return out.sort();
}

describe('a re-run repairs what was damaged', () => {
  it('fetches again exactly the image altered in place, keeps the damaged copy aside, and then verifies clean', async () => {
    const emu = await emulator(seed('repair', 12));
    const dir = await folder();
    await runExport(testJob(), exportOptions(emu, dir));
    const manifest = await readManifest(dir);
    const image = manifest.files.find((file) => file.path.includes('/images/files/'));
    if (!image) throw new Error('no image file in the bundle');
    const imageId = /files\/([0-9a-f-]{36})\./.exec(image.path)?.[1] ?? '';

    // Same size, one byte different: only a hash can tell.
    const original = await readFile(join(dir, image.path));
    const altered = Buffer.from(original);
    altered[altered.length - 1] = (altered[altered.length - 1] ?? 0) ^ 0xff;
    await writeFile(join(dir, image.path), altered);
    expect((await verifyBundle(dir)).altered).toEqual([image.path]);

    const before = emu.stats().blobDownloads;
    const job = testJob();
    const { summary, summaryText } = await runExport(job, exportOptions(emu, dir));
    expect(summary).toMatch(/1 saved file had been altered since it was saved and was fetched again/);
    expect(summary).toMatch(/Everything was saved/);
    // The same facts travel as the summary's code, for the app and the CLI to say in their language.
    expect(summaryText).toMatchObject({ code: 'exportSummary', params: { repaired: 1, outcome: 'complete', folder: dir } });

    // Only that image was downloaded again.
    const after = emu.stats().blobDownloads;
    const again = Object.keys(after).filter((id) => (after[id]?.count ?? 0) > (before[id]?.count ?? 0));
    expect(again).toEqual([imageId]);
    expect(await readFile(join(dir, image.path))).toEqual(original);
    expect(await verifyBundle(dir)).toMatchObject({ ok: true, altered: [] });

    // Nothing is thrown away: the damaged copy is kept in the bundle's state folder.
    const damagedRoot = join(dir, '.cv-steward/damaged');
    const [stamp] = await readdir(damagedRoot);
    expect(await readFile(join(damagedRoot, stamp ?? '', image.path))).toEqual(altered);

    // The re-check had its own bar: every saved file counted once.
    const checked = job.progress.snapshot().find((category) => category.category === 'saved-files');
    expect(checked?.total).toBeGreaterThan(12);
    expect(checked?.done).toBe(checked?.total);
  });
});

describe('one bundle, one resource', () => {
  it('refuses to export another resource into a bundle, naming both, before anything is written', async () => {
    const first = await emulator(seed('alpha', 3));
    const second = await emulator(seed('beta', 3));
    const dir = await folder();
    await runExport(testJob(), exportOptions(first, dir, { account: { endpointHost: 'alpha.cognitiveservices.azure.com', resourceName: 'alpha', keyFingerprint: 'aaaa1111', displayName: 'Alpha' } }));
    const before = await snapshot(dir);
    second.resetStats();

    const attempt = runExport(
      testJob(),
      exportOptions(second, dir, { account: { endpointHost: 'beta.cognitiveservices.azure.com', resourceName: 'beta', keyFingerprint: 'bbbb2222', displayName: 'Beta' } }),
    );
    await expect(attempt).rejects.toMatchObject({ code: 'BUNDLE_OF_OTHER_RESOURCE' });
    await expect(attempt).rejects.toThrow(/“Alpha” at alpha \(alpha\.cognitiveservices\.azure\.com\).*“Beta” at beta \(beta\.cognitiveservices\.azure\.com\)/s);
    expect(await snapshot(dir)).toEqual(before);
    // The only call made was the project list the decision needs.
    expect(second.stats().requests).toEqual({ GetProjects: 1 });
    expect((await readManifest(dir)).projects.map((project) => project.name)).toEqual(['Project alpha']);
  });

  it('refuses another emulator’s data on the same loopback host too (the projects decide)', async () => {
    const first = await emulator(seed('alpha', 2));
    const second = await emulator(seed('beta', 2));
    const dir = await folder();
    await runExport(testJob(), exportOptions(first, dir));
    await expect(runExport(testJob(), exportOptions(second, dir))).rejects.toMatchObject({ code: 'BUNDLE_OF_OTHER_RESOURCE' });
  });

  it('continues the bundle when the same resource is reached with its other key', async () => {
    const emu = await emulator(seed('same', 4));
    const dir = await folder();
    const account = { endpointHost: 'same.cognitiveservices.azure.com', resourceName: 'same', displayName: 'Same' };
    await runExport(testJob(), exportOptions(emu, dir, { account: { ...account, keyFingerprint: 'key1key1' } }));
    const { summary } = await runExport(testJob(), exportOptions(emu, dir, { account: { ...account, keyFingerprint: 'key2key2' } }));
    expect(summary).toMatch(/Everything was saved/);
    expect(await verifyBundle(dir)).toMatchObject({ ok: true });
  });
});
