/**
 * The language the CLI speaks: the one asked for with --language (export, cleanup run,
 * where it also picks the viewer's or the receipt's language), else the operating system's
 * locale as POSIX programs read it — LC_ALL, then LC_MESSAGES, then LANG, the first one set
 * ("zh_TW.UTF-8" and "zh_Hant" are Traditional Chinese; "C", "POSIX" and anything we do not
 * offer are English).
 */
import type { Language } from '../../shared/ipc/contract';
import { offeredLanguage } from '../../shared/i18n/language-from-os';
import { mainTranslator, type Translate } from '../i18n';
import type { Env } from './app-data-dir';

export function languageFromLocale(env: Env): Language {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name]?.trim();
    if (!value) continue;
    // The first variable set decides, as in POSIX: "zh_TW.UTF-8@euro" → "zh_TW".
    const tag = value.split(/[.@]/)[0] ?? '';
    return offeredLanguage(tag) ?? 'en';
  }
  return 'en';
}

export function cliLanguage(explicit: Language | undefined, env: Env): Language {
  return explicit ?? languageFromLocale(env);
}

/** The CLI's texts (src-main/i18n/locales/<language>/cli.json) in `language`. */
export function cliTranslator(language: Language): Translate<'cli'> {
  return mainTranslator(language, 'cli');
}
