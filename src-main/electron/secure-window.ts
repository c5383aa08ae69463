/**
 * The one helper that creates windows, so every window gets the same locked-down
 * settings (Electron security checklist): isolated, sandboxed, no Node, no navigation
 * away from the app, no new windows, no webviews.
 *
 * The preferences stay an object literal inside `new BrowserWindow(...)` on purpose:
 * that is the shape Electronegativity (`npm run test:security`) can read and check.
 */
import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './trusted-sender';
import { lockDownWebContents } from './web-contents-policy';

export interface SecureWindowOptions {
  preloadPath: string;
  /** Windows created here are the only senders whose IPC messages are accepted. */
  trustedWebContentsIds: Set<number>;
  title: string;
}

export function createSecureWindow(options: SecureWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: options.title,
    width: 1200,
    height: 800,
    minWidth: 760,
    minHeight: 520,
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  });
  const id = window.webContents.id;
  options.trustedWebContentsIds.add(id);
  window.on('closed', () => options.trustedWebContentsIds.delete(id));

  lockDownWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
