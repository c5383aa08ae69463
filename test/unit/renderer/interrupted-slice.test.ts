/**
 * The banner's and the saved-plans list's store against a fake main: what the user sees
 * listed, where Resume takes them (the Export page following the new job, or the cleanup
 * wizard at the review step), that a reopened plan still needs the backup and the typed
 * name before anything runs, and that main's refusals stay next to their job.
 */
import { describe, expect, it } from 'vitest';
import { createStewardStore } from '../../../src-renderer/store';
import { connectStewardEvents } from '../../../src-renderer/store/connect-events';
import { planSummary } from '../../support/renderer/fake-cleanup';
import { FakeMain, jobSnapshot } from '../../support/renderer/fakes';
import { interruptedCleanup, interruptedExport, PLAN_ID } from '../../support/renderer/fake-resume';

function setup() {
  const main = new FakeMain();
  const store = createStewardStore(main.client);
  connectStewardEvents(store, main.client);
  main.resume.interrupted = [interruptedCleanup(), interruptedExport()];
  main.cleanup.plans.set(PLAN_ID, planSummary({ planId: PLAN_ID }));
  return { main, store };
}

describe('the interrupted-jobs banner', () => {
  it('lists what main found left over from the last session', async () => {
    const { store } = setup();
    await store.getState().loadInterruptedJobs();
    expect(store.getState().interruptedJobs.map((job) => job.kind)).toEqual(['cleanup', 'export']);
    expect(store.getState().interruptedStatus).toBe('ready');
  });

  it('resumes an export as a new job and shows it on the Export page', async () => {
    const { main, store } = setup();
    await store.getState().loadInterruptedJobs();
    expect(await store.getState().resumeInterruptedJob('rec-export')).toBe(true);
    const state = store.getState();
    expect(main.requests).toContain('jobs.resumeInterrupted rec-export');
    expect(state.interruptedJobs.map((job) => job.id)).toEqual(['rec-cleanup']);
    expect(state.page).toBe('export');
    expect(state.exportJobId).toBe('resumed-export-1');
    expect(state.jobsById['resumed-export-1']?.kind).toBe('export');
  });

  it('reopens an interrupted cleanup at the review step, and nothing runs without the backup and the typed name', async () => {
    const { main, store } = setup();
    await store.getState().loadInterruptedJobs();
    expect(await store.getState().resumeInterruptedJob('rec-cleanup')).toBe(true);
    let state = store.getState();
    expect(state.page).toBe('cleanup');
    expect(state.cleanupStep).toBe('review');
    expect(state.cleanupPlanId).toBe(PLAN_ID);
    expect(state.cleanupPlan?.confirmText).toBe('contoso-vision');
    expect(state.interruptedJobs.map((job) => job.id)).toEqual(['rec-export']);

    // The wizard asks again: no backup chosen yet, no name typed.
    state.continueCleanup();
    expect(store.getState().cleanupStep).toBe('backup');
    expect(await store.getState().runCleanupPlan()).toBe(false);
    store.getState().setCleanupWaived(true);
    store.getState().continueCleanup();
    expect(store.getState().cleanupStep).toBe('confirm');
    expect(await store.getState().runCleanupPlan()).toBe(false);
    expect(main.requests.filter((request) => request.startsWith('cleanup.run'))).toEqual([]);
    store.getState().setCleanupConfirmInput('contoso-vision');
    expect(await store.getState().runCleanupPlan()).toBe(true);
    state = store.getState();
    expect(main.cleanup.runRequests).toEqual([{ planId: PLAN_ID, confirmText: 'contoso-vision', backup: { kind: 'waived' } }]);
    expect(state.cleanupStep).toBe('run');
  });

  it('keeps a job main would not resume, with main’s reason next to it', async () => {
    const { main, store } = setup();
    main.resume.interrupted = [interruptedExport({ resumable: false })];
    await store.getState().loadInterruptedJobs();
    expect(await store.getState().resumeInterruptedJob('rec-export')).toBe(false);
    const state = store.getState();
    expect(state.interruptedJobs).toHaveLength(1);
    expect(state.interruptedError).toMatchObject({ id: 'rec-export', error: { code: 'ACCOUNT_NOT_SAVED' } });
    expect(state.page).toBe('accounts');
    expect(state.interruptedPendingId).toBeNull();
  });

  it('dismisses a job for good', async () => {
    const { main, store } = setup();
    await store.getState().loadInterruptedJobs();
    await store.getState().dismissInterruptedJob('rec-export');
    expect(store.getState().interruptedJobs.map((job) => job.id)).toEqual(['rec-cleanup']);
    await store.getState().loadInterruptedJobs();
    expect(store.getState().interruptedJobs.map((job) => job.id)).toEqual(['rec-cleanup']);
    expect(main.resume.interrupted.map((job) => job.id)).toEqual(['rec-cleanup']);
  });

  it('shows a failure to list on the error surface and carries on', async () => {
    const { main, store } = setup();
    main.failWith('jobs.interrupted', { code: 'INTERNAL', message: 'Something broke.' });
    await store.getState().loadInterruptedJobs();
    expect(store.getState().interruptedStatus).toBe('error');
    expect(store.getState().errors.map((error) => error.code)).toContain('INTERNAL');
  });
});

describe('saved plans', () => {
  it('are listed as main answers them, and any of them opens in the wizard at the review step', async () => {
    const { main, store } = setup();
    main.resume.savedPlans = [{ planId: PLAN_ID, createdAt: '2025-01-01T10:00:00.000Z', accountName: 'contoso-vision', state: 'incomplete', totalItems: 51, scopeText: 'Untagged images of project "Cats"' }];
    await store.getState().loadSavedPlans();
    expect(store.getState().savedPlans).toEqual(main.resume.savedPlans);
    expect(await store.getState().openCleanupPlan(PLAN_ID)).toBe(true);
    expect(store.getState()).toMatchObject({ page: 'cleanup', cleanupStep: 'review', cleanupPlanId: PLAN_ID, cleanupConfirmInput: '', cleanupWaived: false });
  });

  it('do not replace a cleanup that is running', async () => {
    const { main, store } = setup();
    await store.getState().openCleanupPlan(PLAN_ID);
    store.getState().continueCleanup();
    store.getState().setCleanupWaived(true);
    store.getState().continueCleanup();
    store.getState().setCleanupConfirmInput('contoso-vision');
    await store.getState().runCleanupPlan();
    const runJobId = store.getState().cleanupRunJobId ?? '';
    main.emitProgress(jobSnapshot({ id: runJobId, kind: 'cleanup', state: 'running', categories: [] }));

    main.cleanup.plans.set('plan-2', planSummary({ planId: 'plan-2' }));
    expect(await store.getState().openCleanupPlan('plan-2')).toBe(false);
    expect(store.getState()).toMatchObject({ cleanupPlanId: PLAN_ID, cleanupStep: 'run', cleanupError: { code: 'INVALID_STATE' } });
  });
});
