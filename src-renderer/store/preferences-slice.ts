/**
 * The language setting: what the user chose in Settings (a language, or null to follow
 * the operating system), applied at once and remembered by main across restarts.
 */
import type { StateCreator } from 'zustand';
import { applyLanguage, type Language } from '../i18n';
import { toAppError } from '../lib/app-error';
import type { LoadStatus, StewardClient, StewardState } from './types';

export interface PreferencesSlice {
  /** The saved choice; null: follow the operating system's language. */
  languageChoice: Language | null;
  preferencesStatus: LoadStatus;
  /** Reads main's saved choice and shows it; without an answer the OS language stays. */
  loadPreferences(): Promise<void>;
  /** Shows the interface in `choice` at once and asks main to remember it. */
  chooseLanguage(choice: Language | null): Promise<void>;
}

export const createPreferencesSlice =
  (client: StewardClient): StateCreator<StewardState, [], [], PreferencesSlice> =>
  (set, get) => {
    // Bumped by each choice: a saved value read before the user chose must not undo it.
    let choices = 0;

    return {
      languageChoice: null,
      preferencesStatus: 'idle',

      loadPreferences: async () => {
        const before = choices;
        set({ preferencesStatus: 'loading' });
        try {
          const { language } = await client.preferences.get();
          if (before !== choices) return;
          set({ languageChoice: language, preferencesStatus: 'ready' });
          await applyLanguage(language);
        } catch (error) {
          set({ preferencesStatus: 'error' });
          get().pushError(toAppError(error));
        }
      },

      chooseLanguage: async (choice) => {
        choices += 1;
        set({ languageChoice: choice, preferencesStatus: 'ready' });
        // Shown first, saved second: the switch must not wait for the round trip.
        await applyLanguage(choice);
        try {
          await client.preferences.set(choice);
        } catch (error) {
          // The language stays for this session; the error says it was not remembered.
          get().pushError(toAppError(error));
        }
      },
    };
  };
