import { selectCleanupRunJob, selectCleanupRunning, useStewardStore } from '../store';
import { CleanupStepFrame } from './cleanup-step-frame';
import { JobProgress } from './job-progress';

/** Step 5: the run, a bar per kind of data, pause/resume/cancel, and resuming after a stop. */
export function CleanupRunStep() {
  const job = useStewardStore(selectCleanupRunJob);
  const running = useStewardStore(selectCleanupRunning);
  const pending = useStewardStore((state) => state.cleanupPending);
  const run = useStewardStore((state) => state.runCleanupPlan);
  const stopped = job !== undefined && (job.state === 'cancelled' || (job.state === 'failed' && job.error?.code !== 'CLEANUP_INCOMPLETE'));

  return (
    <CleanupStepFrame step="run">
      <p>
        Deleting in the order the Training API requires: published iterations are unpublished, then iterations, images
        (up to 256 a call), stored predictions, tags and finally projects. Every call is written down before the next one,
        so if CV Steward is stopped, starting again resumes exactly where it stopped.
      </p>
      {job ? <JobProgress job={job} headingLevel={3} /> : <p role="status">Starting…</p>}
      {running && <p className="field-hint">Pausing or cancelling takes effect after the call in flight; nothing is left half-done.</p>}
      {job?.state === 'succeeded' && <p role="status">Checking that everything is gone and writing the receipt…</p>}
      {stopped && (
        <>
          <p>
            The cleanup stopped before the end. What was deleted stays deleted; starting again skips it and carries on with
            the rest.
          </p>
          <div className="form-actions">
            <button type="button" className="button button-primary" disabled={pending} onClick={() => void run()}>
              Resume the cleanup
            </button>
          </div>
        </>
      )}
    </CleanupStepFrame>
  );
}
