import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n';
import { isTerminal } from '../lib/job-state';
import { exportRequestOf, selectExportJob, useStewardStore } from '../store';
import { ExportJob } from './export-job';

/** Why "Start export" cannot be pressed yet, in the user's terms; null when it can. */
function blockerText(hasFolder: boolean, hasRequest: boolean, active: boolean): string | null {
  if (active) return i18n.t('export.start.active');
  if (!hasFolder) return i18n.t('export.start.noFolder');
  if (!hasRequest) return i18n.t('export.start.noRequest');
  return null;
}

/** "Start export" and, once started, the export job with its progress and controls. */
export function ExportStart() {
  const { t } = useTranslation();
  const job = useStewardStore(selectExportJob);
  const hasFolder = useStewardStore((state) => state.exportFolder !== null);
  const hasRequest = useStewardStore((state) => exportRequestOf(state) !== null);
  const starting = useStewardStore((state) => state.exportStarting);
  const waitingForJob = useStewardStore((state) => state.exportJobId !== null && !state.jobsById[state.exportJobId]);
  const startExport = useStewardStore((state) => state.startExport);
  const active = job !== undefined && !isTerminal(job.state);
  const blocker = blockerText(hasFolder, hasRequest, active);
  // aria-disabled while busy keeps keyboard focus on the button (a disabled one drops it).
  const busy = starting || active;

  return (
    <section className="panel" aria-labelledby="export-start-heading">
      <h2 id="export-start-heading">{t('export.start.heading')}</h2>
      <button
        type="button"
        className="button button-primary"
        disabled={!hasRequest && !busy}
        aria-disabled={busy}
        aria-describedby="export-start-hint"
        onClick={() => {
          if (!busy) void startExport();
        }}
      >
        {t('export.start.button')}
      </button>
      <p id="export-start-hint" className="field-hint export-start-hint">
        {blocker ?? t('export.start.ready')}
      </p>
      {(starting || waitingForJob) && !job && <p role="status">{t('export.start.starting')}</p>}
      {job && <ExportJob job={job} />}
    </section>
  );
}
