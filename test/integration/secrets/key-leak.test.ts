/**
 * The training key never leaves main: after a full account life cycle (connect, rename,
 * switch, a job, forget — plus failed connects), no file the app wrote and nothing it
 * reported or sent to the page contains the key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator';
import { createServices, type Services } from '../../../src-main/services';
import { MemorySecretStore } from '../../../src-main/secrets';
import { createConfStore } from '../../../src-main/settings';
import { createDispatcher } from '../../../src-main/ipc/dispatcher';
import { TEST_APP_INFO } from '../../support/test-services';

let emulator: RunningEmulator;
let dataDir: string;
let services: Services;
const reported: string[] = [];
const sentToPage: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ seed: 'empty' });
  dataDir = await mkdtemp(join(tmpdir(), 'cvs-leak-'));
  services = createServices({
    dataDir,
    appInfo: TEST_APP_INFO,
    secrets: new MemorySecretStore(),
    settingsStore: createConfStore({ cwd: dataDir, onWarning: (w) => reported.push(w) }),
    reportError: (context, error) => reported.push(`${context}: ${error instanceof Error ? `${error.message}\n${error.stack}` : String(error)}`),
  });
  services.events.subscribe((event, payload) => sentToPage.push(JSON.stringify({ event, payload })));
});

afterAll(async () => {
  await services.dispose();
  await emulator.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function call(channel: string, payload: unknown): Promise<unknown> {
  const dispatch = createDispatcher(services.handlers, { onInternalError: (c, e) => reported.push(`${c}: ${String(e)}`) });
  const result = await dispatch(channel, payload);
  sentToPage.push(JSON.stringify(result));
  return result;
}

describe('the training key stays in main', () => {
  it('is absent from settings, reports and everything sent to the page', async () => {
    const key = emulator.key;
    // Failed attempts echo nothing of what was typed.
    expect(await call('accounts:connect', { endpoint: emulator.endpoint, key: `${key.slice(0, 30)}zz` })).toMatchObject({ ok: false, error: { code: 'WRONG_KEY' } });
    expect(await call('accounts:connect', { endpoint: `ftp://${key}.example`, key })).toMatchObject({ ok: false, error: { code: 'BAD_ENDPOINT' } });

    const connected = (await call('accounts:connect', { endpoint: emulator.endpoint, key, displayName: 'Lab' })) as { ok: true; value: { accountId: string } };
    expect(connected.ok).toBe(true);
    const { accountId } = connected.value;
    await call('accounts:rename', { accountId, displayName: 'Lab (renamed)' });
    await call('accounts:switch', { accountId });
    await call('accounts:list', {});
    expect((await services.accounts.credentials(accountId)).key).toBe(key);
    await call('accounts:forget', { accountId });

    const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
    const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(await readFile(file, 'utf8'), file).not.toContain(key);
    expect(reported.join('\n')).not.toContain(key);
    expect(sentToPage.length).toBeGreaterThan(5);
    expect(sentToPage.join('\n')).not.toContain(key);
    // The part of the key a fingerprint could have leaked is not there either.
    expect(sentToPage.join('\n')).not.toContain(key.slice(0, 8));
  });
});
