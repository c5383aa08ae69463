/**
 * The user's preferences, in the same settings file as the accounts: interface language
 * (`null`: follow the operating system, which only the renderer can see), theme, default
 * export folder, and the rate and download limits. Read leniently, like the accounts: a
 * value the app would never write (a hand edit, a value a later version added, a number
 * outside the safe bounds) reads as the default and is reported once per key, so the app
 * always starts and never runs with an unsafe limit.
 */
import type { z } from 'zod';
import {
  DOWNLOAD_CONCURRENCY_BOUNDS,
  PreferencesSchema,
  PreferencesUpdateSchema,
  RATE_LIMIT_BOUNDS,
  type Preferences,
  type PreferencesUpdate,
} from '../../shared/ipc/contract';
import { AppError } from '../ipc/app-error';
import type { KeyValueStore } from './key-value-store';
import type { SettingsWarning } from './settings-file';

/** Keys in the settings file, beside the accounts' keys. */
export const PREFERENCE_KEYS = {
  language: 'language',
  theme: 'theme',
  exportFolder: 'exportFolder',
  rateLimit: 'rateLimit',
  downloadConcurrency: 'downloadConcurrency',
} as const satisfies Record<keyof Preferences, string>;
/** @deprecated kept for callers of the first version; same as PREFERENCE_KEYS.language. */
export const LANGUAGE_KEY = PREFERENCE_KEYS.language;

export const DEFAULT_PREFERENCES: Preferences = {
  language: null,
  theme: 'system',
  exportFolder: null,
  rateLimit: RATE_LIMIT_BOUNDS.default,
  downloadConcurrency: DOWNLOAD_CONCURRENCY_BOUNDS.default,
};

export interface PreferencesSettings {
  get(): Preferences;
  /** Saves the given subset; `language: null` / `exportFolder: null` remove the choice. @throws AppError BAD_REQUEST */
  set(update: PreferencesUpdate): Preferences;
  /** Only main's own folder dialog sets the export folder (the page never names a path). */
  setExportFolder(path: string): Preferences;
  /** Called after every change, with the new preferences (menus, limits, other windows). */
  onChanged(listener: (preferences: Preferences) => void): () => void;
}

export function createPreferences(store: KeyValueStore, onWarning?: SettingsWarning): PreferencesSettings {
  const reported = new Set<string>();
  const listeners = new Set<(preferences: Preferences) => void>();

  function read<K extends keyof Preferences>(name: K): Preferences[K] {
    const raw = store.get(PREFERENCE_KEYS[name]);
    if (raw === undefined || raw === null) return DEFAULT_PREFERENCES[name];
    // Each field's own schema; the cast only narrows the union of field schemas to field K's.
    const schema = PreferencesSchema.shape[name] as unknown as z.ZodType<Preferences[K]>;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    if (!reported.has(name)) {
      reported.add(name);
      // The value itself is not quoted: a hand-edited file may hold anything.
      onWarning?.(`The saved setting "${name}" is not one CV Steward can use; the default is used instead (settings file ${store.path}).`);
    }
    return DEFAULT_PREFERENCES[name];
  }

  const get = (): Preferences => ({
    language: read('language'),
    theme: read('theme'),
    exportFolder: read('exportFolder'),
    rateLimit: read('rateLimit'),
    downloadConcurrency: read('downloadConcurrency'),
  });

  function changed(): Preferences {
    const now = get();
    for (const listener of listeners) listener(now);
    return now;
  }

  return {
    get,
    set(update) {
      const parsed = PreferencesUpdateSchema.safeParse(update);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new AppError('BAD_REQUEST', `That setting cannot be saved: ${issue?.path.join('.') ?? 'value'} ${issue?.message ?? 'is not valid'}.`);
      }
      for (const [name, value] of Object.entries(parsed.data) as Array<[keyof Preferences, unknown]>) {
        if (value === undefined) continue;
        if (value === null) store.delete(PREFERENCE_KEYS[name]);
        else store.set(PREFERENCE_KEYS[name], value);
      }
      return changed();
    },
    setExportFolder(path) {
      store.set(PREFERENCE_KEYS.exportFolder, path);
      return changed();
    },
    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
