import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { InterruptedJob } from '../../shared/model/resume';
import { formatDateTime } from '../lib/format';
import { useStewardStore } from '../store';
import { AppErrorMessage } from './error-surface';

/**
 * Jobs that were running when CV Steward last closed (or was killed), at the top of every
 * page: an export can be resumed into its bundle, a cleanup reopened in the wizard (which
 * asks for the backup and the typed confirmation again), either dismissed. The status
 * region is always in the document, so a screen reader announces the jobs once listed.
 */
export function InterruptedJobsBanner() {
  const { t } = useTranslation();
  const jobs = useStewardStore((state) => state.interruptedJobs);
  const load = useStewardStore((state) => state.loadInterruptedJobs);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="interrupted-jobs" aria-label={t('interrupted.regionLabel')}>
      <div role="status" aria-live="polite">
        {jobs.length > 0 && (
          <ul className="error-list">
            {jobs.map((job) => (
              <InterruptedJobItem key={job.id} job={job} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function InterruptedJobItem({ job }: { job: InterruptedJob }) {
  const { t } = useTranslation();
  const pendingId = useStewardStore((state) => state.interruptedPendingId);
  const failure = useStewardStore((state) => (state.interruptedError?.id === job.id ? state.interruptedError.error : null));
  const resume = useStewardStore((state) => state.resumeInterruptedJob);
  const dismiss = useStewardStore((state) => state.dismissInterruptedJob);
  const folder = job.folderPath ?? '';
  const account = job.accountName;
  const isExport = job.kind === 'export';
  const busy = pendingId !== null;
  const note = isExport ? t('interrupted.exportNote') : t('interrupted.cleanupNote');

  return (
    <li className="panel">
      <p>
        <strong>{isExport ? t('interrupted.export', { folder }) : t('interrupted.cleanup')}</strong>
      </p>
      <p className="field-hint">{t('interrupted.details', { account, startedAt: formatDateTime(new Date(job.startedAt)) })}</p>
      <p className="field-hint">{job.resumable ? note : t('interrupted.notResumable', { account })}</p>
      {failure && (
        <p className="form-error" role="alert">
          <code className="form-error-code">{failure.code}</code> <AppErrorMessage error={failure} />
        </p>
      )}
      <div className="form-actions">
        {job.resumable && (
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            aria-label={isExport ? t('interrupted.resumeLabel', { folder }) : t('interrupted.reviewLabel', { account })}
            onClick={() => void resume(job.id)}
          >
            {isExport ? t('interrupted.resume') : t('interrupted.review')}
          </button>
        )}
        <button
          type="button"
          className="button"
          disabled={busy}
          aria-label={isExport ? t('interrupted.dismissExportLabel', { folder }) : t('interrupted.dismissCleanupLabel', { account })}
          onClick={() => void dismiss(job.id)}
        >
          {t('interrupted.dismiss')}
        </button>
      </div>
    </li>
  );
}
