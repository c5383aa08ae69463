import { describe, it, expect } from 'vitest';
import { AppError } from '../../../src-main/errors/app-error';
import { KEYCHAIN_UNAVAILABLE, KeytarSecretStore, PROBE_ACCOUNT_PREFIX, type KeytarApi } from '../../../src-main/secrets';

const SECRET = '3f2a9c0d71e84b56a0c9d2e7f1b34a58';

/** Behaves like keytar over a working keychain, or fails every call with a given message. */
class FakeKeytar implements KeytarApi {
  readonly entries = new Map<string, string>();
  failure: string | null = null;
  /** Returns something other than what was stored (a keychain that silently drops writes). */
  dropWrites = false;
  calls: string[] = [];

  async getPassword(service: string, account: string): Promise<string | null> {
    this.calls.push(`get ${account}`);
    this.fail();
    return this.entries.get(`${service}/${account}`) ?? null;
  }
  async setPassword(service: string, account: string, password: string): Promise<void> {
    this.calls.push(`set ${account}`);
    this.fail();
    if (!this.dropWrites) this.entries.set(`${service}/${account}`, password);
  }
  async deletePassword(service: string, account: string): Promise<boolean> {
    this.calls.push(`delete ${account}`);
    this.fail();
    return this.entries.delete(`${service}/${account}`);
  }
  private fail(): void {
    if (this.failure !== null) throw new Error(this.failure);
  }
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

function storeOver(keytar: KeytarApi, platform: NodeJS.Platform = 'linux'): KeytarSecretStore {
  return new KeytarSecretStore({ service: 'cv-steward-unit', platform, loadKeytar: () => keytar });
}

describe('KeytarSecretStore over a working keychain', () => {
  it('stores one entry per account under its service name', async () => {
    const keytar = new FakeKeytar();
    const store = storeOver(keytar);
    await store.set('acc-1', SECRET);
    expect(keytar.entries.get('cv-steward-unit/acc-1')).toBe(SECRET);
    expect(await store.get('acc-1')).toBe(SECRET);
    expect(await store.get('acc-2')).toBeNull();
    expect(await store.delete('acc-1')).toBe(true);
    expect(await store.delete('acc-1')).toBe(false);
  });

  it('uses the service name "cv-steward" unless told otherwise', () => {
    expect(new KeytarSecretStore({ loadKeytar: () => new FakeKeytar() }).service).toBe('cv-steward');
  });

  it('check() writes, reads and removes a throwaway entry, leaving the keychain as it was', async () => {
    const keytar = new FakeKeytar();
    await storeOver(keytar).check();
    expect(keytar.calls.map((call) => call.split(' ')[0])).toEqual(['set', 'get', 'delete']);
    expect(keytar.calls.every((call) => call.includes(PROBE_ACCOUNT_PREFIX))).toBe(true);
    expect(keytar.entries.size).toBe(0);
  });

  it('check() fails when the keychain accepts a write but does not keep it', async () => {
    const keytar = new FakeKeytar();
    keytar.dropWrites = true;
    const error = await rejection(storeOver(keytar).check());
    expect(error.code).toBe(KEYCHAIN_UNAVAILABLE);
  });

  it('does not load the native module until it is used, so the app starts without it', async () => {
    let loads = 0;
    const store = new KeytarSecretStore({
      platform: 'linux',
      loadKeytar: () => {
        loads += 1;
        return new FakeKeytar();
      },
    });
    expect(loads).toBe(0);
    await store.get('a');
    await store.get('b');
    expect(loads).toBe(1);
  });
});

describe('KeytarSecretStore when the keychain cannot be used', () => {
  const LINUX_FAILURES = [
    'Cannot autolaunch D-Bus without X11 $DISPLAY',
    'The name org.freedesktop.secrets was not provided by any .service files',
    'Could not connect: No such file or directory',
  ];

  for (const failure of LINUX_FAILURES) {
    it(`Linux "${failure}" → KEYCHAIN_UNAVAILABLE telling the user to install or start a keyring`, async () => {
      const keytar = new FakeKeytar();
      keytar.failure = failure;
      const store = storeOver(keytar);
      for (const call of [store.set('acc', SECRET), store.get('acc'), store.delete('acc'), store.check()]) {
        const error = await rejection(call);
        expect(error.code).toBe(KEYCHAIN_UNAVAILABLE);
        expect(error.message).toMatch(/GNOME Keyring/);
        expect(error.message).toMatch(/KWallet/);
        expect(error.message).toContain(failure);
        expect(error.message).not.toContain(SECRET);
      }
    });
  }

  const LINUX_LOCKED = [
    'Cannot create an item in a locked collection',
    'Object does not exist at path “/org/freedesktop/secrets/collection/login”',
  ];
  for (const failure of LINUX_LOCKED) {
    it(`Linux "${failure}" → KEYCHAIN_UNAVAILABLE telling the user to create or unlock the default keyring`, async () => {
      const keytar = new FakeKeytar();
      keytar.failure = failure;
      const error = await rejection(storeOver(keytar).set('acc', SECRET));
      expect(error.code).toBe(KEYCHAIN_UNAVAILABLE);
      expect(error.message).toMatch(/locked/);
      expect(error.message).toMatch(/create or unlock the default keyring/);
    });
  }

  it('on macOS a cancelled prompt tells the user to unlock the login keychain', async () => {
    const keytar = new FakeKeytar();
    keytar.failure = 'User canceled the operation.';
    const error = await rejection(storeOver(keytar, 'darwin').set('acc', SECRET));
    expect(error.code).toBe(KEYCHAIN_UNAVAILABLE);
    expect(error.message).toMatch(/Keychain Access/);
    expect(error.message).toMatch(/login/);
  });

  it('on Windows the message names Credential Manager', async () => {
    const keytar = new FakeKeytar();
    keytar.failure = 'Element not found.';
    const error = await rejection(storeOver(keytar, 'win32').get('acc'));
    expect(error.message).toMatch(/Windows Credential Manager/);
  });

  it('never repeats the key, even when the native layer echoes it', async () => {
    const keytar = new FakeKeytar();
    keytar.failure = `setPassword(${SECRET}) failed: Cannot create an item in a locked collection`;
    const error = await rejection(storeOver(keytar).set('acc', SECRET));
    expect(error.code).toBe(KEYCHAIN_UNAVAILABLE);
    expect(error.message).not.toContain(SECRET);
    expect(error.message).toContain('[hidden]');
    expect(error.cause).toBeUndefined();
  });

  it('a module that fails to load (no libsecret) is reported, and retried on the next call', async () => {
    let attempts = 0;
    const store = new KeytarSecretStore({
      platform: 'linux',
      loadKeytar: () => {
        attempts += 1;
        throw new Error('libsecret-1.so.0: cannot open shared object file: No such file or directory');
      },
    });
    const error = await rejection(store.check());
    expect(error.code).toBe(KEYCHAIN_UNAVAILABLE);
    expect(error.message).toMatch(/keytar/);
    expect(error.message).toMatch(/libsecret-1-0/);
    await rejection(store.get('acc'));
    expect(attempts).toBe(2);
  });

  it('refuses an empty key before touching the keychain', async () => {
    const keytar = new FakeKeytar();
    const error = await rejection(storeOver(keytar).set('acc', ''));
    expect(error.code).toBe('BAD_REQUEST');
    expect(keytar.calls).toEqual([]);
  });
});
