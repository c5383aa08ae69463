/**
 * Installs the application menu built by src-main/desktop/app-menu.ts, and builds it again
 * whenever the preferences change (a new language in Settings relabels the menu at once).
 */
import { app, Menu } from 'electron';
import { buildAppMenuTemplate, type MenuAction } from '../desktop/app-menu';
import { desktopLanguage } from '../desktop/desktop-language';
import type { PreferencesSettings } from '../settings/preferences';

export interface AppMenuAdapterOptions {
  preferences: Pick<PreferencesSettings, 'get' | 'onChanged'>;
  onAction(action: MenuAction): void;
}

/** Returns the function that stops following the preferences. */
export function installAppMenu(options: AppMenuAdapterOptions): () => void {
  const apply = () => {
    const language = desktopLanguage(options.preferences.get().language, app.getPreferredSystemLanguages());
    const template = buildAppMenuTemplate({
      platform: process.platform,
      language,
      appName: app.getName(),
      packaged: app.isPackaged,
      onAction: options.onAction,
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  apply();
  return options.preferences.onChanged(apply);
}
