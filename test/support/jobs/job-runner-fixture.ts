/**
 * What the JobRunner tests share: a vitest `test` whose fixtures hand out runners that are
 * disposed (and the real timers put back) after each test, and small helpers to hold a
 * job's work until the test releases it, wait for a state, and record what a subscriber
 * (the renderer) would see.
 */
import { test as base, vi } from 'vitest';
import type { JobSnapshot } from '../../../shared/model/job';
import { JobError } from '../../../src-main/jobs/job-error';
import { JobRunner, type JobRunnerOptions } from '../../../src-main/jobs/job-runner';

interface JobRunnerFixtures {
  /** A runner whose ids are job-1, job-2…, disposed when the test ends. */
  makeRunner: (options?: JobRunnerOptions) => JobRunner;
  /** Disposes a runner the test built itself (e.g. with the default random ids) when the test ends. */
  disposeAfter: (runner: JobRunner) => JobRunner;
  /** `makeRunner()` with the default options. */
  runner: JobRunner;
}

export const test = base.extend<JobRunnerFixtures>({
  // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from this pattern; this one has none
  disposeAfter: async ({}, use) => {
    const runners: JobRunner[] = [];
    await use((runner) => {
      runners.push(runner);
      return runner;
    });
    for (const runner of runners) runner.dispose();
    // A test that faked the clock gets the real one back even when it failed half way.
    vi.useRealTimers();
  },
  makeRunner: async ({ disposeAfter }, use) => {
    await use((options = {}) => {
      let next = 0;
      const idFactory = () => {
        next += 1;
        return `job-${next}`;
      };
      return disposeAfter(new JobRunner({ idFactory, ...options }));
    });
  },
  runner: async ({ makeRunner }, use) => {
    await use(makeRunner());
  },
});

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve: (value: T) => void = () => {};
  let reject: (reason: unknown) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every queued microtask and promise continuation run. */
export function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (condition()) return;
    await tick();
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The JobError an action throws (anything else is rethrown, no throw fails the test). */
export function caught(action: () => unknown): JobError {
  try {
    action();
  } catch (error) {
    if (error instanceof JobError) return error;
    throw error;
  }
  throw new Error('expected a JobError');
}

export interface RecordedEvents {
  progress: JobSnapshot[];
  finished: JobSnapshot[];
  /** `progress:<id>:<state>` and `finished:<id>:<state>`, in the order they came. */
  order: string[];
}

/** Records every event so tests can check what a subscriber (the renderer) would see. */
export function record(runner: JobRunner): RecordedEvents {
  const events: RecordedEvents = { progress: [], finished: [], order: [] };
  runner.onProgress((snapshot) => {
    events.progress.push(snapshot);
    events.order.push(`progress:${snapshot.id}:${snapshot.state}`);
  });
  runner.onFinished((snapshot) => {
    events.finished.push(snapshot);
    events.order.push(`finished:${snapshot.id}:${snapshot.state}`);
  });
  return events;
}

export function whenFinished(runner: JobRunner, id: string): Promise<JobSnapshot> {
  return new Promise((resolve) => {
    const off = runner.onFinished((snapshot) => {
      if (snapshot.id !== id) return;
      off();
      resolve(snapshot);
    });
  });
}

export function stateOf(runner: JobRunner, id: string): string | undefined {
  return runner.get(id)?.state;
}

/** Waits until the runner has started the job's work. */
export function untilRunning(runner: JobRunner, id: string): Promise<void> {
  return waitFor(() => stateOf(runner, id) === 'running', 'job to run');
}

/** An export job whose work records its name when it starts, then waits for `gate`. */
export function gatedJob(gate: Promise<void>, started: string[], name: string) {
  return {
    kind: 'export' as const,
    title: `Export ${name}`,
    categories: ['images'],
    run: async (): Promise<string> => {
      started.push(name);
      await gate;
      return `${name} done`;
    },
  };
}
