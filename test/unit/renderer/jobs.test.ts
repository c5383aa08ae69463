import { describe, expect, it } from 'vitest';
import { createStewardStore } from '../../../src-renderer/store';
import { connectStewardEvents } from '../../../src-renderer/store/connect-events';
import { FakeMain, jobSnapshot } from '../../support/renderer/fakes';

function setup() {
  const main = new FakeMain();
  const store = createStewardStore(main.client);
  return { main, store };
}

/** Lets pending promise continuations (answers from the fake main) run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe('job list', () => {
  it('shows every job main knows after loading', async () => {
    const { main, store } = setup();
    const exportJob = jobSnapshot({ id: 'job-1', kind: 'export' });
    const inventory = jobSnapshot({ id: 'job-2', kind: 'inventory', title: 'Inventory', state: 'queued' });
    main.jobs = [exportJob, inventory];

    const loading = store.getState().loadJobs();
    expect(store.getState().jobsStatus).toBe('loading');
    await loading;

    expect(store.getState().jobsStatus).toBe('ready');
    expect(store.getState().jobsById).toEqual({ 'job-1': exportJob, 'job-2': inventory });
  });

  it("shows main's code and message when the list cannot be loaded", async () => {
    const { main, store } = setup();
    main.failWith('jobs.list', { code: 'INTERNAL', message: 'The job list is unavailable.' });

    await store.getState().loadJobs();

    expect(store.getState().jobsStatus).toBe('error');
    expect(store.getState().errors.map(({ code, message }) => ({ code, message }))).toEqual([
      { code: 'INTERNAL', message: 'The job list is unavailable.' },
    ]);
  });

  it('does not bring a finished job back to life from a list that was read before it finished', async () => {
    const { main, store } = setup();
    main.jobs = [jobSnapshot({ id: 'job-1', state: 'running' })];
    connectStewardEvents(store, main.client);
    await settle();

    // Main reads the list (job still running), then the job finishes before the answer arrives.
    const loading = store.getState().loadJobs();
    main.emitFinished(jobSnapshot({ id: 'job-1', state: 'succeeded', summary: 'Exported 10 images' }));
    await loading;

    expect(store.getState().jobsById['job-1']?.state).toBe('succeeded');
    expect(store.getState().jobsById['job-1']?.summary).toBe('Exported 10 images');
  });
});

describe('job events (connectStewardEvents)', () => {
  it('lists the jobs main already has as soon as it connects', async () => {
    const { main, store } = setup();
    main.jobs = [jobSnapshot({ id: 'job-1' })];

    connectStewardEvents(store, main.client);
    await settle();

    expect(store.getState().jobsById['job-1']?.state).toBe('running');
    expect(store.getState().jobsStatus).toBe('ready');
  });

  it('moves the progress bar when a progress event arrives', async () => {
    const { main, store } = setup();
    main.jobs = [jobSnapshot({ id: 'job-1' })];
    connectStewardEvents(store, main.client);
    await settle();

    main.emitProgress(
      jobSnapshot({
        id: 'job-1',
        categories: [{ category: 'images', done: 7, total: 10, bytesDone: 700, bytesTotal: 1000, errors: 1, lastError: 'One image was gone.' }],
      }),
    );

    const [images] = store.getState().jobsById['job-1']?.categories ?? [];
    expect(images?.done).toBe(7);
    expect(images?.errors).toBe(1);
    expect(images?.lastError).toBe('One image was gone.');
  });

  it('shows a job it had not heard of when its first progress event arrives', async () => {
    const { main, store } = setup();
    connectStewardEvents(store, main.client);
    await settle();

    main.emitProgress(jobSnapshot({ id: 'job-9', kind: 'cleanup', title: 'Clean up', state: 'queued' }));

    expect(store.getState().jobsById['job-9']?.title).toBe('Clean up');
    expect(store.getState().jobsById['job-9']?.state).toBe('queued');
  });

  it('shows the outcome when the finished event arrives', async () => {
    const { main, store } = setup();
    main.jobs = [jobSnapshot({ id: 'job-1' })];
    connectStewardEvents(store, main.client);
    await settle();

    main.emitFinished(
      jobSnapshot({ id: 'job-1', state: 'failed', error: { code: 'WRONG_KEY', message: 'The key was rejected.' } }),
    );

    expect(store.getState().jobsById['job-1']?.state).toBe('failed');
    expect(store.getState().jobsById['job-1']?.error).toEqual({ code: 'WRONG_KEY', message: 'The key was rejected.' });
  });

  it('keeps a finished job finished when a late "running" progress snapshot arrives after jobs:finished', async () => {
    const { main, store } = setup();
    main.jobs = [jobSnapshot({ id: 'job-1' })];
    connectStewardEvents(store, main.client);
    await settle();

    const finished = jobSnapshot({ id: 'job-1', state: 'succeeded', summary: 'All checks passed' });
    main.emitFinished(finished);
    main.emitProgress(jobSnapshot({ id: 'job-1', state: 'running' }));

    expect(store.getState().jobsById['job-1']).toEqual(finished);
  });

  it('stops updating jobs once unsubscribed', async () => {
    const { main, store } = setup();
    main.jobs = [jobSnapshot({ id: 'job-1' })];
    const disconnect = connectStewardEvents(store, main.client);
    await settle();
    const before = store.getState().jobsById['job-1'];

    disconnect();
    main.emitProgress(jobSnapshot({ id: 'job-1', state: 'paused' }));
    main.emitFinished(jobSnapshot({ id: 'job-1', state: 'succeeded' }));
    main.emitProgress(jobSnapshot({ id: 'job-2' }));

    expect(store.getState().jobsById['job-1']).toBe(before);
    expect(store.getState().jobsById['job-2']).toBeUndefined();
    expect(main.progressListeners.size).toBe(0);
    expect(main.finishedListeners.size).toBe(0);
  });

  it('connecting the same store twice does not subscribe twice', async () => {
    const { main, store } = setup();
    const first = connectStewardEvents(store, main.client);
    const second = connectStewardEvents(store, main.client);
    await settle();

    expect(second).toBe(first);
    expect(main.progressListeners.size).toBe(1);
    expect(main.finishedListeners.size).toBe(1);

    second();
    main.emitProgress(jobSnapshot({ id: 'job-1' }));
    expect(store.getState().jobsById['job-1']).toBeUndefined();
  });

  it('can connect again after disconnecting, and events flow again', async () => {
    const { main, store } = setup();
    connectStewardEvents(store, main.client)();
    connectStewardEvents(store, main.client);
    await settle();

    main.emitProgress(jobSnapshot({ id: 'job-1' }));
    expect(store.getState().jobsById['job-1']?.state).toBe('running');
  });

  // BUG (src-renderer/store/connect-events.ts:32-35): `disconnect` always runs
  // `connections.delete(store)`, even when it is a stale function whose connection was already
  // closed. Calling an old disconnect a second time after reconnecting forgets the live
  // connection, so the next connectStewardEvents subscribes a second time, and disconnecting
  // that one leaves the other listeners running: the job keeps changing after "unsubscribe".
  it('a stale disconnect called twice does not orphan the live subscription', async () => {
    const { main, store } = setup();
    const stale = connectStewardEvents(store, main.client);
    stale();
    connectStewardEvents(store, main.client);
    stale(); // e.g. a cleanup that runs twice (React StrictMode effects do this)
    const live = connectStewardEvents(store, main.client);
    await settle();

    live();
    main.emitProgress(jobSnapshot({ id: 'job-1' }));
    expect(store.getState().jobsById['job-1']).toBeUndefined();
    expect(main.progressListeners.size).toBe(0);
  });

  it('shows one "cannot reach main" error when the page is opened without main', async () => {
    const { main, store } = setup();
    main.bridgeMissing = true;

    // Subscribing throws NO_BRIDGE; the page must still open and say why nothing works.
    expect(() => connectStewardEvents(store, main.client)).not.toThrow();
    await settle();

    expect(store.getState().errors).toHaveLength(1);
    expect(store.getState().errors[0]?.code).toBe('NO_BRIDGE');
  });
});

describe('job controls', () => {
  it.each([
    ['cancelJob', 'jobs.cancel', 'cancelled'],
    ['pauseJob', 'jobs.pause', 'paused'],
  ] as const)('%s asks main about that job and shows the answer', async (action, request, state) => {
    const { main, store } = setup();
    main.jobs = [jobSnapshot({ id: 'job-1', state: 'running' }), jobSnapshot({ id: 'job-2', state: 'running' })];
    await store.getState().loadJobs();

    await store.getState()[action]('job-2');

    expect(main.requests).toContain(`${request} job-2`);
    expect(store.getState().jobsById['job-2']?.state).toBe(state);
    expect(store.getState().jobsById['job-1']?.state).toBe('running');
    expect(store.getState().errors).toEqual([]);
  });

  it('resumeJob asks main about that job and shows it running again', async () => {
    const { main, store } = setup();
    main.jobs = [jobSnapshot({ id: 'job-3', state: 'paused' })];
    await store.getState().loadJobs();

    await store.getState().resumeJob('job-3');

    expect(main.requests).toContain('jobs.resume job-3');
    expect(store.getState().jobsById['job-3']?.state).toBe('running');
  });

  it('marks the job busy while main answers, ignores a second click, and frees it afterwards', async () => {
    const { main, store } = setup();
    main.jobs = [jobSnapshot({ id: 'job-1', state: 'running' })];
    await store.getState().loadJobs();

    const pausing = store.getState().pauseJob('job-1');
    expect(store.getState().pendingJobActions).toEqual({ 'job-1': 'pause' });
    await store.getState().cancelJob('job-1');
    await pausing;

    expect(main.requests.filter((request) => request !== 'jobs.list')).toEqual(['jobs.pause job-1']);
    expect(store.getState().jobsById['job-1']?.state).toBe('paused');
    expect(store.getState().pendingJobActions).toEqual({});
  });

  it("puts main's code and message in the error list when an action is refused", async () => {
    const { main, store } = setup();
    main.jobs = [jobSnapshot({ id: 'job-1', state: 'queued' })];
    await store.getState().loadJobs();
    main.failWith('jobs.resume', {
      code: 'INVALID_STATE',
      message: 'This job has not started yet; it will start on its own when a slot frees.',
    });

    await store.getState().resumeJob('job-1');

    expect(store.getState().errors.map(({ code, message }) => ({ code, message }))).toEqual([
      { code: 'INVALID_STATE', message: 'This job has not started yet; it will start on its own when a slot frees.' },
    ]);
    expect(store.getState().jobsById['job-1']?.state).toBe('queued');
    // The buttons are usable again after a refusal.
    expect(store.getState().pendingJobActions).toEqual({});
  });

  it('reports NOT_FOUND from main when the job is gone', async () => {
    const { main, store } = setup();

    await store.getState().cancelJob('job-404');

    expect(main.requests).toEqual(['jobs.cancel job-404']);
    expect(store.getState().errors[0]?.code).toBe('NOT_FOUND');
    expect(store.getState().errors[0]?.message).toBe('There is no job with id job-404.');
  });

  it('keeps a job finished if a pause answer arrives after jobs:finished', async () => {
    const { main, store } = setup();
    main.jobs = [jobSnapshot({ id: 'job-1', state: 'running' })];
    connectStewardEvents(store, main.client);
    await settle();

    const pausing = store.getState().pauseJob('job-1');
    main.emitFinished(jobSnapshot({ id: 'job-1', state: 'succeeded', summary: 'Done' }));
    await pausing;

    expect(store.getState().jobsById['job-1']?.state).toBe('succeeded');
  });
});
