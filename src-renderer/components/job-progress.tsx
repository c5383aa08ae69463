import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobSnapshot } from '../../shared/model/job';
import { isTerminal } from '../lib/job-state';
import { CategoryProgress } from './category-progress';
import { JobControls } from './job-controls';
import { JobStatus } from './job-status';
import { AppErrorMessage } from './error-surface';
import { mainTextOr } from '../lib/main-text';

interface JobProgressProps {
  job: JobSnapshot;
  /** Keeps the heading hierarchy right wherever the job is shown. */
  headingLevel?: 2 | 3;
}

/** Titles and summaries come from main as catalogue codes (its English is the fallback); errors by their code. */
function JobOutcome({ job }: { job: JobSnapshot }) {
  const { t } = useTranslation();
  if (job.state === 'failed') {
    return (
      <p className="job-outcome job-outcome-failed">
        {job.error ? (
          <>
            <code>{job.error.code}</code> <AppErrorMessage error={job.error} />
          </>
        ) : (
          (job.summary !== undefined ? mainTextOr(job.summaryText, job.summary) : t('jobs.failed'))
        )}
      </p>
    );
  }
  if (job.state === 'succeeded') return <p className="job-outcome">{job.summary !== undefined ? mainTextOr(job.summaryText, job.summary) : t('jobs.done')}</p>;
  if (job.state === 'cancelled') return <p className="job-outcome">{job.summary !== undefined ? mainTextOr(job.summaryText, job.summary) : t('jobs.cancelledBeforeEnd')}</p>;
  return null;
}

/** A job's state, one labelled bar per category, its controls and, once over, its outcome. */
export function JobProgress({ job, headingLevel = 3 }: JobProgressProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <section className="job" aria-labelledby={headingId}>
      <Heading id={headingId} className="job-title">
        {mainTextOr(job.titleText, job.title)}
      </Heading>
      <JobStatus job={job} />
      {job.categories.length > 0 && (
        <ul className="category-list">
          {job.categories.map((category) => (
            <CategoryProgress key={category.category} progress={category} ended={isTerminal(job.state)} />
          ))}
        </ul>
      )}
      <JobControls job={job} label={t('jobs.controlsLabel', { title: mainTextOr(job.titleText, job.title) })} />
      <JobOutcome job={job} />
    </section>
  );
}
