/** Jobs a quit or crash interrupted: list them, resume one, or dismiss it. */
import type { HandlersFor } from '../ipc/handler-sets';
import type { InterruptedJobs } from './interrupted-jobs';

export function interruptedHandlers(interrupted: InterruptedJobs): HandlersFor<'jobs:interrupted' | 'jobs:resumeInterrupted' | 'jobs:dismissInterrupted'> {
  return {
    'jobs:interrupted': () => interrupted.list(),
    'jobs:resumeInterrupted': ({ id }) => interrupted.resume(id),
    'jobs:dismissInterrupted': ({ id }) => interrupted.dismiss(id),
  };
}
