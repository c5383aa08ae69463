/**
 * Where the desktop app keeps its settings, so the CLI's `--account ID` and the browser
 * harness find the accounts the app saved. Electron's userData is `<appData>/<app name>`,
 * and the app name is package.json's productName, "CV Steward". CV_STEWARD_DATA_DIR overrides it (tests, portable setups), as
 * CV_STEWARD_KEYCHAIN_SERVICE overrides the keychain service name.
 */
import path from 'node:path';
import { DEFAULT_KEYCHAIN_SERVICE } from '../secrets';

export type Env = Readonly<Record<string, string | undefined>>;

/** package.json "productName": Electron names the userData folder after it. */
export const PRODUCT_NAME = 'CV Steward';

export const DATA_DIR_VARIABLE = 'CV_STEWARD_DATA_DIR';
export const KEYCHAIN_SERVICE_VARIABLE = 'CV_STEWARD_KEYCHAIN_SERVICE';

export function appDataDir(env: Env, platform: NodeJS.Platform, home: string): string {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const override = env[DATA_DIR_VARIABLE]?.trim();
  if (override) return paths.resolve(override);
  return userDataDir(PRODUCT_NAME, env, platform, home);
}

/**
 * Electron's userData folder for an app called `name`: `<appData>/<name>`. Also used by
 * the browser harness, under its own name, so what it keeps outlives the process as the
 * desktop app's data does.
 */
export function userDataDir(name: string, env: Env, platform: NodeJS.Platform, home: string): string {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  // Electron's appData: %APPDATA% on Windows, ~/Library/Application Support on macOS, and
  // $XDG_CONFIG_HOME (only if absolute, per the XDG spec) or ~/.config elsewhere.
  if (platform === 'win32') return paths.join(env.APPDATA?.trim() || paths.join(home, 'AppData', 'Roaming'), name);
  if (platform === 'darwin') return paths.join(home, 'Library', 'Application Support', name);
  const xdg = env.XDG_CONFIG_HOME?.trim();
  return paths.join(xdg && paths.isAbsolute(xdg) ? xdg : paths.join(home, '.config'), name);
}

export function keychainService(env: Env): string {
  return env[KEYCHAIN_SERVICE_VARIABLE]?.trim() || DEFAULT_KEYCHAIN_SERVICE;
}
