/**
 * `--account ID` with the built command, for real: the account saved in a settings file
 * written the way the app writes it (conf, "settings.json" in the data folder), the key in
 * the real OS keychain under a throwaway service name (CV_STEWARD_KEYCHAIN_SERVICE), so a
 * developer's real "cv-steward" entries are never touched. Needs a keychain like
 * keychain.test.ts (run under `node scripts/with-keyring.mjs` on a headless Linux);
 * CV_STEWARD_SKIP_KEYCHAIN_TESTS=1 skips it with a printed reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InventorySnapshot } from '../../../shared/model/inventory';
import type { RunningEmulator } from '../../../src-main/emulator';
import { keyFingerprint, KeytarSecretStore } from '../../../src-main/secrets';
import { createAccountsSettings, createConfStore } from '../../../src-main/settings';
import { builtCli, cliEnv, jsonLine, runCliProcess, type BuiltCli } from '../../support/cli/cli-support';
import { startTestEmulator } from '../../support/emulator/emulator-support';

const SKIP = process.env.CV_STEWARD_SKIP_KEYCHAIN_TESTS === '1';
const SERVICE = `cv-steward-test-${randomBytes(6).toString('hex')}`;
const ACCOUNT_ID = `cli-test-${randomBytes(4).toString('hex')}`;
const ORPHAN_ID = `cli-orphan-${randomBytes(4).toString('hex')}`;

if (SKIP) console.warn('[cli-account.test] Skipping --account with the real OS keychain: CV_STEWARD_SKIP_KEYCHAIN_TESTS=1 is set.');

let cli: BuiltCli;
let emu: RunningEmulator;
let dataDir: string;
const store = new KeytarSecretStore({ service: SERVICE });

beforeAll(async () => {
  if (SKIP) return;
  try {
    await store.check();
  } catch (error) {
    throw new Error(
      `No usable OS keychain, so --account cannot be tested (${error instanceof Error ? error.message : String(error)}). ` +
        'On a Linux machine without a desktop session run the tests under `node scripts/with-keyring.mjs`, or set CV_STEWARD_SKIP_KEYCHAIN_TESTS=1 to skip.',
      { cause: error },
    );
  }
  cli = await builtCli();
  emu = await startTestEmulator({ seed: 'demo' });
  dataDir = await mkdtemp(join(tmpdir(), 'cv-cli-account-'));
  // What the app does on connect: the record in settings.json, the key in the keychain.
  const settings = createAccountsSettings(createConfStore({ cwd: dataDir }));
  const record = { displayName: 'Shop resource', endpoint: emu.endpoint, keyFingerprint: keyFingerprint(emu.key), createdAt: new Date().toISOString() };
  settings.addAccount({ id: ACCOUNT_ID, ...record });
  settings.addAccount({ id: ORPHAN_ID, ...record, displayName: 'Key forgotten' });
  await store.set(ACCOUNT_ID, emu.key);
}, 180_000);

afterAll(async () => {
  if (SKIP) return;
  await store.delete(ACCOUNT_ID).catch(() => false);
  await emu?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  cli?.remove();
});

const env = () => cliEnv(dataDir, { CV_STEWARD_KEYCHAIN_SERVICE: SERVICE });

describe.skipIf(SKIP)('--account ID: the app\'s saved account, key from the OS keychain (built command)', () => {
  it('finds settings.json in CV_STEWARD_DATA_DIR and the key in the keychain', async () => {
    expect(existsSync(join(dataDir, 'settings.json'))).toBe(true);
    const result = await runCliProcess(cli, ['inventory', '--account', ACCOUNT_ID, '--json', '--rate', '500'], env());
    expect(result.code, result.stderr).toBe(0);
    const snapshot = jsonLine<InventorySnapshot>(result);
    expect(snapshot.accountId).toBe(ACCOUNT_ID);
    expect(snapshot.account).toMatchObject({ displayName: 'Shop resource', keyFingerprint: keyFingerprint(emu.key) });
    expect(snapshot.projects).toHaveLength(3);
    expect(result.stdout + result.stderr).not.toContain(emu.key);
  });

  it('lists the saved accounts when the id is unknown (exit 2), and explains a key missing from the keychain (exit 1)', async () => {
    const unknown = await runCliProcess(cli, ['inventory', '--account', 'nope'], env());
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No saved account has that id.');
    expect(unknown.stderr).toContain(`${ACCOUNT_ID}  Shop resource  (${new URL(emu.endpoint).host})`);

    const orphan = await runCliProcess(cli, ['inventory', '--account', ORPHAN_ID], env());
    expect(orphan.code).toBe(1);
    expect(orphan.stderr).toContain(`The key of "Key forgotten" is not in the keychain (service "${SERVICE}")`);
  });
});
