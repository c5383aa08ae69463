/**
 * Electron entry point. Deliberately thin (DESIGN §7): it wires Electron's adapters
 * (windows, protocol, ipcMain, session) to `createServices`, which holds everything else
 * and runs unchanged under the CLI and the browser harness.
 */
import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { join } from 'node:path';
import { createServices, type Services } from '../services';
import { createDispatcher } from '../ipc/dispatcher';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { hardenApp } from './app-hardening';
import { guardOpenExternal } from './external-url-guard';
import { hardenSession } from './session-policy';
import { registerContract } from './register-contract';
import { createSecureWindow } from './secure-window';
import { isTrustedSender } from './trusted-sender';
import { KeytarSecretStore } from '../secrets';
import { AppError } from '../ipc/app-error';
import { createSafeDeserializer } from '../settings';
import Store from 'electron-store';
import { createAppLog, installCrashHandlers, type AppLog } from '../logging';

const trustedWebContentsIds = new Set<number>();
let services: Services | undefined;
/** The rotating, redacted log file in the data folder (README, "Logs"); stderr until it exists. */
let log: AppLog | undefined;

function reportError(context: string, error: unknown): void {
  if (log) log.error(context, error ?? undefined);
  else console.error(`[cv-steward] ${context}:`, error instanceof Error ? error.message : error);
}

function openMainWindow(): void {
  createSecureWindow({
    preloadPath: join(__dirname, '../preload/preload.cjs'),
    trustedWebContentsIds,
    title: 'CV Steward',
  });
}

async function start(): Promise<void> {
  // Nothing in CV Steward needs camera, notifications from the page, geolocation, etc.
  hardenSession(session.defaultSession);
  serveRenderer(join(__dirname, '../renderer'));

  const dataDir = app.getPath('userData');
  const settingsStore = new Store({
    name: 'settings',
    configFileMode: 0o600,
    accessPropertiesByDotNotation: false,
    // A damaged settings file is moved aside and reported, never a crash at start-up.
    deserialize: createSafeDeserializer({ filePath: join(dataDir, 'settings.json'), onWarning: (w) => reportError('settings', w) }),
  });
  services = createServices({
    dataDir,
    secrets: new KeytarSecretStore(),
    pickFolder: async () => {
      const options = { title: 'Choose a folder for the bundle', properties: ['openDirectory', 'createDirectory', 'promptToCreate'] as Array<'openDirectory' | 'createDirectory' | 'promptToCreate'> };
      const parent = BrowserWindow.getFocusedWindow();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    // Only https URLs from main's allow-list (wiring/external-links.ts) get past the guard;
    // only files main wrote reach openPath.
    openExternal: guardOpenExternal((url) => shell.openExternal(url)),
    openPath: async (path) => {
      const problem = await shell.openPath(path);
      if (problem) throw new AppError('OPEN_FAILED', `The receipt could not be opened: ${problem}`);
    },
    settingsStore,
    appInfo: {
      name: app.getName(),
      version: app.getVersion(),
      platform: process.platform,
      arch: process.arch,
      runtime: 'electron',
      versions: { node: process.versions.node, electron: process.versions.electron, chrome: process.versions.chrome },
    },
    reportError,
  });
  registerContract({
    ipcMain,
    dispatch: createDispatcher(services.handlers, { onInternalError: (channel, error) => reportError(channel, error) }),
    isTrusted: (facts) => isTrustedSender(facts, trustedWebContentsIds),
    onRefused: (channel, facts) => reportError(`refused ${channel} from ${facts.frameUrl ?? 'a closed frame'}`, null),
  });
  services.events.subscribe((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (trustedWebContentsIds.has(window.webContents.id)) window.webContents.send(event, payload);
    }
  });
  openMainWindow();
  // `npm run demo`: the app connected to the built-in demo account.
  if (process.argv.includes('--demo')) await services.accounts.startDemo();
}

registerAppScheme();
hardenApp(app);
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && services) openMainWindow();
  });
  app.on('will-quit', () => void services?.dispose());
  try {
    log = createAppLog({ dir: join(app.getPath('userData'), 'logs') });
  } catch (error) {
    // No log file (read-only profile?) is not a reason not to start; stderr stays the log.
    reportError('log file', error);
  }
  // Never a silent exit: an uncaught error in main is logged (redacted) and shown.
  const fatalLog = log ?? { path: '(no log file)', error: (m: string, e?: unknown) => reportError(m, e), redact: (text: string) => text };
  installCrashHandlers(process, fatalLog, (summary) => {
    dialog.showErrorBox('CV Steward hit an unexpected error', `${summary.message}\n\nDetails are in the log file:\n${summary.logPath}`);
  });
  app.whenReady().then(start, (error: unknown) => {
    reportError('start-up failed', error);
    app.exit(1);
  });
}
