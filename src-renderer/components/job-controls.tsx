import { useTranslation } from 'react-i18next';
import type { JobSnapshot } from '../../shared/model/job';
import { canCancel, canPause, canResume, isTerminal } from '../lib/job-state';
import { useStewardStore } from '../store';

/**
 * Pause, Resume and Cancel for one job, enabled by its state and idle while a request is out.
 * A job that has ended has none: three dead buttons would say it could still be stopped.
 */
export function JobControls({ job, label }: { job: JobSnapshot; label: string }) {
  const { t } = useTranslation();
  const busy = useStewardStore((state) => state.pendingJobActions[job.id] !== undefined);
  const pauseJob = useStewardStore((state) => state.pauseJob);
  const resumeJob = useStewardStore((state) => state.resumeJob);
  const cancelJob = useStewardStore((state) => state.cancelJob);

  if (isTerminal(job.state)) return null;
  return (
    <div className="job-controls" role="group" aria-label={label}>
      <button type="button" className="button" disabled={busy || !canPause(job.state)} onClick={() => void pauseJob(job.id)}>
        {t('jobs.pause')}
      </button>
      <button type="button" className="button" disabled={busy || !canResume(job.state)} onClick={() => void resumeJob(job.id)}>
        {t('jobs.resume')}
      </button>
      <button
        type="button"
        className="button button-danger"
        disabled={busy || !canCancel(job.state)}
        onClick={() => void cancelJob(job.id)}
      >
        {t('jobs.cancel')}
      </button>
    </div>
  );
}
