/**
 * The small key-value interface the settings modules persist through. In Electron the shell
 * passes an electron-store instance (it wraps conf and fits this interface as is); elsewhere
 * (CLI, harness, tests) createConfStore() gives the same file format over plain conf.
 */
import Conf from 'conf';
import path from 'node:path';
import { createSafeDeserializer, type SettingsWarning } from './settings-file';

export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
  /**
   * Removes every key ("forget everything"). electron-store and conf have it; optional so
   * small in-memory stand-ins need not (callers then delete the keys they know).
   */
  clear?(): void;
  /** The file the values live in (shown in diagnostics and warnings). */
  readonly path: string;
}

export interface ConfStoreOptions {
  /** Folder of the settings file (the app's data folder). */
  cwd: string;
  /** File name without extension; default "settings". */
  configName?: string;
  /** Told when the file was unreadable JSON and was moved aside. */
  onWarning?: SettingsWarning;
}

export const DEFAULT_SETTINGS_NAME = 'settings';

export function createConfStore(options: ConfStoreOptions): KeyValueStore {
  const configName = options.configName ?? DEFAULT_SETTINGS_NAME;
  const conf = new Conf<Record<string, unknown>>({
    cwd: options.cwd,
    configName,
    // Keys are literal names: a dot in a key must not create nested objects.
    accessPropertiesByDotNotation: false,
    // Nothing secret is in here, but nobody else on the machine needs to read it either.
    configFileMode: 0o600,
    deserialize: createSafeDeserializer({ filePath: path.resolve(options.cwd, `${configName}.json`), ...withWarning(options.onWarning) }),
  });
  return {
    get: (key) => conf.get(key),
    set: (key, value) => conf.set(key, value),
    delete: (key) => conf.delete(key),
    clear: () => conf.clear(),
    path: conf.path,
  };
}

function withWarning(onWarning: SettingsWarning | undefined): { onWarning?: SettingsWarning } {
  return onWarning ? { onWarning } : {};
}
