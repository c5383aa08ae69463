import { isTerminal } from '../lib/job-state';
import { selectSystemCheckJob, useStewardStore } from '../store';
import { JobProgress } from './job-progress';

/** Settings › System check: starts the diagnostics job and follows it. */
export function SystemCheckSection() {
  const job = useStewardStore(selectSystemCheckJob);
  const starting = useStewardStore((state) => state.systemCheckStarting);
  const waitingForJob = useStewardStore((state) => state.systemCheckJobId !== null && !state.jobsById[state.systemCheckJobId]);
  const startSystemCheck = useStewardStore((state) => state.startSystemCheck);
  const running = job !== undefined && !isTerminal(job.state);

  return (
    <section className="panel" aria-labelledby="system-check-heading">
      <h2 id="system-check-heading">System check</h2>
      <p>
        Checks, one part at a time, that this computer can hold CV Steward&apos;s data. It only looks at this computer
        and changes nothing in your Custom Vision account.
      </p>
      <button
        type="button"
        className="button button-primary"
        disabled={starting || running}
        onClick={() => void startSystemCheck()}
      >
        Run system check
      </button>
      {(starting || waitingForJob) && !job && <p role="status">Starting the system check…</p>}
      {job && <JobProgress job={job} headingLevel={3} />}
    </section>
  );
}
