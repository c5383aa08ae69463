import { useTranslation } from 'react-i18next';
import { isTerminal } from '../lib/job-state';
import { selectSystemCheckJob, useStewardStore } from '../store';
import { JobProgress } from './job-progress';

/** Settings › System check: starts the diagnostics job and follows it. */
export function SystemCheckSection() {
  const { t } = useTranslation();
  const job = useStewardStore(selectSystemCheckJob);
  const starting = useStewardStore((state) => state.systemCheckStarting);
  const waitingForJob = useStewardStore((state) => state.systemCheckJobId !== null && !state.jobsById[state.systemCheckJobId]);
  const startSystemCheck = useStewardStore((state) => state.startSystemCheck);
  const running = job !== undefined && !isTerminal(job.state);

  return (
    <section className="panel" aria-labelledby="system-check-heading">
      <h2 id="system-check-heading">{t('settings.systemCheck.heading')}</h2>
      <p>{t('settings.systemCheck.text')}</p>
      <button
        type="button"
        className="button button-primary"
        disabled={starting || running}
        onClick={() => void startSystemCheck()}
      >
        {t('settings.systemCheck.run')}
      </button>
      {(starting || waitingForJob) && !job && <p role="status">{t('settings.systemCheck.starting')}</p>}
      {job && <JobProgress job={job} headingLevel={3} />}
    </section>
  );
}
