import { useTranslation } from 'react-i18next';
import { useStewardStore } from '../store';

/** Settings › Log files: what the log holds, and a button that shows it in the file manager. */
export function LogsSection() {
  const { t } = useTranslation();
  const showInFolder = useStewardStore((state) => state.showInFolder);
  return (
    <section className="panel" aria-labelledby="logs-heading">
      <h2 id="logs-heading">{t('shell.logs.heading')}</h2>
      <p>{t('shell.logs.text')}</p>
      <button type="button" className="button" onClick={() => void showInFolder({ kind: 'logs' })}>
        {t('shell.logs.show')}
      </button>
    </section>
  );
}
