/**
 * Which language the interface speaks when the user has not chosen one in Settings: the
 * operating system's, as the browser engine reports it (navigator.languages, in the user's
 * order of preference). Traditional Chinese (zh-TW, zh-Hant, Hong Kong, Macau) gets zh-TW;
 * English gets en; the first of the user's languages we offer wins, and anything else
 * (including Simplified Chinese, which we do not offer) ends in English.
 */
import type { Language } from '../../shared/ipc/contract';

export type { Language };

/** The languages the catalogues hold, in the order Settings offers them. */
export const LANGUAGES = ['en', 'zh-TW'] as const satisfies readonly Language[];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** One BCP 47 tag → a language we offer, or null. */
export function offeredLanguage(tag: string): Language | null {
  // Some systems report POSIX-style tags (zh_TW); Intl.Locale wants hyphens.
  const normalised = tag.trim().replace(/_/g, '-');
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(normalised);
  } catch {
    return null;
  }
  if (locale.language === 'en') return 'en';
  if (locale.language !== 'zh') return null;
  // maximize() fills in the likely script: zh-HK and zh-MO → Hant, zh and zh-CN → Hans.
  return locale.maximize().script === 'Hant' ? 'zh-TW' : null;
}

export function languageFromOs(tags: readonly string[]): Language {
  for (const tag of tags) {
    const language = offeredLanguage(tag);
    if (language) return language;
  }
  return 'en';
}

/**
 * The OS's languages as the page sees them; none outside a browser (unit tests run in
 * Node, whose own `navigator` would make them depend on the machine's locale).
 */
export function osLanguages(): readonly string[] {
  if (typeof window === 'undefined' || typeof navigator === 'undefined') return [];
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}
