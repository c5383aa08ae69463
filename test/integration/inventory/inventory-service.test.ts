/**
 * `inventory:scan` / `inventory:get` as main serves them: scans the active account as a
 * job, keeps its latest snapshot, forwards updates for the page, and refuses what would
 * confuse the user (no account, two scans of one account at once).
 */
import { jobFinished } from '../../support/test-services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountList } from '../../../shared/model/account';
import type { InventorySnapshot } from '../../../shared/model/inventory';
import type { RunningEmulator } from '../../../src-main/emulator';
import { JobRunner } from '../../../src-main/jobs';
import { createInventoryService, type InventoryAccounts } from '../../../src-main/inventory';
import { startTestEmulator } from '../../support/emulator/emulator-support';
import { emulatorClient, row } from '../../support/inventory/inventory-support';

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo' });
});
afterAll(async () => {
  await emu.close();
});

/** Main's accounts as the service sees them: two connected, one of them active. */
class FakeAccounts implements InventoryAccounts {
  activeAccountId: string | null = 'acc-demo';

  list(): AccountList {
    return {
      accounts: [
        { accountId: 'acc-demo', displayName: 'Demo resource', endpointHost: new URL(emu.endpoint).host, keyFingerprint: 'f00dfeed' },
        { accountId: 'acc-other', displayName: 'Other resource', endpointHost: 'other.cognitiveservices.azure.com', keyFingerprint: '12345678' },
      ],
      activeAccountId: this.activeAccountId,
      demoAccountId: null,
    };
  }

  async credentials(accountId?: string) {
    return { accountId: accountId ?? 'acc-demo', displayName: 'Demo resource', endpoint: emu.endpoint, key: emu.key };
  }
}

function setup() {
  const jobs = new JobRunner({ progressIntervalMs: 0 });
  const accounts = new FakeAccounts();
  const events: InventorySnapshot[] = [];
  const inventory = createInventoryService({
    jobs,
    accounts,
    emit: (snapshot) => events.push(snapshot),
    createClient: () => emulatorClient(emu),
    updateIntervalMs: 0,
  });
  const finished = (jobId: string) => jobFinished(jobs, jobId);
  return { jobs, accounts, events, inventory, finished };
}

describe('the inventory service', () => {
  it('scans the active account as a job and keeps the result for the page', async () => {
    const { inventory, jobs, events, finished } = setup();
    expect(inventory.get()).toBeNull();

    const { jobId } = await inventory.scan();
    expect(jobs.get(jobId)?.kind).toBe('inventory');
    expect(jobs.get(jobId)?.categories.map((c) => c.category)).toEqual([
      'account',
      'projects',
      'iterations',
      'performance',
      'tags',
      'images',
      'models',
      'predictions',
    ]);
    const job = await finished(jobId);

    expect(job.state).toBe('succeeded');
    const snapshot = inventory.get();
    expect(snapshot).toMatchObject({ accountId: 'acc-demo', state: 'done' });
    expect(snapshot?.account).toMatchObject({ displayName: 'Demo resource', keyFingerprint: 'f00dfeed' });
    expect(events.at(-1)).toEqual(snapshot);
    expect(events.length).toBeGreaterThan(1);
    expect(JSON.stringify(events)).not.toContain(emu.key);
  });

  it('refuses a second scan of the same account while one runs', async () => {
    const { inventory, jobs, finished } = setup();
    // Two requests at once (main reads the key from the keychain in between): one scan.
    const [first, second] = await Promise.allSettled([inventory.scan(), inventory.scan()]);
    expect(second).toMatchObject({ status: 'rejected', reason: { code: 'INVALID_STATE' } });
    if (first.status !== 'fulfilled') throw new Error('the first scan did not start');
    const { jobId } = first.value;
    await expect(inventory.scan()).rejects.toMatchObject({ code: 'INVALID_STATE' });
    jobs.cancel(jobId);
    await finished(jobId);
    // Once it is over, scanning again is fine.
    const again = await inventory.scan();
    expect((await finished(again.jobId)).state).toBe('succeeded');
  });

  it("retries one category and merges it into the account's snapshot", async () => {
    const { inventory, jobs, finished } = setup();
    await finished((await inventory.scan()).jobId);
    const before = inventory.get();
    const projectId = before?.projects[0]?.id ?? '';

    const { jobId } = await inventory.scan({ projectIds: [projectId], categories: ['tags'] });
    expect(jobs.get(jobId)?.categories.map((c) => c.category)).toEqual(['account', 'tags']);
    expect(jobs.get(jobId)?.title).toBe('Inventory of Demo resource: scan again');
    await finished(jobId);

    const after = inventory.get();
    expect(after?.projects).toEqual(before?.projects);
    expect(after && row(after, 'tags')).toMatchObject({ state: 'done', total: 1, done: 1 });
    expect(after && row(after, 'images')).toEqual(before && row(before, 'images'));
  });

  it('shows only the active account: another account has not been scanned yet', async () => {
    const { inventory, accounts, finished } = setup();
    await finished((await inventory.scan()).jobId);
    accounts.activeAccountId = 'acc-other';
    expect(inventory.get()).toBeNull();
    accounts.activeAccountId = 'acc-demo';
    expect(inventory.get()?.accountId).toBe('acc-demo');
  });

  it('asks for an account first when none is active', async () => {
    const { inventory, accounts } = setup();
    accounts.activeAccountId = null;
    await expect(inventory.scan()).rejects.toMatchObject({ code: 'NO_ACCOUNT' });
    expect(inventory.get()).toBeNull();
  });
});
