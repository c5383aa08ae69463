import { useTranslation } from 'react-i18next';
import { THEME_CHOICES } from '../lib/theme';
import { useStewardStore } from '../store';

/** Settings › Appearance: System / Light / Dark, applied the moment it is chosen and remembered by main. */
export function ThemeSection() {
  const { t } = useTranslation();
  const theme = useStewardStore((state) => state.preferences.theme);
  const chooseTheme = useStewardStore((state) => state.chooseTheme);

  return (
    <section className="panel" aria-labelledby="theme-heading">
      <h2 id="theme-heading">{t('settings.theme.heading')}</h2>
      <fieldset className="export-fieldset">
        <legend className="export-legend">{t('settings.theme.legend')}</legend>
        {THEME_CHOICES.map((choice) => (
          <label key={choice} className="export-check">
            <input type="radio" name="theme" value={choice} checked={theme === choice} onChange={() => void chooseTheme(choice)} />
            <span className="export-check-text">
              {t(`settings.theme.choices.${choice}.label`)}
              <span className="export-check-hint"> — {t(`settings.theme.choices.${choice}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
