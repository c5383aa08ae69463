/**
 * What the engine-level integration tests (export, cleanup) share: a client that the
 * shared rate limiter does not slow down and that retries fast, a JobContext without a
 * JobRunner whose checkpoints a test can hook, and a temporary folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTrainingClient, RateLimiterRegistry, type TrainingClient, type TrainingClientOptions } from '../../src-main/customvision';
import type { RunningEmulator } from '../../src-main/emulator';
import { JobProgress, type JobContext } from '../../src-main/jobs';

export function fastClient(emu: RunningEmulator, extra: Partial<TrainingClientOptions> = {}): TrainingClient {
  return createTrainingClient({
    endpoint: emu.endpoint,
    key: emu.key,
    rateLimiters: new RateLimiterRegistry(),
    rateLimit: 1000,
    retry: { baseDelayMs: 5, maxDelayMs: 50 },
    ...extra,
  });
}

export interface TestJob extends JobContext {
  progress: JobProgress;
  controller: AbortController;
  /** Called at every checkpoint (a test can cancel or pause from here). */
  onCheckpoint?: (count: number) => void | Promise<void>;
}

export function testJobContext(categories: readonly string[], jobId: string): TestJob {
  const controller = new AbortController();
  let count = 0;
  const job: TestJob = {
    jobId,
    signal: controller.signal,
    controller,
    progress: new JobProgress(categories),
    async checkpoint() {
      count += 1;
      await job.onCheckpoint?.(count);
      if (controller.signal.aborted) throw controller.signal.reason;
    },
  };
  return job;
}

export async function tempDirectory(prefix: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}
