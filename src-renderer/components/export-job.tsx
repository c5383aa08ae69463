import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SAVED_FILES_CATEGORY } from '../../shared/model/bundle';
import type { CategoryProgress, JobSnapshot } from '../../shared/model/job';
import { formatCount } from '../lib/format';
import { canCancel, isTerminal } from '../lib/job-state';
import { useStewardStore } from '../store';
import { jobTotals } from '../store/export-slice';
import { amountText, bytesText, CategoryErrors } from './category-progress';
import { exportCategoryLabel } from './export-categories';
import { ExportTransfer } from './export-transfer';
import { JobControls } from './job-controls';
import { JobStatus } from './job-status';
import { ProgressBar } from './progress-bar';
import { AppErrorMessage } from './error-surface';
import { mainTextOr } from '../lib/main-text';

function CategoryRow({ progress, ended }: { progress: CategoryProgress; ended: boolean }) {
  const { t } = useTranslation();
  const label = exportCategoryLabel(progress.category);
  const bytes = bytesText(progress);
  return (
    <li className="category">
      <div className="category-head">
        <span className="category-name">{label}</span>
        <span className="category-count">
          {amountText(progress.done, progress.total, formatCount, ended)}
          {bytes !== null && <span className="category-bytes"> · {bytes}</span>}
        </span>
      </div>
      <ProgressBar label={t('export.job.progressLabel', { label })} done={progress.done} total={progress.total} />
      <CategoryErrors progress={progress} />
    </li>
  );
}

/** The re-check of saved files has a row only when there were saved files to check. */
function isShown(progress: CategoryProgress): boolean {
  return progress.category !== SAVED_FILES_CATEGORY || progress.total !== 0;
}

/** Bytes when every size is known in advance, else items, else an indeterminate bar. */
function OverallBar({ job }: { job: JobSnapshot }) {
  const { t } = useTranslation();
  const label = t('export.job.overallLabel');
  const totals = jobTotals(job);
  if (job.state === 'succeeded') return <ProgressBar label={label} done={1} total={1} />;
  if (totals.bytesTotal !== null) return <ProgressBar label={label} done={totals.bytes} total={totals.bytesTotal} />;
  return <ProgressBar label={label} done={totals.items} total={totals.itemsTotal} />;
}

/** Summaries come from main as catalogue codes (its English is the fallback); errors by their code. */
function Outcome({ job }: { job: JobSnapshot }) {
  const { t } = useTranslation();
  const folder = useStewardStore((state) => state.exportFolder);
  const verifying = useStewardStore((state) => state.verifyStarting || state.choosingFolder);
  const verifyBundle = useStewardStore((state) => state.verifyBundle);
  const showInFolder = useStewardStore((state) => state.showInFolder);
  if (job.state === 'succeeded') {
    return (
      <>
        <p className="job-outcome">{job.summary !== undefined ? mainTextOr(job.summaryText, job.summary) : t('export.job.complete')}</p>
        <p>{t('export.job.openIndex')}</p>
        {folder && (
          <div className="form-actions">
            <button
              type="button"
              className="button"
              aria-disabled={verifying}
              onClick={() => {
                if (!verifying) void verifyBundle(folder);
              }}
            >
              {t('export.job.verifyThis')}
            </button>
            <button type="button" className="button" onClick={() => void showInFolder({ kind: 'bundle', folderId: folder.folderId })}>
              {t('shell.showInFolder')}
            </button>
          </div>
        )}
      </>
    );
  }
  if (job.state !== 'failed' && job.state !== 'cancelled') return null;
  return (
    <>
      <p className={job.state === 'failed' ? 'job-outcome job-outcome-failed' : 'job-outcome'}>
        {job.error ? (
          <>
            <code>{job.error.code}</code> <AppErrorMessage error={job.error} />
          </>
        ) : (
          (job.summary !== undefined
            ? mainTextOr(job.summaryText, job.summary)
            : job.state === 'failed'
              ? t('export.job.failed')
              : t('jobs.cancelledBeforeEnd'))
        )}
      </p>
      <p>{t('export.job.resumeHint')}</p>
    </>
  );
}

/** The export job: state, transfer rate and time left, a bar per category, controls, outcome. */
export function ExportJob({ job }: { job: JobSnapshot }) {
  const { t } = useTranslation();
  const headingId = useId();

  return (
    <section className="job" aria-labelledby={headingId}>
      <h3 id={headingId} className="job-title">
        {mainTextOr(job.titleText, job.title)}
      </h3>
      <JobStatus job={job} />
      <OverallBar job={job} />
      <ExportTransfer job={job} />
      {job.categories.length > 0 && (
        <ul className="category-list">
          {job.categories.filter(isShown).map((category) => (
            <CategoryRow key={category.category} progress={category} ended={isTerminal(job.state)} />
          ))}
        </ul>
      )}
      <JobControls job={job} label={t('export.job.controlsLabel')} />
      {canCancel(job.state) && <p className="field-hint">{t('export.job.cancelHint')}</p>}
      <Outcome job={job} />
    </section>
  );
}
