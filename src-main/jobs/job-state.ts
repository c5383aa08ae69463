/**
 * The job life cycle (docs/architecture.md, "Jobs"):
 *
 *   queued → running ⇄ paused
 *   running → succeeded | failed | cancelled
 *   queued → cancelled, paused → cancelled
 *
 * Kept as data rather than scattered `if`s so the runner, the tests and anyone reading
 * the code agree on exactly one table.
 */
import { TERMINAL_JOB_STATES, type JobState } from '../../shared/model/job';
import { JobError } from './job-error';

const TRANSITIONS: Readonly<Record<JobState, readonly JobState[]>> = {
  queued: ['running', 'cancelled'],
  running: ['paused', 'succeeded', 'failed', 'cancelled'],
  paused: ['running', 'cancelled'],
  succeeded: [],
  failed: [],
  cancelled: [],
};

export function isTerminal(state: JobState): boolean {
  return TERMINAL_JOB_STATES.includes(state);
}

export function canTransition(from: JobState, to: JobState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Throws `INVALID_STATE` with a message the renderer can show as-is. */
export function assertTransition(from: JobState, to: JobState): void {
  if (!canTransition(from, to)) {
    throw new JobError('INVALID_STATE', describeRefusal(from, to));
  }
}

// The user usually reaches an illegal transition by clicking a button that was stale
// (e.g. "Pause" on a job that finished a moment ago), so the text explains the job's
// current situation instead of naming the state machine.
function describeRefusal(from: JobState, to: JobState): string {
  if (isTerminal(from)) return `This job is already finished (${from}).`;
  if (from === to) return `This job is already ${from}.`;
  if (from === 'queued' && to === 'paused') {
    return 'This job has not started yet, so it cannot be paused. You can cancel it instead.';
  }
  return `A job cannot go from ${from} to ${to}.`;
}
