import { describe, expect, vi } from 'vitest';
import { JobSnapshotSchema } from '../../../shared/model/job';
import { JobRunner, type JobContext } from '../../../src-main/jobs/job-runner';
import {
  caught,
  deferred,
  gatedJob,
  test as it,
  record,
  stateOf,
  tick,
  untilRunning,
  waitFor,
  whenFinished,
} from '../../support/jobs/job-runner-fixture';

describe('JobRunner: starting and finishing', () => {
  it('returns a queued snapshot, then runs the job to succeeded with its summary', async ({ makeRunner }) => {
    const times = ['2030-01-01T10:00:00.000Z', '2030-01-01T10:00:01.000Z', '2030-01-01T10:00:02.000Z'];
    let call = 0;
    const runner = makeRunner({ now: () => new Date(times[Math.min(call++, times.length - 1)] ?? '') });
    const started = runner.start({
      kind: 'system-check',
      title: 'Check this computer',
      categories: ['disk', 'network'],
      run: async () => 'All checks passed',
    });

    expect(started.state).toBe('queued');
    expect(started.categories.map((c) => c.category)).toEqual(['disk', 'network']);
    expect(started.categories[0]).toEqual({
      category: 'disk',
      done: 0,
      total: null,
      bytesDone: 0,
      bytesTotal: null,
      errors: 0,
    });
    expect(JobSnapshotSchema.parse(started)).toEqual(started);

    const final = await whenFinished(runner, started.id);
    expect(final.state).toBe('succeeded');
    expect(final.summary).toBe('All checks passed');
    expect(final.error).toBeUndefined();
    expect(final.createdAt).toBe('2030-01-01T10:00:00.000Z');
    expect(final.startedAt).toBe('2030-01-01T10:00:01.000Z');
    expect(final.finishedAt).toBe('2030-01-01T10:00:02.000Z');
    expect(JobSnapshotSchema.parse(final)).toEqual(final);
    expect(runner.get(started.id)).toEqual(final);
  });

  it('leaves summary empty when run returns nothing', async ({ runner }) => {
    const { id } = runner.start({ kind: 'verify', title: 'Verify', categories: [], run: async () => {} });
    const final = await whenFinished(runner, id);
    expect(final.state).toBe('succeeded');
    expect(final).not.toHaveProperty('summary');
  });

  it('carries the title, summary and latest error as catalogue codes beside their English, for the reader’s language', async ({ runner }) => {
    const { id } = runner.start({
      kind: 'export',
      title: 'Export of Contoso',
      titleText: { code: 'exportTitle', params: { account: 'Contoso' } },
      categories: ['images'],
      run: async (ctx) => {
        ctx.progress.fail('images', 'Image 7 could not be downloaded', { code: 'imageDownloadFailed', params: { image: '7' } });
        return { summary: 'Bundle is intact: 3 files checked.', summaryText: { code: 'verifyIntact', params: { count: 3 } } };
      },
    });
    const final = await whenFinished(runner, id);
    expect(final).toMatchObject({
      title: 'Export of Contoso',
      titleText: { code: 'exportTitle', params: { account: 'Contoso' } },
      summary: 'Bundle is intact: 3 files checked.',
      summaryText: { code: 'verifyIntact', params: { count: 3 } },
    });
    expect(final.categories[0]).toMatchObject({ lastError: 'Image 7 could not be downloaded', lastErrorText: { code: 'imageDownloadFailed', params: { image: '7' } } });
    expect(JobSnapshotSchema.parse(final)).toEqual(final);
  });

  it('forgets the previous error’s code when a later error comes without one', async ({ runner }) => {
    const { id } = runner.start({
      kind: 'export',
      title: 'Export',
      categories: ['images'],
      run: async (ctx) => {
        ctx.progress.fail('images', 'first', { code: 'imageDownloadFailed' });
        ctx.progress.fail('images', 'second, without a code');
      },
    });
    const final = await whenFinished(runner, id);
    expect(final.categories[0]?.lastError).toBe('second, without a code');
    expect(final.categories[0]).not.toHaveProperty('lastErrorText');
  });

  it('uses random UUIDs as ids by default', ({ disposeAfter }) => {
    const runner = disposeAfter(new JobRunner());
    const a = runner.start({ kind: 'verify', title: 'A', categories: [], run: async () => {} });
    const b = runner.start({ kind: 'verify', title: 'B', categories: [], run: async () => {} });
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.id).not.toBe(b.id);
  });
});

describe('JobRunner: queueing', () => {
  it('runs one job at a time in FIFO order with maxConcurrent 1', async ({ makeRunner }) => {
    const runner = makeRunner({ maxConcurrent: 1 });
    const started: string[] = [];
    const gates = [deferred(), deferred(), deferred()];
    const [a, b, c] = ['A', 'B', 'C'].map((name, i) =>
      runner.start(gatedJob(gates[i]?.promise ?? Promise.resolve(), started, name)),
    );
    if (!a || !b || !c) throw new Error('jobs not created');

    await waitFor(() => started.length === 1, 'A to start');
    await tick();
    expect(started).toEqual(['A']);
    expect([stateOf(runner, a.id), stateOf(runner, b.id), stateOf(runner, c.id)]).toEqual([
      'running',
      'queued',
      'queued',
    ]);

    gates[0]?.resolve();
    await waitFor(() => started.length === 2, 'B to start');
    expect(started).toEqual(['A', 'B']);
    expect([stateOf(runner, a.id), stateOf(runner, b.id), stateOf(runner, c.id)]).toEqual([
      'succeeded',
      'running',
      'queued',
    ]);

    gates[1]?.resolve();
    gates[2]?.resolve();
    const final = await whenFinished(runner, c.id);
    expect(started).toEqual(['A', 'B', 'C']);
    expect(final.summary).toBe('C done');
    expect(runner.list().map((job) => job.state)).toEqual(['succeeded', 'succeeded', 'succeeded']);
  });

  it('runs two jobs at once by default and queues the third', async ({ runner }) => {
    const started: string[] = [];
    const gate = deferred();
    const jobs = ['A', 'B', 'C'].map((name) => runner.start(gatedJob(gate.promise, started, name)));
    await waitFor(() => started.length === 2, 'two jobs to start');
    await tick();
    expect(started).toEqual(['A', 'B']);
    expect(jobs.map((job) => stateOf(runner, job.id))).toEqual(['running', 'running', 'queued']);
    gate.resolve();
    await waitFor(() => started.length === 3, 'C to start');
  });

  it('rejects a maxConcurrent below 1', () => {
    expect(() => new JobRunner({ maxConcurrent: 0 })).toThrow(RangeError);
  });
});

describe('JobRunner: pause and resume', () => {
  it('blocks the work at its next checkpoint while paused and continues after resume', async ({ runner }) => {
    const gates = [deferred(), deferred(), deferred()];
    const { id } = runner.start({
      kind: 'export',
      title: 'Export images',
      categories: ['images'],
      run: async (ctx) => {
        ctx.progress.setTotal('images', 3);
        for (const gate of gates) {
          await ctx.checkpoint();
          await gate.promise;
          ctx.progress.advance('images');
        }
        return 'Exported 3 images';
      },
    });
    await untilRunning(runner, id);

    const paused = runner.pause(id);
    expect(paused.state).toBe('paused');

    // The item already in flight completes; then the work stops at the checkpoint.
    for (const gate of gates) gate.resolve();
    for (let i = 0; i < 10; i += 1) await tick();
    const whilePaused = runner.get(id);
    expect(whilePaused?.state).toBe('paused');
    expect(whilePaused?.categories[0]?.done).toBe(1);

    const resumed = runner.resume(id);
    expect(resumed.state).toBe('running');
    const final = await whenFinished(runner, id);
    expect(final.state).toBe('succeeded');
    expect(final.categories[0]).toMatchObject({ done: 3, total: 3 });
    expect(final.summary).toBe('Exported 3 images');
  });

  it('emits pause and resume to progress listeners immediately', async ({ runner }) => {
    const events = record(runner);
    const gate = deferred();
    const { id } = runner.start({
      kind: 'export',
      title: 'Export',
      categories: [],
      run: async (ctx) => {
        await gate.promise;
        await ctx.checkpoint();
      },
    });
    await untilRunning(runner, id);
    runner.pause(id);
    runner.resume(id);
    runner.pause(id);
    expect(events.progress.map((s) => s.state)).toEqual(['queued', 'running', 'paused', 'running', 'paused']);
    runner.resume(id);
    gate.resolve();
    await whenFinished(runner, id);
  });

  it('reports the real outcome when the work finishes before reaching a checkpoint', async ({ runner }) => {
    const gate = deferred();
    const { id } = runner.start({
      kind: 'cleanup',
      title: 'Delete project',
      categories: ['projects'],
      run: async (ctx) => {
        await gate.promise;
        ctx.progress.advance('projects');
        return 'Deleted 1 project';
      },
    });
    await untilRunning(runner, id);
    runner.pause(id);
    gate.resolve();
    const final = await whenFinished(runner, id);
    expect(final.state).toBe('succeeded');
    expect(final.summary).toBe('Deleted 1 project');
    expect(final.categories[0]?.done).toBe(1);
  });
});

describe('JobRunner: cancel', () => {
  it('cancels a running job, aborting the signal its requests were given', async ({ runner }) => {
    const events = record(runner);
    let sawAbort = false;
    const settled = deferred();
    const { id } = runner.start({
      kind: 'export',
      title: 'Export',
      categories: ['images'],
      // Behaves like fetch(url, { signal }): rejects with the abort reason.
      run: (ctx) =>
        new Promise<string>((_resolve, reject) => {
          ctx.signal.addEventListener('abort', () => {
            sawAbort = true;
            reject(ctx.signal.reason);
          });
        }).finally(() => settled.resolve()),
    });
    await untilRunning(runner, id);

    const cancelled = runner.cancel(id);
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.finishedAt).toBeDefined();
    expect(sawAbort).toBe(true);

    await settled.promise;
    await tick();
    const final = runner.get(id);
    expect(final?.state).toBe('cancelled');
    expect(final?.error).toBeUndefined();
    expect(events.finished.map((s) => `${s.id}:${s.state}`)).toEqual([`${id}:cancelled`]);
  });

  it('cancels a paused job: the waiting checkpoint rejects with an AbortError', async ({ runner }) => {
    const events = record(runner);
    const gate = deferred();
    const checkpointError = deferred<unknown>();
    const { id } = runner.start({
      kind: 'inventory',
      title: 'Inventory',
      categories: ['projects'],
      run: async (ctx) => {
        await gate.promise;
        try {
          await ctx.checkpoint();
        } catch (error) {
          checkpointError.resolve(error);
          throw error;
        }
        ctx.progress.advance('projects');
      },
    });
    await untilRunning(runner, id);
    runner.pause(id);
    gate.resolve();
    await tick();

    expect(runner.cancel(id).state).toBe('cancelled');
    const error = await checkpointError.promise;
    expect(error).toBeInstanceOf(Error);
    expect(error instanceof Error ? error.name : '').toBe('AbortError');
    await tick();
    expect(runner.get(id)?.state).toBe('cancelled');
    expect(runner.get(id)?.categories[0]?.done).toBe(0);
    expect(events.finished).toHaveLength(1);
  });

  it('cancels a queued job without ever running it', async ({ makeRunner }) => {
    const runner = makeRunner({ maxConcurrent: 1 });
    const events = record(runner);
    const started: string[] = [];
    const gate = deferred();
    const first = runner.start(gatedJob(gate.promise, started, 'A'));
    const second = runner.start(gatedJob(Promise.resolve(), started, 'B'));
    await waitFor(() => started.length === 1, 'A to start');

    const cancelled = runner.cancel(second.id);
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.startedAt).toBeUndefined();

    gate.resolve();
    await whenFinished(runner, first.id);
    await tick();
    expect(started).toEqual(['A']);
    expect(runner.get(second.id)?.state).toBe('cancelled');
    expect(events.finished.map((s) => `${s.id}:${s.state}`)).toEqual([
      `${second.id}:cancelled`,
      `${first.id}:succeeded`,
    ]);
  });

  it('rejects checkpoints after a cancel even if the work ignored the signal', async ({ runner }) => {
    const gate = deferred();
    const outcome = deferred<string>();
    const { id } = runner.start({
      kind: 'export',
      title: 'Export',
      categories: ['images'],
      run: async (ctx) => {
        await gate.promise;
        ctx.progress.advance('images', { items: 5 });
        await ctx.checkpoint().then(
          () => outcome.resolve('continued'),
          () => outcome.resolve('stopped'),
        );
        return 'should not become the summary';
      },
    });
    await untilRunning(runner, id);
    runner.cancel(id);
    gate.resolve();
    expect(await outcome.promise).toBe('stopped');
    await tick();
    const final = runner.get(id);
    expect(final?.state).toBe('cancelled');
    expect(final?.summary).toBeUndefined();
    // Counts reported after the cancel are not shown: the user saw the job stop at 0.
    expect(final?.categories[0]?.done).toBe(0);
  });

  it('keeps the slot until cancelled work has actually stopped', async ({ makeRunner }) => {
    const runner = makeRunner({ maxConcurrent: 1 });
    const started: string[] = [];
    const stop = deferred();
    const first = runner.start({
      kind: 'export',
      title: 'Slow to stop',
      categories: [],
      run: async () => {
        started.push('A');
        await stop.promise;
      },
    });
    const second = runner.start(gatedJob(Promise.resolve(), started, 'B'));
    await waitFor(() => started.length === 1, 'A to start');
    runner.cancel(first.id);
    await tick();
    expect(runner.get(second.id)?.state).toBe('queued');
    stop.resolve();
    const final = await whenFinished(runner, second.id);
    expect(final.state).toBe('succeeded');
    expect(started).toEqual(['A', 'B']);
  });
});

describe('JobRunner: failures', () => {
  it('maps an error with a string code to failed with that code and message', async ({ runner }) => {
    const { id } = runner.start({
      kind: 'inventory',
      title: 'Inventory',
      categories: [],
      run: async () => {
        throw Object.assign(new Error('The training key was rejected.'), { code: 'WRONG_KEY' });
      },
    });
    const final = await whenFinished(runner, id);
    expect(final.state).toBe('failed');
    expect(final.error).toEqual({ code: 'WRONG_KEY', message: 'The training key was rejected.' });
    expect(JobSnapshotSchema.parse(final)).toEqual(final);
  });

  it('uses INTERNAL for errors without a string code', async ({ runner }) => {
    const plain = runner.start({
      kind: 'verify',
      title: 'Verify',
      categories: [],
      run: async () => {
        throw new Error('disk went away');
      },
    });
    const numeric = runner.start({
      kind: 'verify',
      title: 'Verify',
      categories: [],
      run: async () => {
        throw Object.assign(new Error('odd'), { code: 42 });
      },
    });
    const notAnError = runner.start({
      kind: 'verify',
      title: 'Verify',
      categories: [],
      run: () => Promise.reject(null),
    });
    // Subscribed before any of them can finish: jobs start on a later microtask.
    const [plainFinal, numericFinal, final] = await Promise.all(
      [plain, numeric, notAnError].map((job) => whenFinished(runner, job.id)),
    );
    expect(plainFinal?.error).toEqual({ code: 'INTERNAL', message: 'disk went away' });
    expect(numericFinal?.error).toEqual({ code: 'INTERNAL', message: 'odd' });
    if (!final) throw new Error('missing snapshot');
    expect(final.state).toBe('failed');
    expect(final.error?.code).toBe('INTERNAL');
    expect(final.error?.message).toMatch(/unexpected error/);
  });

  it('treats a run that throws synchronously as a failed job', async ({ runner }) => {
    const { id } = runner.start({
      kind: 'verify',
      title: 'Verify',
      categories: [],
      run: () => {
        throw new Error('bad setup');
      },
    });
    const final = await whenFinished(runner, id);
    expect(final.state).toBe('failed');
    expect(final.error).toEqual({ code: 'INTERNAL', message: 'bad setup' });
  });

  it('fails with INTERNAL when the work aborts on its own, without a cancel', async ({ runner }) => {
    const { id } = runner.start({
      kind: 'inventory',
      title: 'Inventory',
      categories: [],
      run: async () => {
        const controller = new AbortController();
        controller.abort();
        controller.signal.throwIfAborted();
      },
    });
    const final = await whenFinished(runner, id);
    expect(final.state).toBe('failed');
    expect(final.error?.code).toBe('INTERNAL');
  });
});

describe('JobRunner: events', () => {
  it('fires onFinished exactly once, after the last progress event, with the final snapshot', async ({ runner }) => {
    const events = record(runner);
    const { id } = runner.start({
      kind: 'export',
      title: 'Export',
      categories: ['images'],
      run: async (ctx) => {
        ctx.progress.setTotal('images', 3);
        ctx.progress.advance('images');
        ctx.progress.advance('images');
        ctx.progress.advance('images');
        return 'Exported 3 images';
      },
    });
    await whenFinished(runner, id);
    await tick();
    expect(events.finished).toHaveLength(1);
    expect(events.finished[0]).toMatchObject({ state: 'succeeded', summary: 'Exported 3 images' });
    expect(events.finished[0]?.categories[0]).toMatchObject({ done: 3, total: 3 });
    // The last progress event already shows the final counts, and precedes "finished".
    expect(events.order.at(-1)).toBe(`finished:${id}:succeeded`);
    expect(events.progress.at(-1)?.categories[0]?.done).toBe(3);
    expect(events.progress.every((s) => s.state !== 'succeeded')).toBe(true);
    for (const snapshot of [...events.progress, ...events.finished]) {
      expect(JobSnapshotSchema.safeParse(snapshot).success).toBe(true);
    }
  });

  it('stops calling a listener once it unsubscribes', async ({ runner }) => {
    const progress = vi.fn();
    const finished = vi.fn();
    const offProgress = runner.onProgress(progress);
    const offFinished = runner.onFinished(finished);
    const first = runner.start({ kind: 'verify', title: 'One', categories: [], run: async () => {} });
    await whenFinished(runner, first.id);
    expect(finished).toHaveBeenCalledTimes(1);
    const progressCalls = progress.mock.calls.length;
    expect(progressCalls).toBeGreaterThan(0);

    offProgress();
    offFinished();
    const second = runner.start({ kind: 'verify', title: 'Two', categories: [], run: async () => {} });
    const final = await whenFinished(runner, second.id);
    expect(final.state).toBe('succeeded');
    expect(finished).toHaveBeenCalledTimes(1);
    expect(progress).toHaveBeenCalledTimes(progressCalls);
  });

  it('keeps running and notifying others when a listener throws', async ({ makeRunner }) => {
    const onListenerError = vi.fn();
    const runner = makeRunner({ onListenerError });
    runner.onProgress(() => {
      throw new Error('renderer gone');
    });
    runner.onFinished(() => {
      throw new Error('renderer gone');
    });
    const events = record(runner);
    const { id } = runner.start({
      kind: 'export',
      title: 'Export',
      categories: ['images'],
      run: async (ctx) => {
        ctx.progress.advance('images', { items: 2 });
        return 'Exported 2 images';
      },
    });
    const final = await whenFinished(runner, id);
    expect(final.state).toBe('succeeded');
    expect(final.categories[0]?.done).toBe(2);
    expect(events.finished).toHaveLength(1);
    expect(events.progress.length).toBeGreaterThan(0);
    expect(onListenerError).toHaveBeenCalled();
  });
});

describe('JobRunner: progress', () => {
  it('shows totals, items, bytes and errors per category in declared order', async ({ runner }) => {
    const reported = deferred();
    const gate = deferred();
    const { id } = runner.start({
      kind: 'export',
      title: 'Export',
      categories: ['projects', 'images'],
      run: async (ctx) => {
        ctx.progress.setTotal('images', 4, 4000);
        ctx.progress.setTotal('projects', 1);
        ctx.progress.advance('images', { items: 1, bytes: 1000 });
        ctx.progress.advance('images', { bytes: 500 });
        ctx.progress.advance('projects');
        ctx.progress.fail('images', 'Image 3 could not be downloaded (HTTP 404).');
        ctx.progress.advance('tags', { items: 7 });
        reported.resolve();
        await gate.promise;
      },
    });
    await reported.promise;
    const snapshot = runner.get(id);
    expect(snapshot?.categories).toEqual([
      { category: 'projects', done: 1, total: 1, bytesDone: 0, bytesTotal: null, errors: 0 },
      {
        category: 'images',
        done: 1,
        total: 4,
        bytesDone: 1500,
        bytesTotal: 4000,
        errors: 1,
        lastError: 'Image 3 could not be downloaded (HTTP 404).',
      },
      // Not declared up front: appended after the declared ones.
      { category: 'tags', done: 7, total: null, bytesDone: 0, bytesTotal: null, errors: 0 },
    ]);
    gate.resolve();
    await whenFinished(runner, id);
  });

  it('fails the job when the work reports impossible counts', async ({ runner }) => {
    const { id } = runner.start({
      kind: 'export',
      title: 'Export',
      categories: ['images'],
      run: async (ctx) => {
        ctx.progress.advance('images', { items: -1 });
      },
    });
    const final = await whenFinished(runner, id);
    expect(final.state).toBe('failed');
    expect(final.categories[0]?.done).toBe(0);
  });

  it('sends a bounded number of progress events for 10 000 items but exact final counts', async ({ makeRunner }) => {
    // Only the clock is faked: setImmediate stays real so awaiting still works.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const runner = makeRunner();
    const events = record(runner);
    const { id } = runner.start({
      kind: 'export',
      title: 'Export 10 000 images',
      categories: ['images'],
      run: async (ctx) => {
        ctx.progress.setTotal('images', 10_000, 10_000 * 2048);
        for (let i = 0; i < 10_000; i += 1) {
          await ctx.checkpoint();
          ctx.progress.advance('images', { items: 1, bytes: 2048 });
          // 10 000 items over two simulated seconds.
          if (i % 50 === 49) vi.advanceTimersByTime(10);
        }
        return 'Exported 10000 images';
      },
    });
    const final = await whenFinished(runner, id);

    const doneSeen = events.progress.filter((s) => s.id === id).map((s) => s.categories[0]?.done ?? -1);
    // About 10 per second over 2 s, plus the queued/running state changes.
    expect(doneSeen.length).toBeGreaterThanOrEqual(10);
    expect(doneSeen.length).toBeLessThanOrEqual(30);
    expect(doneSeen).toEqual([...doneSeen].sort((a, b) => a - b));
    expect(doneSeen.at(-1)).toBe(10_000);
    expect(final.categories[0]).toEqual({
      category: 'images',
      done: 10_000,
      total: 10_000,
      bytesDone: 10_000 * 2048,
      bytesTotal: 10_000 * 2048,
      errors: 0,
    });
    expect(final.summary).toBe('Exported 10000 images');
    expect(events.finished).toHaveLength(1);
  });
});

describe('JobRunner: errors for callers', () => {
  it('throws NOT_FOUND for an unknown id', ({ runner }) => {
    for (const action of [() => runner.pause('nope'), () => runner.resume('nope'), () => runner.cancel('nope')]) {
      const error = caught(action);
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toMatch(/no longer exists/);
    }
    expect(runner.get('nope')).toBeUndefined();
  });

  it('throws INVALID_STATE with a plain message for a stale button', async ({ makeRunner }) => {
    const runner = makeRunner({ maxConcurrent: 1 });
    const gate = deferred();
    const started: string[] = [];
    const running = runner.start(gatedJob(gate.promise, started, 'A'));
    const queued = runner.start(gatedJob(Promise.resolve(), started, 'B'));
    await waitFor(() => started.length === 1, 'A to start');

    expect(caught(() => runner.resume(running.id)).message).toBe('This job is already running.');
    expect(caught(() => runner.pause(queued.id)).code).toBe('INVALID_STATE');
    expect(caught(() => runner.resume(queued.id)).message).toMatch(/not started yet/);
    runner.pause(running.id);
    expect(caught(() => runner.pause(running.id)).message).toBe('This job is already paused.');

    runner.cancel(running.id);
    const again = caught(() => runner.cancel(running.id));
    expect(again.code).toBe('INVALID_STATE');
    expect(again.message).toBe('This job is already finished (cancelled).');
    expect(caught(() => runner.resume(running.id)).message).toBe('This job is already finished (cancelled).');
    expect(runner.get(running.id)?.state).toBe('cancelled');
    gate.resolve();
  });
});

describe('JobRunner: list, snapshots and cleanup', () => {
  it('hands out fresh snapshots that callers cannot use to change a job', async ({ runner }) => {
    const gate = deferred();
    runner.onProgress((snapshot) => {
      snapshot.state = 'failed';
      snapshot.categories.length = 0;
    });
    const started = runner.start({
      kind: 'export',
      title: 'Export',
      categories: ['images'],
      run: async (ctx) => {
        ctx.progress.advance('images');
        await gate.promise;
        return 'ok';
      },
    });
    started.title = 'Hacked';
    await waitFor(() => runner.get(started.id)?.categories[0]?.done === 1, 'progress');
    const listedCategory = runner.list()[0]?.categories[0];
    if (listedCategory) listedCategory.done = 99;
    const snapshot = runner.get(started.id);
    expect(snapshot?.title).toBe('Export');
    expect(snapshot?.state).toBe('running');
    expect(snapshot?.categories).toEqual([
      { category: 'images', done: 1, total: null, bytesDone: 0, bytesTotal: null, errors: 0 },
    ]);
    gate.resolve();
    expect((await whenFinished(runner, started.id)).state).toBe('succeeded');
  });

  it('lists newest first and clears only finished jobs', async ({ makeRunner }) => {
    const runner = makeRunner({ maxConcurrent: 1 });
    const gate = deferred();
    const started: string[] = [];
    const done = runner.start({ kind: 'verify', title: 'Done', categories: [], run: async () => 'ok' });
    await whenFinished(runner, done.id);
    const running = runner.start(gatedJob(gate.promise, started, 'Running'));
    const cancelled = runner.start(gatedJob(Promise.resolve(), started, 'Cancelled'));
    const queued = runner.start(gatedJob(Promise.resolve(), started, 'Queued'));
    runner.cancel(cancelled.id);
    await waitFor(() => started.length === 1, 'a job to start');

    expect(runner.list().map((job) => [job.title, job.state])).toEqual([
      ['Export Queued', 'queued'],
      ['Export Cancelled', 'cancelled'],
      ['Export Running', 'running'],
      ['Done', 'succeeded'],
    ]);

    expect(runner.clearFinished()).toBe(2);
    expect(runner.list().map((job) => job.id)).toEqual([queued.id, running.id]);
    expect(runner.get(done.id)).toBeUndefined();
    expect(caught(() => runner.cancel(done.id)).code).toBe('NOT_FOUND');
    expect(runner.clearFinished()).toBe(0);
    gate.resolve();
    await whenFinished(runner, queued.id);
  });

  it('dispose() cancels running, paused and queued jobs and refuses new ones', async ({ makeRunner }) => {
    const runner = makeRunner({ maxConcurrent: 2 });
    const events = record(runner);
    const signals: AbortSignal[] = [];
    const work = (ctx: JobContext): Promise<void> => {
      signals.push(ctx.signal);
      return new Promise((_resolve, reject) => ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)));
    };
    const a = runner.start({ kind: 'export', title: 'A', categories: [], run: work });
    const b = runner.start({ kind: 'export', title: 'B', categories: [], run: work });
    const c = runner.start({ kind: 'export', title: 'C', categories: [], run: work });
    await waitFor(() => signals.length === 2, 'two jobs to start');
    runner.pause(b.id);

    runner.dispose();
    expect([a, b, c].map((job) => runner.get(job.id)?.state)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(signals.every((signal) => signal.aborted)).toBe(true);
    expect(events.finished.map((s) => s.title).sort()).toEqual(['A', 'B', 'C']);
    expect(caught(() => runner.start({ kind: 'export', title: 'D', categories: [], run: work })).code).toBe(
      'INVALID_STATE',
    );
    await tick();
    expect(signals).toHaveLength(2);
  });

  it('dispose() leaves no progress timer behind', async ({ makeRunner }) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const runner = makeRunner();
    const reported = deferred();
    runner.start({
      kind: 'export',
      title: 'Export',
      categories: ['images'],
      run: async (ctx) => {
        ctx.progress.advance('images');
        ctx.progress.advance('images');
        reported.resolve();
        await new Promise(() => {});
      },
    });
    await reported.promise;
    expect(vi.getTimerCount()).toBe(1);
    runner.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });
});
