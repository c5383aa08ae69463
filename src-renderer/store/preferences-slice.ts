/**
 * The Settings that main remembers: language, theme, default export folder, the rate and
 * download limits, and "forget everything". Language and theme are applied on the page at
 * once (shown first, saved second); every change main announces (`preferences:changed`:
 * another window, or "forget everything" putting the defaults back) is applied too.
 */
import type { StateCreator } from 'zustand';
import { DOWNLOAD_CONCURRENCY_BOUNDS, RATE_LIMIT_BOUNDS, type Preferences, type PreferencesUpdate, type Theme } from '../../shared/model/preferences';
import { applyLanguage, type Language } from '../i18n';
import { toAppError } from '../lib/app-error';
import { applyTheme } from '../lib/theme';
import type { LoadStatus, StewardClient, StewardState } from './types';

/** What the page shows before main answers: the same defaults main starts with. */
export const INITIAL_PREFERENCES: Preferences = {
  language: null,
  theme: 'system',
  exportFolder: null,
  rateLimit: RATE_LIMIT_BOUNDS.default,
  downloadConcurrency: DOWNLOAD_CONCURRENCY_BOUNDS.default,
};

export type LimitName = 'rateLimit' | 'downloadConcurrency';
export const LIMIT_BOUNDS: Readonly<Record<LimitName, { min: number; max: number; default: number }>> = {
  rateLimit: RATE_LIMIT_BOUNDS,
  downloadConcurrency: DOWNLOAD_CONCURRENCY_BOUNDS,
};
export type Limits = Pick<Preferences, LimitName>;

/** Why a typed limit cannot be saved: not a whole number, or outside the safe bounds. */
export type LimitProblem = 'notWhole' | 'outOfRange';

/** The problem with what the user typed for a limit, or null when it can be saved. */
export function limitProblem(name: LimitName, text: string): LimitProblem | null {
  const trimmed = text.trim();
  if (!/^-?\d+$/.test(trimmed)) return 'notWhole';
  const value = Number(trimmed);
  const { min, max } = LIMIT_BOUNDS[name];
  return value < min || value > max ? 'outOfRange' : null;
}

export type ForgetResult = { accountsForgotten: number; filesRemoved: number };

/** The preference action under way: its button shows it and ignores a second press. */
export type PreferencesBusy = 'theme' | 'limits' | 'exportFolder' | 'forget' | null;

export interface PreferencesSlice {
  /** The saved language choice; null: follow the operating system's language. */
  languageChoice: Language | null;
  /** Every preference as main last told it (or as just chosen on this page). */
  preferences: Preferences;
  preferencesStatus: LoadStatus;
  preferencesBusy: PreferencesBusy;
  /** What the last "forget everything" removed, for the confirmation on the page. */
  forgetResult: ForgetResult | null;
  /** Reads main's preferences and applies them; also starts listening to `preferences:changed`. */
  loadPreferences(): Promise<void>;
  /** Shows preferences main announced: language and theme on the page, the rest in the store. */
  applyPreferences(preferences: Preferences): void;
  /** Shows the interface in `choice` at once and asks main to remember it. */
  chooseLanguage(choice: Language | null): Promise<void>;
  /** Applies the theme at once and asks main to remember it. */
  chooseTheme(theme: Theme): Promise<void>;
  /** Saves both limits; false (and nothing saved) when main refused them. */
  saveLimits(limits: Limits): Promise<boolean>;
  /** Main's folder dialog for the default export folder; cancelled: unchanged. */
  chooseDefaultExportFolder(): Promise<void>;
  /** Back to choosing a folder for every export. */
  clearDefaultExportFolder(): Promise<void>;
  /** Export page: a new, empty folder in the default export folder becomes this export's folder. */
  makeFolderInDefaultExportFolder(): Promise<void>;
  /** Forgets every account and CV Steward's local data; true when main did. */
  forgetEverything(): Promise<boolean>;
}

export const createPreferencesSlice =
  (client: StewardClient): StateCreator<StewardState, [], [], PreferencesSlice> =>
  (set, get) => {
    // Bumped by each change made here: a saved value read before it must not undo it.
    let changes = 0;

    const show = (preferences: Preferences) => {
      const languageChanged = preferences.language !== get().languageChoice;
      set({ preferences, languageChoice: preferences.language, preferencesStatus: 'ready' });
      applyTheme(preferences.theme);
      return languageChanged ? applyLanguage(preferences.language) : Promise.resolve();
    };

    /** Saves an update; main's answer becomes the page's preferences. */
    const save = async (update: PreferencesUpdate): Promise<boolean> => {
      try {
        const saved = await client.preferences.set(update);
        await show(saved);
        return true;
      } catch (error) {
        get().pushError(toAppError(error));
        return false;
      }
    };

    const busyWith = async (busy: Exclude<PreferencesBusy, null>, run: () => Promise<boolean>): Promise<boolean> => {
      if (get().preferencesBusy !== null) return false;
      set({ preferencesBusy: busy });
      try {
        return await run();
      } finally {
        set({ preferencesBusy: null });
      }
    };

    return {
      languageChoice: null,
      preferences: INITIAL_PREFERENCES,
      preferencesStatus: 'idle',
      preferencesBusy: null,
      forgetResult: null,

      loadPreferences: async () => {
        const before = changes;
        set({ preferencesStatus: 'loading' });
        try {
          const preferences = await client.preferences.get();
          if (before !== changes) return;
          await show(preferences);
        } catch (error) {
          set({ preferencesStatus: 'error' });
          get().pushError(toAppError(error));
        }
      },

      applyPreferences: (preferences) => {
        changes += 1;
        void show(preferences);
      },

      chooseLanguage: async (choice) => {
        changes += 1;
        set({ languageChoice: choice, preferences: { ...get().preferences, language: choice }, preferencesStatus: 'ready' });
        // Shown first, saved second: the switch must not wait for the round trip.
        await applyLanguage(choice);
        try {
          await client.preferences.set({ language: choice });
        } catch (error) {
          // The language stays for this session; the error says it was not remembered.
          get().pushError(toAppError(error));
        }
      },

      chooseTheme: async (theme) => {
        changes += 1;
        set({ preferences: { ...get().preferences, theme } });
        applyTheme(theme);
        try {
          await client.preferences.set({ theme });
        } catch (error) {
          // Like the language: shown for this session, and the error says it was not remembered.
          get().pushError(toAppError(error));
        }
      },

      saveLimits: (limits) =>
        busyWith('limits', () => {
          changes += 1;
          return save({ rateLimit: limits.rateLimit, downloadConcurrency: limits.downloadConcurrency });
        }),

      chooseDefaultExportFolder: async () => {
        await busyWith('exportFolder', async () => {
          changes += 1;
          try {
            await show(await client.preferences.chooseExportFolder());
            return true;
          } catch (error) {
            get().pushError(toAppError(error));
            return false;
          }
        });
      },

      clearDefaultExportFolder: async () => {
        await busyWith('exportFolder', () => {
          changes += 1;
          return save({ exportFolder: null });
        });
      },

      makeFolderInDefaultExportFolder: async () => {
        // The export page's own "choosing" flag: one folder request at a time, whichever button.
        if (get().choosingFolder) return;
        set({ choosingFolder: true });
        try {
          const folder = await client.export.defaultFolder();
          if (folder) set({ exportFolder: folder });
          // No default folder any more (cleared elsewhere): the page offers only "Choose folder…".
          else await show(await client.preferences.get());
        } catch (error) {
          get().pushError(toAppError(error));
        } finally {
          set({ choosingFolder: false });
        }
      },

      forgetEverything: () =>
        busyWith('forget', async () => {
          set({ forgetResult: null });
          try {
            const result = await client.app.forgetEverything({ confirm: true });
            // Folder ids main gave out are forgotten too, and so are the counts of every account.
            set({ forgetResult: result, exportFolder: null, inventoryByAccount: {}, inventoryJobId: null });
          } catch (error) {
            get().pushError(toAppError(error));
            return false;
          }
          // Main announced the changes; reading them again covers an event that did not arrive.
          changes += 1;
          await Promise.all([get().loadAccounts(), get().loadJobs(), get().loadPreferences(), get().loadInterruptedJobs()]);
          return true;
        }),
    };
  };
