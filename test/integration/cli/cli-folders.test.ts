/**
 * Folder and file mistakes with the built `cv-steward`, against the emulator: each one is
 * a usage error (exit 2) naming the path and what is wrong with it, found before the
 * account is contacted (the emulator sees no request) and leaving nothing behind. And the
 * one rule for links: a link to a bundle folder is that bundle for export (resume),
 * verify and cleanup run --bundle; a link to nothing, to a file or in a loop is refused,
 * naming the link and where it points.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { RunningEmulator } from '../../../src-main/emulator';
import { builtCli, cliEnv, jsonLine, runCliProcess, type BuiltCli, type CliRun, type RunAs } from '../../support/cli/cli-support';
import { startTestEmulator } from '../../support/emulator/emulator-support';

let cli: BuiltCli;
let emu: RunningEmulator;
let root: string;
const FAST = ['--rate', '500'];
const LINUX = process.platform === 'linux';
const POSIX = process.platform !== 'win32';

/** The fixtures: a file, links to nothing, to a file and in a loop, and (once exported) a bundle and a link to it. */
const at = (name: string) => join(root, name);
const notes = () => at('notes.txt');
const dangling = () => at('to-nowhere');
const fileLink = () => at('to-notes');
const loop = () => at('loop-a');
const bundle = () => at('bundle');
const bundleLink = () => at('bundle-link');
const plan = () => at('untagged.json');

function cv(args: string[], as?: RunAs): Promise<CliRun> {
  return runCliProcess(cli, args, cliEnv(join(root, 'no-app-data'), { CV_STEWARD_TRAINING_KEY: emu.key }), as);
}

/** Everything under the test folder, links not followed: what a refused command must leave as it was. */
function tree(): string[] {
  return (readdirSync(root, { recursive: true }) as string[]).sort();
}

function requestsSeen(): number {
  const stats = emu.stats();
  return Object.values(stats.requests).reduce((sum, n) => sum + n, 0) + stats.unauthorized + Object.keys(stats.blobDownloads).length;
}

/** Runs a command that must be refused up front: exit 2, the words, no request, nothing written. */
async function refusedUpFront(args: string[], ...words: string[]): Promise<CliRun> {
  emu.resetStats();
  const before = tree();
  const run = await cv(args);
  expect(run.code, run.stderr).toBe(2);
  for (const text of words) expect(run.stderr).toContain(text);
  expect(run.stderr).not.toContain('unexpected error');
  expect(requestsSeen(), 'requests the emulator received').toBe(0);
  expect(tree()).toEqual(before);
  return run;
}

const exportTo = (out: string) => ['export', '--endpoint', emu.endpoint, '--out', out, '--quiet', ...FAST];
const runWith = (extra: string[]) => ['cleanup', 'run', '--endpoint', emu.endpoint, '--confirm', 'not yet', '--quiet', ...FAST, ...extra];
const planTo = (out: string) => ['cleanup', 'plan', '--endpoint', emu.endpoint, '--scope', 'all', '--out', out, '--quiet', ...FAST];

beforeAll(async () => {
  cli = await builtCli();
  emu = await startTestEmulator({ seed: 'demo' });
  root = await mkdtemp(join(tmpdir(), 'cv-cli-folders-'));
  writeFileSync(notes(), 'my notes\n');
  symlinkSync(at('nowhere'), dangling());
  symlinkSync(notes(), fileLink());
  symlinkSync(at('loop-b'), loop());
  symlinkSync(loop(), at('loop-b'));
}, 180_000);

afterAll(async () => {
  await emu.close();
  await rm(root, { recursive: true, force: true });
  cli.remove();
});

/** A wrong shape of a path that must be a folder, and the words that must name it (paths are known once the test runs). */
interface Mistake {
  what: string;
  path: () => string;
  words: () => string[];
}

const NOT_A_FOLDER: Mistake[] = [
  { what: 'a file on the way (ENOTDIR)', path: () => join(notes(), 'bundle'), words: () => [`${notes()} is a file, not a folder`] },
  { what: 'a file', path: notes, words: () => [`${notes()} is a file, not a folder`] },
  { what: 'a link to a file', path: fileLink, words: () => [`${fileLink()} is a link to the file ${notes()}, not a folder`] },
  { what: 'a link to nothing', path: dangling, words: () => [`${dangling()} is a link to ${at('nowhere')}, which does not exist`] },
  { what: 'a folder under a link to nothing', path: () => join(dangling(), 'sub'), words: () => [`${dangling()} is a link to ${at('nowhere')}, which does not exist`] },
  { what: 'a link in a loop', path: loop, words: () => [`${loop()} is a link (to ${at('loop-b')}) that leads back to itself`] },
];
const MISSING: Mistake = { what: 'a folder that does not exist', path: () => at('gone'), words: () => [`${at('gone')} does not exist`] };

describe('cv-steward export --out: a path that cannot be the bundle folder', () => {
  it.each(NOT_A_FOLDER)('$what: exit 2 naming it, no request, nothing created', async ({ path, words }) => {
    await refusedUpFront(exportTo(path()), ...words(), 'Give --out a new or empty folder');
  });

  it('a name too long, also under a folder that does not exist yet (which is not left behind)', async () => {
    const long = 'n'.repeat(300);
    await refusedUpFront(exportTo(at(long)), `The path ${at(long)} is too long for this computer`);
    await refusedUpFront(exportTo(join(at('not-yet'), long)), `The path ${join(at('not-yet'), long)} is too long for this computer`);
    expect(existsSync(at('not-yet'))).toBe(false);
  });

  it.skipIf(!LINUX)('a folder the system will not create (under /proc, under /sys)', async () => {
    // A recursive mkdir under /proc never returns: the export used to hang after connecting.
    await refusedUpFront(exportTo('/proc/cv-steward-test/bundle'), '/proc/cv-steward-test/bundle cannot be created: /proc does not accept new files or folders');
    expect(existsSync('/proc/cv-steward-test')).toBe(false);
    await refusedUpFront(exportTo('/sys/kernel/cv-steward-test'), 'CV Steward may not create /sys/kernel/cv-steward-test', '(EPERM');
    expect(existsSync('/sys/kernel/cv-steward-test')).toBe(false);
  }, 20_000);
});

describe('cv-steward verify DIR and cleanup run --bundle DIR: the same mistakes, the same way', () => {
  it.each([...NOT_A_FOLDER, MISSING])('verify: $what', async ({ path, words }) => {
    await refusedUpFront(['verify', path()], ...words(), 'Give the bundle folder (the one holding manifest.json)');
  });

  it.each([...NOT_A_FOLDER, MISSING])('cleanup run --bundle: $what', async ({ path, words }) => {
    // Any file will do: the bundle is checked before the plan is read.
    await refusedUpFront(runWith(['--plan', notes(), '--bundle', path()]), ...words(), 'Give --bundle the folder of an export bundle');
  });
});

describe('cv-steward cleanup: plan and receipt files', () => {
  it('run --plan: no such file, a folder, a file on the way, a link to nothing, a link in a loop', async () => {
    await refusedUpFront(runWith(['--plan', at('no-plan.json'), '--no-backup']), `There is no plan file at ${at('no-plan.json')}`);
    mkdirSync(at('a-folder'), { recursive: true });
    await refusedUpFront(runWith(['--plan', at('a-folder'), '--no-backup']), `${at('a-folder')} is a folder, not a plan file`);
    await refusedUpFront(runWith(['--plan', join(notes(), 'plan.json'), '--no-backup']), `${notes()} is a file, not a folder`);
    await refusedUpFront(runWith(['--plan', dangling(), '--no-backup']), `${dangling()} is a link to ${at('nowhere')}, which does not exist`);
    await refusedUpFront(runWith(['--plan', loop(), '--no-backup']), `${loop()} is a link (to ${at('loop-b')}) that leads back to itself`);
  });

  it('plan --out: never written through a link, nor where its folder is missing or is a file', async () => {
    // A plan used to replace a link to nothing with itself (exit 0), after planning the whole account.
    await refusedUpFront(planTo(dangling()), `${dangling()} already exists (a link to ${at('nowhere')})`);
    expect(lstatSync(dangling()).isSymbolicLink()).toBe(true);
    await refusedUpFront(planTo(fileLink()), `${fileLink()} already exists (a link to ${notes()})`);
    expect(await readFile(notes(), 'utf8')).toBe('my notes\n');
    await refusedUpFront(planTo(loop()), `${loop()} already exists (a link to ${at('loop-b')})`);
    await refusedUpFront(planTo(join(notes(), 'plan.json')), `${notes()} is a file, not a folder`, 'Choose another --out');
    await refusedUpFront(planTo(join(at('no-folder'), 'plan.json')), `The folder ${at('no-folder')} does not exist`);
    await refusedUpFront(planTo(at(`${'p'.repeat(300)}.json`)), 'is too long for this computer');
  });

  it.skipIf(!LINUX)('plan --out in a folder that takes no files (/proc), tried without leaving anything', async () => {
    await refusedUpFront(planTo('/proc/cv-steward-plan.json'), '/proc/cv-steward-plan.json cannot be created: /proc does not accept new files or folders');
  });
});

describe('folders CV Steward may not write or read', () => {
  // Root passes every permission check: the commands then run as another user ("nobody").
  const asRoot = process.getuid?.() === 0;
  const as: RunAs | undefined = asRoot ? { uid: 65534, gid: 65534 } : undefined;

  it.skipIf(!POSIX)('export, plan and verify name the folder and the refusal (EACCES), before any request', async () => {
    const locked = at('locked');
    const sealed = at('sealed');
    mkdirSync(locked);
    mkdirSync(sealed);
    chmodSync(locked, 0o555);
    chmodSync(sealed, 0o000);
    if (asRoot) {
      // The other user must reach the command and the test folder.
      chmodSync(dirname(cli.path), 0o755);
      chmodSync(root, 0o755);
    }
    try {
      const refusedAs = async (args: string[], ...words: string[]) => {
        emu.resetStats();
        const before = tree();
        const run = await cv(args, as);
        expect(run.code, run.stderr).toBe(2);
        for (const text of words) expect(run.stderr).toContain(text);
        expect(requestsSeen()).toBe(0);
        expect(tree()).toEqual(before);
      };
      await refusedAs(exportTo(join(locked, 'bundle')), `CV Steward may not create ${join(locked, 'bundle')}: ${locked} does not accept new files or folders (EACCES`);
      await refusedAs(exportTo(locked), `CV Steward may not write into ${locked} (EACCES`);
      await refusedAs(planTo(join(locked, 'plan.json')), `CV Steward may not create ${join(locked, 'plan.json')}`);
      await refusedAs(['verify', sealed], `CV Steward may not read ${sealed} (EACCES)`);
    } finally {
      chmodSync(locked, 0o755);
      chmodSync(sealed, 0o755);
      chmodSync(root, 0o700);
    }
  }, 30_000);
});

describe('a link to a bundle folder is that bundle', () => {
  it('export resumes through it, verify checks it, and cleanup run --bundle uses it as the backup', async () => {
    const exported = await cv(['export', '--endpoint', emu.endpoint, '--out', bundle(), '--json', '--quiet', ...FAST]);
    expect(exported.code, exported.stderr).toBe(0);
    symlinkSync(bundle(), bundleLink());

    const resumed = await cv(['export', '--endpoint', emu.endpoint, '--out', bundleLink(), '--json', '--quiet', ...FAST]);
    expect(resumed.code, resumed.stderr).toBe(0);
    const summary = jsonLine<{ folder: string; downloaded: { files: number }; alreadyPresent: { files: number } }>(resumed);
    expect(summary.folder).toBe(bundleLink());
    expect(summary.downloaded.files).toBe(0);
    expect(summary.alreadyPresent.files).toBeGreaterThan(0);

    const verified = await cv(['verify', bundleLink()]);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain(`match the manifest of ${bundleLink()}`);

    const [project] = [...emu.state.projects.keys()];
    const planned = await cv(['cleanup', 'plan', '--endpoint', emu.endpoint, '--scope', `project:${project ?? ''}:untagged`, '--out', plan(), '--json', '--quiet', ...FAST]);
    expect(planned.code, planned.stderr).toBe(0);
    const { confirmText } = jsonLine<{ confirmText: string }>(planned);
    const run = await cv(['cleanup', 'run', '--endpoint', emu.endpoint, '--plan', plan(), '--bundle', bundleLink(), '--confirm', confirmText, '--json', '--quiet', ...FAST]);
    expect(run.code, run.stderr).toBe(0);
    expect(jsonLine<{ ok: boolean; status: string }>(run)).toMatchObject({ ok: true, status: 'verified' });
  }, 180_000);
});
