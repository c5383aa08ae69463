/**
 * What the Electron specs launch: the app from this checkout (`electron .`), or a packaged
 * app when CV_STEWARD_APP_PATH names its executable (CI runs the suite against an
 * `electron-builder --dir` build too, see .github/workflows/ci.yml). The Electron binary is
 * found without `require('electron')`, which would try to download it (impossible on our
 * machines) instead of just answering "not here".
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The packaged app's executable, e.g. release/linux-unpacked/cv-steward-desktop. */
export const PACKAGED_APP_VARIABLE = 'CV_STEWARD_APP_PATH';

/** The executable and the arguments that come before a spec's own (the app folder, unless packaged). */
export type LaunchTarget = { executablePath: string; appArgs: string[] } | { executablePath: null; reason: string };

export function electronLaunchTarget(): LaunchTarget {
  const packaged = process.env[PACKAGED_APP_VARIABLE]?.trim();
  if (packaged) {
    // Asked for a packaged app: a wrong path is a broken CI step, not a reason to skip.
    if (!existsSync(packaged)) throw new Error(`${PACKAGED_APP_VARIABLE} names ${packaged}, which does not exist`);
    return { executablePath: resolve(packaged), appArgs: [] };
  }
  const binary = findElectronBinary();
  return binary.path === null ? { executablePath: null, reason: binary.reason } : { executablePath: binary.path, appArgs: [join(__dirname, '..', '..')] };
}

export type ElectronBinary = { path: string } | { path: null; reason: string };

export function findElectronBinary(): ElectronBinary {
  const packageDir = join(__dirname, '..', '..', 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!existsSync(pathFile) && !override) {
    return { path: null, reason: 'the Electron binary is not installed (node_modules/electron/path.txt is missing; it cannot be downloaded on this machine)' };
  }
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const binary = override ? join(override, relative) : join(packageDir, 'dist', relative);
  return existsSync(binary) ? { path: binary } : { path: null, reason: `the Electron binary ${binary} does not exist` };
}
