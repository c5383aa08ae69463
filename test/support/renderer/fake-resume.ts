/**
 * Main's interrupted-jobs and saved-plans channels as the renderer sees them, for the store
 * tests: what main lists is what the test put here; resuming an export adds a new export
 * job to main's list, resuming a cleanup answers its plan id; dismissing forgets the job.
 */
import type { ResponseOf } from '../../../shared/ipc/contract';
import type { InterruptedJob, SavedPlan } from '../../../shared/model/resume';
import type { IpcResult } from '../../../shared/ipc/errors';
import type { JobSnapshot } from '../../../shared/model/job';
import { ok, type FakeHandlersFor } from './fake-channels';

export const PLAN_ID = '0c7f3f57-3c1a-4d8e-9b1e-2f4a6b8c0d1e';

export function interruptedExport(overrides: Partial<InterruptedJob> = {}): InterruptedJob {
  return { id: 'rec-export', kind: 'export', accountName: 'contoso-vision', startedAt: '2025-01-01T10:00:00.000Z', folderPath: '/home/me/bundles/contoso', resumable: true, ...overrides };
}

export function interruptedCleanup(overrides: Partial<InterruptedJob> = {}): InterruptedJob {
  return { id: 'rec-cleanup', kind: 'cleanup', accountName: 'contoso-vision', startedAt: '2025-01-01T11:00:00.000Z', planId: PLAN_ID, resumable: true, ...overrides };
}

export class FakeResume {
  interrupted: InterruptedJob[] = [];
  savedPlans: SavedPlan[] = [];
  private sequence = 0;

  constructor(private readonly addJob: (job: JobSnapshot) => void) {}

  handlers(): FakeHandlersFor<'jobs:interrupted' | 'jobs:resumeInterrupted' | 'jobs:dismissInterrupted' | 'cleanup:plans'> {
    return {
      'jobs:interrupted': { answer: () => ok([...this.interrupted]) },
      'jobs:resumeInterrupted': {
        describe: ({ id }) => id,
        answer: ({ id }): IpcResult<ResponseOf<'jobs:resumeInterrupted'>> => {
          const job = this.interrupted.find((entry) => entry.id === id);
          if (!job) return { ok: false, error: { code: 'NOT_FOUND', message: 'That interrupted job is no longer listed.' } };
          if (!job.resumable) return { ok: false, error: { code: 'ACCOUNT_NOT_SAVED', message: `The account “${job.accountName}” is no longer saved.` } };
          if (job.kind === 'cleanup') return ok({ kind: 'cleanup', planId: job.planId ?? '' });
          this.interrupted = this.interrupted.filter((entry) => entry.id !== id);
          this.sequence += 1;
          const jobId = `resumed-export-${this.sequence}`;
          this.addJob({ id: jobId, kind: 'export', title: 'Export', state: 'queued', categories: [], createdAt: '2025-01-02T10:00:00.000Z' });
          return ok({ kind: 'export', jobId });
        },
      },
      'jobs:dismissInterrupted': {
        describe: ({ id }) => id,
        answer: ({ id }) => {
          const before = this.interrupted.length;
          this.interrupted = this.interrupted.filter((entry) => entry.id !== id);
          return ok({ dismissed: this.interrupted.length < before });
        },
      },
      'cleanup:plans': { answer: () => ok([...this.savedPlans]) },
    };
  }
}
