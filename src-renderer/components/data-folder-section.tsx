import { useTranslation } from 'react-i18next';
import { useStewardStore } from '../store';

/** Settings › Data folder: what CV Steward keeps there, and a button that opens it in the file manager. */
export function DataFolderSection() {
  const { t } = useTranslation();
  const openDataFolder = useStewardStore((state) => state.openDataFolder);
  return (
    <section className="panel" aria-labelledby="data-folder-heading">
      <h2 id="data-folder-heading">{t('shell.dataFolder.heading')}</h2>
      <p>{t('shell.dataFolder.text')}</p>
      <button type="button" className="button" onClick={() => void openDataFolder()}>
        {t('shell.dataFolder.open')}
      </button>
    </section>
  );
}
