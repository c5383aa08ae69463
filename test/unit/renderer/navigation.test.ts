import { afterEach, describe, expect, it } from 'vitest';
import {
  createStewardStore,
  pageLabel,
  PAGES,
  resetStewardStore,
  useStewardStore,
  type Page,
} from '../../../src-renderer/store';
import { connectHashRouting, hashForPage, pageFromHash } from '../../../src-renderer/store/hash-routing';
import { FakeMain, FakeWindow } from '../../support/renderer/fakes';

function newStore() {
  return createStewardStore(new FakeMain().client);
}

describe('navigation', () => {
  it('opens on the Accounts page', () => {
    const store = newStore();
    expect(store.getState().page).toBe('accounts');
    expect(pageLabel(store.getState().page)).toBe('Accounts');
  });

  it('switches to the page the user picks', () => {
    const store = newStore();
    store.getState().navigate('settings');
    expect(store.getState().page).toBe('settings');
    store.getState().navigate('cleanup');
    expect(store.getState().page).toBe('cleanup');
  });

  it('stays on the current page when asked for a page that does not exist', () => {
    const store = newStore();
    store.getState().navigate('export');
    // A value from outside the type system (a stale link, a bad message) must not blank the app.
    store.getState().navigate('admin' as Page);
    expect(store.getState().page).toBe('export');
  });

  it('every page has a label shown in the navigation', () => {
    expect(PAGES.map((page) => pageLabel(page))).toEqual(['Accounts', 'Inventory', 'Export', 'Cleanup', 'Settings']);
  });
});

describe('hash mapping', () => {
  it.each(PAGES)('gives %s an address of its own and reads it back', (page) => {
    expect(hashForPage(page)).toBe(`#/${page}`);
    expect(pageFromHash(hashForPage(page))).toBe(page);
  });

  it('accepts a trailing slash', () => {
    expect(pageFromHash('#/settings/')).toBe('settings');
  });

  it.each([
    ['empty', ''],
    ['bare #', '#'],
    ['bare #/', '#/'],
    ['no slash', '#settings'],
    ['wrong case', '#/Settings'],
    ['unknown page', '#/admin'],
    ['nested path', '#/settings/about'],
    ['double slash', '#//settings'],
    ['query string', '#/settings?tab=about'],
    ['leading space', ' #/settings'],
    ['trailing newline', '#/settings\n'],
    ['object key', '#/constructor'],
    ['prototype key', '#/__proto__'],
    ['url-encoded', '#/%73ettings'],
  ])('ignores a malformed hash (%s)', (_label, hash) => {
    expect(pageFromHash(hash)).toBeNull();
  });
});

describe('connectHashRouting', () => {
  it('opens on the page named in the address, without rewriting it', () => {
    const store = newStore();
    const win = new FakeWindow('#/settings');
    connectHashRouting(store, win.asRoutingWindow());

    expect(store.getState().page).toBe('settings');
    expect(win.location.hash).toBe('#/settings');
    expect(win.entries).toEqual(['#/settings']);
  });

  it('writes the current page into an empty address without adding a history entry', () => {
    const store = newStore();
    const win = new FakeWindow('');
    connectHashRouting(store, win.asRoutingWindow());

    expect(store.getState().page).toBe('accounts');
    expect(win.location.hash).toBe('#/accounts');
    expect(win.entries).toEqual(['#/accounts']);
  });

  it('replaces a malformed address with the current page', () => {
    const store = newStore();
    store.getState().navigate('inventory');
    const win = new FakeWindow('#/no-such-page');
    connectHashRouting(store, win.asRoutingWindow());

    expect(store.getState().page).toBe('inventory');
    expect(win.location.hash).toBe('#/inventory');
    expect(win.entries).toEqual(['#/inventory']);
  });

  it('puts the page the user navigates to in the address, as a new history entry', () => {
    const store = newStore();
    const win = new FakeWindow('#/accounts');
    connectHashRouting(store, win.asRoutingWindow());

    store.getState().navigate('export');
    expect(win.location.hash).toBe('#/export');
    expect(win.entries).toEqual(['#/accounts', '#/export']);

    // The browser then reports the change it was told about; nothing else must happen.
    win.runQueuedEvents();
    expect(store.getState().page).toBe('export');
    expect(win.entries).toEqual(['#/accounts', '#/export']);
  });

  it('follows an address the user types', () => {
    const store = newStore();
    const win = new FakeWindow('#/accounts');
    connectHashRouting(store, win.asRoutingWindow());

    win.userGoesTo('#/cleanup');
    expect(store.getState().page).toBe('cleanup');
    expect(win.location.hash).toBe('#/cleanup');
  });

  it('goes back to the previous page with the back button', () => {
    const store = newStore();
    const win = new FakeWindow('#/accounts');
    connectHashRouting(store, win.asRoutingWindow());

    store.getState().navigate('inventory');
    store.getState().navigate('settings');
    win.runQueuedEvents();

    win.back();
    expect(store.getState().page).toBe('inventory');
    win.back();
    expect(store.getState().page).toBe('accounts');
    // Going back must not push new entries (which would make back loop forever).
    expect(win.entries).toEqual(['#/accounts']);
  });

  it('keeps the page and corrects the address when the user types an unknown one', () => {
    const store = newStore();
    const win = new FakeWindow('#/export');
    connectHashRouting(store, win.asRoutingWindow());

    win.userGoesTo('#/nonsense');
    expect(store.getState().page).toBe('export');
    expect(win.location.hash).toBe('#/export');
  });

  it('stops following the address and the page once disconnected', () => {
    const store = newStore();
    const win = new FakeWindow('#/accounts');
    const disconnect = connectHashRouting(store, win.asRoutingWindow());
    disconnect();

    win.userGoesTo('#/settings');
    expect(store.getState().page).toBe('accounts');

    store.getState().navigate('export');
    expect(win.location.hash).toBe('#/settings');
    expect(win.hashChangeListenerCount).toBe(0);
  });
});

describe('resetStewardStore', () => {
  afterEach(() => resetStewardStore());

  it('puts the app store back on Accounts with nothing left from before', () => {
    useStewardStore.getState().navigate('settings');
    useStewardStore.getState().pushError({ code: 'INTERNAL', message: 'Left over from another test.' });

    resetStewardStore();

    expect(useStewardStore.getState().page).toBe('accounts');
    expect(useStewardStore.getState().errors).toEqual([]);
    expect(useStewardStore.getState().jobsById).toEqual({});
    expect(useStewardStore.getState().appInfo).toBeNull();
  });
});
