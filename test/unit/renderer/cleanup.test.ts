/**
 * The cleanup wizard's store against a fake main: the steps a user walks through, what
 * the page sends (ids only), when it may move on, and that main's refusals show up in
 * the step they belong to.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import type { JobSnapshot } from '../../../shared/model/job';
import { createStewardStore, scopeFromDraft, selectCleanupBackup, selectCleanupPlanRefused } from '../../../src-renderer/store';
import { draftFromScope, draftProblem, EMPTY_DRAFT, startOfUtcDay } from '../../../src-renderer/store/cleanup-scope';
import { connectStewardEvents } from '../../../src-renderer/store/connect-events';
import { connectJobReactions } from '../../../src-renderer/store/job-reactions';
import { coverageReport, planSummary, receipt } from '../../support/renderer/fake-cleanup';
import { FakeMain, jobSnapshot } from '../../support/renderer/fakes';

const BUNDLE = { folderId: 'folder-1', displayPath: '/home/me/old bundle' };
const BACKUP = { folderId: 'folder-2', displayPath: '/home/me/new bundle' };

function setup() {
  const main = new FakeMain();
  const store = createStewardStore(main.client);
  onTestFinished(connectJobReactions(store));
  connectStewardEvents(store, main.client);
  main.cleanup.plans.set('plan-1', planSummary());
  return { main, store };
}

function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Main reports the end of a job the wizard started. */
async function finish(main: FakeMain, jobId: string, state: JobSnapshot['state'], error?: { code: string; message: string }) {
  const job = main.jobs.find((j) => j.id === jobId);
  if (!job) throw new Error(`no job ${jobId}`);
  main.emitFinished(jobSnapshot({ ...job, state, categories: [], ...(error ? { error } : {}) }));
  await settle();
}

type Store = ReturnType<typeof setup>['store'];

async function toBackupStep(main: FakeMain, store: Store) {
  if (store.getState().cleanupDraft.kind === null) store.getState().setCleanupDraft({ kind: 'all' });
  await store.getState().startCleanupPlan();
  await finish(main, 'cleanup-plan-1', 'succeeded');
  store.getState().continueCleanup();
}

/** From the backup step: waive the backup, continue and type the account's name, as a user confirms. */
function waiveAndConfirm(store: Store) {
  store.getState().setCleanupWaived(true);
  store.getState().continueCleanup();
  store.getState().setCleanupConfirmInput('contoso-vision');
}

describe('the scope form', () => {
  it('starts from nothing chosen: no plan is built until the user picks a scope', async () => {
    const { main, store } = setup();
    const draft = store.getState().cleanupDraft;
    expect(draft.kind).toBeNull();
    expect(scopeFromDraft(draft)).toBeNull();
    expect(draftProblem(draft)).toBe('Choose what to delete first: nothing is chosen for you.');
    expect(await store.getState().startCleanupPlan()).toBe(false);
    expect(main.cleanup.planRequests).toEqual([]);
    // The Inventory page's "delete everything" still fills the form in.
    expect(draftFromScope({ kind: 'all' }).kind).toBe('all');
  });

  it('needs every detail of the chosen scope before a plan can be built', () => {
    expect(scopeFromDraft({ ...EMPTY_DRAFT, kind: 'all' })).toEqual({ kind: 'all' });
    expect(scopeFromDraft({ ...EMPTY_DRAFT, kind: 'projects' })).toBeNull();
    expect(scopeFromDraft({ ...EMPTY_DRAFT, kind: 'projects', projectIds: ['p-1', 'p-2'] })).toEqual({ kind: 'projects', projectIds: ['p-1', 'p-2'] });
    const part = { ...EMPTY_DRAFT, kind: 'part' as const, partProjectId: 'p-1' };
    expect(scopeFromDraft({ ...part, partProjectId: '' })).toBeNull();
    expect(scopeFromDraft(part)).toEqual({ kind: 'part', projectId: 'p-1', part: { kind: 'untaggedImages' } });
    expect(scopeFromDraft({ ...part, partKind: 'taggedWith' })).toBeNull();
    expect(scopeFromDraft({ ...part, partKind: 'taggedWith', tagId: 't-1' })).toEqual({ kind: 'part', projectId: 'p-1', part: { kind: 'taggedWith', tagId: 't-1' } });
    expect(scopeFromDraft({ ...part, partKind: 'iteration' })).toBeNull();
    expect(scopeFromDraft({ ...part, partKind: 'imagesOlderThan', before: '2025-02-30' })).toBeNull();
    // The page says what is still missing.
    expect(draftProblem({ ...EMPTY_DRAFT, kind: 'projects' })).toBe('Choose at least one project.');
    expect(draftProblem({ ...part, partKind: 'iteration' })).toBe('Choose an iteration.');
    expect(draftProblem({ ...part, partKind: 'tag' })).toBe('Choose a tag.');
    expect(draftProblem(part)).toBeNull();
  });

  it('reads "added before a date" as midnight UTC of that day, whatever this computer\'s time zone', () => {
    // The plan, its review and the command line all read a bare date as midnight UTC.
    const instant = startOfUtcDay('2024-03-01');
    expect(instant).toBe('2024-03-01T00:00:00.000Z');
    const draft = { ...EMPTY_DRAFT, kind: 'part' as const, partProjectId: 'p-1', partKind: 'imagesOlderThan' as const, before: '2024-03-01' };
    const scope = scopeFromDraft(draft);
    expect(scope).toEqual({ kind: 'part', projectId: 'p-1', part: { kind: 'imagesOlderThan', before: '2024-03-01T00:00:00.000Z' } });
    // A scope chosen elsewhere shows the same day in the form.
    expect(draftFromScope(scope ?? { kind: 'all' }).before).toBe('2024-03-01');
    // An instant given with an offset shows its UTC day (04:30 UTC on 1 March), not the local one.
    const withOffset = draftFromScope({ kind: 'part', projectId: 'p-1', part: { kind: 'imagesOlderThan', before: '2024-02-29T23:30:00-05:00' } });
    expect(withOffset.before).toBe('2024-03-01');
    // Days that do not exist are refused, leap days are not.
    expect(startOfUtcDay('2023-02-29')).toBeNull();
    expect(startOfUtcDay('2024-02-29')).toBe('2024-02-29T00:00:00.000Z');
    expect(startOfUtcDay('1 March 2024')).toBeNull();
  });

  it('means the same instant on computers in different time zones', () => {
    const saved = process.env.TZ;
    const seen: Array<string | null> = [];
    try {
      for (const zone of ['Pacific/Auckland', 'America/Los_Angeles', 'Asia/Taipei', 'UTC']) {
        process.env.TZ = zone;
        seen.push(startOfUtcDay('2024-03-01'));
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(new Set(seen)).toEqual(new Set(['2024-03-01T00:00:00.000Z']));
  });
});

describe('the wizard', () => {
  it('walks from scope to proof with a checked bundle, sending only ids', async () => {
    const { main, store } = setup();
    store.getState().setCleanupDraft({ kind: 'all' });
    expect(await store.getState().startCleanupPlan()).toBe(true);
    expect(main.cleanup.planRequests).toEqual([{ kind: 'all' }]);
    expect(store.getState().cleanupStep).toBe('review');
    expect(store.getState().cleanupPlan).toBeNull();

    await finish(main, 'cleanup-plan-1', 'succeeded');
    expect(store.getState().cleanupPlan?.confirmText).toBe('contoso-vision');
    store.getState().continueCleanup();
    expect(store.getState().cleanupStep).toBe('backup');

    // Without a covering bundle or a waiver, the wizard does not move on.
    store.getState().continueCleanup();
    expect(store.getState().cleanupStep).toBe('backup');

    main.cleanup.dialogAnswers.push(BUNDLE);
    await store.getState().chooseCleanupBundle();
    expect(main.requests).toContain('cleanup.checkBundle plan-1 folder-1');
    main.cleanup.coverages.set('plan-1', coverageReport({ ok: false, uncoveredCount: 2, uncovered: [{ category: 'images', projectId: 'p-1', id: 'i-1', reason: 'missing-file' }] }));
    await finish(main, 'cleanup-check-2', 'failed', { code: 'BACKUP_NOT_COVERING', message: '2 items are not in the bundle.' });
    expect(store.getState().cleanupCoverage?.uncoveredCount).toBe(2);
    expect(selectCleanupBackup(store.getState())).toBeNull();

    // Back up now: the export ends, and the wizard checks the new bundle by itself.
    main.cleanup.dialogAnswers.push(BACKUP);
    await store.getState().backUpForCleanup();
    expect(main.requests).toContain('cleanup.backup plan-1 folder-2');
    expect(store.getState().cleanupCoverage).toBeNull();
    await finish(main, 'export-3', 'succeeded');
    expect(main.requests).toContain('cleanup.checkBundle plan-1 folder-2');
    main.cleanup.coverages.set('plan-1', coverageReport());
    await finish(main, 'cleanup-check-4', 'succeeded');
    expect(selectCleanupBackup(store.getState())).toEqual({ kind: 'bundle', folderId: 'folder-2' });

    store.getState().continueCleanup();
    expect(store.getState().cleanupStep).toBe('confirm');
    store.getState().setCleanupConfirmInput('Contoso-Vision');
    expect(await store.getState().runCleanupPlan()).toBe(false);
    expect(main.requests.filter((r) => r.startsWith('cleanup.run'))).toEqual([]);

    store.getState().setCleanupConfirmInput('contoso-vision');
    expect(await store.getState().runCleanupPlan()).toBe(true);
    expect(main.cleanup.runRequests).toEqual([{ planId: 'plan-1', confirmText: 'contoso-vision', backup: { kind: 'bundle', folderId: 'folder-2' } }]);
    expect(store.getState().cleanupStep).toBe('run');

    main.cleanup.receipts.set('plan-1', receipt());
    await finish(main, 'cleanup-5', 'succeeded');
    expect(store.getState().cleanupStep).toBe('proof');
    expect(store.getState().cleanupReceipt?.complete).toBe(true);
    // What was deleted must not linger on the Inventory page.
    expect(main.inventory.scanRequests).toEqual([{}]);

    await store.getState().openCleanupReceipt();
    await store.getState().openExternalPage('azure-portal');
    expect(main.cleanup.opened).toEqual(['receipt plan-1', 'link azure-portal']);
  });

  it('lets the user go without a backup only by ticking the waiver, and tells main so', async () => {
    const { main, store } = setup();
    await toBackupStep(main, store);
    store.getState().setCleanupWaived(true);
    store.getState().continueCleanup();
    expect(store.getState().cleanupStep).toBe('confirm');
    store.getState().setCleanupConfirmInput('contoso-vision');
    await store.getState().runCleanupPlan();
    expect(main.cleanup.runRequests.map((r) => r.backup)).toEqual([{ kind: 'waived' }]);
  });

  it("shows main's refusal in the step, and stays there", async () => {
    const { main, store } = setup();
    await toBackupStep(main, store);
    waiveAndConfirm(store);
    main.failWith('cleanup.run', { code: 'ACCOUNT_MISMATCH', message: 'This plan is for another account.' });

    expect(await store.getState().runCleanupPlan()).toBe(false);
    expect(store.getState().cleanupStep).toBe('confirm');
    expect(store.getState().cleanupError).toEqual({ code: 'ACCOUNT_MISMATCH', message: 'This plan is for another account.' });
  });

  it('offers to resume a stopped run, and proves an incomplete one', async () => {
    const { main, store } = setup();
    await toBackupStep(main, store);
    waiveAndConfirm(store);
    await store.getState().runCleanupPlan();
    const [first] = main.cleanup.runRequests;

    await finish(main, 'cleanup-2', 'cancelled');
    expect(store.getState().cleanupStep).toBe('run');
    expect(main.requests.filter((r) => r.startsWith('cleanup.receipt'))).toEqual([]);

    await store.getState().runCleanupPlan();
    expect(main.cleanup.runRequests).toEqual([first, first]);
    main.cleanup.receipts.set('plan-1', receipt({ complete: false }));
    await finish(main, 'cleanup-3', 'failed', { code: 'CLEANUP_INCOMPLETE', message: '1 check could not prove its items gone.' });
    expect(store.getState().cleanupStep).toBe('proof');
    expect(store.getState().cleanupReceipt?.complete).toBe(false);
  });

  it('offers a new plan, not a resume, when main refuses the plan itself, and rescans nothing', async () => {
    const { main, store } = setup();
    store.getState().setCleanupDraft({ kind: 'projects', projectIds: ['p-1'] });
    await toBackupStep(main, store);
    waiveAndConfirm(store);
    await store.getState().runCleanupPlan();

    // The gate runs inside the job: the seal check fails before any call.
    await finish(main, 'cleanup-2', 'failed', { code: 'PLAN_TAMPERED', message: 'This cleanup plan was changed after it was made and reviewed.' });
    expect(store.getState().cleanupStep).toBe('run');
    expect(selectCleanupPlanRefused(store.getState())).toBe(true);
    // Nothing was deleted, so the Inventory is not scanned again, and there is no receipt to fetch.
    expect(main.inventory.scanRequests).toEqual([]);
    expect(main.requests.filter((r) => r.startsWith('cleanup.receipt'))).toEqual([]);

    // A new plan from the same choice, reviewed afresh: the bundle, waiver and typed name are gone with the old plan.
    main.cleanup.plans.set('plan-1', planSummary());
    expect(await store.getState().replanCleanup()).toBe(true);
    expect(main.cleanup.planRequests).toEqual([
      { kind: 'projects', projectIds: ['p-1'] },
      { kind: 'projects', projectIds: ['p-1'] },
    ]);
    expect(store.getState()).toMatchObject({ cleanupStep: 'review', cleanupWaived: false, cleanupConfirmInput: '', cleanupRunJobId: null });
    expect(selectCleanupPlanRefused(store.getState())).toBe(false);
  });

  it('still offers to resume a run that stopped for other reasons', async () => {
    const { main, store } = setup();
    await toBackupStep(main, store);
    waiveAndConfirm(store);
    await store.getState().runCleanupPlan();
    await finish(main, 'cleanup-2', 'failed', { code: 'NETWORK', message: 'The connection was lost.' });
    expect(selectCleanupPlanRefused(store.getState())).toBe(false);
    expect(main.inventory.scanRequests).toEqual([{}]);
  });

  it('drops the plan when the user goes back to change the scope', async () => {
    const { main, store } = setup();
    store.getState().setCleanupDraft({ kind: 'projects', projectIds: ['p-1'] });
    await toBackupStep(main, store);
    store.getState().cleanupBack();
    expect(store.getState().cleanupStep).toBe('review');
    store.getState().cleanupBack();
    expect(store.getState().cleanupStep).toBe('scope');
    expect(store.getState().cleanupPlanId).toBeNull();
    expect(store.getState().cleanupDraft.projectIds).toEqual(['p-1']);
  });
});

describe('deleting from the Inventory page', () => {
  it('opens the wizard on the Cleanup page with the scope filled in', () => {
    const { store } = setup();
    store.getState().beginCleanup({ kind: 'part', projectId: 'p-2', part: { kind: 'predictions' } });
    expect(store.getState().page).toBe('cleanup');
    expect(store.getState().cleanupStep).toBe('scope');
    expect(scopeFromDraft(store.getState().cleanupDraft)).toEqual({ kind: 'part', projectId: 'p-2', part: { kind: 'predictions' } });
  });

  it('does not throw away a running cleanup', async () => {
    const { main, store } = setup();
    await toBackupStep(main, store);
    waiveAndConfirm(store);
    await store.getState().runCleanupPlan();
    main.emitProgress(jobSnapshot({ id: 'cleanup-2', kind: 'cleanup', state: 'running', categories: [] }));

    store.getState().beginCleanup({ kind: 'projects', projectIds: ['p-9'] });
    expect(store.getState().page).toBe('cleanup');
    expect(store.getState().cleanupStep).toBe('run');
    expect(store.getState().cleanupError?.code).toBe('INVALID_STATE');
  });
});
