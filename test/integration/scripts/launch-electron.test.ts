/**
 * scripts/launch-electron.mjs, what `npm start` and `npm run demo` run: a missing or broken
 * Electron binary ends in one paragraph that says why, how to get it and what works
 * without it (never a stack trace), and a working one is started with the arguments,
 * its exit code and signals passed through. Each test copies the script into a fake
 * project whose node_modules/electron is laid out like the real package (path.txt naming
 * the binary inside dist/, install.js downloading it), with shell-script stand-ins.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const SCRIPT = join(ROOT, 'scripts/launch-electron.mjs');

let project: string;
let electronDir: string;
/** Where the stand-in binary writes the arguments it was started with. */
let argsFile: string;
/** Where the stand-in installer notes that it ran. */
let installerRan: string;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'cvs-launch-electron-'));
  mkdirSync(join(project, 'scripts'));
  copyFileSync(SCRIPT, join(project, 'scripts/launch-electron.mjs'));
  electronDir = join(project, 'node_modules/electron');
  mkdirSync(electronDir, { recursive: true });
  writeFileSync(join(electronDir, 'package.json'), JSON.stringify({ name: 'electron', version: '0.0.0-test', main: 'index.js' }));
  argsFile = join(project, 'args.txt');
  installerRan = join(project, 'installer-ran');
});

afterEach(() => rmSync(project, { recursive: true, force: true }));

/** A stand-in Electron binary: records its arguments, then runs `body` (sh). */
function standInBinary(body = 'exit 0'): string {
  mkdirSync(join(electronDir, 'dist'), { recursive: true });
  const binary = join(electronDir, 'dist/electron');
  writeFileSync(binary, `#!/bin/sh\nprintf '%s\\n' "$@" > "${argsFile}"\n${body}\n`);
  chmodSync(binary, 0o755);
  writeFileSync(join(electronDir, 'path.txt'), 'electron');
  return binary;
}

/** A stand-in for the package's install.js: fails like an offline download, or "downloads" the stand-in binary. */
function standInInstaller(outcome: 'offline' | 'downloads'): void {
  const body =
    outcome === 'offline'
      ? [
          "process.stderr.write('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:14976:13\\n    at async downloadArtifact (index.js:154:12)\\n');",
          'process.exit(1);',
        ]
      : [
          "fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });",
          `fs.writeFileSync(path.join(__dirname, 'dist/electron'), ${JSON.stringify(`#!/bin/sh\nprintf '%s\\n' "$@" > "${argsFile}"\n`)}, { mode: 0o755 });`,
          "fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');",
        ];
  writeFileSync(
    join(electronDir, 'install.js'),
    ["const fs = require('fs');", "const path = require('path');", `fs.writeFileSync(${JSON.stringify(installerRan)}, 'yes');`, ...body].join('\n'),
  );
}

function launch(args: string[], env: Record<string, string> = {}, onStart?: (pid: number) => void): Promise<Run> {
  return new Promise((done, fail) => {
    const { ELECTRON_SKIP_BINARY_DOWNLOAD: _skip, ELECTRON_OVERRIDE_DIST_PATH: _override, ...inherited } = process.env;
    const child = spawn(process.execPath, [join(project, 'scripts/launch-electron.mjs'), ...args], {
      cwd: project,
      env: { ...inherited, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code, signal) => done({ code, signal, output }));
    if (child.pid !== undefined) onStart?.(child.pid);
  });
}

/** The paragraph's three parts: why, how to get Electron, what works right now. */
function expectTheParagraph(run: Run, why: RegExp): void {
  // Wrapped for the terminal: compare the words, not where the lines break.
  const text = run.output.replace(/\s+/g, ' ');
  expect(run.code).toBe(1);
  expect(text).toMatch(why);
  expect(text).toContain('node node_modules/electron/install.js');
  expect(text).toContain('Installing, upgrading and uninstalling');
  expect(text).toContain('`npm run web -- --demo`');
  expect(text).toContain('node dist/cli/cv-steward.cjs --help');
  // Not Electron's own ending: no stack trace, no advice that needs the network anyway.
  expect(run.output).not.toMatch(/^\s+at /m);
  expect(run.output).not.toContain('npx install-electron');
  expect(existsSync(argsFile)).toBe(false);
}

describe.skipIf(process.platform === 'win32')('npm start without a usable Electron binary', () => {
  it('tries the download once and, offline, explains in one paragraph and exits 1', async () => {
    standInInstaller('offline');
    const run = await launch(['.']);
    expect(existsSync(installerRan)).toBe(true);
    expectTheParagraph(run, /node_modules\/electron\/path\.txt is missing .* downloading it failed \(TypeError: fetch failed\)/);
  });

  it('does not try to download when ELECTRON_SKIP_BINARY_DOWNLOAD is set, and says so', async () => {
    standInInstaller('offline');
    const run = await launch(['--check'], { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(existsSync(installerRan)).toBe(false);
    expectTheParagraph(run, /ELECTRON_SKIP_BINARY_DOWNLOAD is set/);
  });

  it('explains when path.txt names a binary that is not in dist/', async () => {
    writeFileSync(join(electronDir, 'path.txt'), 'electron');
    standInInstaller('offline');
    expectTheParagraph(await launch(['.']), /node_modules\/electron\/dist\/electron is missing/);
  });

  it('explains a binary that is there but cannot be run, without downloading over it', async () => {
    const binary = standInBinary();
    chmodSync(binary, 0o644);
    standInInstaller('offline');
    const run = await launch(['.']);
    expect(existsSync(installerRan)).toBe(false);
    expectTheParagraph(run, /dist\/electron is there but not executable.*delete node_modules\/electron\/dist and node_modules\/electron\/path\.txt/);
  });

  it('explains when the electron package itself is missing', async () => {
    rmSync(electronDir, { recursive: true, force: true });
    expectTheParagraph(await launch(['.']), /electron package itself is not installed \(run `npm ci` first\)/);
  });
});

describe.skipIf(process.platform === 'win32')('npm start with the Electron binary', () => {
  it('starts it with the arguments and passes its exit code through', async () => {
    standInBinary('exit 7');
    const run = await launch(['.', '--demo']);
    expect(run.code).toBe(7);
    expect(readFileSync(argsFile, 'utf8')).toBe('.\n--demo\n');
    expect(run.output).toBe('');
  });

  it('--check only checks: exit 0, nothing started', async () => {
    standInBinary();
    const run = await launch(['--check']);
    expect(run.code).toBe(0);
    expect(existsSync(argsFile)).toBe(false);
  });

  it('downloads a missing binary when the network allows, then starts it', async () => {
    standInInstaller('downloads');
    const run = await launch(['.', '--demo']);
    expect(run.code).toBe(0);
    expect(readFileSync(argsFile, 'utf8')).toBe('.\n--demo\n');
  });

  it('passes SIGTERM on to Electron and ends by it too', async () => {
    const started = join(project, 'started');
    standInBinary(`touch "${started}"; exec sleep 30`);
    let launcherPid = 0;
    const running = launch(['.'], {}, (pid) => (launcherPid = pid));
    const deadline = Date.now() + 10_000;
    while (!existsSync(started) && Date.now() < deadline) await new Promise((wait) => setTimeout(wait, 20));
    process.kill(launcherPid, 'SIGTERM');
    const run = await running;
    expect(run.signal).toBe('SIGTERM');
  });

  it('says what exit code 127 means: Electron could not start (a missing system library)', async () => {
    standInBinary("echo 'electron: error while loading shared libraries: libnss3.so' >&2; exit 127");
    const run = await launch(['.']);
    expect(run.code).toBe(127);
    const text = run.output.replace(/\s+/g, ' ');
    expect(text).toContain('libnss3.so');
    expect(text).toMatch(/could not start\. Most often a system library it needs is missing/);
    expect(text).toContain('`npm run web -- --demo`');
  });

  it('explains a damaged binary, which the system runs through the shell and so ends with 127 too', async () => {
    const binary = standInBinary();
    writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0]));
    const run = await launch(['.']);
    expect(run.code).toBe(127);
    expect(run.output.replace(/\s+/g, ' ')).toMatch(/or the binary is damaged \(delete node_modules\/electron\/dist and node_modules\/electron\/path\.txt, then run `npm start` again/);
  });
});

describe('the npm scripts', () => {
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

  it('check for Electron before building, then start it through the launcher', () => {
    expect(scripts.start).toBe('node scripts/launch-electron.mjs --check && npm run build && node scripts/launch-electron.mjs .');
    expect(scripts.demo).toBe('node scripts/launch-electron.mjs --check && npm run build && node scripts/launch-electron.mjs . --demo');
  });
});
