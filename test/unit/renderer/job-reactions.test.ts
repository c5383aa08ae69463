/**
 * The store's reactions to jobs and to the language live in one place and can be taken
 * away again: while connected, a plan job's end and a language change fetch the plan;
 * after the returned function is called, neither does anything and i18next has exactly the
 * listeners it had before.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../src-renderer/i18n';
import { createStewardStore } from '../../../src-renderer/store';
import { connectStewardEvents } from '../../../src-renderer/store/connect-events';
import { connectJobReactions } from '../../../src-renderer/store/job-reactions';
import { planSummary } from '../../support/renderer/fake-cleanup';
import { FakeMain, jobSnapshot } from '../../support/renderer/fakes';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

/**
 * How many languageChanged listeners i18next holds. Its typings do not expose the emitter's
 * table, so it is read through this one narrow cast (i18next keeps a Map per event, of
 * listener to the number of times it was added).
 */
function languageListenerCount(): number {
  const { observers } = i18n as unknown as { observers: Record<string, Map<unknown, number> | undefined> };
  return [...(observers['languageChanged']?.values() ?? [])].reduce((sum, times) => sum + times, 0);
}

function setup() {
  const main = new FakeMain();
  main.cleanup.plans.set('plan-1', planSummary());
  const store = createStewardStore(main.client);
  const disconnectEvents = connectStewardEvents(store, main.client);
  return { main, store, disconnectEvents };
}

function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

const planFetches = (main: FakeMain) => main.requests.filter((request) => request === 'cleanup.getPlan plan-1').length;

/** Main reports the end of a job it listed. */
async function finish(main: FakeMain, jobId: string) {
  const job = main.jobs.find((j) => j.id === jobId);
  if (!job) throw new Error(`no job ${jobId}`);
  main.emitFinished(jobSnapshot({ ...job, state: 'succeeded', categories: [] }));
  await settle();
}

describe('job reactions', () => {
  it('fetch the built plan, and fetch it again in the new language', async () => {
    const { main, store, disconnectEvents } = setup();
    const disconnect = connectJobReactions(store);
    store.getState().setCleanupDraft({ kind: 'all' });
    await store.getState().startCleanupPlan();

    await finish(main, 'cleanup-plan-1');
    expect(planFetches(main)).toBe(1);
    expect(store.getState().cleanupPlan?.planId).toBe('plan-1');

    await i18n.changeLanguage('zh-TW');
    await settle();
    expect(planFetches(main)).toBe(2);

    disconnect();
    disconnectEvents();
  });

  it('stop reacting once disconnected: no job end, progress or language change reaches the store', async () => {
    const before = languageListenerCount();
    const { main, store, disconnectEvents } = setup();
    const disconnect = connectJobReactions(store);
    expect(languageListenerCount()).toBe(before + 1);
    store.setState({ exportFolder: { folderId: 'folder-1', displayPath: '/home/me/bundle' } });
    await store.getState().startExport();
    store.getState().setCleanupDraft({ kind: 'all' });
    await store.getState().startCleanupPlan();

    disconnect();
    expect(languageListenerCount()).toBe(before);

    // The plan job ends: the store records the job but fetches no plan.
    await finish(main, 'cleanup-plan-1');
    expect(store.getState().jobsById['cleanup-plan-1']?.state).toBe('succeeded');
    expect(planFetches(main)).toBe(0);
    expect(store.getState().cleanupPlan).toBeNull();

    // A plan shown and the language changed: nobody asks for it again.
    store.setState({ cleanupPlan: planSummary() });
    await i18n.changeLanguage('zh-TW');
    await settle();
    expect(planFetches(main)).toBe(0);

    // The export runs on, but nothing samples it.
    main.emitProgress(jobSnapshot({ id: 'export-1', state: 'running' }));
    expect(store.getState().jobsById['export-1']?.state).toBe('running');
    expect(store.getState().exportSamples).toEqual([]);

    disconnectEvents();
  });

  it('subscribe once per store, however often they are connected', async () => {
    const before = languageListenerCount();
    const { main, store, disconnectEvents } = setup();
    const disconnect = connectJobReactions(store);
    expect(connectJobReactions(store)).toBe(disconnect);
    expect(languageListenerCount()).toBe(before + 1);

    store.getState().setCleanupDraft({ kind: 'all' });
    await store.getState().startCleanupPlan();
    await finish(main, 'cleanup-plan-1');
    expect(planFetches(main)).toBe(1);

    disconnect();
    // Calling it twice is harmless, and a later connect starts afresh.
    disconnect();
    expect(languageListenerCount()).toBe(before);
    const again = connectJobReactions(store);
    expect(again).not.toBe(disconnect);
    expect(languageListenerCount()).toBe(before + 1);
    again();
    expect(languageListenerCount()).toBe(before);
    disconnectEvents();
  });
});
