import { useTranslation } from 'react-i18next';
import { useStewardStore } from '../store';
import { FolderActionSection } from './folder-action-section';

/** Settings › Log files: what the log holds, and a button that shows it in the file manager. */
export function LogsSection() {
  const { t } = useTranslation();
  const showInFolder = useStewardStore((state) => state.showInFolder);
  return (
    <FolderActionSection
      id="logs"
      heading={t('shell.logs.heading')}
      text={t('shell.logs.text')}
      action={t('shell.logs.show')}
      onAction={() => showInFolder({ kind: 'logs' })}
    />
  );
}
