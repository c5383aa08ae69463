/**
 * Main's preferences as the renderer sees them, for the store tests: the same validation
 * as main (the contract's schema, so out-of-bounds limits are refused with BAD_REQUEST),
 * `preferences:changed` after every change, main's folder dialog for the default export
 * folder, `export:defaultFolder` and `app:forgetEverything`.
 */
import { PreferencesUpdateSchema, type Preferences, type PreferencesUpdate } from '../../../shared/model/preferences';
import type { ChosenFolder } from '../../../shared/model/bundle';
import { ok, type FakeHandlersFor, type FakeListener } from './fake-channels';

type Listener = FakeListener<'preferences:changed'>;

export const FAKE_DEFAULT_PREFERENCES: Preferences = { language: null, theme: 'system', exportFolder: null, rateLimit: 10, downloadConcurrency: 16 };

/** `preferences.set zh-TW` for a language alone (as the language tests expect), else `key=value` pairs. */
function describeUpdate(update: PreferencesUpdate): string {
  const entries = Object.entries(update);
  if (entries.length === 1 && entries[0]?.[0] === 'language') return String(entries[0][1] ?? 'null');
  return entries.map(([key, value]) => `${key}=${String(value)}`).join(' ');
}

export class FakePreferences {
  saved: Preferences = { ...FAKE_DEFAULT_PREFERENCES };
  readonly changedListeners = new Set<Listener>();
  /** The folder dialog's next answers for the default export folder; null is a cancelled dialog. */
  readonly dialogAnswers: Array<string | null> = [];
  /** Folders `export:defaultFolder` made, in order. */
  readonly madeFolders: ChosenFolder[] = [];
  /** What the next `app:forgetEverything` reports; `onForget` lets the test clear other fakes. */
  forgetResult = { accountsForgotten: 0, filesRemoved: 0 };
  onForget: () => void = () => undefined;
  private sequence = 0;

  /** `preferences:changed`, as main sends it after every change (or a change made elsewhere). */
  emitChanged(preferences: Preferences = this.saved): void {
    for (const listener of [...this.changedListeners]) listener({ ...preferences });
  }

  /** Also `export:defaultFolder` (it depends on the saved default folder) and `app:forgetEverything`. */
  handlers(): FakeHandlersFor<'preferences:get' | 'preferences:set' | 'preferences:chooseExportFolder' | 'export:defaultFolder' | 'app:forgetEverything'> {
    return {
      'preferences:get': { answer: () => ok({ ...this.saved }) },
      'preferences:set': {
        describe: describeUpdate,
        answer: (update) => {
          const parsed = PreferencesUpdateSchema.safeParse(update);
          if (!parsed.success) return { ok: false, error: { code: 'BAD_REQUEST', message: 'That setting cannot be saved.' } };
          this.change(parsed.data);
          return ok({ ...this.saved });
        },
      },
      'preferences:chooseExportFolder': {
        answer: () => {
          const chosen = this.dialogAnswers.shift() ?? null;
          if (chosen !== null) this.change({ exportFolder: chosen });
          return ok({ ...this.saved });
        },
      },
      'export:defaultFolder': {
        answer: () => {
          if (this.saved.exportFolder === null) return ok(null);
          this.sequence += 1;
          const folder = { folderId: `default-${this.sequence}`, displayPath: `${this.saved.exportFolder}/CV Steward export ${this.sequence}` };
          this.madeFolders.push(folder);
          return ok(folder);
        },
      },
      'app:forgetEverything': {
        answer: () => {
          this.onForget();
          this.saved = { ...FAKE_DEFAULT_PREFERENCES };
          this.emitChanged();
          return ok({ ...this.forgetResult });
        },
      },
    };
  }

  private change(update: Partial<Preferences>): void {
    this.saved = { ...this.saved, ...(Object.fromEntries(Object.entries(update).filter(([, value]) => value !== undefined)) as Partial<Preferences>) };
    this.emitChanged();
  }
}
