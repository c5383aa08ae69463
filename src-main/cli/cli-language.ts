/**
 * The language the CLI speaks: the one asked for with --language (export, cleanup run,
 * where it also picks the viewer's or the receipt's language), else the operating system's
 * locale as POSIX programs read it — LC_ALL, then LC_MESSAGES, then LANG, the first one set
 * ("zh_TW.UTF-8" and "zh_Hant" are Traditional Chinese; "C", "POSIX" and anything we do not
 * offer are English).
 */
import { LANGUAGES, type Language } from '../../shared/model/preferences';
import { offeredLanguage } from '../../shared/i18n/language-from-os';
import { mainTranslator, type Translate } from '../i18n';
import type { Env } from '../settings/app-data-dir';

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

/**
 * The --language typed anywhere on the command line (`--language zh-TW` or
 * `--language=zh-TW`), for what is said before the command's options are read: help and
 * usage errors. A value that is not a language is ignored here; the command's own parsing
 * says what is wrong with it.
 */
export function typedLanguage(argv: readonly string[]): Language | undefined {
  for (const [index, arg] of argv.entries()) {
    if (arg === '--') return undefined;
    const value = arg === '--language' ? argv[index + 1] : arg.startsWith('--language=') ? arg.slice('--language='.length) : undefined;
    const language = LANGUAGES.find((candidate) => candidate.toLowerCase() === value?.trim().toLowerCase());
    if (language !== undefined) return language;
  }
  return undefined;
}
