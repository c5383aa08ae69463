/**
 * The keytar SecretStore against the real OS keychain, not a fake: a fake cannot show a
 * locked or missing keychain, and keys must live nowhere else.
 * On Linux CI that is GNOME Keyring in a private D-Bus session: run the tests under
 * `node scripts/with-keyring.mjs …`. Entries go under a unique service name and are removed
 * afterwards, so a developer's real "cv-steward" entries are never touched.
 *
 * No keychain is not a pass: the suite fails and says what to do, unless
 * CV_STEWARD_SKIP_KEYCHAIN_TESTS=1 asks to skip it (a printed reason says so).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { KEYCHAIN_UNAVAILABLE, KeytarSecretStore, requireKeytar } from '../../../src-main/secrets';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SKIP = process.env.CV_STEWARD_SKIP_KEYCHAIN_TESTS === '1';
const SERVICE = `cv-steward-test-${randomBytes(6).toString('hex')}`;
const OTHER_SERVICE = `${SERVICE}-other`;
// Shaped like an Azure training key; random so that it cannot be found by accident.
const SECRET = randomBytes(16).toString('hex');

/** keytar's listing call, which the SecretStore does not need: used to prove cleanup. */
interface KeytarListing {
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
  deletePassword(service: string, account: string): Promise<boolean>;
}
const listing = (): KeytarListing => requireKeytar() as unknown as KeytarListing;

async function reachability(): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    await new KeytarSecretStore({ service: SERVICE }).check();
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

if (SKIP) {
  console.warn(
    `[keychain.test] Skipping the real OS keychain tests: CV_STEWARD_SKIP_KEYCHAIN_TESTS=1 is set. ` +
      'Nothing about storing keys in the keychain was checked on this machine.',
  );
}
// Probed once, before the tests are collected, so each test can depend on the answer.
const keychain = SKIP ? { ok: false as const, reason: 'skipped' } : await reachability();

describe.skipIf(SKIP)('KeytarSecretStore against the real OS keychain', () => {
  afterAll(async () => {
    if (!keychain.ok) return;
    for (const service of [SERVICE, OTHER_SERVICE]) {
      for (const { account } of await listing().findCredentials(service)) await listing().deletePassword(service, account);
      expect(await listing().findCredentials(service)).toEqual([]);
    }
  });

  it('finds a usable keychain (set, read back and delete a throwaway entry)', () => {
    if (!keychain.ok) {
      throw new Error(
        `No usable OS keychain, so keys could not be stored on this machine.\n${keychain.reason}\n` +
          'On Linux without a desktop session, run the tests as `node scripts/with-keyring.mjs npx vitest run` ' +
          '(it starts D-Bus and an unlocked GNOME Keyring). To skip these tests knowingly, set CV_STEWARD_SKIP_KEYCHAIN_TESTS=1.',
      );
    }
  });

  it.runIf(keychain.ok)('stores, returns, replaces and deletes a key', async () => {
    const store = new KeytarSecretStore({ service: SERVICE });
    await store.set('account-1', SECRET);
    expect(await store.get('account-1')).toBe(SECRET);

    const replacement = randomBytes(16).toString('hex');
    await store.set('account-1', replacement);
    expect(await store.get('account-1')).toBe(replacement);

    expect(await store.delete('account-1')).toBe(true);
    expect(await store.get('account-1')).toBeNull();
    expect(await store.delete('account-1')).toBe(false);
  });

  it.runIf(keychain.ok)('keeps accounts and services apart', async () => {
    const store = new KeytarSecretStore({ service: SERVICE });
    const other = new KeytarSecretStore({ service: OTHER_SERVICE });
    await store.set('account-a', `${SECRET}-a`);
    await store.set('account-b', `${SECRET}-b`);
    expect(await store.get('account-a')).toBe(`${SECRET}-a`);
    expect(await store.get('account-b')).toBe(`${SECRET}-b`);
    expect(await other.get('account-a')).toBeNull();
    await store.delete('account-a');
    expect(await store.get('account-b')).toBe(`${SECRET}-b`);
    await store.delete('account-b');
  });

  it.runIf(keychain.ok)('check() passes and leaves no entry behind', async () => {
    const store = new KeytarSecretStore({ service: SERVICE });
    await store.check();
    await store.check();
    expect(await listing().findCredentials(SERVICE)).toEqual([]);
  });
});

interface ChildResult {
  op: string;
  /** The AppError code, or NONE when the call succeeded. */
  code: string;
  message: string;
}

/**
 * Runs the store in a child Node process with the given environment (and optionally under a
 * wrapper such as dbus-run-session), the way the app would run on a machine whose keychain
 * is missing. The store is bundled from the real sources with esbuild (keytar external, as
 * in the app build). The key reaches the child on stdin, never on its command line.
 */
async function runStoreInChild(env: NodeJS.ProcessEnv, wrapper: string[] = []): Promise<ChildResult[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cv-steward-keychain-'));
  try {
    const outfile = path.join(dir, 'child.cjs');
    await build({
      stdin: {
        resolveDir: REPO_ROOT,
        loader: 'ts',
        contents: `
          import { KeytarSecretStore } from './src-main/secrets';
          let secret = '';
          process.stdin.setEncoding('utf8');
          process.stdin.on('data', (chunk) => { secret += chunk; });
          process.stdin.on('end', async () => {
            const store = new KeytarSecretStore({ service: ${JSON.stringify(SERVICE)} });
            const ops = {
              set: () => store.set('account-1', secret),
              get: () => store.get('account-1'),
              delete: () => store.delete('account-1'),
              check: () => store.check(),
            };
            const results = [];
            for (const [op, run] of Object.entries(ops)) {
              try { await run(); results.push({ op, code: 'NONE', message: '' }); }
              catch (error) { results.push({ op, code: error.code ?? 'NO_CODE', message: String(error.message) }); }
            }
            process.stdout.write(JSON.stringify(results));
          });
        `,
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      outfile,
      external: ['keytar'],
      logLevel: 'error',
    });
    const output = await new Promise<string>((resolve, reject) => {
      // NODE_PATH lets the bundle in the temp folder require the repo's keytar.
      const [program = process.execPath, ...args] = [...wrapper, process.execPath, outfile];
      const child = spawn(program, args, {
        cwd: dir,
        env: { ...env, NODE_PATH: path.join(REPO_ROOT, 'node_modules') },
        stdio: ['pipe', 'pipe', 'pipe'],
        timeout: 20_000,
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`child exited ${code}: ${stderr}`))));
      child.stdin.end(SECRET);
    });
    // Nothing was written next to the program instead of the keychain.
    expect(readdirSync(dir).sort()).toEqual(['child.cjs']);
    return JSON.parse(output) as ChildResult[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function envWithout(...names: string[]): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !names.includes(name)));
}

describe.runIf(process.platform === 'linux')('KeytarSecretStore on Linux with no reachable keychain', () => {
  const CASES: Array<[string, NodeJS.ProcessEnv]> = [
    ['a D-Bus address that points nowhere', { ...envWithout('DISPLAY', 'WAYLAND_DISPLAY'), DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' }],
    ['no D-Bus session and no display', envWithout('DISPLAY', 'WAYLAND_DISPLAY', 'DBUS_SESSION_BUS_ADDRESS')],
  ];

  for (const [what, env] of CASES) {
    it(`${what}: every call fails with KEYCHAIN_UNAVAILABLE, says what to install, and never shows the key`, async () => {
      const results = await runStoreInChild(env);
      expect(results.map((r) => r.op)).toEqual(['set', 'get', 'delete', 'check']);
      for (const result of results) {
        expect(result.code).toBe(KEYCHAIN_UNAVAILABLE);
        expect(result.message).toMatch(/GNOME Keyring/);
        expect(result.message).toMatch(/libsecret/);
        expect(result.message).not.toContain(SECRET);
      }
    });
  }
});

function onPath(tool: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && existsSync(path.join(dir, tool)));
}

const HAS_SECRET_SERVICE_TOOLS = process.platform === 'linux' && onPath('dbus-run-session') && onPath('gnome-keyring-daemon');

describe.runIf(HAS_SECRET_SERVICE_TOOLS)('KeytarSecretStore on Linux with a Secret Service but no usable keyring', () => {
  it('reading looks fine, but check() and saving a key fail with KEYCHAIN_UNAVAILABLE', async () => {
    // GNOME Keyring started by D-Bus with an empty keyring folder and no display to ask the
    // user for a password: there is no login keyring, and none can be created.
    const home = mkdtempSync(path.join(tmpdir(), 'cv-steward-no-login-keyring-'));
    try {
      const env = { ...envWithout('DISPLAY', 'WAYLAND_DISPLAY', 'DBUS_SESSION_BUS_ADDRESS'), XDG_DATA_HOME: home, XDG_RUNTIME_DIR: home };
      const results = await runStoreInChild(env, ['dbus-run-session', '--']);
      const byOp = new Map(results.map((r) => [r.op, r]));
      // This is why check() exists: get() alone would report "no key stored" and look healthy.
      expect(byOp.get('get')?.code).toBe('NONE');
      for (const op of ['set', 'check']) {
        const result = byOp.get(op);
        expect(result?.code).toBe(KEYCHAIN_UNAVAILABLE);
        expect(result?.message).toMatch(/create or unlock the default keyring/);
        expect(result?.message).not.toContain(SECRET);
      }
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

if (process.platform !== 'linux') {
  console.warn('[keychain.test] The "no usable keychain" tests need Linux (they point D-Bus nowhere); skipped on this OS.');
} else if (!HAS_SECRET_SERVICE_TOOLS) {
  console.warn('[keychain.test] dbus-run-session or gnome-keyring-daemon is missing: the "no usable keyring" test is skipped.');
}
