/**
 * Main's own translations: what main shows or writes for people to read outside the
 * renderer — the application menu, notifications and dialogs (namespace `desktop`), the
 * offline viewer of a bundle (`viewer`), the cleanup receipt (`receipt`) and the command
 * line's results (`cli`). Bundled like the renderer's catalogues (no files read at run
 * time), with i18next for interpolation and plurals (Intl.PluralRules), so both sides
 * follow the same catalogue rules.
 *
 * Keys are typed from the English catalogues: a key missing there fails to compile, and a
 * test checks that zh-TW has exactly the same keys and placeholders.
 */
import { createInstance, type i18n as I18n } from 'i18next';
import type { Language } from '../../shared/model/preferences';
import desktopEn from './locales/en/desktop.json';
import viewerEn from './locales/en/viewer.json';
import receiptEn from './locales/en/receipt.json';
import cliEn from './locales/en/cli.json';
import desktopZh from './locales/zh-TW/desktop.json';
import viewerZh from './locales/zh-TW/viewer.json';
import receiptZh from './locales/zh-TW/receipt.json';
import cliZh from './locales/zh-TW/cli.json';

export const MAIN_CATALOGUES = {
  en: { desktop: desktopEn, viewer: viewerEn, receipt: receiptEn, cli: cliEn },
  'zh-TW': { desktop: desktopZh, viewer: viewerZh, receipt: receiptZh, cli: cliZh },
} as const satisfies Record<Language, Record<string, unknown>>;

type Catalogue = (typeof MAIN_CATALOGUES)['en'];
export type MainNamespace = keyof Catalogue;

/** "a.b.c" for every string leaf of T (plural forms are looked up by their base key). */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${Prefix}${K extends `${infer Base}_${'one' | 'other' | 'zero' | 'two' | 'few' | 'many'}` ? Base : K}`
    : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type MainKey<N extends MainNamespace> = Leaves<Catalogue[N]>;

export type Translate<N extends MainNamespace> = (key: MainKey<N>, values?: Record<string, string | number>) => string;

const instances = new Map<Language, I18n>();

function instanceFor(language: Language): I18n {
  let instance = instances.get(language);
  if (!instance) {
    instance = createInstance();
    void instance.init({
      resources: MAIN_CATALOGUES as unknown as Record<string, Record<string, Record<string, unknown>>>,
      lng: language,
      fallbackLng: 'en',
      ns: Object.keys(MAIN_CATALOGUES.en),
      // Escaping is the writer's job: the viewer and receipt escape every value for HTML
      // themselves, and menu/notification text is never HTML.
      interpolation: { escapeValue: false },
      initAsync: false,
      returnEmptyString: false,
    });
    instances.set(language, instance);
  }
  return instance;
}

/** A translator for one namespace in one language. */
export function mainTranslator<N extends MainNamespace>(language: Language, namespace: N): Translate<N> {
  const instance = instanceFor(language);
  // i18next's own key typing is tied to a global declaration (the renderer's); main types
  // its keys itself (MainKey), so the fixed translator is used through a plain signature.
  type PlainT = (key: string, values: Record<string, string | number>) => string;
  const t = (instance as unknown as { getFixedT(lng: string, ns: string): PlainT }).getFixedT(language, namespace);
  return (key, values) => t(key, values ?? {});
}
