import { useId } from 'react';
import type { CategoryProgress, JobSnapshot } from '../../shared/model/job';
import { formatBytes, formatCount } from '../lib/format';
import { canCancel, jobStateLabel } from '../lib/job-state';
import { useStewardStore } from '../store';
import { jobTotals } from '../store/export-slice';
import { exportCategoryLabel } from './export-categories';
import { ExportTransfer } from './export-transfer';
import { JobControls } from './job-controls';
import { ProgressBar } from './progress-bar';

function CategoryRow({ progress }: { progress: CategoryProgress }) {
  const label = exportCategoryLabel(progress.category);
  const items = progress.total === null ? `${formatCount(progress.done)} so far` : `${formatCount(progress.done)} / ${formatCount(progress.total)}`;
  let bytes: string | null = null;
  if (progress.bytesTotal !== null) bytes = `${formatBytes(progress.bytesDone)} / ${formatBytes(progress.bytesTotal)}`;
  else if (progress.bytesDone > 0) bytes = formatBytes(progress.bytesDone);
  return (
    <li className="category">
      <div className="category-head">
        <span className="category-name">{label}</span>
        <span className="category-count">
          {items}
          {bytes !== null && <span className="category-bytes"> · {bytes}</span>}
        </span>
      </div>
      <ProgressBar label={`${label}: export progress`} done={progress.done} total={progress.total} />
      {(progress.errors > 0 || progress.lastError !== undefined) && (
        <p className="category-error">
          {progress.errors > 0 && `${formatCount(progress.errors)} ${progress.errors === 1 ? 'error' : 'errors'}. `}
          {progress.lastError !== undefined && <>Latest: {progress.lastError}</>}
        </p>
      )}
    </li>
  );
}

/** Bytes when every size is known in advance, else items, else an indeterminate bar. */
function OverallBar({ job }: { job: JobSnapshot }) {
  const totals = jobTotals(job);
  if (job.state === 'succeeded') return <ProgressBar label="Overall export progress" done={1} total={1} />;
  if (totals.bytesTotal !== null) return <ProgressBar label="Overall export progress" done={totals.bytes} total={totals.bytesTotal} />;
  return <ProgressBar label="Overall export progress" done={totals.items} total={totals.itemsTotal} />;
}

const RESUME_HINT =
  'To resume, press “Start export” again with the same folder: files already saved are checked and kept, and only the rest is downloaded.';

function Outcome({ job }: { job: JobSnapshot }) {
  const folder = useStewardStore((state) => state.exportFolder);
  const verifying = useStewardStore((state) => state.verifyStarting || state.choosingFolder);
  const verifyBundle = useStewardStore((state) => state.verifyBundle);
  if (job.state === 'succeeded') {
    return (
      <>
        <p className="job-outcome">{job.summary ?? 'The export is complete.'}</p>
        <p>Open index.html in the bundle folder to browse everything offline, without CV Steward.</p>
        {folder && (
          <button
            type="button"
            className="button"
            aria-disabled={verifying}
            onClick={() => {
              if (!verifying) void verifyBundle(folder);
            }}
          >
            Verify this bundle
          </button>
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
            <code>{job.error.code}</code> {job.error.message}
          </>
        ) : (
          (job.summary ?? (job.state === 'failed' ? 'The export failed.' : 'Cancelled before it finished.'))
        )}
      </p>
      <p>{RESUME_HINT}</p>
    </>
  );
}

/** The export job: state, transfer rate and time left, a bar per category, controls, outcome. */
export function ExportJob({ job }: { job: JobSnapshot }) {
  const headingId = useId();

  return (
    <section className="job" aria-labelledby={headingId}>
      <h3 id={headingId} className="job-title">
        {job.title}
      </h3>
      <p className="job-state" role="status">
        Status: <strong className={`state state-${job.state}`}>{jobStateLabel(job.state)}</strong>
      </p>
      <OverallBar job={job} />
      <ExportTransfer job={job} />
      {job.categories.length > 0 && (
        <ul className="category-list">
          {job.categories.map((category) => (
            <CategoryRow key={category.category} progress={category} />
          ))}
        </ul>
      )}
      <JobControls job={job} label="Export controls" />
      {canCancel(job.state) && (
        <p className="field-hint">Cancelling keeps what was saved; starting again into the same folder resumes from there.</p>
      )}
      <Outcome job={job} />
    </section>
  );
}
