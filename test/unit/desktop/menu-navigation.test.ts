/**
 * The page side of the desktop integration: the application menu's `app:navigate` (and a
 * notification's click) switches the page, and "Show in folder" asks main by id, with a
 * refusal shown on the error surface rather than lost.
 */
import { describe, expect, it } from 'vitest';
import { createStewardStore } from '../../../src-renderer/store';
import { connectStewardEvents } from '../../../src-renderer/store/connect-events';
import { FakeMain } from '../../support/renderer/fakes';

function connected() {
  const main = new FakeMain();
  const store = createStewardStore(main.client);
  const disconnect = connectStewardEvents(store, main.client);
  return { main, store, disconnect };
}

describe('the application menu, seen from the page', () => {
  it('Settings…, Export… and Cleanup… switch the page', () => {
    const { main, store, disconnect } = connected();
    expect(store.getState().page).toBe('accounts');
    main.emitNavigate('settings');
    expect(store.getState().page).toBe('settings');
    main.emitNavigate('export');
    expect(store.getState().page).toBe('export');
    main.emitNavigate('cleanup');
    expect(store.getState().page).toBe('cleanup');
    disconnect();
  });

  it('stops listening once disconnected', () => {
    const { main, store, disconnect } = connected();
    disconnect();
    main.emitNavigate('settings');
    expect(store.getState().page).toBe('accounts');
    expect(main.navigateListeners.size).toBe(0);
  });
});

describe('show in folder, seen from the page', () => {
  it('names only what to show (a folder id, a plan id, the logs), never a path', async () => {
    const main = new FakeMain();
    const store = createStewardStore(main.client);
    await store.getState().showInFolder({ kind: 'bundle', folderId: 'folder-1' });
    await store.getState().showInFolder({ kind: 'logs' });
    expect(main.requests).toEqual(['app.showInFolder bundle folder-1', 'app.showInFolder logs']);
    expect(store.getState().errors).toEqual([]);
  });

  it('shows main’s refusal on the error surface', async () => {
    const main = new FakeMain();
    const store = createStewardStore(main.client);
    main.failWith('app.showInFolder', { code: 'NOT_FOUND', message: 'The bundle folder is no longer there: it was moved or deleted.' });
    await store.getState().showInFolder({ kind: 'bundle', folderId: 'folder-1' });
    expect(store.getState().errors).toMatchObject([{ code: 'NOT_FOUND', message: 'The bundle folder is no longer there: it was moved or deleted.' }]);
  });
});
