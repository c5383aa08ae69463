import { Trans, useTranslation } from 'react-i18next';
import { useStewardStore } from '../store';
import { BusyButton } from './busy-button';

/**
 * "Where": the bundle folder, chosen through main's own dialog or, with a default export
 * folder set in Settings, a new empty folder main makes inside it; and the zip option.
 */
export function ExportDestination() {
  const { t } = useTranslation();
  const folder = useStewardStore((state) => state.exportFolder);
  const choosing = useStewardStore((state) => state.choosingFolder);
  const zip = useStewardStore((state) => state.exportZip);
  const chooseFolder = useStewardStore((state) => state.chooseExportFolder);
  const setZip = useStewardStore((state) => state.setExportZip);
  const defaultFolder = useStewardStore((state) => state.preferences.exportFolder);
  const makeFolderInDefault = useStewardStore((state) => state.makeFolderInDefaultExportFolder);

  return (
    <section className="panel" aria-labelledby="export-where-heading">
      <h2 id="export-where-heading">{t('export.destination.heading')}</h2>
      <p>{t('export.destination.text')}</p>
      <div className="export-folder-row">
        <BusyButton busy={choosing} describedBy="export-folder-path" onClick={() => void chooseFolder()}>
          {t('export.destination.choose')}
        </BusyButton>
        {defaultFolder !== null && (
          <BusyButton busy={choosing} describedBy="export-folder-path" onClick={() => void makeFolderInDefault()}>
            {t('settings.exportFolder.exportPage.newFolder', { folder: defaultFolder })}
          </BusyButton>
        )}
        <p id="export-folder-path" className="export-folder-path" aria-live="polite">
          {folder ? (
            <Trans i18nKey="export.destination.folder" values={{ path: folder.displayPath }} components={{ code: <code /> }} />
          ) : (
            t('export.destination.noFolder')
          )}
        </p>
      </div>
      <label className="export-check">
        <input type="checkbox" checked={zip} onChange={(event) => setZip(event.target.checked)} />
        <span className="export-check-text">
          {t('export.destination.zip')}
          <span className="export-check-hint"> — {t('export.destination.zipHint')}</span>
        </span>
      </label>
    </section>
  );
}
