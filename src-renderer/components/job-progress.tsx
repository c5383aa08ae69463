import { useId } from 'react';
import type { JobSnapshot } from '../../shared/model/job';
import { canCancel, canPause, canResume, jobStateLabel } from '../lib/job-state';
import { useStewardStore } from '../store';
import { CategoryProgress } from './category-progress';

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
  const pending = useStewardStore((state) => state.pendingJobActions[job.id]);
  const pauseJob = useStewardStore((state) => state.pauseJob);
  const resumeJob = useStewardStore((state) => state.resumeJob);
  const cancelJob = useStewardStore((state) => state.cancelJob);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const busy = pending !== undefined;

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
      <div className="job-controls" role="group" aria-label={`${job.title} controls`}>
        <button type="button" className="button" disabled={busy || !canPause(job.state)} onClick={() => void pauseJob(job.id)}>
          Pause
        </button>
        <button type="button" className="button" disabled={busy || !canResume(job.state)} onClick={() => void resumeJob(job.id)}>
          Resume
        </button>
        <button
          type="button"
          className="button button-danger"
          disabled={busy || !canCancel(job.state)}
          onClick={() => void cancelJob(job.id)}
        >
          Cancel
        </button>
      </div>
      <JobOutcome job={job} />
    </section>
  );
}
