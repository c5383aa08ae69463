/**
 * The application menu as plain data (Electron's MenuItemConstructorOptions shape), so the
 * whole menu — which items, which roles, which labels in which language — is decided and
 * tested without Electron; src-main/electron/app-menu-adapter.ts only hands it to
 * Menu.buildFromTemplate.
 *
 * Roles do the platform's own work (copy/paste in text fields, hide, full screen…); our
 * own items never act here, they report a `MenuAction` for the shell to carry out, so the
 * menu cannot open anything the page could not ask for (links are allow-listed ids).
 */
import type { ExternalLinkId } from '../../shared/model/external-links';
import type { Language } from '../../shared/model/preferences';
import { mainTranslator, type MainKey } from '../i18n';

/** The pages the menu may open (the contract's PAGES). */
export type MenuPage = 'accounts' | 'inventory' | 'export' | 'cleanup' | 'settings';

/** The subset of Electron's roles this menu uses; each is a literal of Electron's own union. */
export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'close'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'reload'
  | 'toggleDevTools'
  | 'minimize'
  | 'zoom'
  | 'front'
  | 'window'
  | 'help';

/** A structural subset of Electron.MenuItemConstructorOptions (assignable to it). */
export interface MenuItemTemplate {
  id?: string;
  label?: string;
  role?: MenuRole;
  type?: 'normal' | 'separator' | 'submenu';
  accelerator?: string;
  submenu?: MenuItemTemplate[];
  click?: () => void;
}

/** What our own (non-role) items ask the shell to do. */
export type MenuAction =
  | { kind: 'navigate'; page: MenuPage }
  | { kind: 'openLink'; link: ExternalLinkId }
  | { kind: 'showLogs' };

export interface AppMenuOptions {
  platform: NodeJS.Platform;
  language: Language;
  /** The product name, shown in the macOS app menu ("About CV Steward"). */
  appName: string;
  /** Packaged builds have no reload and no developer tools. */
  packaged: boolean;
  onAction(action: MenuAction): void;
}

const SEPARATOR: MenuItemTemplate = { type: 'separator' };

/**
 * Menu titles carry a Windows/Linux access key ("&File", "檔案(&F)"). macOS has no access
 * keys and would show the ampersand, so there they are removed.
 */
export function menuTitle(label: string, platform: NodeJS.Platform): string {
  if (platform !== 'darwin') return label;
  return label.replace(/\(&[^)]\)$/u, '').replace(/&(?=\S)/gu, '');
}

export function buildAppMenuTemplate(options: AppMenuOptions): MenuItemTemplate[] {
  const { platform, appName } = options;
  const mac = platform === 'darwin';
  const translate = mainTranslator(options.language, 'desktop');
  const t = (key: MainKey<'desktop'>) => translate(key, { appName });
  const title = (key: MainKey<'desktop'>) => menuTitle(t(key), platform);
  const act = (action: MenuAction) => () => options.onAction(action);
  const role = (r: MenuRole, key: MainKey<'desktop'>, accelerator?: string): MenuItemTemplate => ({
    role: r,
    label: t(key),
    ...(accelerator ? { accelerator } : {}),
  });
  const settings: MenuItemTemplate = {
    id: 'settings',
    label: t(mac ? 'menu.app.settings' : 'menu.file.settings'),
    accelerator: 'CmdOrCtrl+,',
    click: act({ kind: 'navigate', page: 'settings' }),
  };

  const appMenu: MenuItemTemplate = {
    label: appName,
    submenu: [
      role('about', 'menu.app.about'),
      SEPARATOR,
      settings,
      SEPARATOR,
      role('services', 'menu.app.services'),
      SEPARATOR,
      role('hide', 'menu.app.hide'),
      role('hideOthers', 'menu.app.hideOthers'),
      role('unhide', 'menu.app.unhide'),
      SEPARATOR,
      role('quit', 'menu.app.quit'),
    ],
  };

  const fileMenu: MenuItemTemplate = {
    id: 'file',
    label: title('menu.file.label'),
    submenu: [
      { id: 'export', label: t('menu.file.export'), accelerator: 'CmdOrCtrl+E', click: act({ kind: 'navigate', page: 'export' }) },
      { id: 'cleanup', label: t('menu.file.cleanup'), click: act({ kind: 'navigate', page: 'cleanup' }) },
      SEPARATOR,
      // Without an app menu, Settings lives in File (the Windows and GNOME convention).
      ...(mac ? [role('close', 'menu.file.close')] : [settings, SEPARATOR, role('quit', platform === 'win32' ? 'menu.file.exit' : 'menu.file.quit')]),
    ],
  };

  const editMenu: MenuItemTemplate = {
    id: 'edit',
    label: title('menu.edit.label'),
    // Without these roles, Cmd+C/V/X/A do nothing in text fields on macOS.
    submenu: [
      role('undo', 'menu.edit.undo'),
      role('redo', 'menu.edit.redo'),
      SEPARATOR,
      role('cut', 'menu.edit.cut'),
      role('copy', 'menu.edit.copy'),
      role('paste', 'menu.edit.paste'),
      role('selectAll', 'menu.edit.selectAll'),
    ],
  };

  const viewMenu: MenuItemTemplate = {
    id: 'view',
    label: title('menu.view.label'),
    submenu: [
      role('resetZoom', 'menu.view.resetZoom'),
      role('zoomIn', 'menu.view.zoomIn'),
      role('zoomOut', 'menu.view.zoomOut'),
      SEPARATOR,
      role('togglefullscreen', 'menu.view.fullScreen'),
      // A reload would drop the page's state mid-job, and developer tools give the page's
      // context to whoever sits at the keyboard: both for development builds only.
      ...(options.packaged ? [] : [SEPARATOR, role('reload', 'menu.view.reload'), role('toggleDevTools', 'menu.view.devTools')]),
    ],
  };

  const windowMenu: MenuItemTemplate = {
    id: 'window',
    label: title('menu.window.label'),
    // macOS: the `window` role makes this the system's Window menu (the window list).
    ...(mac ? { role: 'window' as const } : {}),
    submenu: [
      role('minimize', 'menu.window.minimize'),
      // `zoom` and `front` exist on macOS only.
      ...(mac ? [role('zoom', 'menu.window.zoom'), SEPARATOR, role('front', 'menu.window.front')] : []),
      role('close', 'menu.window.close'),
    ],
  };

  const helpMenu: MenuItemTemplate = {
    id: 'help',
    label: title('menu.help.label'),
    role: 'help',
    submenu: [
      { id: 'export-delete-data', label: t('menu.help.exportDeleteData'), click: act({ kind: 'openLink', link: 'export-delete-data' }) },
      { id: 'show-logs', label: t('menu.help.showLogs'), click: act({ kind: 'showLogs' }) },
      // macOS has About in the app menu.
      ...(mac ? [] : [SEPARATOR, role('about', 'menu.help.about')]),
    ],
  };

  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}

/** Every role anywhere in a template (tests and the Electron suite check them). */
export function menuRoles(template: readonly MenuItemTemplate[]): MenuRole[] {
  return template.flatMap((item) => [...(item.role ? [item.role] : []), ...menuRoles(item.submenu ?? [])]);
}

/** Finds an item by id anywhere in a template. */
export function findMenuItem(template: readonly MenuItemTemplate[], id: string): MenuItemTemplate | undefined {
  for (const item of template) {
    if (item.id === id) return item;
    const inner = findMenuItem(item.submenu ?? [], id);
    if (inner) return inner;
  }
  return undefined;
}
