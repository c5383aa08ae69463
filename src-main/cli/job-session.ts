/**
 * Runs one service call as a job (docs/architecture.md, "Jobs"), exactly as the app does,
 * so the command line gets the same progress, cancel and checkpoint behaviour: progress
 * snapshots go to the printer, Ctrl-C cancels the job, and the work is given time to wind
 * down (an export then writes its partial manifest and releases the bundle lock) before
 * the command returns.
 */
import type { JobKind, JobSnapshot } from '../../shared/model/job';
import { JobRunner, type JobContext } from '../jobs';
import type { ProgressPrinter } from './progress-printer';

export interface JobSessionOptions<T> {
  kind: JobKind;
  title: string;
  categories: readonly string[];
  work: (ctx: JobContext) => Promise<T>;
  /** Null with --quiet. */
  printer: ProgressPrinter | null;
  /** Aborted on Ctrl-C. */
  interrupt?: AbortSignal;
  /** How long cancelled work may take to stop before the command gives up waiting. Default 15 s. */
  graceMs?: number;
}

export type JobOutcome<T> =
  | { state: 'succeeded'; value: T; snapshot: JobSnapshot }
  | { state: 'failed'; error: unknown; snapshot: JobSnapshot }
  | { state: 'cancelled'; snapshot: JobSnapshot; stoppedCleanly: boolean };

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export async function runJob<T>(options: JobSessionOptions<T>): Promise<JobOutcome<T>> {
  const jobs = new JobRunner({ maxConcurrent: 1, onListenerError: () => undefined });
  const { printer } = options;
  let work: Promise<Settled<T>> | undefined;
  const finished = new Promise<JobSnapshot>((resolve) => jobs.onFinished(resolve));
  jobs.onProgress((snapshot) => printer?.update(snapshot.categories));

  const job = jobs.start({
    kind: options.kind,
    title: options.title,
    categories: options.categories,
    run: async (ctx) => {
      const promise = options.work(ctx);
      work = promise.then(
        (value): Settled<T> => ({ ok: true, value }),
        (error: unknown): Settled<T> => ({ ok: false, error }),
      );
      await promise;
    },
  });
  const cancel = () => {
    const current = jobs.get(job.id);
    if (current && (current.state === 'queued' || current.state === 'running' || current.state === 'paused')) jobs.cancel(job.id);
  };
  if (options.interrupt?.aborted) cancel();
  options.interrupt?.addEventListener('abort', cancel, { once: true });
  printer?.start();
  try {
    const snapshot = await finished;
    printer?.update(snapshot.categories);
    if (snapshot.state === 'cancelled') {
      const stoppedCleanly = work === undefined || (await settleWithin(work, options.graceMs ?? 15_000));
      return { state: 'cancelled', snapshot, stoppedCleanly };
    }
    // Succeeded or failed: the runner settles only after the work's promise did.
    const settled = work ? await work : ({ ok: false, error: new Error('The job did not start.') } as Settled<T>);
    return settled.ok ? { state: 'succeeded', value: settled.value, snapshot } : { state: 'failed', error: settled.error, snapshot };
  } finally {
    options.interrupt?.removeEventListener('abort', cancel);
    printer?.finish();
    jobs.dispose();
  }
}

/** True when `promise` settles within `ms`. */
async function settleWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
