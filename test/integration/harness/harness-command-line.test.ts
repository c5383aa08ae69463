/**
 * The harness as `npm run web` starts it (test/harness/main.ts, bundled as scripts/build.mjs
 * does): --help lists every option, bad options get a specific error, and without
 * --data-dir what the user makes is kept in the OS data folder under the harness's own
 * name and is still there after the harness stops and starts again. HOME and
 * XDG_CONFIG_HOME point into a temporary folder, so the real home is never written to.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { buildScript, type BuiltScript } from '../../support/build-script';
import { HARNESS_WS_PATH } from '../../harness/bridge-protocol';

const ROOT = resolve(__dirname, '../../..');
let built: BuiltScript;
let home: string;
let configHome: string;
let expectedDataDir: string;

beforeAll(async () => {
  built = await buildScript(join(ROOT, 'test/harness/main.ts'), 'harness.cjs', { __APP_VERSION__: JSON.stringify('0.0.0-test') });
  // What the harness serves; a stand-in is enough here (the real one is the e2e tests' business).
  writeFileSync(join(built.path, '..', 'bridge.js'), '/* bridge */');
});

afterAll(async () => built.remove());

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'cvs-harness-home-'));
  configHome = join(home, 'xdg-config');
  expectedDataDir = process.platform === 'linux' ? join(configHome, 'CV Steward (web harness)') : '';
});

afterEach(() => rmSync(home, { recursive: true, force: true }));

function env(): NodeJS.ProcessEnv {
  // keytar stays external in the bundle: let the copy in the temporary folder find it.
  return { ...process.env, HOME: home, XDG_CONFIG_HOME: configHome, APPDATA: join(home, 'AppData'), NODE_PATH: join(ROOT, 'node_modules') };
}

function runToEnd(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [built.path, ...args], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

interface Started {
  url: string;
  stdout: string;
  stop(): Promise<number | null>;
}

/** Starts the harness and waits for its URL line. */
function start(args: string[]): Promise<Started> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [built.path, '--keychain-service', 'cv-steward-test-harness', ...args], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /CV Steward harness: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)?.[1];
      if (!url) return;
      done({
        url,
        stdout,
        stop: () =>
          new Promise((stopped) => {
            child.once('exit', (code) => stopped(code));
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => fail(new Error(`the harness exited with ${code}: ${stderr}`)));
  });
}

async function call(harnessUrl: string, channel: string, payload: unknown): Promise<unknown> {
  const origin = harnessUrl.replace(/\/$/, '');
  const socket = new WebSocket(harnessUrl.replace('http://', 'ws://').replace(/\/$/, HARNESS_WS_PATH), { origin });
  await new Promise((ready, fail) => socket.once('open', ready).once('error', fail));
  // Events (preferences:changed) come on the same socket: wait for the answer itself.
  const reply = new Promise<unknown>((answered) =>
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { kind?: string };
      if (message.kind === 'result') answered(message);
    }),
  );
  socket.send(JSON.stringify({ id: 1, channel, payload }));
  const result = await reply;
  socket.close();
  return result;
}

describe('npm run web -- --help', () => {
  it('prints every option, one line each, and exits 0 (also after the --open npm run web adds)', async () => {
    const { code, stdout, stderr } = await runToEnd(['--open', '--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Usage: npm run web -- \[options\]/);
    const lines = stdout.split('\n');
    for (const flag of ['--port N', '--data-dir DIR', '--open', '--demo', '--keychain-service NAME', '--pick-folder DIR', '--demo-latency-ms N', '--help']) {
      const line = lines.find((candidate) => candidate.startsWith(`  ${flag} `));
      expect(line, `a line for ${flag}`).toMatch(new RegExp(`^  ${flag} +\\S`));
    }
    if (expectedDataDir) expect(stdout).toContain(`(default: ${expectedDataDir})`);
  });

  it('refuses an unknown option or a bad value (exit 2), or a data folder it cannot create (exit 1), saying which', async () => {
    const unknown = await runToEnd(['--prot', '8080']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--prot'");
    expect(unknown.stderr).toContain('npm run web -- --help');
    writeFileSync(join(home, 'a-file'), '');
    const badFolder = await runToEnd(['--data-dir', join(home, 'a-file', 'data')]);
    expect(badFolder.code).toBe(1);
    expect(badFolder.stderr).toContain(`The data folder ${join(home, 'a-file', 'data')} cannot be created: ENOTDIR`);
    const badPort = await runToEnd(['--port', 'eighty']);
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain('--port must be a number from 0 to 65535, not "eighty"');
  });
});

describe.skipIf(process.platform !== 'linux')('without --data-dir', () => {
  it('keeps what the user made in the OS data folder under the harness\'s name, across restarts', async () => {
    const first = await start([]);
    expect(first.stdout).toContain(`CV Steward harness data (settings, plans, receipts, logs): ${expectedDataDir}`);
    expect(await call(first.url, 'preferences:set', { rateLimit: 3 })).toMatchObject({ result: { ok: true, value: { rateLimit: 3 } } });
    expect(await first.stop()).toBe(0);

    // Stopped: the folder and the setting are still there, next to (not inside) the app's own folder.
    expect(existsSync(expectedDataDir)).toBe(true);
    expect(existsSync(join(configHome, 'CV Steward'))).toBe(false);
    expect(readFileSync(join(expectedDataDir, 'settings.json'), 'utf8')).toContain('"rateLimit": 3');

    const second = await start([]);
    expect(await call(second.url, 'preferences:get', {})).toMatchObject({ result: { ok: true, value: { rateLimit: 3 } } });
    await second.stop();
  });

  it('uses --data-dir instead when given, and prints that folder', async () => {
    const chosen = join(home, 'chosen');
    const harness = await start(['--data-dir', chosen]);
    expect(harness.stdout).toContain(`CV Steward harness data (settings, plans, receipts, logs): ${chosen}`);
    await call(harness.url, 'preferences:set', { rateLimit: 4 });
    await harness.stop();
    expect(readFileSync(join(chosen, 'settings.json'), 'utf8')).toContain('"rateLimit": 4');
    expect(existsSync(expectedDataDir)).toBe(false);
  });

  it('answers "Choose folder…" with a new empty folder under the data folder, still there after the harness stops', async () => {
    const chosen = join(home, 'chosen');
    const harness = await start(['--data-dir', chosen]);
    const answer = (await call(harness.url, 'export:chooseFolder', {})) as { result: { ok: boolean; value: { displayPath: string } } };
    expect(answer.result.ok).toBe(true);
    const folder = answer.result.value.displayPath;
    expect(folder.startsWith(join(chosen, 'bundles') + '/')).toBe(true);
    await harness.stop();
    expect(existsSync(folder)).toBe(true);
  });
});
