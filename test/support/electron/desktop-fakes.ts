/**
 * Stand-ins for the Electron objects the desktop adapters use (menu, notifications,
 * taskbar progress, screen, window events), recording what the app asked the OS to show.
 * Installed with vi.mock('electron', ...) in each test file.
 */
import type { MenuItemTemplate } from '../../../src-main/desktop/app-menu';

type Listener = (...args: unknown[]) => void;

class Events {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.listeners.set(event, (this.listeners.get(event) ?? []).filter((l) => l !== wrapped));
      listener(...args);
    };
    return this.on(event, wrapped);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }
}

export const fakeApp = {
  systemLanguages: ['en-US'] as string[],
  name: 'CV Steward',
  isPackaged: true,
  getPreferredSystemLanguages(): string[] {
    return this.systemLanguages;
  },
  getName(): string {
    return this.name;
  },
};

export const FakeMenu = {
  installed: [] as MenuItemTemplate[][],
  buildFromTemplate(template: MenuItemTemplate[]): { template: MenuItemTemplate[] } {
    return { template };
  },
  setApplicationMenu(menu: { template: MenuItemTemplate[] } | null): void {
    if (menu) FakeMenu.installed.push(menu.template);
  },
};

export class FakeNotification extends Events {
  static supported = true;
  static shown: FakeNotification[] = [];
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  show(): void {
    FakeNotification.shown.push(this);
  }
}

let nextWindowId = 100;

export class FakeDesktopWindow extends Events {
  static all: FakeDesktopWindow[] = [];
  static focused: FakeDesktopWindow | null = null;
  static getAllWindows(): FakeDesktopWindow[] {
    return FakeDesktopWindow.all;
  }
  static getFocusedWindow(): FakeDesktopWindow | null {
    return FakeDesktopWindow.focused;
  }

  readonly webContents = { id: nextWindowId++ };
  readonly progress: Array<{ value: number; mode?: string }> = [];
  normalBounds = { x: 10, y: 20, width: 1000, height: 700 };
  maximized = false;
  fullScreen = false;
  destroyed = false;

  setProgressBar(value: number, options?: { mode?: string }): void {
    this.progress.push({ value, ...(options?.mode ? { mode: options.mode } : {}) });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds() {
    return { ...this.normalBounds };
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isFullScreen(): boolean {
    return this.fullScreen;
  }
  maximize(): void {
    this.maximized = true;
  }
  setFullScreen(on: boolean): void {
    this.fullScreen = on;
  }
}

export const fakeScreen = {
  displays: [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] as Array<{ id: number; workArea: { x: number; y: number; width: number; height: number } }>,
  primaryId: 1,
  getAllDisplays() {
    return fakeScreen.displays;
  },
  getPrimaryDisplay() {
    const primary = fakeScreen.displays.find((display) => display.id === fakeScreen.primaryId);
    if (!primary) throw new Error('no primary display');
    return primary;
  },
};
