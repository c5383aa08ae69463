/** The Settings page's channels: read and change the preferences, and choose the default export folder. */
import type { HandlersOf } from '../ipc/handler-sets';
import type { PreferencesSettings } from './preferences';

export interface PreferencesHandlersDeps {
  preferences: PreferencesSettings;
  /** Main's own folder dialog (as for a bundle); null when the user cancelled it. */
  pickFolder: () => Promise<string | null>;
}

export function preferencesHandlers({ preferences, pickFolder }: PreferencesHandlersDeps): HandlersOf<'preferences'> {
  return {
    'preferences:get': () => preferences.get(),
    'preferences:set': (request) => preferences.set(request),
    'preferences:chooseExportFolder': async () => {
      const chosen = await pickFolder();
      // Cancelled: nothing changes, and the page still gets the preferences to show.
      return chosen ? preferences.setExportFolder(chosen) : preferences.get();
    },
  };
}
