/**
 * The renderer's translations: one i18next instance with both catalogues bundled (no
 * network loading), initialised synchronously on import so the first render already
 * speaks the user's language. Components use `useTranslation()`, which re-renders them
 * when the language changes; label helpers outside React call `i18n.t` and are re-run by
 * those renders.
 *
 * Interpolation escaping is off because React escapes every value it renders as text;
 * nothing from a catalogue is ever rendered as HTML (tags inside messages go through
 * <Trans components={…}>, which maps them to React elements).
 */
import { createInstance } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zhTW from './zh-TW.json';
import { LANGUAGES, languageFromOs, osLanguages, type Language } from './language';

export const resources = {
  en: { translation: en },
  'zh-TW': { translation: zhTW },
} as const satisfies Record<Language, { translation: unknown }>;

// Typed keys: a t('…') call with a key missing from the English catalogue fails to compile.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

export const i18n = createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: languageFromOs(osLanguages()),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  // Only the exact language: there is no plain "zh" catalogue to fall back through.
  load: 'currentOnly',
  interpolation: { escapeValue: false },
  initAsync: false,
  returnEmptyString: false,
});

/** The language the interface shows now. */
export function currentLanguage(): Language {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return language === 'zh-TW' ? 'zh-TW' : 'en';
}

/**
 * Shows the interface in `choice`, or in the OS's language when `choice` is null, and
 * keeps <html lang> in step so screen readers and fonts pick the right language.
 */
export async function applyLanguage(choice: Language | null): Promise<void> {
  await i18n.changeLanguage(choice ?? languageFromOs(osLanguages()));
}

export function syncDocumentLanguage(doc: Document): () => void {
  const update = () => {
    doc.documentElement.lang = currentLanguage();
  };
  update();
  i18n.on('languageChanged', update);
  return () => i18n.off('languageChanged', update);
}

export { LANGUAGES, languageFromOs, osLanguages, isLanguage, type Language } from './language';
