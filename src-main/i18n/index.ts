/**
 * Main's own texts (platform, docs/architecture.md, "Layers"): the catalogues in locales/<language>/ for the
 * CLI, the desktop menu and notifications, the bundle viewer and the cleanup receipt, and
 * the translator over them. The page's catalogues live in src-renderer/i18n. May import
 * only src-main/errors and shared/. Other main-process modules import from here only.
 */
export { mainTranslator, MAIN_CATALOGUES, type MainKey, type MainNamespace, type Translate } from './main-translator';
export { languageFromOs, offeredLanguage } from '../../shared/i18n/language-from-os';
