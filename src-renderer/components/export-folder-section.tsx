import { Trans, useTranslation } from 'react-i18next';
import { useStewardStore } from '../store';
import { BusyButton } from './busy-button';

/**
 * Settings › Exports › default folder: chosen through main's own dialog (the page never
 * names a path); each export then gets a new subfolder in it from the Export page.
 */
export function ExportFolderSection() {
  const { t } = useTranslation();
  const folder = useStewardStore((state) => state.preferences.exportFolder);
  const busy = useStewardStore((state) => state.preferencesBusy === 'exportFolder');
  const choose = useStewardStore((state) => state.chooseDefaultExportFolder);
  const clear = useStewardStore((state) => state.clearDefaultExportFolder);

  return (
    <div className="settings-group">
      <h3 id="export-folder-heading">{t('settings.exportFolder.heading')}</h3>
      <p className="field-hint">{t('settings.exportFolder.hint')}</p>
      <div className="export-folder-row">
        <BusyButton busy={busy} describedBy="default-export-folder-path" onClick={() => void choose()}>
          {t('settings.exportFolder.choose')}
        </BusyButton>
        {folder !== null && (
          <BusyButton busy={busy} describedBy="default-export-folder-path" onClick={() => void clear()}>
            {t('settings.exportFolder.clear')}
          </BusyButton>
        )}
        <p id="default-export-folder-path" className="export-folder-path" aria-live="polite">
          {folder !== null ? (
            <Trans i18nKey="settings.exportFolder.current" values={{ path: folder }} components={{ code: <code /> }} />
          ) : (
            t('settings.exportFolder.none')
          )}
        </p>
      </div>
    </div>
  );
}
