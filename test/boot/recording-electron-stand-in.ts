/**
 * A recording stand-in for the `electron` module, not Electron: just enough of each API the
 * built main bundle touches (app, BrowserWindow, ipcMain, protocol, net, session, shell,
 * dialog, Menu, Notification, screen) to let dist/main/main.cjs boot in plain Node, with
 * every call recorded so the boot check (main-boot.test.ts) can ask what main did.
 *
 * It behaves like Electron where main's wiring depends on it: `whenReady` resolves only
 * when the test says the app is ready, a new window fires `web-contents-created`, closing
 * the last window fires `window-all-closed`, and `app.quit()` runs before-quit → (windows
 * close) → will-quit → quit, each preventable. It draws nothing and loads no page.
 */
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export interface RecordedCall {
  api: string;
  args: unknown[];
}

export interface StandInOptions {
  /** What app.getPath('userData') answers: a temporary folder, never the user's own. */
  userDataDir: string;
  appName: string;
  appVersion: string;
  /** What app.requestSingleInstanceLock() answers (false: another instance holds it). */
  singleInstanceLock?: boolean;
}

/** What an `ipcMain.handle` listener receives as its event: who sent the message. */
export interface InvokeSender {
  webContentsId: number;
  /** The sending frame's URL; undefined when the frame is gone. */
  frameUrl: string | undefined;
  isMainFrame: boolean;
}

type InvokeListener = (event: unknown, payload: unknown) => unknown;
type ProtocolHandler = (request: Request) => Promise<Response> | Response;

/** A preventable Electron event, as listeners of before-quit / will-navigate receive it. */
function preventableEvent(): { defaultPrevented: boolean; preventDefault(): void } {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

class StandInWebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = StandInWebContents.nextId++;
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  windowOpenHandler: ((details: { url: string }) => unknown) | undefined;

  constructor(private readonly record: (api: string, ...args: unknown[]) => void) {
    super();
  }

  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.record('webContents.setWindowOpenHandler');
    this.windowOpenHandler = handler;
  }

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }

  isDestroyed(): boolean {
    return false;
  }
}

export interface StandInWindowOptions {
  title?: string;
  show?: boolean;
  webPreferences?: Record<string, unknown>;
  [option: string]: unknown;
}

/** The stand-in for the whole module; `electron` is what `require('electron')` returns. */
export class RecordingElectron {
  readonly calls: RecordedCall[] = [];
  /** Every `ipcMain.handle` registration, in order (a channel registered twice appears twice). */
  readonly handleRegistrations: string[] = [];
  readonly invokeHandlers = new Map<string, InvokeListener>();
  readonly protocolHandlers = new Map<string, ProtocolHandler>();
  /** Every file net.fetch was asked to read (the app protocol serves files through it). */
  readonly fetchedFiles: string[] = [];
  readonly windows: StandInBrowserWindow[] = [];
  readonly app: StandInApp;
  readonly electron: Record<string, unknown>;

  constructor(readonly options: StandInOptions) {
    const record = (api: string, ...args: unknown[]) => void this.calls.push({ api, args });
    this.app = new StandInApp(options, record, () => this.openWindows());
    const BrowserWindow = browserWindowClass(this, record);

    const ipcMain = Object.assign(new EventEmitter(), {
      handle: (channel: string, listener: InvokeListener) => {
        record('ipcMain.handle', channel);
        this.handleRegistrations.push(channel);
        this.invokeHandlers.set(channel, listener);
      },
      removeHandler: (channel: string) => {
        record('ipcMain.removeHandler', channel);
        this.invokeHandlers.delete(channel);
      },
    });

    const defaultSession = Object.assign(new EventEmitter(), {
      setPermissionRequestHandler: (handler: unknown) => record('session.setPermissionRequestHandler', handler),
      setPermissionCheckHandler: (handler: unknown) => record('session.setPermissionCheckHandler', handler),
      setDevicePermissionHandler: (handler: unknown) => record('session.setDevicePermissionHandler', handler),
    });

    const display = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, scaleFactor: 1 };

    this.electron = {
      app: this.app,
      BrowserWindow,
      ipcMain,
      protocol: {
        registerSchemesAsPrivileged: (schemes: unknown) => record('protocol.registerSchemesAsPrivileged', schemes),
        handle: (scheme: string, handler: ProtocolHandler) => {
          record('protocol.handle', scheme);
          this.protocolHandlers.set(scheme, handler);
        },
      },
      net: {
        // Electron's net.fetch of a file:// URL; here only files, read from disk.
        fetch: async (url: string) => {
          record('net.fetch', url);
          const file = fileURLToPath(url);
          this.fetchedFiles.push(file);
          return new Response(new Uint8Array(await readFile(file)), { status: 200 });
        },
      },
      session: { defaultSession },
      shell: {
        openExternal: async (url: string) => void record('shell.openExternal', url),
        openPath: async (path: string) => (record('shell.openPath', path), ''),
        showItemInFolder: (path: string) => void record('shell.showItemInFolder', path),
      },
      dialog: {
        showOpenDialog: async (...args: unknown[]) => (record('dialog.showOpenDialog', ...args), { canceled: true, filePaths: [] }),
        showMessageBox: async (...args: unknown[]) => (record('dialog.showMessageBox', ...args), { response: 0 }),
        showErrorBox: (title: string, content: string) => void record('dialog.showErrorBox', title, content),
      },
      Menu: {
        buildFromTemplate: (template: unknown) => (record('Menu.buildFromTemplate'), { template }),
        setApplicationMenu: (menu: unknown) => void record('Menu.setApplicationMenu', menu),
      },
      // Unsupported here, so main shows none (it asks first, as on a Linux without a notification daemon).
      Notification: class {
        static isSupported(): boolean {
          return false;
        }
        show(): void {
          record('notification.show');
        }
      },
      screen: {
        getPrimaryDisplay: () => display,
        getAllDisplays: () => [display],
      },
    };
  }

  /** The windows not closed yet. */
  openWindows(): StandInBrowserWindow[] {
    return this.windows.filter((window) => !window.destroyed);
  }

  /** Electron's `ready`: resolves whenReady() and emits the event. */
  becomeReady(): void {
    this.app.becomeReady();
  }

  /** Calls the `ipcMain.handle` listener of `channel` the way Electron would for a message from `sender`. */
  async invoke(channel: string, payload: unknown, sender: InvokeSender): Promise<unknown> {
    const listener = this.invokeHandlers.get(channel);
    if (!listener) throw new Error(`no ipcMain.handle listener for ${channel}`);
    const frame = sender.frameUrl === undefined ? null : { url: sender.frameUrl, parent: sender.isMainFrame ? null : {} };
    return listener({ sender: { id: sender.webContentsId }, senderFrame: frame }, payload);
  }

  /** Asks the app protocol's handler for `url`, as Chromium would when the page loads it. */
  async request(url: string): Promise<Response> {
    const handler = this.protocolHandlers.get(new URL(url).protocol.replace(/:$/, ''));
    if (!handler) throw new Error(`no protocol handler for ${url}`);
    return handler(new Request(url));
  }

  called(api: string): RecordedCall[] {
    return this.calls.filter((call) => call.api === api);
  }
}

/** BrowserWindow as main uses it: each `new` is recorded and announced to the app, as Electron does. */
function browserWindowClass(stand: RecordingElectron, record: (api: string, ...args: unknown[]) => void) {
  return class BrowserWindow extends StandInBrowserWindow {
    constructor(windowOptions: StandInWindowOptions) {
      super(windowOptions, record, stand);
      stand.windows.push(this);
      record('new BrowserWindow', windowOptions);
      stand.app.emit('web-contents-created', preventableEvent(), this.webContents);
    }
    static getAllWindows(): StandInBrowserWindow[] {
      return stand.openWindows();
    }
    static getFocusedWindow(): StandInBrowserWindow | null {
      return stand.openWindows().find((window) => window.focused) ?? null;
    }
    static fromWebContents(contents: unknown): StandInBrowserWindow | null {
      return stand.openWindows().find((window) => window.webContents === contents) ?? null;
    }
  };
}

export class StandInBrowserWindow extends EventEmitter {
  readonly webContents: StandInWebContents;
  destroyed = false;
  focused = false;
  shown = false;
  loadedUrl: string | undefined;

  constructor(
    readonly options: StandInWindowOptions,
    private readonly record: (api: string, ...args: unknown[]) => void,
    private readonly stand: RecordingElectron,
  ) {
    super();
    this.webContents = new StandInWebContents(record);
  }

  async loadURL(url: string): Promise<void> {
    this.record('window.loadURL', url);
    this.loadedUrl = url;
  }

  show(): void {
    this.shown = true;
  }

  focus(): void {
    this.record('window.focus');
    this.focused = true;
  }

  restore(): void {}
  maximize(): void {}
  setFullScreen(): void {}
  setProgressBar(): void {}

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isMinimized(): boolean {
    return false;
  }

  isMaximized(): boolean {
    return false;
  }

  isFullScreen(): boolean {
    return false;
  }

  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { x: 10, y: 10, width: 1200, height: 800 };
  }

  /** The user closes the window: close, closed, and window-all-closed when it was the last. */
  close(options: { duringQuit?: boolean } = {}): void {
    if (this.destroyed) return;
    const event = preventableEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.emit('closed');
    if (!options.duringQuit && this.stand.openWindows().length === 0) this.stand.app.emit('window-all-closed');
  }
}

class StandInApp extends EventEmitter {
  readonly isPackaged = false;
  private ready = false;
  private resolveReady: (() => void) | undefined;
  private readonly readyPromise = new Promise<void>((resolve) => (this.resolveReady = resolve));
  private holdsLock = false;
  quitting = false;

  constructor(
    private readonly options: StandInOptions,
    private readonly record: (api: string, ...args: unknown[]) => void,
    private readonly openWindows: () => StandInBrowserWindow[],
  ) {
    super();
  }

  /** Whether this instance holds the single-instance lock now. */
  get holdsSingleInstanceLock(): boolean {
    return this.holdsLock;
  }

  becomeReady(): void {
    this.record('app ready');
    this.ready = true;
    this.emit('ready');
    this.resolveReady?.();
  }

  whenReady(): Promise<void> {
    this.record('app.whenReady');
    return this.readyPromise;
  }

  isReady(): boolean {
    return this.ready;
  }

  requestSingleInstanceLock(): boolean {
    this.record('app.requestSingleInstanceLock');
    this.holdsLock = this.options.singleInstanceLock ?? true;
    return this.holdsLock;
  }

  releaseSingleInstanceLock(): void {
    this.record('app.releaseSingleInstanceLock');
    this.holdsLock = false;
  }

  quit(): void {
    this.record('app.quit');
    if (this.quitting) return;
    const beforeQuit = preventableEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    this.quitting = true;
    for (const window of this.openWindows()) window.close({ duringQuit: true });
    const willQuit = preventableEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) {
      this.quitting = false;
      return;
    }
    this.emit('quit', preventableEvent(), 0);
  }

  exit(code?: number): void {
    this.record('app.exit', code);
  }

  enableSandbox(): void {
    this.record('app.enableSandbox');
  }

  getPath(name: string): string {
    if (name === 'userData') return this.options.userDataDir;
    throw new Error(`the boot check's stand-in knows no app.getPath('${name}')`);
  }

  getName(): string {
    return this.options.appName;
  }

  getVersion(): string {
    return this.options.appVersion;
  }

  getPreferredSystemLanguages(): string[] {
    return ['en-US'];
  }

  getLocale(): string {
    return 'en-US';
  }

  setAboutPanelOptions(options: unknown): void {
    this.record('app.setAboutPanelOptions', options);
  }

  setAppUserModelId(id: string): void {
    this.record('app.setAppUserModelId', id);
  }
}
