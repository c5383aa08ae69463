/**
 * Kill -9 safety, for real: a child process exports from the emulator started here and is
 * SIGKILLed at several points (after N finished image files); each next run resumes. The
 * proof that nothing finished is fetched or written again is the emulator's per-id
 * download counters and the files' inode and mtime; the end result must be complete,
 * verify clean, and hold exactly the bytes the emulator serves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunningEmulator, SeedDocument } from '../../../src-main/emulator';
import { readManifest, runExport, verifyBundle } from '../../../src-main/export';
import { buildScript, type BuiltScript } from '../../support/build-script';
import { startTestEmulator } from '../../support/emulator/emulator-support';
import { bundleHashesByStem, exportOptions, servedHashes, tempFolder, testJob } from '../../support/export/export-support';

const IMAGES = 80;
const FORMATS = ['png', 'jpeg', 'bmp', 'gif'] as const;
const seed: SeedDocument = {
  format: 'cv-emulator-seed',
  version: 1,
  projects: [
    {
      key: 'kill',
      name: 'Kill me',
      domain: 'General (compact)',
      tags: [{ name: 'x' }, { name: 'y' }],
      images: Array.from({ length: IMAGES }, (_, i) => ({
        key: `k${i}`,
        width: 40 + (i % 9),
        height: 36,
        format: FORMATS[i % 4],
        tags: i % 6 === 5 ? [] : [i % 2 === 0 ? 'x' : 'y'],
        created: i,
        deletedFromWorkspace: i === 7,
      })),
      iterations: [{ name: 'Iteration 1', created: IMAGES + 5, exports: [{ platform: 'TensorFlow' }] }],
      predictions: [{ key: 'p1', iteration: 'Iteration 1', width: 32, height: 32, results: [{ tag: 'x', probability: 0.7 }] }],
    },
  ],
};

let emu: RunningEmulator;
let folder: { path: string; remove: () => Promise<void> };
let built: BuiltScript;
let childScript: string;

beforeAll(async () => {
  built = await buildScript(join(__dirname, '../../support/export/export-kill-child.ts'), 'child.cjs');
  childScript = built.path;
  // Slow enough that a kill lands mid-download: ≈ 2 s for all the image bytes.
  emu = await startTestEmulator({ seed, bandwidthKbps: 1_600 });
  folder = await tempFolder();
}, 30_000);

afterAll(async () => {
  await emu.close();
  await folder.remove();
  await built.remove();
});

async function journalLines(): Promise<string[]> {
  try {
    return (await readFile(join(folder.path, '.cv-steward/journal.jsonl'), 'utf8')).split('\n').filter((line) => line.trim() !== '');
  } catch {
    return [];
  }
}

/** Runs the child until `imageFiles` image files are journaled, then SIGKILLs it. */
async function runChildAndKill(imageFiles: number): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, [childScript], {
    env: { ...process.env, CV_EXPORT_ENDPOINT: emu.endpoint, CV_EXPORT_KEY: emu.key, CV_EXPORT_FOLDER: folder.path },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let done = false;
  void exited.then(() => (done = true));
  while (!done) {
    const lines = await journalLines();
    if (lines.filter((line) => line.includes('/images/files/')).length >= imageFiles) {
      child.kill('SIGKILL');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const signal = await exited;
  if (signal !== 'SIGKILL') throw new Error(`the child was not killed (it ended on its own): ${stderr}`);
  return signal;
}

interface FinishedFile {
  path: string;
  id: string;
  ino: number;
  mtimeMs: number;
}

/** Downloaded files the journal says are finished and that are on disk with that size. */
async function finishedDownloads(): Promise<FinishedFile[]> {
  const out: FinishedFile[] = [];
  for (const line of await journalLines()) {
    let entry: { path?: string; bytes?: number; removed?: boolean };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      continue;
    }
    const match = entry.path ? /\/(?:images|predictions)\/files\/([0-9a-f-]{36})\.[a-z]+$/.exec(entry.path) : null;
    if (!entry.path || !match?.[1]) continue;
    const info = await stat(join(folder.path, entry.path)).catch(() => undefined);
    if (info && info.size === entry.bytes) out.push({ path: entry.path, id: match[1], ino: info.ino, mtimeMs: info.mtimeMs });
  }
  return out;
}

async function expectUntouched(files: readonly FinishedFile[]): Promise<void> {
  const downloads = emu.stats().blobDownloads;
  for (const file of files) {
    expect(downloads[file.id], `${file.id} was downloaded again`).toBeUndefined();
    const info = await stat(join(folder.path, file.path));
    expect(info.ino, file.path).toBe(file.ino);
    expect(info.mtimeMs, file.path).toBe(file.mtimeMs);
  }
}

/** No image file in its final place is ever a half-written one. */
async function expectOnlyWholeFiles(served: Map<string, string>): Promise<void> {
  const base = join(folder.path, 'projects');
  for (const entry of await readdir(base, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\/(images|predictions)\/files$/.test(entry.parentPath)) continue;
    const full = join(entry.parentPath, entry.name);
    const stem = full.slice(folder.path.length + 1).replace(/\.[a-z]+$/, '');
    const hash = createHash('sha256').update(await readFile(full)).digest('hex');
    expect(hash, stem).toBe(served.get(stem));
  }
}

describe('an export killed with SIGKILL', () => {
  it('resumes after each kill without fetching or rewriting finished files, and ends complete', async () => {
    const projectId = [...emu.state.projects.keys()][0] ?? '';
    const served = await servedHashes(emu, projectId);
    emu.resetStats();

    let previous: FinishedFile[] = [];
    for (const killAfter of [4, 30, 55]) {
      await runChildAndKill(killAfter);
      await expectUntouched(previous);
      await expectOnlyWholeFiles(served);
      previous = await finishedDownloads();
      expect(previous.length).toBeGreaterThanOrEqual(killAfter);
      emu.resetStats();
    }

    const { summary } = await runExport(testJob(), exportOptions(emu, folder.path));
    await expectUntouched(previous);
    expect(Object.keys(emu.stats().blobDownloads).length).toBeGreaterThan(0);
    expect(summary).toContain('every count matches');

    const manifest = await readManifest(folder.path);
    expect(manifest.status).toBe('complete');
    expect(manifest.projects[0]?.counts).toMatchObject({ imagesOnlyInIterations: 1, predictions: 1, exports: 1 });
    expect(await verifyBundle(folder.path)).toMatchObject({ ok: true, missing: [], extra: [], altered: [], truncated: [] });
    const inBundle = await bundleHashesByStem(folder.path);
    for (const [stem, hash] of served) expect(inBundle.get(stem), stem).toBe(hash);
    expect(await readdir(join(folder.path, '.cv-steward/tmp'))).toEqual([]);
  }, 45_000);
});
