import { useId } from 'react';
import { isTerminal } from '../lib/job-state';
import {
  selectCleanupBackup,
  selectCleanupBackupBusy,
  selectCleanupBackupJob,
  selectCleanupCheckJob,
  useStewardStore,
} from '../store';
import { CleanupCoverage } from './cleanup-coverage';
import { CleanupStepFrame } from './cleanup-step-frame';
import { JobProgress } from './job-progress';

function WaiveBackup() {
  const consequenceId = useId();
  const waived = useStewardStore((state) => state.cleanupWaived);
  const setWaived = useStewardStore((state) => state.setCleanupWaived);
  return (
    <section className="cleanup-option" aria-labelledby="cleanup-waive-heading">
      <h3 id="cleanup-waive-heading">Or delete without a backup</h3>
      <label className="export-check">
        <input type="checkbox" checked={waived} aria-describedby={consequenceId} onChange={(event) => setWaived(event.target.checked)} />
        <span className="export-check-text">Delete without a backup</span>
      </label>
      <p id={consequenceId} className="cleanup-warning">
        Everything in the plan will be gone for good: Custom Vision has no undo, and CV Steward keeps no copy. The receipt
        records that you chose to go ahead without a backup.
      </p>
    </section>
  );
}

/** Step 3: a verified bundle that holds every item of the plan, or an explicit waiver. */
export function CleanupBackupStep() {
  const plan = useStewardStore((state) => state.cleanupPlan);
  const bundle = useStewardStore((state) => state.cleanupBundle);
  const coverage = useStewardStore((state) => state.cleanupCoverage);
  const backupJob = useStewardStore(selectCleanupBackupJob);
  const checkJob = useStewardStore(selectCleanupCheckJob);
  const busy = useStewardStore((state) => selectCleanupBackupBusy(state) || state.cleanupPending);
  const canContinue = useStewardStore((state) => selectCleanupBackup(state) !== null);
  const chooseBundle = useStewardStore((state) => state.chooseCleanupBundle);
  const backUp = useStewardStore((state) => state.backUpForCleanup);
  const back = useStewardStore((state) => state.cleanupBack);
  const next = useStewardStore((state) => state.continueCleanup);

  return (
    <CleanupStepFrame step="backup">
      <p>
        Before anything is deleted, a bundle on your computer must hold every item of the plan: the same ids, every file
        present and matching its checksum. CV Steward checks this now and again just before it deletes.
      </p>
      <section className="cleanup-option" aria-labelledby="cleanup-existing-heading">
        <h3 id="cleanup-existing-heading">Use a bundle you already have</h3>
        <p>Choose the folder of an earlier CV Steward export. It is checked on the spot; nothing is downloaded.</p>
        <button type="button" className="button" disabled={busy} onClick={() => void chooseBundle()}>
          Choose bundle folder…
        </button>
      </section>
      <section className="cleanup-option" aria-labelledby="cleanup-backup-now-heading">
        <h3 id="cleanup-backup-now-heading">Back up now</h3>
        <p>
          Exports what this plan deletes into a folder, then checks it. Choose an empty folder, or an earlier bundle to
          complete it: what it already holds is kept and only what is missing is downloaded.
        </p>
        <button type="button" className="button" disabled={busy} onClick={() => void backUp()}>
          Back up into a folder…
        </button>
      </section>
      {bundle && (
        <p className="export-folder-path" aria-live="polite">
          Bundle: <code>{bundle.displayPath}</code>
        </p>
      )}
      {/* Finished jobs give way to their result: bars of a job that is over only distract. */}
      {backupJob && backupJob.state !== 'succeeded' && <JobProgress job={backupJob} headingLevel={3} />}
      {backupJob?.state === 'succeeded' && <p className="job-outcome">Backup finished. {backupJob.summary ?? ''}</p>}
      {checkJob && (!isTerminal(checkJob.state) || !coverage) && <JobProgress job={checkJob} headingLevel={3} />}
      {coverage && plan && <CleanupCoverage report={coverage} plan={plan} />}
      <WaiveBackup />
      <div className="form-actions">
        <button type="button" className="button" onClick={back}>
          Back to the plan
        </button>
        <button type="button" className="button button-primary" disabled={!canContinue} onClick={next}>
          Continue to confirmation
        </button>
      </div>
    </CleanupStepFrame>
  );
}
