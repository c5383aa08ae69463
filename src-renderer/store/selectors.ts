import type { JobKind, JobSnapshot } from '../../shared/model/job';
import type { StewardState } from './types';

/** The newest job of a kind (by createdAt), or undefined. Returns a stored object, so it is stable. */
export function latestJobOfKind(state: StewardState, kind: JobKind): JobSnapshot | undefined {
  let latest: JobSnapshot | undefined;
  for (const job of Object.values(state.jobsById)) {
    if (job.kind !== kind) continue;
    if (!latest || job.createdAt > latest.createdAt) latest = job;
  }
  return latest;
}

/**
 * The system check to show: the one started from this window once its snapshot has
 * arrived (undefined until then), otherwise the latest one main knows about.
 */
export function selectSystemCheckJob(state: StewardState): JobSnapshot | undefined {
  if (state.systemCheckJobId !== null) return state.jobsById[state.systemCheckJobId];
  return latestJobOfKind(state, 'system-check');
}
