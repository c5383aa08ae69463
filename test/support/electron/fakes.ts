/**
 * Stand-ins for the few Electron objects the security policies touch. They record what
 * was registered and let a test fire Electron's events the way Chromium would, so the
 * tests can ask the question a user cares about: was the navigation, window,
 * permission or download refused?
 */
import type { PolicySession } from '../../../src-main/electron/session-policy';
import type { PolicyWebContents } from '../../../src-main/electron/web-contents-policy';

type Listener = (...args: never[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }

  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }

  /** Fires `event` with a fresh preventable event first; answers whether anyone prevented it. */
  protected firePreventable(event: string, extra: Record<string, unknown>, ...args: unknown[]): boolean {
    let prevented = false;
    const electronEvent = { ...extra, preventDefault: () => void (prevented = true) };
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(electronEvent, ...args);
    return prevented;
  }
}

export class FakeWebContents extends Emitter implements PolicyWebContents {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  /** The page asks for a new window (window.open, target=_blank, middle-click): was it allowed? */
  openWindow(url: string): 'allow' | 'deny' {
    const answer = this.windowOpenHandler?.({ url });
    return answer?.action === 'deny' ? 'deny' : 'allow';
  }

  /** The main frame tries to go to `url` (both events Chromium fires for it); true when it may. */
  navigate(url: string): boolean {
    const blockedByNavigate = this.firePreventable('will-navigate', { url }, url);
    const blockedByFrame = this.firePreventable('will-frame-navigate', { url, isMainFrame: true });
    return !blockedByNavigate && !blockedByFrame;
  }

  /** An iframe tries to go to `url`: only will-frame-navigate fires. */
  navigateSubframe(url: string): boolean {
    return !this.firePreventable('will-frame-navigate', { url, isMainFrame: false });
  }

  redirect(url: string): boolean {
    return !this.firePreventable('will-redirect', { url }, url);
  }

  attachWebview(src: string): boolean {
    return !this.firePreventable('will-attach-webview', {}, { nodeIntegration: true }, { src });
  }
}

export class FakeSession extends Emitter implements PolicySession {
  requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
  checkHandler: ((contents: unknown, permission: string) => boolean) | undefined;
  deviceHandler: (() => boolean) | undefined;

  setPermissionRequestHandler(handler: NonNullable<FakeSession['requestHandler']>): void {
    this.requestHandler = handler;
  }

  setPermissionCheckHandler(handler: NonNullable<FakeSession['checkHandler']>): void {
    this.checkHandler = handler;
  }

  setDevicePermissionHandler(handler: () => boolean): void {
    this.deviceHandler = handler;
  }

  /** Without a handler Electron grants most permissions; so does this fake. */
  request(permission: string): boolean {
    if (!this.requestHandler) return true;
    let granted: boolean | undefined;
    this.requestHandler({}, permission, (answer) => (granted = answer));
    return granted === true;
  }

  check(permission: string): boolean {
    return this.checkHandler ? this.checkHandler({}, permission) : true;
  }

  device(): boolean {
    return this.deviceHandler ? this.deviceHandler() : true;
  }

  download(url: string): boolean {
    return !this.firePreventable('will-download', {}, { getURL: () => url });
  }
}

export class FakeApp extends Emitter {
  sandboxed = false;

  enableSandbox(): void {
    this.sandboxed = true;
  }

  createWebContents(): FakeWebContents {
    const contents = new FakeWebContents();
    for (const listener of this.listeners.get('web-contents-created') ?? []) (listener as (...a: unknown[]) => unknown)({}, contents);
    return contents;
  }

  createSession(): FakeSession {
    const session = new FakeSession();
    for (const listener of this.listeners.get('session-created') ?? []) (listener as (...a: unknown[]) => unknown)(session);
    return session;
  }
}

/** Records the options `new BrowserWindow(...)` was given; stands in for Electron's class via vi.mock. */
export class FakeBrowserWindow extends Emitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  shown = false;

  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }

  show(): void {
    this.shown = true;
  }

  emit(event: string): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as () => unknown)();
  }
}
