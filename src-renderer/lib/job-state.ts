/** Pure rules about job states, shared by the jobs slice and the job views. */
import type { JobSnapshot, JobState } from '../../shared/model/job';
import { i18n } from '../i18n';

const TERMINAL: ReadonlySet<JobState> = new Set<JobState>(['succeeded', 'failed', 'cancelled']);

export function isTerminal(state: JobState): boolean {
  return TERMINAL.has(state);
}

export const canPause = (state: JobState): boolean => state === 'running';
export const canResume = (state: JobState): boolean => state === 'paused';
export const canCancel = (state: JobState): boolean => state === 'queued' || state === 'running' || state === 'paused';

export function jobStateLabel(state: JobState): string {
  return i18n.t(`jobs.state.${state}`);
}

/**
 * Which snapshot to keep when a new one arrives. A job never leaves a terminal state, so a
 * late progress event or a stale list entry must not bring a finished job back to life.
 */
export function mergeJobSnapshot(current: JobSnapshot | undefined, incoming: JobSnapshot): JobSnapshot {
  if (current && isTerminal(current.state) && !isTerminal(incoming.state)) return current;
  return incoming;
}
