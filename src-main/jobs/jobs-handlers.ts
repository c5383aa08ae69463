/** The job list's channels: list, cancel, pause, resume and clear what has finished. */
import type { HandlersFor } from '../ipc/handler-sets';
import type { JobRunner } from './job-runner';

export function jobsHandlers(jobs: JobRunner): HandlersFor<'jobs:list' | 'jobs:cancel' | 'jobs:pause' | 'jobs:resume' | 'jobs:clearFinished'> {
  return {
    'jobs:list': () => jobs.list(),
    'jobs:cancel': ({ jobId }) => jobs.cancel(jobId),
    'jobs:pause': ({ jobId }) => jobs.pause(jobId),
    'jobs:resume': ({ jobId }) => jobs.resume(jobId),
    'jobs:clearFinished': () => ({ removed: jobs.clearFinished() }),
  };
}
