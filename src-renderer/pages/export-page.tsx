import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportCategories } from '../components/export-categories';
import { ExportDestination } from '../components/export-destination';
import { ExportProjects } from '../components/export-projects';
import { ExportStart } from '../components/export-start';
import { ExportVerify } from '../components/export-verify';
import { useStewardStore } from '../store';

export function ExportPage() {
  const { t } = useTranslation();
  const loadInventory = useStewardStore((state) => state.loadExportInventory);

  // The latest inventory gives the counts and the project list; it may have changed since
  // the page was last shown, so it is read again each time.
  useEffect(() => {
    void loadInventory();
  }, [loadInventory]);

  return (
    <>
      <h1 tabIndex={-1}>{t('export.title')}</h1>
      <p className="lead">{t('export.lead')}</p>
      <section className="panel" aria-labelledby="export-what-heading">
        <h2 id="export-what-heading">{t('export.what.heading')}</h2>
        <p>{t('export.what.hint')}</p>
        <ExportCategories />
        <ExportProjects />
      </section>
      <ExportDestination />
      <ExportStart />
      <ExportVerify />
    </>
  );
}
