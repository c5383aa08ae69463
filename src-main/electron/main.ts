/**
 * Electron entry point. Deliberately thin (docs/architecture.md, "Processes"): it wires
 * Electron's adapters (windows, protocol, ipcMain, session) to `createServices`, which
 * holds everything else and runs unchanged under the CLI and the browser harness.
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
import { AppError } from '../errors/app-error';
import { createSafeDeserializer } from '../settings';
import Store from 'electron-store';
import { createAppLog, installCrashHandlers, type AppLog } from '../logging';
import { isUserFacingError } from '../errors/app-error';
import { mainTranslator } from '../i18n';
import type { Language } from '../../shared/model/preferences';
import { openExternalLink } from '../application/external-links';
import type { MenuAction, MenuPage } from '../desktop/app-menu';
import { desktopLanguage } from '../desktop/desktop-language';
import { windowStatePath } from '../desktop/window-state';
import { installAppMenu } from './app-menu-adapter';
import { attachJobAttention } from './job-attention-adapter';
import { rememberWindowState, restoredPlacement } from './window-state-adapter';

const trustedWebContentsIds = new Set<number>();
let services: Services | undefined;
/** The rotating, redacted log file in the data folder (README, "Logs"); stderr until it exists. */
let log: AppLog | undefined;

function reportError(context: string, error: unknown): void {
  if (log) log.error(context, error ?? undefined);
  else console.error(`[cv-steward] ${context}:`, error instanceof Error ? error.message : error);
}

/** Only https URLs from main's allow-list (application/external-links.ts) get past the guard. */
const openExternal = guardOpenExternal((url) => shell.openExternal(url));

const userDataDir = () => app.getPath('userData');
const logsDir = () => join(userDataDir(), 'logs');

/** The app's own windows (those whose IPC is trusted). */
function appWindows(): BrowserWindow[] {
  return BrowserWindow.getAllWindows().filter((window) => !window.isDestroyed() && trustedWebContentsIds.has(window.webContents.id));
}

/** The language of the menu, notifications and dialogs: Settings' choice, else the OS's. */
function shellLanguage() {
  return desktopLanguage(services?.preferences.get().language ?? null, app.getPreferredSystemLanguages());
}

let opening: Promise<BrowserWindow> | undefined;

/** Opens the main window where the user left it last time (one at a time: `activate` may repeat). */
function openMainWindow(): Promise<BrowserWindow> {
  opening ??= (async () => {
    const file = windowStatePath(userDataDir());
    const placement = await restoredPlacement(file, reportError);
    const window = createSecureWindow({
      preloadPath: join(__dirname, '../preload/preload.cjs'),
      trustedWebContentsIds,
      title: 'CV Steward',
      bounds: placement.bounds,
    });
    rememberWindowState(window, placement, file, reportError);
    return window;
  })().finally(() => (opening = undefined));
  return opening;
}

/** Brings the window forward (opening it if none is left, as on macOS) and shows `page` in it. */
async function showPage(page: MenuPage): Promise<void> {
  let window = appWindows()[0];
  if (!window) {
    const opened = await openMainWindow();
    // The page subscribes to events while it loads; told before that, it would not hear.
    await new Promise<void>((resolve) => opened.webContents.once('did-finish-load', () => resolve()));
    window = opened;
  }
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
  services?.events.emit('app:navigate', { page });
}

/** What the menu's own items do; a failure is logged and, when it is the user's to know, shown. */
function onMenuAction(action: MenuAction): void {
  const run = async () => {
    switch (action.kind) {
      case 'navigate':
        return showPage(action.page);
      case 'openLink':
        return openExternalLink(openExternal, action.link);
      case 'showLogs':
        if (services) await services.handlers['app:showInFolder']({ target: { kind: 'logs' } });
        return;
    }
  };
  run().catch((error: unknown) => {
    reportError(`menu ${action.kind}`, error);
    if (isUserFacingError(error)) {
      const t = mainTranslator(shellLanguage(), 'desktop');
      void dialog.showMessageBox({ type: 'info', message: t('dialog.actionFailed'), detail: error.message });
    }
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
      const options = { title: mainTranslator(shellLanguage(), 'desktop')('dialog.chooseFolder'), properties: ['openDirectory', 'createDirectory', 'promptToCreate'] as Array<'openDirectory' | 'createDirectory' | 'promptToCreate'> };
      const parent = BrowserWindow.getFocusedWindow();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    // Only allow-listed https URLs get past the guard; only files main wrote reach openPath
    // and showItemInFolder (the page names ids, main finds the paths).
    openExternal,
    openPath: async (path) => {
      const problem = await shell.openPath(path);
      if (problem) throw new AppError('OPEN_FAILED', `CV Steward could not open ${path}: ${problem}`);
    },
    showItemInFolder: (path) => shell.showItemInFolder(path),
    logsDir: logsDir(),
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
  app.setAboutPanelOptions({ applicationName: 'CV Steward', applicationVersion: app.getVersion() });
  // Rebuilt in the new language whenever the preferences change.
  installAppMenu({ preferences: services.preferences, onAction: onMenuAction });
  attachJobAttention({
    jobs: services.jobs,
    language: shellLanguage,
    isAppWindow: (window) => trustedWebContentsIds.has(window.webContents.id),
    onClick: (page) => void showPage(page).catch((error: unknown) => reportError('notification', error)),
  });
  await openMainWindow();
  // `npm run demo`: the app connected to the built-in demo account.
  if (process.argv.includes('--demo')) await services.accounts.startDemo();
}

registerAppScheme();
hardenApp(app);
// Windows shows notifications (and groups the taskbar button) under this id: electron-builder.yml's appId.
if (process.platform === 'win32') app.setAppUserModelId('dev.cvsteward.app');
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
    if (appWindows().length === 0 && services) void openMainWindow().catch((error: unknown) => reportError('open window', error));
  });
  app.on('will-quit', () => {
    void services?.dispose();
    // Let a launch made while this one shuts down start for real: with the lock still held
    // it would hand its request to this exiting process and quit, and no window would open.
    app.releaseSingleInstanceLock();
  });
  try {
    log = createAppLog({ dir: logsDir() });
  } catch (error) {
    // No log file (read-only profile?) is not a reason not to start; stderr stays the log.
    reportError('log file', error);
  }
  // Never a silent exit: an uncaught error in main is logged (redacted) and shown.
  const fatalLog = log ?? { path: '(no log file)', error: (m: string, e?: unknown) => reportError(m, e), redact: (text: string) => text };
  installCrashHandlers(process, fatalLog, (summary) => {
    // The language may not be known yet (a crash before the settings were read): then the OS's.
    let language: Language = 'en';
    try {
      language = shellLanguage();
    } catch {
      // keep English
    }
    const t = mainTranslator(language, 'desktop');
    dialog.showErrorBox(t('dialog.crashTitle'), `${summary.message}\n\n${t('dialog.crashDetails', { logPath: summary.logPath })}`);
  });
  app.whenReady().then(start, (error: unknown) => {
    reportError('start-up failed', error);
    app.exit(1);
  });
}
