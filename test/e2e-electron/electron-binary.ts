/**
 * Finds the Electron binary without `require('electron')`, which would try to download
 * it (impossible on our machines) instead of just answering "not here".
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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
