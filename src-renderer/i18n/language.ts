/**
 * Which language the interface speaks when the user has not chosen one in Settings: the
 * operating system's, as the browser engine reports it (navigator.languages, in the user's
 * order of preference), matched by shared/i18n/language-from-os.ts, which main uses too.
 */
import type { Language } from '../../shared/model/preferences';

export type { Language };

/** The languages the catalogues hold, in the order Settings offers them. */
export const LANGUAGES = ['en', 'zh-TW'] as const satisfies readonly Language[];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export { offeredLanguage, languageFromOs } from '../../shared/i18n/language-from-os';

/**
 * The OS's languages as the page sees them; none outside a browser (unit tests run in
 * Node, whose own `navigator` would make them depend on the machine's locale).
 */
export function osLanguages(): readonly string[] {
  if (typeof window === 'undefined' || typeof navigator === 'undefined') return [];
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}
