/**
 * Helpers for the tests that run the BUILT `cv-steward` (dist/cli/cv-steward.cjs, what
 * `npm run build` ships as the package's bin): build it when it is missing or older than
 * the sources, then run a private copy (with the export-worker.cjs it starts), so a
 * parallel rebuild of dist/ by another test cannot pull the files away mid-run. keytar stays external in the bundle, so the copy
 * finds it through NODE_PATH.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
const BUILT = join(ROOT, 'dist/cli/cv-steward.cjs');
const LOCK = join(tmpdir(), 'cv-steward-cli-test-build.lock');

function newest(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function isStale(): boolean {
  if (!existsSync(BUILT)) return true;
  const sources = Math.max(...['src-main', 'shared', 'scripts/build.mjs', 'package.json'].map((path) => newest(join(ROOT, path))));
  return statSync(BUILT).mtimeMs < sources;
}

async function withBuildLock<T>(work: () => T): Promise<T> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another test file is building; a lock left by a killed run is taken over.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 180_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${LOCK}`);
      await new Promise((done) => setTimeout(done, 200));
    }
  }
  try {
    return work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface BuiltCli {
  /** The private copy of the built bundle. */
  path: string;
  remove(): void;
}

export async function builtCli(): Promise<BuiltCli> {
  const dir = mkdtempSync(join(tmpdir(), 'cv-steward-cli-'));
  const path = join(dir, 'cv-steward.cjs');
  await withBuildLock(() => {
    if (isStale()) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
    copyFileSync(BUILT, path);
    // The export runs in a worker thread started from export-worker.cjs next to the CLI.
    copyFileSync(join(dirname(BUILT), 'export-worker.cjs'), join(dir, 'export-worker.cjs'));
  });
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment of every run: this one without any CV_STEWARD_* variable, and with a
 * data folder of its own, so the real app's settings are never read.
 */
export function cliEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('CV_STEWARD_')) env[name] = value;
  return { ...env, NODE_PATH: join(ROOT, 'node_modules'), CV_STEWARD_DATA_DIR: dataDir, ...extra };
}

/** Another user to run as (POSIX, when the tests run as root): root passes every permission check. */
export interface RunAs {
  uid: number;
  gid: number;
}

export function startCli(cli: BuiltCli, args: string[], env: NodeJS.ProcessEnv, as?: RunAs): { child: ChildProcess; done: Promise<CliRun> } {
  return startProcess(process.execPath, [cli.path, ...args], env, as);
}

/** Runs the bin by its own path, as a shell would: its shebang finds `node` on env.PATH. */
export function runCliBin(cli: BuiltCli, args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return startProcess(cli.path, args, env).done;
}

function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv, as?: RunAs): { child: ChildProcess; done: Promise<CliRun> } {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], ...as });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const done = new Promise<CliRun>((resolveRun, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolveRun({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export function runCliProcess(cli: BuiltCli, args: string[], env: NodeJS.ProcessEnv, as?: RunAs): Promise<CliRun> {
  return startCli(cli, args, env, as).done;
}

/** The JSON line on stdout (exactly one line). */
export function jsonLine<T = Record<string, unknown>>(run: CliRun): T {
  const lines = run.stdout.split('\n').filter((line) => line.trim() !== '');
  if (lines.length !== 1) throw new Error(`expected one JSON line on stdout, got ${lines.length}:\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(lines[0] ?? '') as T;
}
