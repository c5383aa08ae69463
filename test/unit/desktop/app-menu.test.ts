/**
 * The application menu as the user meets it on each platform: the usual roles (so copy and
 * paste work in text fields, windows hide and zoom), our own items doing what they say, no
 * developer tools in a packaged build, and labels in the language chosen in Settings.
 */
import { describe, expect, it } from 'vitest';
import type { Language } from '../../../shared/model/preferences';
import {
  buildAppMenuTemplate,
  findMenuItem,
  menuRoles,
  menuTitle,
  type MenuAction,
  type MenuItemTemplate,
} from '../../../src-main/desktop/app-menu';

function menu(platform: NodeJS.Platform, options: { packaged?: boolean; language?: Language } = {}) {
  const actions: MenuAction[] = [];
  const template = buildAppMenuTemplate({
    platform,
    language: options.language ?? 'en',
    appName: 'CV Steward',
    packaged: options.packaged ?? true,
    onAction: (action) => actions.push(action),
  });
  return { template, actions };
}

function click(template: MenuItemTemplate[], id: string): void {
  const item = findMenuItem(template, id);
  if (!item?.click) throw new Error(`no clickable item ${id}`);
  item.click();
}

const labels = (template: MenuItemTemplate[]) => template.map((item) => item.label);

describe('the application menu', () => {
  it('on macOS starts with the app menu: About, Settings… (Cmd+,), Services, Hide, Hide Others, Show All, Quit', () => {
    const { template } = menu('darwin');
    expect(labels(template)).toEqual(['CV Steward', 'File', 'Edit', 'View', 'Window', 'Help']);
    const appMenu = template[0]?.submenu ?? [];
    expect(menuRoles(appMenu)).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(findMenuItem(appMenu, 'settings')).toMatchObject({ label: 'Settings…', accelerator: 'CmdOrCtrl+,' });
    expect(appMenu.find((item) => item.role === 'quit')?.label).toBe('Quit CV Steward');
  });

  it('on Windows and Linux has no app menu: Settings and Exit/Quit live in File, About in Help, with access keys', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const { template } = menu(platform);
      expect(labels(template)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
      const file = template[0]?.submenu ?? [];
      expect(findMenuItem(file, 'settings')?.accelerator).toBe('CmdOrCtrl+,');
      expect(file.find((item) => item.role === 'quit')?.label).toBe(platform === 'win32' ? 'Exit' : 'Quit');
      expect(menuRoles(template[4]?.submenu ?? [])).toContain('about');
    }
  });

  it('has the Edit roles that make copy and paste work in text fields', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const edit = findMenuItem(menu(platform).template, 'edit');
      expect(menuRoles(edit?.submenu ?? [])).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    }
  });

  it('offers zoom and full screen, but no reload or developer tools in a packaged build', () => {
    const packaged = menuRoles(findMenuItem(menu('win32', { packaged: true }).template, 'view')?.submenu ?? []);
    expect(packaged).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    const everywhere = menuRoles(menu('darwin', { packaged: true }).template);
    expect(everywhere).not.toContain('toggleDevTools');
    expect(everywhere).not.toContain('reload');
    const development = menuRoles(findMenuItem(menu('linux', { packaged: false }).template, 'view')?.submenu ?? []);
    expect(development).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('makes Window the system’s window menu on macOS (with Zoom and Bring All to Front), and minimize/close elsewhere', () => {
    const mac = findMenuItem(menu('darwin').template, 'window');
    expect(mac?.role).toBe('window');
    expect(menuRoles(mac?.submenu ?? [])).toEqual(['minimize', 'zoom', 'front', 'close']);
    const windows = findMenuItem(menu('win32').template, 'window');
    expect(windows?.role).toBeUndefined();
    expect(menuRoles(windows?.submenu ?? [])).toEqual(['minimize', 'close']);
  });

  it('File › Export…, Cleanup… and Settings… ask for their pages', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const { template, actions } = menu(platform);
      click(template, 'export');
      click(template, 'cleanup');
      click(template, 'settings');
      expect(actions).toEqual([
        { kind: 'navigate', page: 'export' },
        { kind: 'navigate', page: 'cleanup' },
        { kind: 'navigate', page: 'settings' },
      ]);
    }
  });

  it('Help opens Microsoft’s export-and-delete page by its allow-listed id, and shows the log files', () => {
    const { template, actions } = menu('linux');
    const help = findMenuItem(template, 'help');
    expect(help?.role).toBe('help');
    click(template, 'export-delete-data');
    click(template, 'show-logs');
    expect(actions).toEqual([{ kind: 'openLink', link: 'export-delete-data' }, { kind: 'showLogs' }]);
  });

  it('speaks Traditional Chinese when that is the language, with Windows-style access keys only off macOS', () => {
    const windows = menu('win32', { language: 'zh-TW' }).template;
    expect(labels(windows)).toEqual(['檔案(&F)', '編輯(&E)', '檢視(&V)', '視窗(&W)', '說明(&H)']);
    expect(findMenuItem(windows, 'export')?.label).toBe('匯出…');
    expect(findMenuItem(windows, 'show-logs')?.label).toBe('顯示記錄檔');
    const mac = menu('darwin', { language: 'zh-TW' }).template;
    expect(labels(mac)).toEqual(['CV Steward', '檔案', '編輯', '檢視', '視窗', '說明']);
    expect(findMenuItem(mac, 'settings')?.label).toBe('設定…');
  });

  it('labels every item that has no role of its own, in both languages', () => {
    for (const language of ['en', 'zh-TW'] as const) {
      for (const platform of ['darwin', 'win32', 'linux'] as const) {
        const walk = (items: MenuItemTemplate[]): void => {
          for (const item of items) {
            if (item.type !== 'separator') expect(item.label, JSON.stringify(item)).toMatch(/\S/);
            walk(item.submenu ?? []);
          }
        };
        walk(menu(platform, { language }).template);
      }
    }
  });
});

describe('menu titles', () => {
  it('keep access keys on Windows and Linux and drop them on macOS', () => {
    expect(menuTitle('&File', 'win32')).toBe('&File');
    expect(menuTitle('&File', 'darwin')).toBe('File');
    expect(menuTitle('檔案(&F)', 'darwin')).toBe('檔案');
    expect(menuTitle('Tom & Jerry', 'darwin')).toBe('Tom & Jerry');
  });
});
