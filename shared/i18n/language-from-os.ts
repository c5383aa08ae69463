/**
 * Which of CV Steward's languages matches the operating system's: used by the renderer
 * (navigator.languages) and by main (Electron's app.getPreferredSystemLanguages) so the
 * menu, notifications and pages agree when the user has not chosen a language. Traditional
 * Chinese (zh-TW, zh-Hant, Hong Kong, Macau) gets zh-TW; English gets en; the first of the
 * user's languages we offer wins, and anything else (including Simplified Chinese, which we
 * do not offer) ends in English.
 */
import type { Language } from '../model/preferences';

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
