import { useTranslation } from 'react-i18next';
import { AboutSection } from '../components/about-section';
import { LanguageSection } from '../components/language-section';
import { SystemCheckSection } from '../components/system-check-section';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <>
      <h1 tabIndex={-1}>{t('settings.title')}</h1>
      <LanguageSection />
      <AboutSection />
      <SystemCheckSection />
    </>
  );
}
