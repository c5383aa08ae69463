/**
 * The built command (`node dist/emulator/cv-emulator.cjs`, what `npm run emulator` runs):
 * its first stdout line, flags, clean shutdown and exit code 2 for bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { must } from '../../support/emulator/emulator-support';

const ROOT = resolve(__dirname, '../../..');
const CLI = join(ROOT, 'dist/emulator/cv-emulator.cjs');
let folder: string;

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function start(args: string[]): { child: ChildProcess; firstLine: Promise<string> } {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const firstLine = new Promise<string>((resolveLine, reject) => {
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const newline = buffer.indexOf('\n');
      if (newline >= 0) resolveLine(buffer.slice(0, newline));
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
  });
  return { child, firstLine };
}

function run(args: string[]): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('exit', (code) => resolveRun({ code, stderr, stdout }));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolveStop) => {
    child.once('exit', (code) => resolveStop(code));
    child.kill('SIGTERM');
  });
}

beforeAll(() => {
  // Build when the bundle is missing or older than the emulator sources.
  if (!existsSync(CLI) || statSync(CLI).mtimeMs < newestSource(join(ROOT, 'src-main/emulator'))) {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
  }
  folder = mkdtempSync(join(tmpdir(), 'cv-emulator-cli-'));
}, 120_000);

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('cv-emulator command', () => {
  it('prints ENDPOINT and KEY first, serves --images, and stops cleanly', async () => {
    const key = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
    const { child, firstLine } = start(['--images', '100000', '--key', key, '--tps', '50']);
    const line = await firstLine;
    expect(line).toMatch(new RegExp(`^ENDPOINT=http://127\\.0\\.0\\.1:\\d+ KEY=${key}$`));
    const endpoint = must(/ENDPOINT=(\S+)/.exec(line)?.[1]);
    const headers = { 'Training-Key': key };
    const projects = (await (await fetch(`${endpoint}/customvision/v3.3/training/projects`, { headers })).json()) as Array<{ id: string }>;
    expect(projects).toHaveLength(1);
    const count = await (await fetch(`${endpoint}/customvision/v3.3/training/projects/${must(projects[0]).id}/images/count`, { headers })).text();
    expect(count).toBe('100000');
    const stats = (await (await fetch(`${endpoint}/__emulator/stats`)).json()) as { requests: Record<string, number> };
    expect(stats.requests).toEqual({ GetProjects: 1, GetImageCount: 1 });
    expect(await stop(child)).toBe(0);
  });

  it('defaults to the demo account and a random 32-hex key', async () => {
    const { child, firstLine } = start(['--port', '0']);
    const line = await firstLine;
    const [, endpoint, key] = /^ENDPOINT=(http:\/\/127\.0\.0\.1:\d+) KEY=([0-9a-f]{32})$/.exec(line) ?? [];
    expect(key).toBeDefined();
    const projects = (await (await fetch(`${endpoint}/customvision/v3.3/training/projects`, { headers: { 'Training-Key': must(key) } })).json()) as unknown[];
    expect(projects).toHaveLength(3);
    expect(await stop(child)).toBe(0);
  });

  it('exits 2 with a clear message for bad flags', async () => {
    const unknown = await run(['--colour', 'blue']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown option "--colour"');
    expect(unknown.stdout).toBe('');
    const rate = await run(['--fail-rate', '1.5']);
    expect(rate.code).toBe(2);
    expect(rate.stderr).toContain('--fail-rate');
    const port = await run(['--port', 'http']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('--port needs a whole number');
  });

  it('exits 2 and names the problem for a bad seed file', async () => {
    const missing = await run(['--seed', join(folder, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Cannot read seed file');
    const file = join(folder, 'bad.json');
    writeFileSync(file, JSON.stringify({ format: 'cv-emulator-seed', version: 1, projects: [{ key: 'p', name: 'P', tags: [{ name: 'a' }], images: [{ key: 'i', width: 300, height: 300, tags: ['b'] }] }] }));
    const bad = await run(['--seed', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('projects[0].images[0].tags[0]: unknown tag "b"');
  });
});
