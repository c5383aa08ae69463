// @vitest-environment happy-dom
/**
 * The cleanup wizard's steps as the user meets them: nothing is chosen for them and the
 * plan cannot be asked for until a scope is complete (the hint says what is missing);
 * Delete stays disabled until the account's name is typed exactly and a backup (or the
 * waiver) is in place; a stopped run can be resumed, a refused plan only replaced; the
 * proof step opens the receipt and offers to run an incomplete plan again. Clicks run the
 * store's real actions against the fake main.
 */
import { act, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { JobSnapshot } from '../../../../shared/model/job';
import { CleanupConfirmStep } from '../../../../src-renderer/components/cleanup-confirm-step';
import { CleanupProofStep } from '../../../../src-renderer/components/cleanup-proof-step';
import { CleanupReviewStep } from '../../../../src-renderer/components/cleanup-review-step';
import { CleanupRunStep } from '../../../../src-renderer/components/cleanup-run-step';
import { CleanupScopeStep } from '../../../../src-renderer/components/cleanup-scope-step';
import { i18n } from '../../../../src-renderer/i18n';
import { createStewardStore } from '../../../../src-renderer/store';
import { EMPTY_DRAFT } from '../../../../src-renderer/store/cleanup-scope';
import { connectStewardEvents } from '../../../../src-renderer/store/connect-events';
import { connectJobReactions } from '../../../../src-renderer/store/job-reactions';
import { componentTestLifecycle, showStore, update } from '../../../support/renderer/show-store';
import { planSummary, receipt } from '../../../support/renderer/fake-cleanup';
import { accountSummary, FakeMain, inventoryProject, inventorySnapshot, jobSnapshot } from '../../../support/renderer/fakes';

componentTestLifecycle();

function setup() {
  const main = new FakeMain();
  main.cleanup.plans.set('plan-1', planSummary());
  const store = createStewardStore(main.client);
  showStore(store);
  return { main, store };
}

const ACCOUNT = accountSummary({ accountId: 'acc-1' });

const reviewButton = () => screen.getByRole('button', { name: 'Review the plan' }) as HTMLButtonElement;
const deleteButton = () => screen.getByRole('button', { name: 'Delete permanently' }) as HTMLButtonElement;

describe('CleanupScopeStep', () => {
  it('chooses nothing for the user: the plan waits for a scope, and the hint says so', () => {
    const { store } = setup();
    update(store, { accounts: [ACCOUNT], activeAccountId: 'acc-1' });
    render(<CleanupScopeStep />);

    expect(screen.getByRole('heading', { name: 'Choose what to delete' })).toBeTruthy();
    expect(screen.getAllByRole('radio').some((radio) => (radio as HTMLInputElement).checked)).toBe(false);
    expect(reviewButton().disabled).toBe(true);
    expect(reviewButton().getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText('Choose what to delete first: nothing is chosen for you.')).toBeTruthy();
  });

  it('asks main for a plan of the whole account once that is chosen, and moves on to the review', async () => {
    const { main, store } = setup();
    update(store, { accounts: [ACCOUNT], activeAccountId: 'acc-1' });
    render(<CleanupScopeStep />);

    await userEvent.click(screen.getByRole('radio', { name: /Everything in this account/ }));
    expect(reviewButton().disabled).toBe(false);
    expect(screen.getByText(/CV Steward reads the ids of everything in scope/)).toBeTruthy();
    await userEvent.click(reviewButton());

    expect(main.cleanup.planRequests).toEqual([{ kind: 'all' }]);
    expect(store.getState().cleanupStep).toBe('review');
  });

  it('lists the scanned projects to choose from, and plans only the ticked ones', async () => {
    const { main, store } = setup();
    const projects = [inventoryProject({ id: 'p-1', name: 'Bananas' }), inventoryProject({ id: 'p-2', name: 'Apples' })];
    update(store, { accounts: [ACCOUNT], activeAccountId: 'acc-1', inventoryByAccount: { 'acc-1': inventorySnapshot(projects) } });
    render(<CleanupScopeStep />);

    await userEvent.click(screen.getByRole('radio', { name: /Chosen projects/ }));
    expect(screen.getByText('Choose at least one project.')).toBeTruthy();
    expect(reviewButton().disabled).toBe(true);
    await userEvent.click(screen.getByRole('checkbox', { name: /Apples/ }));
    expect(screen.getByText('1 of 2 projects chosen.')).toBeTruthy();
    await userEvent.click(reviewButton());

    expect(main.cleanup.planRequests).toEqual([{ kind: 'projects', projectIds: ['p-2'] }]);
  });

  it('cannot plan without an account, and says where to connect one', async () => {
    setup();
    render(<CleanupScopeStep />);
    await userEvent.click(screen.getByRole('radio', { name: /Everything in this account/ }));
    expect(screen.getByText('Connect an account on the Accounts page first.')).toBeTruthy();
    expect(reviewButton().disabled).toBe(true);
  });

  it('speaks Traditional Chinese when the page does', async () => {
    setup();
    await i18n.changeLanguage('zh-TW');
    render(<CleanupScopeStep />);
    expect(screen.getByRole('button', { name: '檢閱計畫' })).toBeTruthy();
    expect(screen.getByText('請先選擇要刪除的範圍：系統不會替您預先選擇。')).toBeTruthy();
  });
});

describe('CleanupReviewStep', () => {
  /** Plans the whole account with main's events and the store's job reactions connected, as the app runs. */
  async function whilePlanning() {
    const context = setup();
    onTestFinished(connectJobReactions(context.store));
    onTestFinished(connectStewardEvents(context.store, context.main.client));
    context.store.getState().setCleanupDraft({ kind: 'all' });
    await act(() => context.store.getState().startCleanupPlan());
    render(<CleanupReviewStep />);
    return context;
  }

  /** Main reports that the plan job ended. */
  async function planBuilt(main: FakeMain) {
    const job = main.jobs.find((j) => j.id === 'cleanup-plan-1');
    if (!job) throw new Error('no plan job');
    await act(async () => {
      main.emitFinished(jobSnapshot({ ...job, state: 'succeeded', categories: [] }));
      await new Promise((resolve) => setImmediate(resolve));
    });
  }

  it('follows the plan job, then shows what the plan deletes and lets the user continue', async () => {
    const { main, store } = await whilePlanning();
    const next = () => screen.getByRole('button', { name: 'Continue to backup' }) as HTMLButtonElement;
    expect(screen.getByRole('heading', { name: 'cleanup-plan' })).toBeTruthy();
    expect(next().disabled).toBe(true);

    await planBuilt(main);

    const table = await screen.findByRole('table', { name: 'What will be deleted' });
    expect(within(table).getByRole('row', { name: /Images/ }).textContent).toContain('40');
    expect(screen.getByText(/The project "Bananas"/)).toBeTruthy();
    expect(next().disabled).toBe(false);
    await userEvent.click(next());
    expect(store.getState().cleanupStep).toBe('backup');
  });

  it('says when there is nothing to delete, and does not go on', async () => {
    const { main } = await whilePlanning();
    main.cleanup.plans.set('plan-1', planSummary({ stepCount: 0, apiCalls: 0 }));
    await planBuilt(main);

    expect(await screen.findByText('Nothing to delete: this scope is already empty.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Continue to backup' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('CleanupConfirmStep', () => {
  function atConfirm(waived = true) {
    const context = setup();
    update(context.store, { cleanupStep: 'confirm', cleanupPlanId: 'plan-1', cleanupPlan: planSummary(), cleanupWaived: waived });
    render(<CleanupConfirmStep />);
    return context;
  }

  it('keeps Delete disabled until the account name is typed exactly, saying when it does not match yet', async () => {
    const { main } = atConfirm();
    const input = screen.getByRole('textbox', { name: 'Account name' });
    expect(screen.getByText(/Backup: none\./)).toBeTruthy();
    expect(deleteButton().disabled).toBe(true);

    await userEvent.type(input, 'contoso');
    expect(deleteButton().disabled).toBe(true);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('That is not the account name yet.')).toBeTruthy();

    await userEvent.type(input, '-vision');
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(screen.queryByText('That is not the account name yet.')).toBeNull();
    expect(deleteButton().disabled).toBe(false);
    await userEvent.click(deleteButton());

    expect(main.cleanup.runRequests).toEqual([{ planId: 'plan-1', confirmText: 'contoso-vision', backup: { kind: 'waived' } }]);
  });

  it('keeps Delete disabled without a backup or the waiver, even with the name typed', async () => {
    atConfirm(false);
    await userEvent.type(screen.getByRole('textbox', { name: 'Account name' }), 'contoso-vision');
    expect(deleteButton().disabled).toBe(true);
  });

  it('shows main’s refusal in the step', async () => {
    const { main } = atConfirm();
    main.failWith('cleanup.run', { code: 'PLAN_TAMPERED', message: 'The plan file was changed after it was made.' });
    await userEvent.type(screen.getByRole('textbox', { name: 'Account name' }), 'contoso-vision{Enter}');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('PLAN_TAMPERED');
    expect(main.cleanup.runRequests).toEqual([]);
  });
});

describe('CleanupRunStep', () => {
  /** The run of plan-1 in the given state, confirmed with the waiver, as main lists it. */
  async function atRun(overrides: Partial<JobSnapshot>) {
    const context = setup();
    context.main.jobs = [jobSnapshot({ id: 'cleanup-9', kind: 'cleanup', title: 'Cleanup of contoso-vision', ...overrides })];
    await context.store.getState().loadJobs();
    update(context.store, {
      cleanupStep: 'run',
      cleanupDraft: { ...EMPTY_DRAFT, kind: 'all' },
      cleanupPlanId: 'plan-1',
      cleanupPlan: planSummary(),
      cleanupRunJobId: 'cleanup-9',
      cleanupWaived: true,
      cleanupConfirmInput: 'contoso-vision',
    });
    render(<CleanupRunStep />);
    return context;
  }

  it('shows the run with its controls and when a pause takes effect', async () => {
    await atRun({ state: 'running' });
    expect(screen.getByRole('status').textContent).toBe('Status: Running');
    expect(screen.getByText(/Pausing or cancelling takes effect after the call in flight/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Pause' }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByRole('button', { name: 'Resume the cleanup' })).toBeNull();
  });

  it('offers to resume a stopped run, which sends the same plan again', async () => {
    const { main } = await atRun({ state: 'cancelled' });
    expect(screen.getByText(/The cleanup stopped before the end\./)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Resume the cleanup' }));
    expect(main.cleanup.runRequests).toEqual([{ planId: 'plan-1', confirmText: 'contoso-vision', backup: { kind: 'waived' } }]);
  });

  it('offers a new plan, not a resume, when main refused the plan itself', async () => {
    const { main } = await atRun({ state: 'failed', error: { code: 'PLAN_TAMPERED', message: 'The plan file was changed after it was made.' } });
    expect(screen.getByText(/Nothing was deleted: the plan was refused before the first call/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Resume the cleanup' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Make a new plan' }));
    expect(main.cleanup.planRequests).toEqual([{ kind: 'all' }]);
  });

  it('offers neither for an incomplete run: its proof comes next', async () => {
    await atRun({ state: 'failed', error: { code: 'CLEANUP_INCOMPLETE', message: 'Some items are still there.' } });
    expect(screen.queryByRole('button', { name: 'Resume the cleanup' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Make a new plan' })).toBeNull();
  });
});

describe('CleanupProofStep', () => {
  function atProof(overrides: Parameters<typeof receipt>[0] = {}) {
    const context = setup();
    update(context.store, {
      cleanupStep: 'proof',
      cleanupPlanId: 'plan-1',
      cleanupPlan: planSummary(),
      cleanupReceipt: receipt(overrides),
      cleanupWaived: true,
      cleanupConfirmInput: 'contoso-vision',
    });
    render(<CleanupProofStep />);
    return context;
  }

  it('says how many calls were made and opens the receipt', async () => {
    const { main } = atProof();
    expect(screen.getByRole('heading', { name: 'Proof and receipt' })).toBeTruthy();
    expect(screen.getByText(/^1 call was made to the Training API\./)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Run the plan again' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Open the receipt' }));
    expect(main.cleanup.opened).toEqual(['receipt plan-1']);
  });

  it('offers to run an incomplete plan again', async () => {
    const { main } = atProof({ complete: false });
    await userEvent.click(screen.getByRole('button', { name: 'Run the plan again' }));
    expect(main.cleanup.runRequests).toEqual([{ planId: 'plan-1', confirmText: 'contoso-vision', backup: { kind: 'waived' } }]);
  });

  it('lets its buttons wait while a request is out, and starts over on request', async () => {
    const { store } = atProof({ complete: false });
    update(store, { cleanupPending: true });
    expect((screen.getByRole('button', { name: 'Open the receipt' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Run the plan again' }) as HTMLButtonElement).disabled).toBe(true);

    update(store, { cleanupPending: false });
    await userEvent.click(screen.getByRole('button', { name: 'Start another cleanup' }));
    expect(store.getState().cleanupStep).toBe('scope');
    expect(store.getState().cleanupReceipt).toBeNull();
  });

  it('speaks Traditional Chinese when the page does', async () => {
    atProof();
    await i18n.changeLanguage('zh-TW');
    expect(await screen.findByRole('button', { name: '開始另一次清理' })).toBeTruthy();
  });
});
