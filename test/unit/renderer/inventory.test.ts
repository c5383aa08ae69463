import { describe, expect, it } from 'vitest';
import {
  createStewardStore,
  inventoryRequestKey,
  selectActiveInventory,
  selectInventoryBusy,
  selectInventoryJob,
} from '../../../src-renderer/store';
import { connectStewardEvents } from '../../../src-renderer/store/connect-events';
import { accountSummary, FakeMain, jobSnapshot } from '../../support/renderer/fakes';
import { scanSnapshot } from '../../support/renderer/fake-inventory';

const CONTOSO = accountSummary({ accountId: 'acc-1', displayName: 'Contoso' });
const FABRIKAM = accountSummary({ accountId: 'acc-2', displayName: 'Fabrikam', endpointHost: 'fabrikam.cognitiveservices.azure.com' });

/** Main has Contoso (active) and Fabrikam; the store is subscribed to main's events. */
async function setup() {
  const main = new FakeMain();
  main.accounts.all = [CONTOSO, FABRIKAM];
  main.accounts.activeAccountId = CONTOSO.accountId;
  const store = createStewardStore(main.client);
  connectStewardEvents(store, main.client);
  await settle();
  return { main, store };
}

function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

type Store = Awaited<ReturnType<typeof setup>>['store'];
const shown = (store: Store) => selectActiveInventory(store.getState());
const row = (store: Store, category: 'tags' | 'images' | 'projects') => shown(store)?.categories.find((r) => r.category === category);

describe('inventory of the active account', () => {
  it('shows nothing before the first scan', async () => {
    const { store } = await setup();
    expect(store.getState().inventoryStatus).toBe('ready');
    expect(shown(store)).toBeNull();
    expect(selectInventoryBusy(store.getState())).toBe(false);
  });

  it('shows the scan main already has when the page opens', async () => {
    const main = new FakeMain();
    main.accounts.all = [CONTOSO];
    main.accounts.activeAccountId = CONTOSO.accountId;
    main.bundles.inventory = scanSnapshot({ state: 'done', rows: { images: { count: 300, state: 'done', done: 3, total: 3 } } });
    const store = createStewardStore(main.client);
    connectStewardEvents(store, main.client);
    await settle();

    expect(main.requests).toContain('inventory.get');
    expect(shown(store)?.state).toBe('done');
    expect(row(store, 'images')).toMatchObject({ count: 300, state: 'done' });
  });

  it('fills the rows live as main reports the scan', async () => {
    const { main, store } = await setup();

    main.inventory.emitUpdated(scanSnapshot({ rows: { tags: { state: 'scanning', done: 1, total: 3, count: 4 } } }));
    expect(row(store, 'tags')).toMatchObject({ done: 1, total: 3, count: 4 });

    main.inventory.emitUpdated(scanSnapshot({ rows: { tags: { state: 'scanning', done: 2, total: 3, count: 9 } } }));
    expect(row(store, 'tags')).toMatchObject({ done: 2, total: 3, count: 9 });
    expect(shown(store)?.state).toBe('scanning');
  });

  it("keeps another account's scan apart and shows it once that account is used", async () => {
    const { main, store } = await setup();
    main.inventory.emitUpdated(scanSnapshot({ accountId: FABRIKAM.accountId, state: 'done', rows: { projects: { count: 7, state: 'done' } } }));
    expect(shown(store)).toBeNull();

    await store.getState().switchAccount(FABRIKAM.accountId);
    expect(row(store, 'projects')?.count).toBe(7);
  });

  it("drops main's answer when an update arrived while it was on its way", async () => {
    const { main, store } = await setup();
    main.bundles.inventory = scanSnapshot({ rows: { tags: { done: 1, total: 3 } } });
    const loading = store.getState().loadInventory();
    main.inventory.emitUpdated(scanSnapshot({ rows: { tags: { done: 2, total: 3 } } }));
    await loading;
    expect(row(store, 'tags')?.done).toBe(2);
  });

  it('forgets a kept scan that main no longer has', async () => {
    const { main, store } = await setup();
    main.inventory.emitUpdated(scanSnapshot({ state: 'done' }));
    main.bundles.inventory = null;
    await store.getState().loadInventory();
    expect(shown(store)).toBeNull();
  });
});

describe('Scan account', () => {
  it('asks main for a whole scan, follows its job, and is busy until the job ends', async () => {
    const { main, store } = await setup();

    const starting = store.getState().scanInventory();
    expect(store.getState().inventoryStarting).toBe(true);
    expect(selectInventoryBusy(store.getState())).toBe(true);
    expect(await starting).toBe(true);

    expect(main.inventory.scanRequests).toEqual([{}]);
    expect(store.getState().inventoryJobId).toBe('inventory-1');
    expect(selectInventoryJob(store.getState())?.state).toBe('queued');
    expect(selectInventoryBusy(store.getState())).toBe(true);

    const finished = jobSnapshot({ id: 'inventory-1', kind: 'inventory', state: 'succeeded', summary: 'Scanned 3 projects' });
    main.emitFinished(finished);
    expect(selectInventoryBusy(store.getState())).toBe(false);
  });

  it('starts only one scan when the button is pressed twice quickly', async () => {
    const { main, store } = await setup();
    await Promise.all([store.getState().scanInventory(), store.getState().scanInventory()]);
    expect(main.inventory.scanRequests).toHaveLength(1);
  });

  it("shows main's code and message when the scan cannot start", async () => {
    const { main, store } = await setup();
    main.failWith('inventory.scan', { code: 'NO_ACCOUNT', message: 'Connect an account first (Accounts page), then scan it.' });

    expect(await store.getState().scanInventory()).toBe(false);

    expect(store.getState().errors.map(({ code, message }) => ({ code, message }))).toEqual([
      { code: 'NO_ACCOUNT', message: 'Connect an account first (Accounts page), then scan it.' },
    ]);
    expect(store.getState().inventoryStarting).toBe(false);
    expect(store.getState().inventoryJobId).toBeNull();
  });
});

describe('Retry on a row', () => {
  it('asks main to scan just that category of that project', async () => {
    const { main, store } = await setup();
    const request = { categories: ['tags' as const], projectIds: ['p-2'] };

    const retrying = store.getState().scanInventory(request);
    expect(store.getState().pendingInventoryRetries[inventoryRequestKey(request)]).toBe(true);
    // The same Retry pressed again while main answers is not sent twice; another one is.
    expect(await store.getState().scanInventory(request)).toBe(false);
    expect(await retrying).toBe(true);

    expect(main.inventory.scanRequests).toEqual([{ categories: ['tags'], projectIds: ['p-2'] }]);
    expect(store.getState().pendingInventoryRetries).toEqual({});
    expect(store.getState().inventoryStarting).toBe(false);
    expect(store.getState().inventoryJobId).toBe('inventory-1');
  });

  it('the merged result replaces the row with its problem', async () => {
    const { main, store } = await setup();
    const problem = { category: 'tags' as const, projectId: 'p-2', code: 'NOT_FOUND', message: 'GetTags failed: it does not exist (any more).' };
    main.inventory.emitUpdated(scanSnapshot({ state: 'partial', rows: { tags: { state: 'failed', count: 4, problems: [problem] } } }));
    expect(row(store, 'tags')?.problems).toEqual([problem]);

    await store.getState().scanInventory({ categories: ['tags'], projectIds: ['p-2'] });
    main.inventory.emitUpdated(scanSnapshot({ state: 'done', rows: { tags: { state: 'done', count: 9, done: 1, total: 1 } } }));

    expect(row(store, 'tags')).toMatchObject({ state: 'done', count: 9, problems: [] });
    expect(shown(store)?.state).toBe('done');
  });
});
