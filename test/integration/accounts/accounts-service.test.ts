/**
 * Connecting accounts against the emulator with an in-memory keychain: what is saved
 * where, what is refused, and the message a user sees for each kind of failure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { AccountsService, createDemoAccount, DEMO_ACCOUNT_ID } from '../../../src-main/accounts';
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator';
import { MemorySecretStore } from '../../../src-main/secrets';
import { createAccountsSettings, type AccountsSettings } from '../../../src-main/settings';
import { probeWithGetProjects } from '../../../src-main/accounts';
import type { AccountList } from '../../../shared/model/account';
import { memoryKeyValueStore } from '../../support/test-services';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ seed: 'empty' });
});
afterAll(async () => {
  await emulator.close();
});

function setup(overrides: { secrets?: MemorySecretStore; settings?: AccountsSettings } = {}) {
  const secrets = overrides.secrets ?? new MemorySecretStore();
  const store = memoryKeyValueStore();
  const settings = overrides.settings ?? createAccountsSettings(store);
  const changes: AccountList[] = [];
  const service = new AccountsService({ secrets, settings, probe: probeWithGetProjects, demo: createDemoAccount(), onChanged: (l) => changes.push(l) });
  return { service, secrets, settings, store, changes };
}

async function codeOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return { code: (error as { code: string }).code, message: (error as Error).message };
  }
  throw new Error('expected a failure');
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('connecting an account', () => {
  it('stores the key only in the keychain and the rest in settings, and makes it active', async () => {
    const { service, secrets, settings, store, changes } = setup();
    const summary = await service.connect({ endpoint: `  ${emulator.endpoint}/customvision/v3.3/training/ `, key: emulator.key, displayName: 'Lab' });
    expect(summary).toEqual({ accountId: summary.accountId, displayName: 'Lab', endpointHost: new URL(emulator.endpoint).host, keyFingerprint: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect(await secrets.get(summary.accountId)).toBe(emulator.key);
    expect(settings.getAccount(summary.accountId)?.endpoint).toBe(emulator.endpoint);
    expect(JSON.stringify(store.get('accounts') ?? null)).not.toContain(emulator.key);
    expect(service.list().activeAccountId).toBe(summary.accountId);
    expect(changes.at(-1)?.accounts).toHaveLength(1);
  });

  it('connecting the same resource and key twice keeps one account', async () => {
    const { service } = setup();
    const first = await service.connect({ endpoint: emulator.endpoint, key: emulator.key });
    const second = await service.connect({ endpoint: `${emulator.endpoint}/`, key: emulator.key });
    expect(second.accountId).toBe(first.accountId);
    expect(service.list().accounts).toHaveLength(1);
  });

  it.each([
    ['a wrong key', () => ({ endpoint: emulator.endpoint, key: 'ffffffffffffffffffffffffffffffff' }), 'WRONG_KEY', /refused this training key/],
    ['a key with spaces', () => ({ endpoint: emulator.endpoint, key: 'abc def' }), 'BAD_KEY', /no spaces/],
    ['plain http to a remote host', () => ({ endpoint: 'http://myres.cognitiveservices.azure.com', key: emulator.key }), 'BAD_ENDPOINT', /https/],
    ['not a URL', () => ({ endpoint: 'my resource', key: emulator.key }), 'BAD_ENDPOINT', /./],
  ])('refuses %s with a specific message and saves nothing', async (_name, input, code, message) => {
    const { service, secrets } = setup();
    const failure = await codeOf(service.connect(input()));
    expect(failure.code).toBe(code);
    expect(failure.message).toMatch(message);
    expect(failure.message).not.toContain(emulator.key);
    expect(service.list().accounts).toEqual([]);
    expect(secrets.size).toBe(0);
  });

  it('names an unreachable host', async () => {
    const { service } = setup();
    const failure = await codeOf(service.connect({ endpoint: `http://127.0.0.1:${await closedPort()}`, key: emulator.key }));
    expect(failure.code).toBe('UNREACHABLE');
    expect(failure.message).toContain('Could not reach 127.0.0.1:');
  });

  it('says when the service is throttling', async () => {
    const throttled = await startEmulator({ seed: 'empty', tps: 0.001 });
    try {
      // The bucket starts with one token; spend it, then connect.
      await fetch(`${throttled.endpoint}/customvision/v3.3/training/projects`, { headers: { 'Training-Key': throttled.key } });
      const { service } = setup();
      const failure = await codeOf(service.connect({ endpoint: throttled.endpoint, key: throttled.key }));
      expect(failure.code).toBe('THROTTLED');
    } finally {
      await throttled.close();
    }
  });

  it('refuses to save anywhere when the keychain is unavailable', async () => {
    const secrets = new MemorySecretStore({ unavailable: true });
    const { service, settings } = setup({ secrets });
    const failure = await codeOf(service.connect({ endpoint: emulator.endpoint, key: emulator.key }));
    expect(failure.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(settings.listAccounts()).toEqual([]);
  });

  it('removes the keychain entry again when the settings cannot be written', async () => {
    const secrets = new MemorySecretStore();
    const base = createAccountsSettings(memoryKeyValueStore());
    const broken: AccountsSettings = {
      ...base,
      listAccounts: () => base.listAccounts(),
      addAccount: () => {
        throw new Error('disk full');
      },
    };
    const { service } = setup({ secrets, settings: broken });
    await expect(service.connect({ endpoint: emulator.endpoint, key: emulator.key })).rejects.toThrow('disk full');
    expect(secrets.size).toBe(0);
  });
});

describe('managing accounts', () => {
  it('renames, switches and forgets (forgetting deletes the keychain entry)', async () => {
    const { service, secrets } = setup();
    const a = await service.connect({ endpoint: emulator.endpoint, key: emulator.key, displayName: 'A' });
    expect(service.rename(a.accountId, '  Production  ').displayName).toBe('Production');
    expect(await service.forget(a.accountId)).toBe(true);
    expect(await secrets.get(a.accountId)).toBeNull();
    expect(service.list()).toEqual({ accounts: [], activeAccountId: null, demoAccountId: null });
  });

  it('reports a key that vanished from the keychain instead of failing obscurely', async () => {
    const { service, secrets } = setup();
    const a = await service.connect({ endpoint: emulator.endpoint, key: emulator.key, displayName: 'A' });
    await secrets.delete(a.accountId);
    const failure = await codeOf(service.credentials(a.accountId));
    expect(failure.code).toBe('KEY_MISSING');
    expect(failure.message).toContain('"A"');
  });

  it('runs the demo account in memory and stops it when forgotten', async () => {
    const { service, settings } = setup();
    const demo = await service.startDemo();
    expect(demo.accountId).toBe(DEMO_ACCOUNT_ID);
    expect(service.list().demoAccountId).toBe(DEMO_ACCOUNT_ID);
    expect(service.list().activeAccountId).toBe(DEMO_ACCOUNT_ID);
    expect(settings.listAccounts()).toEqual([]);
    const { endpoint, key } = await service.credentials();
    const projects = (await (await fetch(`${endpoint}/customvision/v3.3/training/projects`, { headers: { 'Training-Key': key } })).json()) as unknown[];
    expect(projects.length).toBeGreaterThanOrEqual(3);
    await service.forget(DEMO_ACCOUNT_ID);
    await expect(fetch(`${endpoint}/customvision/v3.3/training/projects`)).rejects.toThrow();
  });
});
