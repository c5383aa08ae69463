/**
 * The real window helper, with Electron's BrowserWindow replaced by a recording fake
 * (the Electron binary is not needed): the preferences every window gets, and the
 * guards on its page.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL } from '../../../src-main/electron/trusted-sender';
import { FakeBrowserWindow } from '../../support/electron/fakes';

vi.mock('electron', async () => ({ BrowserWindow: (await import('../../support/electron/fakes')).FakeBrowserWindow }));

const { createSecureWindow } = await import('../../../src-main/electron/secure-window');

function open(trusted = new Set<number>()) {
  createSecureWindow({ preloadPath: '/app/dist/preload/preload.cjs', trustedWebContentsIds: trusted, title: 'CV Steward' });
  const window = FakeBrowserWindow.created.at(-1);
  if (!window) throw new Error('no window was created');
  return { window, trusted, prefs: window.options.webPreferences ?? {} };
}

describe('every window CV Steward opens', () => {
  beforeEach(() => {
    FakeBrowserWindow.created = [];
  });

  it('isolates and sandboxes its page, with no Node anywhere', () => {
    const { prefs } = open();
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps the web platform’s own protections and turns on nothing experimental', () => {
    const { prefs } = open();
    expect(prefs).toMatchObject({ webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false, webviewTag: false, navigateOnDragDrop: false });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('enableRemoteModule');
  });

  it('loads only the contract preload and the app page from app://, never file://', () => {
    const { window, prefs } = open();
    expect(prefs.preload).toBe('/app/dist/preload/preload.cjs');
    expect(window.loadedUrl).toBe(APP_ENTRY_URL);
    expect(new URL(window.loadedUrl ?? '').protocol).toBe('app:');
  });

  it('guards its page: no new windows, no navigation away, no webviews', () => {
    const { window } = open();
    expect(window.webContents.openWindow('https://example.com/')).toBe('deny');
    expect(window.webContents.navigate('https://example.com/')).toBe(false);
    expect(window.webContents.navigate('app://steward/index.html#/settings')).toBe(true);
    expect(window.webContents.attachWebview('https://example.com/')).toBe(false);
  });

  it('trusts the window’s IPC only while it is open', () => {
    const { window, trusted } = open();
    expect([...trusted]).toEqual([window.webContents.id]);
    window.emit('closed');
    expect(trusted.size).toBe(0);
  });

  it('appears once its page is ready, not blank before', () => {
    const { window } = open();
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });
});
