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
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE } from '../desktop/window-state';

export interface SecureWindowOptions {
  preloadPath: string;
  /** Windows created here are the only senders whose IPC messages are accepted. */
  trustedWebContentsIds: Set<number>;
  title: string;
  /**
   * Where the window opens (src-main/desktop/window-state.ts: the remembered size and
   * position, already fitted to today's displays). Without x and y the OS places it.
   */
  bounds?: { x?: number; y?: number; width: number; height: number };
}

export function createSecureWindow(options: SecureWindowOptions): BrowserWindow {
  const { bounds } = options;
  const position = bounds?.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {};
  const window = new BrowserWindow({
    title: options.title,
    ...position,
    width: bounds?.width ?? DEFAULT_WINDOW_SIZE.width,
    height: bounds?.height ?? DEFAULT_WINDOW_SIZE.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
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
