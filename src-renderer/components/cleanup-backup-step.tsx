import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../shared/model/cleanup';
import { isTerminal } from '../lib/job-state';
import {
  selectCleanupBackup,
  selectCleanupBackupBusy,
  selectCleanupBackupJob,
  selectCleanupCheckJob,
  useStewardStore,
} from '../store';
import { CleanupCoverage } from './cleanup-coverage';
import { waiverText } from './cleanup-labels';
import { CleanupStepFrame } from './cleanup-step-frame';
import { JobProgress } from './job-progress';
import { mainTextOr } from '../lib/main-text';

function WaiveBackup({ plan }: { plan: PlanSummary | null }) {
  const { t } = useTranslation();
  const consequenceId = useId();
  const waived = useStewardStore((state) => state.cleanupWaived);
  const setWaived = useStewardStore((state) => state.setCleanupWaived);
  return (
    <section className="cleanup-option" aria-labelledby="cleanup-waive-heading">
      <h3 id="cleanup-waive-heading">{t('cleanup.backup.waiveHeading')}</h3>
      <label className="export-check">
        <input type="checkbox" checked={waived} aria-describedby={consequenceId} onChange={(event) => setWaived(event.target.checked)} />
        <span className="export-check-text">{waiverText(plan)}</span>
      </label>
      <p id={consequenceId} className="cleanup-warning">
        {t('cleanup.backup.waiveConsequence')}
      </p>
    </section>
  );
}

/**
 * The chosen folder and what became of it: the backup's progress and outcome, then the
 * check against the plan. Shown under the option that chose the folder, so a "Covered"
 * verdict on an existing bundle is not read as the result of "Back up now".
 */
function BundleResult() {
  const { t } = useTranslation();
  const plan = useStewardStore((state) => state.cleanupPlan);
  const bundle = useStewardStore((state) => state.cleanupBundle);
  const coverage = useStewardStore((state) => state.cleanupCoverage);
  const backupJob = useStewardStore(selectCleanupBackupJob);
  const checkJob = useStewardStore(selectCleanupCheckJob);
  if (!bundle) return null;
  return (
    <>
      <p className="export-folder-path" aria-live="polite">
        <Trans i18nKey="cleanup.backup.bundle" values={{ path: bundle.displayPath }} components={{ code: <code /> }} />
      </p>
      {/* Finished jobs give way to their result: bars of a job that is over only distract. */}
      {backupJob && backupJob.state !== 'succeeded' && <JobProgress job={backupJob} headingLevel={3} />}
      {/* The summary in the interface's language when main sent its code, else main's English. */}
      {backupJob?.state === 'succeeded' && (
        <p className="job-outcome">
          {t('cleanup.backup.finished')} {backupJob.summary !== undefined ? mainTextOr(backupJob.summaryText, backupJob.summary) : ''}
        </p>
      )}
      {checkJob && (!isTerminal(checkJob.state) || !coverage) && <JobProgress job={checkJob} headingLevel={3} />}
      {coverage && plan && <CleanupCoverage report={coverage} plan={plan} />}
    </>
  );
}

/** Step 3: a verified bundle that holds every item of the plan, or an explicit waiver. */
export function CleanupBackupStep() {
  const { t } = useTranslation();
  const plan = useStewardStore((state) => state.cleanupPlan);
  // "Back up now" is the option in use while its export is the one on record; else the folder was an existing bundle.
  const backingUpNow = useStewardStore((state) => state.cleanupBackupJobId !== null);
  const busy = useStewardStore((state) => selectCleanupBackupBusy(state) || state.cleanupPending);
  const canContinue = useStewardStore((state) => selectCleanupBackup(state) !== null);
  const chooseBundle = useStewardStore((state) => state.chooseCleanupBundle);
  const backUp = useStewardStore((state) => state.backUpForCleanup);
  const back = useStewardStore((state) => state.cleanupBack);
  const next = useStewardStore((state) => state.continueCleanup);

  return (
    <CleanupStepFrame step="backup">
      <p>{t('cleanup.backup.intro')}</p>
      <section className="cleanup-option" aria-labelledby="cleanup-existing-heading">
        <h3 id="cleanup-existing-heading">{t('cleanup.backup.existingHeading')}</h3>
        <p>{t('cleanup.backup.existingText')}</p>
        <button type="button" className="button" disabled={busy} onClick={() => void chooseBundle()}>
          {t('cleanup.backup.chooseBundle')}
        </button>
        {!backingUpNow && <BundleResult />}
      </section>
      <section className="cleanup-option" aria-labelledby="cleanup-backup-now-heading">
        <h3 id="cleanup-backup-now-heading">{t('cleanup.backup.nowHeading')}</h3>
        <p>{t('cleanup.backup.nowText')}</p>
        <button type="button" className="button" disabled={busy} onClick={() => void backUp()}>
          {t('cleanup.backup.backUp')}
        </button>
        {backingUpNow && <BundleResult />}
      </section>
      <WaiveBackup plan={plan} />
      <div className="form-actions">
        <button type="button" className="button" onClick={back}>
          {t('cleanup.backup.back')}
        </button>
        <button type="button" className="button button-primary" disabled={!canContinue} onClick={next}>
          {t('cleanup.backup.next')}
        </button>
      </div>
    </CleanupStepFrame>
  );
}
