export { mainTranslator, MAIN_CATALOGUES, type MainKey, type MainNamespace, type Translate } from './main-translator';
export { languageFromOs, offeredLanguage } from '../../shared/i18n/language-from-os';
