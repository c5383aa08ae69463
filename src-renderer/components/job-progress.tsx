import { useId } from 'react';
import type { JobSnapshot } from '../../shared/model/job';
import { jobStateLabel } from '../lib/job-state';
import { CategoryProgress } from './category-progress';
import { JobControls } from './job-controls';

interface JobProgressProps {
  job: JobSnapshot;
  /** Keeps the heading hierarchy right wherever the job is shown. */
  headingLevel?: 2 | 3;
}

function JobOutcome({ job }: { job: JobSnapshot }) {
  if (job.state === 'failed') {
    return (
      <p className="job-outcome job-outcome-failed">
        {job.error ? (
          <>
            <code>{job.error.code}</code> {job.error.message}
          </>
        ) : (
          (job.summary ?? 'The job failed.')
        )}
      </p>
    );
  }
  if (job.state === 'succeeded') return <p className="job-outcome">{job.summary ?? 'Done.'}</p>;
  if (job.state === 'cancelled') return <p className="job-outcome">{job.summary ?? 'Cancelled before it finished.'}</p>;
  return null;
}

/** A job's state, one labelled bar per category, its controls and, once over, its outcome. */
export function JobProgress({ job, headingLevel = 3 }: JobProgressProps) {
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <section className="job" aria-labelledby={headingId}>
      <Heading id={headingId} className="job-title">
        {job.title}
      </Heading>
      <p className="job-state" role="status">
        Status: <strong className={`state state-${job.state}`}>{jobStateLabel(job.state)}</strong>
      </p>
      {job.categories.length > 0 && (
        <ul className="category-list">
          {job.categories.map((category) => (
            <CategoryProgress key={category.category} progress={category} />
          ))}
        </ul>
      )}
      <JobControls job={job} label={`${job.title} controls`} />
      <JobOutcome job={job} />
    </section>
  );
}
