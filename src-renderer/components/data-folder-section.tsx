import { useTranslation } from 'react-i18next';
import { useStewardStore } from '../store';
import { FolderActionSection } from './folder-action-section';

/** Settings › Data folder: what CV Steward keeps there, and a button that opens it in the file manager. */
export function DataFolderSection() {
  const { t } = useTranslation();
  const openDataFolder = useStewardStore((state) => state.openDataFolder);
  return (
    <FolderActionSection
      id="data-folder"
      heading={t('shell.dataFolder.heading')}
      text={t('shell.dataFolder.text')}
      action={t('shell.dataFolder.open')}
      onAction={openDataFolder}
    />
  );
}
