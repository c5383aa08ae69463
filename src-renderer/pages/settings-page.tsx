import { useTranslation } from 'react-i18next';
import { AboutSection } from '../components/about-section';
import { DataFolderSection } from '../components/data-folder-section';
import { ExportFolderSection } from '../components/export-folder-section';
import { ForgetEverythingSection } from '../components/forget-everything-section';
import { LanguageSection } from '../components/language-section';
import { LimitsSection } from '../components/limits-section';
import { LogsSection } from '../components/logs-section';
import { SystemCheckSection } from '../components/system-check-section';
import { ThemeSection } from '../components/theme-section';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <>
      <h1 tabIndex={-1}>{t('settings.title')}</h1>
      <LanguageSection />
      <ThemeSection />
      <section className="panel" aria-labelledby="settings-exports-heading">
        <h2 id="settings-exports-heading">{t('settings.exports.heading')}</h2>
        <ExportFolderSection />
        <LimitsSection />
      </section>
      <AboutSection />
      <SystemCheckSection />
      <LogsSection />
      <DataFolderSection />
      <ForgetEverythingSection />
    </>
  );
}
