/**
 * The built `cv-steward` against the emulator's demo account, as a user runs it: the key
 * in CV_STEWARD_TRAINING_KEY, progress on stderr, results (or one JSON line) on stdout.
 * inventory counts, a full export that verifies, a re-run that downloads nothing, subsets
 * by category and project, --zip, a damaged bundle, Ctrl-C and resume, and bad input.
 * The client rate is raised with --rate (the emulator has no rate limit here): this file
 * is about the command, not about throttling.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yauzl from 'yauzl';
import type { InventorySnapshot } from '../../../shared/model/inventory';
import type { RunningEmulator } from '../../../src-main/emulator';
import { readManifest } from '../../../src-main/export';
import { builtCli, cliEnv, jsonLine, runCliProcess, startCli, type BuiltCli, type CliRun } from '../../support/cli/cli-support';
import { apiJson, must, startTestEmulator } from '../../support/emulator/emulator-support';

let cli: BuiltCli;
let emu: RunningEmulator;
let root: string;
/** Every stdout and stderr of this file, checked for the key at the end. */
const outputs: string[] = [];

const FAST = ['--rate', '500'];

function env(extra: Record<string, string> = {}) {
  return cliEnv(join(root, 'no-app-data'), { CV_STEWARD_TRAINING_KEY: emu.key, ...extra });
}

async function cv(args: string[], extra?: Record<string, string>): Promise<CliRun> {
  const result = await runCliProcess(cli, args, env(extra));
  outputs.push(result.stdout, result.stderr);
  return result;
}

interface ExportSummary {
  ok: boolean;
  status: string;
  folder: string;
  downloaded: { files: number; bytes: number };
  alreadyPresent: { files: number; bytes: number };
  zip: { path: string; bytes: number } | null;
}

/** Image ids whose files the bundle's journal says are finished. */
async function journaledImageIds(folder: string): Promise<string[]> {
  const text = await readFile(join(folder, '.cv-steward/journal.jsonl'), 'utf8').catch(() => '');
  return [...text.matchAll(/\/images\/files\/([0-9a-f-]{36})\.[a-z]+"/g)].map((match) => must(match[1]));
}

function zipEntries(path: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const names: string[] = [];
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      zip.on('error', reject);
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.readEntry();
    });
  });
}

beforeAll(async () => {
  cli = await builtCli();
  emu = await startTestEmulator({ seed: 'demo' });
  root = await mkdtemp(join(tmpdir(), 'cv-cli-export-'));
}, 180_000);

afterAll(async () => {
  await emu.close();
  await rm(root, { recursive: true, force: true });
  cli.remove();
});

describe('cv-steward inventory (built command, emulator)', () => {
  it('--json prints the snapshot with the counts the service reports', async () => {
    const result = await cv(['inventory', '--endpoint', emu.endpoint, '--json', ...FAST]);
    expect(result.code, result.stderr).toBe(0);
    const snapshot = jsonLine<InventorySnapshot>(result);
    expect(snapshot.state).toBe('done');
    expect(snapshot.projects.map((p) => p.id).sort()).toEqual([...emu.state.projects.keys()].sort());
    for (const project of snapshot.projects) {
      expect(project.counts.taggedImages).toBe(await apiJson<number>(emu, `/projects/${project.id}/images/tagged/count`));
      expect(project.counts.untaggedImages).toBe(await apiJson<number>(emu, `/projects/${project.id}/images/untagged/count`));
    }
    const images = snapshot.categories.find((row) => row.category === 'images');
    expect(images?.count).toBe(snapshot.projects.reduce((sum, p) => sum + (p.counts.taggedImages ?? 0) + (p.counts.untaggedImages ?? 0) + (p.counts.imagesOnlyInIterations ?? 0), 0));
  });

  it('prints a table of categories and projects (ids and names) without --json', async () => {
    const result = await cv(['inventory', '--endpoint', emu.endpoint, ...FAST]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Images\s+300\s/m);
    for (const project of emu.state.projects.values()) expect(result.stdout).toMatch(new RegExp(`^${project.id} .*${project.name.replace(/[()]/g, '\\$&')}$`, 'm'));
    expect(result.stderr).toMatch(/^images +3\/3 projects/m);
  });
});

describe('cv-steward export and verify (built command, emulator)', () => {
  let bundle: string;
  let first: ExportSummary;

  it('exports the demo account: exit 0, a complete manifest, a JSON summary line, plain progress on stderr', async () => {
    bundle = join(root, 'full');
    const result = await cv(['export', '--endpoint', emu.endpoint, '--out', bundle, '--json', ...FAST]);
    expect(result.code, result.stderr).toBe(0);
    first = jsonLine<ExportSummary>(result);
    expect(first).toMatchObject({ ok: true, status: 'complete', folder: bundle, alreadyPresent: { files: 0 } });
    expect(first.downloaded.files).toBeGreaterThanOrEqual(300);
    const manifest = await readManifest(bundle);
    expect(manifest.status).toBe('complete');
    expect(manifest.counts.images?.items).toBe(300);
    expect(result.stderr).toMatch(/^images +\d[\d ]*\/300\b/m);
    expect(result.stderr).toContain('Everything was saved and every count matches the service.');
    // stderr is a pipe here: no cursor tricks.
    expect(result.stderr).not.toContain('\u001b');
    expect(result.stderr).not.toContain('\r');
  }, 120_000);

  it('re-run into the same folder resumes: nothing is downloaded again', async () => {
    emu.resetStats();
    const result = await cv(['export', '--endpoint', emu.endpoint, '--out', bundle, '--json', ...FAST]);
    expect(result.code, result.stderr).toBe(0);
    const again = jsonLine<ExportSummary>(result);
    expect(again).toMatchObject({ ok: true, status: 'complete', downloaded: { files: 0, bytes: 0 }, alreadyPresent: first.downloaded });
    expect(result.stderr).toContain('This run downloaded 0 files (0 B);');
    expect(emu.stats().blobDownloads).toEqual({});
    // Every saved file was re-checked first, and the progress said so.
    expect(result.stderr).toMatch(/^saved-files +(\d[\d ]*)\/\1 files checked/m);
  }, 60_000);

  it('verify exits 0 for the bundle, then 1 naming the file after one byte of an image changed', async () => {
    const intact = await cv(['verify', bundle]);
    expect(intact.code, intact.stderr).toBe(0);
    expect(intact.stdout).toMatch(/^Bundle OK: \d[\d ]* files \(.+\) match the manifest of /);

    const manifest = await readManifest(bundle);
    const image = must(manifest.files.find((file) => file.path.includes('/images/files/')), 'image file');
    const path = join(bundle, image.path);
    const bytes = await readFile(path);
    bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] ?? 0) ^ 0xff;
    await writeFile(path, bytes);

    const damaged = await cv(['verify', bundle]);
    expect(damaged.code).toBe(1);
    expect(damaged.stdout).toContain('Bundle has problems: 1 altered.');
    expect(damaged.stdout).toContain(`altered (different bytes than when exported):\n  ${image.path}\n`);
    const json = await cv(['verify', bundle, '--json', '--quiet']);
    expect(json.code).toBe(1);
    expect(jsonLine(json)).toMatchObject({ command: 'verify', ok: false, altered: [image.path], missing: [], extra: [] });

    // What verify reports, a re-run repairs: that one file is fetched again, and verify agrees.
    const repaired = await cv(['export', '--endpoint', emu.endpoint, '--out', bundle, ...FAST]);
    expect(repaired.code, repaired.stderr).toBe(0);
    expect(repaired.stdout).toContain('1 saved file had been altered since it was saved and was fetched again');
    expect(repaired.stdout).toMatch(/This run downloaded 1 file \(/);
    expect((await cv(['verify', bundle])).code).toBe(0);
  }, 90_000);

  it('exits 2, naming both, when --out holds the bundle of another resource, and writes nothing', async () => {
    const other = await startTestEmulator({ seed: 'empty' });
    try {
      const before = (await readFile(join(bundle, 'manifest.json'), 'utf8')).length;
      const result = await cv(['export', '--endpoint', other.endpoint, '--out', bundle, ...FAST], { CV_STEWARD_TRAINING_KEY: other.key });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`holds a bundle exported from ${new URL(emu.endpoint).host}, but this export is of ${new URL(other.endpoint).host}`);
      expect(result.stderr).toContain('nothing was written');
      expect((await readFile(join(bundle, 'manifest.json'), 'utf8')).length).toBe(before);
      expect(other.stats().requests).toEqual({ GetProjects: 2 });
    } finally {
      await other.close();
    }
  }, 60_000);

  it('--categories exports only those kinds of data', async () => {
    const folder = join(root, 'tags-only');
    const result = await cv(['export', '--endpoint', emu.endpoint, '--out', folder, '--categories', 'tags,projects', '--quiet', ...FAST]);
    expect(result.code, result.stderr).toBe(0);
    const manifest = await readManifest(folder);
    expect(manifest.selection.categories).toEqual(['projects', 'tags']);
    expect(manifest.files.some((file) => file.path.includes('/images/'))).toBe(false);
    expect(manifest.files.filter((file) => file.path.endsWith('/tags.json'))).toHaveLength(3);
    expect(result.stderr).toBe('');
  }, 60_000);

  it('--projects exports only that project, and --zip writes the one-file copy', async () => {
    const projectId = must([...emu.state.projects.keys()][1]);
    const folder = join(root, 'one-project');
    const result = await cv(['export', '--endpoint', emu.endpoint, '--out', folder, '--projects', projectId, '--categories', 'projects,iterations,tags', '--zip', '--json', ...FAST]);
    expect(result.code, result.stderr).toBe(0);
    expect(jsonLine<ExportSummary>(result).zip).toMatchObject({ path: `${folder}.zip` });
    const manifest = await readManifest(folder);
    expect(manifest.projects.map((project) => project.id)).toEqual([projectId]);
    const entries = await zipEntries(`${folder}.zip`);
    expect(entries).toContain('manifest.json');
    expect(entries).toContain(`projects/${projectId}/project.json`);
    expect(entries.some((entry) => entry.startsWith('projects/') && !entry.startsWith(`projects/${projectId}/`))).toBe(false);
  }, 60_000);

  it('Ctrl-C stops the export (exit 1, how to resume), and running it again completes without re-fetching', async () => {
    const projectId = must([...emu.state.projects.keys()][0]);
    const folder = join(root, 'interrupted');
    const args = ['export', '--endpoint', emu.endpoint, '--out', folder, '--projects', projectId, '--categories', 'images', ...FAST];
    // Slow downloads, so that Ctrl-C lands in the middle of them.
    emu.configure({ bandwidthKbps: 400 });
    const { child, done } = startCli(cli, args, env());
    const deadline = Date.now() + 30_000;
    while ((await journaledImageIds(folder)).length < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGINT');
    const stopped = await done;
    outputs.push(stopped.stdout, stopped.stderr);
    emu.configure({ bandwidthKbps: 0 });
    expect(stopped.code, stopped.stderr).toBe(1);
    expect(stopped.stderr).toContain('Export interrupted. The bundle is partial and can be resumed');
    expect(stopped.stderr).toContain(`To resume, run the same command again:\n  cv-steward export --endpoint ${emu.endpoint} --out ${folder} --projects ${projectId} --categories images`);
    expect((await readManifest(folder)).status).toBe('partial');
    const saved = await journaledImageIds(folder);
    expect(saved.length).toBeGreaterThanOrEqual(3);
    expect(existsSync(join(folder, '.cv-steward/lock'))).toBe(false);

    emu.resetStats();
    const resumed = await cv([...args, '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const summary = jsonLine<ExportSummary>(resumed);
    expect(summary).toMatchObject({ ok: true, status: 'complete' });
    expect(summary.alreadyPresent.files).toBe(saved.length);
    const downloads = emu.stats().blobDownloads;
    for (const id of saved) expect(downloads[id], `${id} was downloaded again`).toBeUndefined();
  }, 90_000);
});

describe('cv-steward bad input (built command)', () => {
  it('exits 2 without CV_STEWARD_TRAINING_KEY, or with --key, saying what to do instead', async () => {
    const missing = await cv(['inventory', '--endpoint', emu.endpoint], { CV_STEWARD_TRAINING_KEY: '' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('CV_STEWARD_TRAINING_KEY, which is not set or empty');
    const refused = await cv(['export', '--endpoint', emu.endpoint, '--out', join(root, 'never'), '--key', emu.key]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('the key is never taken as an argument (--key)');
    expect(existsSync(join(root, 'never'))).toBe(false);
  });

  it('exits 1 with the client\'s message for a wrong key or an unreachable host, and creates no bundle', async () => {
    const wrong = await cv(['export', '--endpoint', emu.endpoint, '--out', join(root, 'wrong-key')], { CV_STEWARD_TRAINING_KEY: '0123456789abcdef0123456789abcdef' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('the service refused the training key');
    expect(existsSync(join(root, 'wrong-key'))).toBe(false);
    const unreachable = await cv(['inventory', '--endpoint', 'http://127.0.0.1:9']);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('could not be reached');
    expect(unreachable.stderr).toContain('Endpoint: http://127.0.0.1:9');
  }, 30_000);

  it('never printed the key, in any run of this file', () => {
    expect(outputs.length).toBeGreaterThan(10);
    for (const text of outputs) expect(text).not.toContain(emu.key);
  });
});
