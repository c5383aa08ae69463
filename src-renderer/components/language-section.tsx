import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGES, languageFromOs, osLanguages } from '../i18n';
import { useStewardStore } from '../store';

/** The select's value for "follow the operating system" (saved as null). */
const SYSTEM = 'system';

/**
 * Settings › Language: applied the moment it changes and remembered by main. Each
 * language is named in itself, so someone who cannot read the current one still finds theirs.
 */
export function LanguageSection() {
  const { t } = useTranslation();
  const ids = { select: useId(), hint: useId() };
  const choice = useStewardStore((state) => state.languageChoice);
  const chooseLanguage = useStewardStore((state) => state.chooseLanguage);
  const systemLanguage = languageFromOs(osLanguages());

  return (
    <section className="panel" aria-labelledby="language-heading">
      <h2 id="language-heading">{t('settings.language.heading')}</h2>
      <div className="field">
        <label htmlFor={ids.select} className="field-label">
          {t('settings.language.label')}
        </label>
        <select
          id={ids.select}
          className="input"
          value={choice ?? SYSTEM}
          aria-describedby={ids.hint}
          onChange={(event) => {
            const value = event.target.value;
            void chooseLanguage(isLanguage(value) ? value : null);
          }}
        >
          <option value={SYSTEM}>{t('settings.language.system', { language: t(`settings.language.names.${systemLanguage}`) })}</option>
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {t(`settings.language.names.${language}`)}
            </option>
          ))}
        </select>
        <p id={ids.hint} className="field-hint">
          {t('settings.language.hint')}
        </p>
      </div>
    </section>
  );
}
