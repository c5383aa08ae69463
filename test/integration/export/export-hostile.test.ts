/**
 * An account built to break exporters: names that are paths, device names, markup,
 * case-only twins, emoji and CJK, two projects with one name; PNG, JPEG, BMP and GIF
 * images with metadata and regions; images that survive only inside an iteration; and a
 * 600-image project (more than two pages). The bundle must stay inside its folder, name
 * everything by id, keep every name as data, and hold every byte.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { RunningEmulator, SeedDocument } from '../../../src-main/emulator';
import { readJsonl, readManifest, runExport, verifyBundle, type Manifest } from '../../../src-main/export';
import { startTestEmulator } from '../../support/emulator/emulator-support';
import { bundleHashesByStem, exportOptions, servedHashes, tempFolder, testJob } from '../../support/export/export-support';

const HOSTILE_NAMES = ['../../x', 'CON', '<img src=x onerror=alert(1)>', 'a', 'A', '🌸 花の写真 / 사진', 'Same name', 'Same name'];
const FORMATS = ['png', 'jpeg', 'bmp', 'gif'] as const;

function hostileSeed(): SeedDocument {
  const projects: NonNullable<SeedDocument['projects']> = HOSTILE_NAMES.map((name, n) => ({
    key: `hostile-${n}`,
    name,
    description: name,
    domain: 'General',
    domainType: n === 2 ? ('ObjectDetection' as const) : ('Classification' as const),
    tags: [{ name: '../etc' }, { name: 'CON' }, { name: 'a' }, { name: 'A' }, { name: '<script>alert(1)</script>' }, { name: '猫 🐱' }],
    images: Array.from({ length: 8 }, (_, i) => ({
      key: `img-${i}`,
      width: 24 + i,
      height: 16 + i,
      format: FORMATS[i % 4],
      tags: i < 6 ? [['../etc', 'CON', 'a', 'A', '<script>alert(1)</script>', '猫 🐱'][i] ?? 'a'] : [],
      ...(n === 2 && i < 6 ? { regions: [{ tag: ['../etc', 'CON', 'a', 'A', '<script>alert(1)</script>', '猫 🐱'][i] ?? 'a', left: 0.1, top: 0.2, width: 0.5, height: 0.4 }] } : {}),
      metadata: { '../path': '..\\..\\x', '<b>': '<img src=x onerror=alert(1)>', 名前: '値 🌸' },
      deletedFromWorkspace: i === 1 || i === 3,
      created: i,
    })),
    iterations: [{ name: 'Iteration 1', created: 100 }],
  }));
  projects.push({
    key: 'big',
    name: 'Six hundred',
    tags: [{ name: 'one' }],
    images: Array.from({ length: 600 }, (_, i) => ({ key: `b${i}`, width: 8, height: 8, format: 'png' as const, tags: i % 2 === 0 ? ['one'] : [], created: i / 10 })),
  });
  return { format: 'cv-emulator-seed', version: 1, projects };
}

let emu: RunningEmulator;
let folder: { path: string; remove: () => Promise<void> };
let manifest: Manifest;

beforeAll(async () => {
  emu = await startTestEmulator({ seed: hostileSeed() });
  folder = await tempFolder();
  await runExport(testJob(), exportOptions(emu, folder.path, { concurrency: 8 }));
  manifest = await readManifest(folder.path);
}, 60_000);

afterAll(async () => {
  await emu.close();
  await folder.remove();
});

async function allFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(join(entry.parentPath, entry.name));
  }
  return out;
}

describe('exporting a hostile account', () => {
  it('is complete, verifies clean, and every project is there under its id with its name as data', async () => {
    expect(manifest.problems).toEqual([]);
    expect(manifest.status).toBe('complete');
    expect(manifest.projects.map((p) => p.name).sort()).toEqual([...HOSTILE_NAMES, 'Six hundred'].sort());
    expect(new Set(manifest.projects.map((p) => p.id)).size).toBe(HOSTILE_NAMES.length + 1);
    const projectFolders = await readdir(join(folder.path, 'projects'));
    expect(projectFolders.sort()).toEqual(manifest.projects.map((p) => p.id).sort());
    for (const id of projectFolders) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await verifyBundle(folder.path)).ok).toBe(true);
  });

  it('writes nothing outside the folder and no path made from a name', async () => {
    const root = resolve(folder.path);
    for (const file of await allFiles(root)) {
      expect(file.startsWith(root + sep)).toBe(true);
      const rel = relative(root, file);
      if (!rel.startsWith('datasets') && !rel.startsWith('viewer')) {
        // Canonical files are named from ids and fixed words only.
        expect(rel.split(sep).every((segment) => /^[0-9a-zA-Z.-]+$/.test(segment)), rel).toBe(true);
      }
      expect(rel).not.toMatch(/(^|[\\/])CON(\.|$)|\.\.|<|>/);
    }
    // Case-only twins are two folders that differ by more than case.
    const lower = manifest.files.map((f) => f.path.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
  });

  it('sniffs PNG, JPEG, BMP and GIF from the bytes, and holds what the emulator serves', async () => {
    const exts = new Set(manifest.files.filter((f) => f.path.includes('/images/files/')).map((f) => f.path.split('.').pop()));
    expect(exts).toEqual(new Set(['png', 'jpg', 'bmp', 'gif']));
    const inBundle = await bundleHashesByStem(folder.path);
    for (const project of manifest.projects.slice(0, 3)) {
      for (const [stem, hash] of await servedHashes(emu, project.id)) expect(inBundle.get(stem), stem).toBe(hash);
    }
  });

  it('keeps images that live only in an iteration, and names and metadata exactly as given', async () => {
    const project = manifest.projects.find((p) => p.name === '../../x');
    if (!project) throw new Error('missing project');
    expect(project.counts).toMatchObject({ taggedImages: 4, untaggedImages: 2, imagesOnlyInIterations: 2 });
    const records: Array<{ metadata?: Record<string, string>; tags?: Array<{ tagName: string }> }> = [];
    for await (const record of readJsonl<(typeof records)[number]>(join(folder.path, `projects/${project.id}/images/images.jsonl`))) records.push(record);
    expect(records[0]?.metadata).toEqual({ '../path': '..\\..\\x', '<b>': '<img src=x onerror=alert(1)>', 名前: '値 🌸' });
    expect(records.flatMap((r) => r.tags ?? []).map((t) => t.tagName)).toContain('<script>alert(1)</script>');
    const projectJson = JSON.parse(await readFile(join(folder.path, `projects/${project.id}/project.json`), 'utf8')) as { name: string };
    expect(projectJson.name).toBe('../../x');
    const detection = manifest.projects.find((p) => p.name.startsWith('<img'));
    const withRegions: Array<{ regions?: unknown[] }> = [];
    for await (const record of readJsonl<{ regions?: unknown[] }>(join(folder.path, `projects/${detection?.id}/images/images.jsonl`))) withRegions.push(record);
    expect(withRegions.filter((r) => (r.regions?.length ?? 0) > 0).length).toBe(4);
  });

  it('pages a 600-image project completely, oldest first, without repeats', async () => {
    const big = manifest.projects.find((p) => p.name === 'Six hundred');
    if (!big) throw new Error('missing project');
    expect(big.counts.taggedImages + big.counts.untaggedImages).toBe(600);
    const ids: string[] = [];
    const created: string[] = [];
    for await (const record of readJsonl<{ id: string; created: string }>(join(folder.path, `projects/${big.id}/images/images.jsonl`))) {
      ids.push(record.id);
      created.push(record.created);
    }
    expect(new Set(ids).size).toBe(600);
    expect([...created].sort()).toEqual(created);
    expect(manifest.files.filter((f) => f.path.startsWith(`projects/${big.id}/images/files/`))).toHaveLength(600);
    expect(big.reconciliation.every((item) => item.ok)).toBe(true);
  });
});
