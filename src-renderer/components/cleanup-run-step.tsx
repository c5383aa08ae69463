import { useTranslation } from 'react-i18next';
import { selectCleanupRunJob, selectCleanupRunning, useStewardStore } from '../store';
import { CleanupStepFrame } from './cleanup-step-frame';
import { JobProgress } from './job-progress';

/** Step 5: the run, a bar per kind of data, pause/resume/cancel, and resuming after a stop. */
export function CleanupRunStep() {
  const { t } = useTranslation();
  const job = useStewardStore(selectCleanupRunJob);
  const running = useStewardStore(selectCleanupRunning);
  const pending = useStewardStore((state) => state.cleanupPending);
  const run = useStewardStore((state) => state.runCleanupPlan);
  const stopped = job !== undefined && (job.state === 'cancelled' || (job.state === 'failed' && job.error?.code !== 'CLEANUP_INCOMPLETE'));

  return (
    <CleanupStepFrame step="run">
      <p>{t('cleanup.run.intro')}</p>
      {job ? <JobProgress job={job} headingLevel={3} /> : <p role="status">{t('common.starting')}</p>}
      {running && <p className="field-hint">{t('cleanup.run.pauseHint')}</p>}
      {job?.state === 'succeeded' && <p role="status">{t('cleanup.run.checking')}</p>}
      {stopped && (
        <>
          <p>{t('cleanup.run.stopped')}</p>
          <div className="form-actions">
            <button type="button" className="button button-primary" disabled={pending} onClick={() => void run()}>
              {t('cleanup.run.resume')}
            </button>
          </div>
        </>
      )}
    </CleanupStepFrame>
  );
}
