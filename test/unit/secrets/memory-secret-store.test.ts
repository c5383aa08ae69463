import { describe, it, expect } from 'vitest';
import { AppError } from '../../../src-main/errors/app-error';
import { KEYCHAIN_UNAVAILABLE, MemorySecretStore } from '../../../src-main/secrets';

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('MemorySecretStore', () => {
  it('keeps one secret per account, replaces on set, and forgets on delete', async () => {
    const store = new MemorySecretStore();
    await store.set('a', 'key-a');
    await store.set('b', 'key-b');
    await store.set('a', 'key-a2');
    expect(await store.get('a')).toBe('key-a2');
    expect(await store.get('b')).toBe('key-b');
    expect(await store.delete('a')).toBe(true);
    expect(await store.get('a')).toBeNull();
    expect(await store.delete('a')).toBe(false);
    expect(store.size).toBe(1);
  });

  it('answers null for an account it never saw', async () => {
    expect(await new MemorySecretStore().get('nobody')).toBeNull();
  });

  it('refuses an empty key and an empty or control-character account id, as the keytar store does', async () => {
    const store = new MemorySecretStore();
    expect((await rejection(store.set('a', ''))).code).toBe('BAD_REQUEST');
    expect((await rejection(store.set('', 'k'))).code).toBe('BAD_REQUEST');
    expect((await rejection(store.get('a\nb'))).code).toBe('BAD_REQUEST');
    expect(store.size).toBe(0);
  });

  it('when unavailable, fails every call (check included) with KEYCHAIN_UNAVAILABLE and stores nothing', async () => {
    const store = new MemorySecretStore({ unavailable: true, unavailableMessage: 'Unlock your keyring.' });
    for (const call of [store.check(), store.set('a', 'secret'), store.get('a'), store.delete('a')]) {
      const error = await rejection(call);
      expect(error.code).toBe(KEYCHAIN_UNAVAILABLE);
      expect(error.message).toBe('Unlock your keyring.');
    }
    expect(store.size).toBe(0);
  });

  it('can lose and regain the keychain while running, keeping what it held', async () => {
    const store = new MemorySecretStore();
    await store.set('a', 'key-a');
    store.setUnavailable(true);
    expect((await rejection(store.get('a'))).code).toBe(KEYCHAIN_UNAVAILABLE);
    store.setUnavailable(false);
    await store.check();
    expect(await store.get('a')).toBe('key-a');
  });
});
