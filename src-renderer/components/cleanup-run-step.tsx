import { useTranslation } from 'react-i18next';
import type { JobSnapshot } from '../../shared/model/job';
import { planRefused, selectCleanupRunJob, selectCleanupRunning, useStewardStore } from '../store';
import { CleanupStepFrame } from './cleanup-step-frame';
import { JobProgress } from './job-progress';

interface RunEndProps {
  job: JobSnapshot;
  pending: boolean;
  onResume(): void;
  onNewPlan(): void;
}

/**
 * What to do after a run that did not reach the proof. A plan main refused outright
 * (edited since it was made, sealed elsewhere…) is not offered to resume: running it again
 * would be refused again, so a new plan is offered. Anything else stopped can resume.
 */
export function CleanupRunEnd({ job, pending, onResume, onNewPlan }: RunEndProps) {
  const { t } = useTranslation();
  if (planRefused(job)) {
    return (
      <>
        <p>{t('cleanup.run.refused')}</p>
        <div className="form-actions">
          <button type="button" className="button button-primary" disabled={pending} onClick={onNewPlan}>
            {t('cleanup.run.newPlan')}
          </button>
        </div>
      </>
    );
  }
  // An incomplete run has its proof (the next step): it is not "stopped".
  const stopped = job.state === 'cancelled' || (job.state === 'failed' && job.error?.code !== 'CLEANUP_INCOMPLETE');
  if (!stopped) return null;
  return (
    <>
      <p>{t('cleanup.run.stopped')}</p>
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={pending} onClick={onResume}>
          {t('cleanup.run.resume')}
        </button>
      </div>
    </>
  );
}

/** Step 5: the run, a bar per kind of data, pause/resume/cancel, and resuming after a stop. */
export function CleanupRunStep() {
  const { t } = useTranslation();
  const job = useStewardStore(selectCleanupRunJob);
  const running = useStewardStore(selectCleanupRunning);
  const pending = useStewardStore((state) => state.cleanupPending);
  const run = useStewardStore((state) => state.runCleanupPlan);
  const replan = useStewardStore((state) => state.replanCleanup);

  return (
    <CleanupStepFrame step="run">
      <p>{t('cleanup.run.intro')}</p>
      {/* A refusal shows as the catalogue's sentence for its code, with main's words as details. */}
      {job ? <JobProgress job={job} headingLevel={3} /> : <p role="status">{t('common.starting')}</p>}
      {running && <p className="field-hint">{t('cleanup.run.pauseHint')}</p>}
      {job?.state === 'succeeded' && <p role="status">{t('cleanup.run.checking')}</p>}
      {job && <CleanupRunEnd job={job} pending={pending} onResume={() => void run()} onNewPlan={() => void replan()} />}
    </CleanupStepFrame>
  );
}
