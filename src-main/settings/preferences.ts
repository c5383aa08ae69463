/**
 * The user's preferences, in the same settings file as the accounts: for now the interface
 * language chosen in Settings (`null`: follow the operating system, which only the renderer
 * can see). Read leniently, like the accounts: a value the app would never write (a hand
 * edit, a language a later version added) reads as "follow the OS" and is reported once,
 * so the app always starts.
 */
import { LanguageSchema, type Preferences } from '../../shared/ipc/contract';
import { AppError } from '../ipc/app-error';
import type { KeyValueStore } from './key-value-store';
import type { SettingsWarning } from './settings-file';

/** Key in the settings file, beside the accounts' keys. */
export const LANGUAGE_KEY = 'language';

export interface PreferencesSettings {
  get(): Preferences;
  /** Saves the choice; `language: null` removes it (back to following the OS). @throws AppError BAD_REQUEST */
  set(preferences: Preferences): Preferences;
}

export function createPreferences(store: KeyValueStore, onWarning?: SettingsWarning): PreferencesSettings {
  let reported = false;

  const get = (): Preferences => {
    const raw = store.get(LANGUAGE_KEY);
    if (raw === undefined || raw === null) return { language: null };
    const parsed = LanguageSchema.safeParse(raw);
    if (parsed.success) return { language: parsed.data };
    if (!reported) {
      reported = true;
      // The value itself is not quoted: a hand-edited file may hold anything.
      onWarning?.(`The saved interface language is not one CV Steward knows; it follows the system language instead (settings file ${store.path}).`);
    }
    return { language: null };
  };

  return {
    get,
    set({ language }) {
      if (language === null) {
        store.delete(LANGUAGE_KEY);
        return get();
      }
      const parsed = LanguageSchema.safeParse(language);
      if (!parsed.success) throw new AppError('BAD_REQUEST', 'CV Steward does not offer that language.');
      store.set(LANGUAGE_KEY, parsed.data);
      return get();
    },
  };
}
