import { describe, expect, it } from 'vitest';
import { createStewardStore, selectSystemCheckJob } from '../../../src-renderer/store';
import { connectStewardEvents } from '../../../src-renderer/store/connect-events';
import { FakeMain, jobSnapshot } from '../../support/renderer/fakes';

function setup() {
  const main = new FakeMain();
  const store = createStewardStore(main.client);
  return { main, store };
}

function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

describe('system check (Settings)', () => {
  it('starts the check in main, remembers its job and shows it without waiting for an event', async () => {
    const { main, store } = setup();
    main.nextSystemCheckId = 'check-7';

    const starting = store.getState().startSystemCheck();
    // The button is disabled while main is asked.
    expect(store.getState().systemCheckStarting).toBe(true);
    await starting;

    expect(main.requests).toEqual(['diagnostics.start', 'jobs.list']);
    expect(store.getState().systemCheckJobId).toBe('check-7');
    expect(store.getState().systemCheckStarting).toBe(false);
    expect(selectSystemCheckJob(store.getState())?.id).toBe('check-7');
    expect(selectSystemCheckJob(store.getState())?.state).toBe('queued');
  });

  it('starts only one check when the button is pressed twice quickly', async () => {
    const { main, store } = setup();
    await Promise.all([store.getState().startSystemCheck(), store.getState().startSystemCheck()]);
    expect(main.requests.filter((request) => request === 'diagnostics.start')).toHaveLength(1);
  });

  it("shows main's code and message when the check cannot start, and lets the user try again", async () => {
    const { main, store } = setup();
    main.failWith('diagnostics.start', { code: 'INVALID_STATE', message: 'CV Steward is shutting down and cannot start new jobs.' });

    await store.getState().startSystemCheck();

    expect(store.getState().errors.map(({ code, message }) => ({ code, message }))).toEqual([
      { code: 'INVALID_STATE', message: 'CV Steward is shutting down and cannot start new jobs.' },
    ]);
    expect(store.getState().systemCheckJobId).toBeNull();
    expect(store.getState().systemCheckStarting).toBe(false);
    expect(selectSystemCheckJob(store.getState())).toBeUndefined();

    main.recover('diagnostics.start');
    await store.getState().startSystemCheck();
    expect(store.getState().systemCheckJobId).toBe('check-1');
  });

  it('shows a NO_BRIDGE error when main is not there', async () => {
    const { main, store } = setup();
    main.bridgeMissing = true;

    await store.getState().startSystemCheck();

    expect(store.getState().errors[0]?.code).toBe('NO_BRIDGE');
    expect(store.getState().systemCheckStarting).toBe(false);
  });

  it('shows the new check, not the previous result, once a new one is started', async () => {
    const { main, store } = setup();
    const previous = jobSnapshot({ id: 'check-old', kind: 'system-check', state: 'succeeded', summary: 'All checks passed' });
    main.jobs = [previous];
    connectStewardEvents(store, main.client);
    await settle();
    expect(selectSystemCheckJob(store.getState())?.id).toBe('check-old');

    main.nextSystemCheckId = 'check-new';
    await store.getState().startSystemCheck();
    main.emitProgress(jobSnapshot({ id: 'check-new', kind: 'system-check', state: 'running' }));

    expect(selectSystemCheckJob(store.getState())?.id).toBe('check-new');
    expect(selectSystemCheckJob(store.getState())?.state).toBe('running');
  });
});
