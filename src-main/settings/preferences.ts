/**
 * The user's preferences, in the same settings file as the accounts: interface language
 * (`null`: follow the operating system, which only the renderer can see), theme, default
 * export folder, and the rate and download limits. Read leniently, like the accounts: a
 * value the app would never write (a hand edit, a value a later version added, a number
 * outside the safe bounds, a folder that is not an absolute path) reads as the default and
 * is reported once per key, so the app always starts and never runs with an unsafe limit.
 */
import path from 'node:path';
import type { z } from 'zod';
import { DOWNLOAD_CONCURRENCY_BOUNDS, PreferencesSchema, PreferencesUpdateSchema, RATE_LIMIT_BOUNDS, type Preferences, type PreferencesUpdate } from '../../shared/model/preferences';
import { AppError } from '../errors/app-error';
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

export const DEFAULT_PREFERENCES: Readonly<Preferences> = Object.freeze({
  language: null,
  theme: 'system',
  exportFolder: null,
  rateLimit: RATE_LIMIT_BOUNDS.default,
  downloadConcurrency: DOWNLOAD_CONCURRENCY_BOUNDS.default,
});

const NAMES = Object.keys(PREFERENCE_KEYS) as Array<keyof Preferences>;

export interface PreferencesSettings {
  get(): Preferences;
  /** Saves the given subset; `language: null` / `exportFolder: null` remove the choice. @throws AppError BAD_REQUEST */
  set(update: PreferencesUpdate): Preferences;
  /** Only main's own folder dialog sets the export folder (the page never names a path). @throws AppError BAD_REQUEST */
  setExportFolder(folder: string): Preferences;
  /** Every preference back to its default ("forget everything"); listeners are always told. */
  reset(): Preferences;
  /** Called after every change that changed something, with the new preferences (menus, limits, the page). */
  onChanged(listener: (preferences: Preferences) => void): () => void;
}

export function createPreferences(store: KeyValueStore, onWarning?: SettingsWarning): PreferencesSettings {
  const reported = new Set<keyof Preferences>();
  const listeners = new Set<(preferences: Preferences) => void>();

  function read<K extends keyof Preferences>(name: K): Preferences[K] {
    const raw = store.get(PREFERENCE_KEYS[name]);
    if (raw === undefined || raw === null) return DEFAULT_PREFERENCES[name];
    // Each field's own schema; the cast only narrows the union of field schemas to field K's.
    const schema = PreferencesSchema.shape[name] as unknown as z.ZodType<Preferences[K]>;
    const parsed = schema.safeParse(raw);
    if (parsed.success && usable(name, parsed.data)) return parsed.data;
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

  /** Runs a write, then tells the listeners if the preferences as read actually changed (or always, when `tell`). */
  function write(change: () => void, tell = false): Preferences {
    const before = get();
    change();
    const now = get();
    if (tell || NAMES.some((name) => before[name] !== now[name])) {
      for (const listener of [...listeners]) {
        // One failing listener (a closed window) must not stop the others or undo the save.
        try {
          listener(now);
        } catch (error) {
          onWarning?.(`A part of CV Steward could not take the new preferences into account: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
    return now;
  }

  /** A freshly written value is checked again when read, so a later hand edit is reported anew. */
  function save(name: keyof Preferences, value: unknown): void {
    reported.delete(name);
    if (value === null) store.delete(PREFERENCE_KEYS[name]);
    else store.set(PREFERENCE_KEYS[name], value);
  }

  return {
    get,
    set(update) {
      const parsed = PreferencesUpdateSchema.safeParse(update);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue?.path.join('.') || 'value';
        throw new AppError('BAD_REQUEST', `That setting cannot be saved: ${field} ${describeIssue(field)}.`);
      }
      return write(() => {
        for (const [name, value] of Object.entries(parsed.data) as Array<[keyof Preferences, unknown]>) {
          if (value !== undefined) save(name, value);
        }
      });
    },
    setExportFolder(folder) {
      if (!usable('exportFolder', folder)) throw new AppError('BAD_REQUEST', 'That folder cannot be used as the export folder: it is not a full path.');
      return write(() => save('exportFolder', folder));
    },
    reset() {
      // Always told: the settings file may have been emptied under us just before (forget everything).
      return write(() => {
        for (const name of NAMES) save(name, null);
      }, true);
    },
    onChanged(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/** Beyond the schema: a saved folder must be an absolute path (a relative one would depend on the working folder). */
function usable(name: keyof Preferences, value: unknown): boolean {
  if (name !== 'exportFolder' || value === null) return true;
  return typeof value === 'string' && value.length > 0 && value.length <= 4096 && !value.includes('\0') && path.isAbsolute(value);
}

/** Names what the page may send for each field, in words a person (or a bug report) can act on. */
function describeIssue(field: string): string {
  switch (field) {
    case 'language':
      return 'must be one of the languages CV Steward offers, or null to follow the system';
    case 'theme':
      return 'must be system, light or dark';
    case 'rateLimit':
      return `must be a whole number from ${RATE_LIMIT_BOUNDS.min} to ${RATE_LIMIT_BOUNDS.max} calls per second`;
    case 'downloadConcurrency':
      return `must be a whole number from ${DOWNLOAD_CONCURRENCY_BOUNDS.min} to ${DOWNLOAD_CONCURRENCY_BOUNDS.max} downloads at once`;
    case 'exportFolder':
      return 'can only be cleared here (choose a folder with the folder dialog)';
    default:
      return 'is not a setting CV Steward knows';
  }
}
