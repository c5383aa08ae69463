import { describe, expect, it } from 'vitest';
import { createStewardStore } from '../../../src-renderer/store';
import { connectStewardEvents } from '../../../src-renderer/store/connect-events';
import { accountSummary, DEMO_ID, FakeMain } from '../../support/renderer/fakes';

/** Looks like a real training key; no fingerprint or message may ever contain it. */
const KEY = 'f3c9a7e1b2d84c6fa0e5d7b913c2a8e4';
const ENDPOINT = 'https://contoso-vision.cognitiveservices.azure.com/';

const CONTOSO = accountSummary({ accountId: 'acc-a', displayName: 'Contoso', endpointHost: 'contoso.cognitiveservices.azure.com' });
const FABRIKAM = accountSummary({ accountId: 'acc-b', displayName: 'Fabrikam', endpointHost: 'fabrikam.cognitiveservices.azure.com' });

function setup() {
  const main = new FakeMain();
  const store = createStewardStore(main.client);
  return { main, store };
}

/** Main already has Contoso (active) and Fabrikam; the store has loaded them. */
async function withTwoAccounts() {
  const { main, store } = setup();
  main.accounts.all = [CONTOSO, FABRIKAM];
  main.accounts.activeAccountId = CONTOSO.accountId;
  await store.getState().loadAccounts();
  return { main, store };
}

/** Lets pending promise continuations (answers from the fake main) run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

const names = (store: ReturnType<typeof setup>['store']) => store.getState().accounts.map((a) => a.displayName);
const globalErrors = (store: ReturnType<typeof setup>['store']) =>
  store.getState().errors.map(({ code, message }) => ({ code, message }));

describe('account list', () => {
  it('shows no accounts and nothing active before loading', () => {
    const { store } = setup();
    expect(store.getState().accountsStatus).toBe('idle');
    expect(store.getState().accounts).toEqual([]);
    expect(store.getState().activeAccountId).toBeNull();
    expect(store.getState().demoAccountId).toBeNull();
  });

  it('shows the accounts main has, and which one is active, after loading', async () => {
    const { main, store } = setup();
    main.accounts.all = [CONTOSO, FABRIKAM];
    main.accounts.activeAccountId = FABRIKAM.accountId;

    const loading = store.getState().loadAccounts();
    expect(store.getState().accountsStatus).toBe('loading');
    await loading;

    expect(store.getState().accountsStatus).toBe('ready');
    expect(store.getState().accounts).toEqual([CONTOSO, FABRIKAM]);
    expect(store.getState().activeAccountId).toBe(FABRIKAM.accountId);
  });

  it("puts main's code and message in the error list when the accounts cannot be loaded", async () => {
    const { main, store } = setup();
    main.failWith('accounts.list', { code: 'INTERNAL', message: 'The settings file could not be read.' });

    await store.getState().loadAccounts();

    expect(store.getState().accountsStatus).toBe('error');
    expect(globalErrors(store)).toEqual([{ code: 'INTERNAL', message: 'The settings file could not be read.' }]);
  });

  it('keeps the newer list from an event when an older list answer arrives after it', async () => {
    const { main, store } = setup();
    main.accounts.all = [CONTOSO];
    connectStewardEvents(store, main.client);
    await settle();

    // Main reads the list (Contoso only), then Fabrikam is connected elsewhere before the answer arrives.
    const loading = store.getState().loadAccounts();
    main.accounts.emitChanged({ accounts: [CONTOSO, FABRIKAM], activeAccountId: FABRIKAM.accountId, demoAccountId: null });
    await loading;

    expect(names(store)).toEqual(['Contoso', 'Fabrikam']);
    expect(store.getState().activeAccountId).toBe(FABRIKAM.accountId);
    expect(store.getState().accountsStatus).toBe('ready');
  });
});

describe('connect an account', () => {
  it('adds the account and makes it active', async () => {
    const { main, store } = await withTwoAccounts();

    const connecting = store.getState().connectAccount({ endpoint: ENDPOINT, key: KEY, displayName: 'Vision lab' });
    expect(store.getState().connecting).toBe(true);
    expect(await connecting).toBe(true);

    expect(store.getState().connecting).toBe(false);
    expect(names(store)).toEqual(['Contoso', 'Fabrikam', 'Vision lab']);
    const added = store.getState().accounts.at(-1);
    expect(added?.endpointHost).toBe('contoso-vision.cognitiveservices.azure.com');
    expect(store.getState().activeAccountId).toBe(added?.accountId);
    expect(store.getState().lastConnectedAccountId).toBe(added?.accountId);
    expect(store.getState().connectError).toBeNull();
    expect(main.accounts.receivedKeys).toEqual([KEY]);
  });

  it('leaves the name to main when none is given (a blank name is not sent)', async () => {
    const { main, store } = setup();

    expect(await store.getState().connectAccount({ endpoint: `  ${ENDPOINT}  `, key: KEY, displayName: '   ' })).toBe(true);

    expect(names(store)).toEqual(['contoso-vision']);
    expect(main.requests).toEqual([`accounts.connect ${ENDPOINT}`]);
  });

  it('never keeps the key anywhere in the store, whether connecting works or fails', async () => {
    const { main, store } = setup();
    connectStewardEvents(store, main.client);
    await settle();

    const pending = store.getState().connectAccount({ endpoint: ENDPOINT, key: KEY });
    expect(JSON.stringify(store.getState())).not.toContain(KEY);
    await pending;
    expect(main.accounts.receivedKeys).toEqual([KEY]); // it did reach main
    expect(JSON.stringify(store.getState())).not.toContain(KEY);

    main.failWith('accounts.connect', { code: 'WRONG_KEY', message: 'The service refused this training key.' });
    await store.getState().connectAccount({ endpoint: ENDPOINT, key: `${KEY}x` });
    expect(store.getState().connectError?.code).toBe('WRONG_KEY');
    expect(JSON.stringify(store.getState())).not.toContain(KEY);
  });

  it("keeps main's code and message for the form and leaves the list alone when connecting fails", async () => {
    const { main, store } = await withTwoAccounts();
    const message =
      'The service refused this training key. Copy Key 1 or Key 2 from the Azure portal → your Custom Vision training resource → Keys and Endpoint.';
    main.failWith('accounts.connect', { code: 'WRONG_KEY', message });

    expect(await store.getState().connectAccount({ endpoint: ENDPOINT, key: KEY })).toBe(false);

    expect(store.getState().connectError).toEqual({ code: 'WRONG_KEY', message });
    expect(names(store)).toEqual(['Contoso', 'Fabrikam']);
    expect(store.getState().activeAccountId).toBe(CONTOSO.accountId);
    expect(store.getState().lastConnectedAccountId).toBeNull();
    expect(store.getState().connecting).toBe(false);
    // Shown in the form, not duplicated in the global error list.
    expect(store.getState().errors).toEqual([]);
  });

  it('clears the error once a later attempt succeeds', async () => {
    const { main, store } = setup();
    main.failWith('accounts.connect', { code: 'DNS_FAILURE', message: 'Could not find contoso-visoin.cognitiveservices.azure.com.' });
    await store.getState().connectAccount({ endpoint: ENDPOINT, key: KEY });
    expect(store.getState().connectError?.code).toBe('DNS_FAILURE');

    main.recover('accounts.connect');
    const retry = store.getState().connectAccount({ endpoint: ENDPOINT, key: KEY });
    // The old message goes as soon as the new attempt starts, so it cannot be mistaken for its answer.
    expect(store.getState().connectError).toBeNull();
    expect(await retry).toBe(true);

    expect(store.getState().connectError).toBeNull();
    expect(names(store)).toEqual(['contoso-vision']);
  });

  it('asks for a missing endpoint or key without calling main', async () => {
    const { main, store } = setup();

    expect(await store.getState().connectAccount({ endpoint: ' ', key: KEY })).toBe(false);
    expect(store.getState().connectError?.code).toBe('MISSING_ENDPOINT');
    expect(await store.getState().connectAccount({ endpoint: ENDPOINT, key: '' })).toBe(false);
    expect(store.getState().connectError?.code).toBe('MISSING_KEY');

    expect(main.requests).toEqual([]);
  });

  it('ignores a second Connect while the first is being checked', async () => {
    const { main, store } = setup();

    const first = store.getState().connectAccount({ endpoint: ENDPOINT, key: KEY });
    expect(await store.getState().connectAccount({ endpoint: ENDPOINT, key: KEY })).toBe(false);
    await first;

    expect(main.requests).toEqual([`accounts.connect ${ENDPOINT}`]);
  });
});

describe('demo account', () => {
  it('starts the demo, lists it as the demo and makes it active', async () => {
    const { store } = await withTwoAccounts();

    const starting = store.getState().startDemo();
    expect(store.getState().startingDemo).toBe(true);
    expect(await starting).toBe(true);

    expect(store.getState().startingDemo).toBe(false);
    expect(store.getState().demoAccountId).toBe(DEMO_ID);
    expect(store.getState().activeAccountId).toBe(DEMO_ID);
    expect(names(store)).toContain('Demo account');
  });

  it("puts main's error in the error list when the demo cannot start", async () => {
    const { main, store } = setup();
    main.failWith('accounts.startDemo', { code: 'INTERNAL', message: 'The demo emulator could not start.' });

    expect(await store.getState().startDemo()).toBe(false);

    expect(globalErrors(store)).toEqual([{ code: 'INTERNAL', message: 'The demo emulator could not start.' }]);
    expect(store.getState().demoAccountId).toBeNull();
    expect(store.getState().startingDemo).toBe(false);
  });
});

describe('rename, switch and forget (answers only, no events)', () => {
  it('rename shows the new name from main', async () => {
    const { main, store } = await withTwoAccounts();

    expect(await store.getState().renameAccount(FABRIKAM.accountId, '  Fabrikam (old) ')).toBe(true);

    expect(names(store)).toEqual(['Contoso', 'Fabrikam (old)']);
    expect(main.requests).toContain(`accounts.rename ${FABRIKAM.accountId}`);
  });

  it('switch makes the chosen account active', async () => {
    const { store } = await withTwoAccounts();

    expect(await store.getState().switchAccount(FABRIKAM.accountId)).toBe(true);

    expect(store.getState().activeAccountId).toBe(FABRIKAM.accountId);
  });

  it('forget removes the account, and nothing is active if it was the active one', async () => {
    const { store } = await withTwoAccounts();

    expect(await store.getState().forgetAccount(CONTOSO.accountId)).toBe(true);

    expect(names(store)).toEqual(['Fabrikam']);
    expect(store.getState().activeAccountId).toBeNull();
  });

  it('forgetting the demo account removes it as the demo too', async () => {
    const { store } = setup();
    await store.getState().startDemo();

    await store.getState().forgetAccount(DEMO_ID);

    expect(store.getState().accounts).toEqual([]);
    expect(store.getState().demoAccountId).toBeNull();
    expect(store.getState().activeAccountId).toBeNull();
  });

  it("puts main's code and message in the error list when forgetting fails, and keeps the account", async () => {
    const { main, store } = await withTwoAccounts();
    main.failWith('accounts.forget', { code: 'KEYCHAIN_LOCKED', message: 'Unlock your keychain and try again.' });

    expect(await store.getState().forgetAccount(CONTOSO.accountId)).toBe(false);

    expect(globalErrors(store)).toEqual([{ code: 'KEYCHAIN_LOCKED', message: 'Unlock your keychain and try again.' }]);
    expect(names(store)).toEqual(['Contoso', 'Fabrikam']);
    expect(store.getState().activeAccountId).toBe(CONTOSO.accountId);
    expect(store.getState().pendingAccountActions).toEqual({});
  });

  it('reports NOT_FOUND from main when renaming an account that is gone', async () => {
    const { store } = await withTwoAccounts();

    expect(await store.getState().renameAccount('acc-gone', 'Anything')).toBe(false);

    expect(globalErrors(store)).toEqual([{ code: 'NOT_FOUND', message: 'That account is no longer saved on this computer.' }]);
  });

  it('marks the account busy while main answers and ignores a second request for it', async () => {
    const { main, store } = await withTwoAccounts();

    const switching = store.getState().switchAccount(FABRIKAM.accountId);
    expect(store.getState().pendingAccountActions).toEqual({ [FABRIKAM.accountId]: 'switch' });
    expect(await store.getState().forgetAccount(FABRIKAM.accountId)).toBe(false);
    await switching;

    expect(main.requests.filter((r) => r !== 'accounts.list')).toEqual([`accounts.switch ${FABRIKAM.accountId}`]);
    expect(names(store)).toEqual(['Contoso', 'Fabrikam']);
    expect(store.getState().pendingAccountActions).toEqual({});
  });
});

describe('accounts:changed events (connectStewardEvents)', () => {
  it('lists the accounts main already has as soon as it connects', async () => {
    const { main, store } = setup();
    main.accounts.all = [CONTOSO];
    main.accounts.activeAccountId = CONTOSO.accountId;

    connectStewardEvents(store, main.client);
    await settle();

    expect(names(store)).toEqual(['Contoso']);
    expect(store.getState().accountsStatus).toBe('ready');
  });

  it('follows renames, switches and forgets made elsewhere (another window, the CLI)', async () => {
    const { main, store } = setup();
    main.accounts.all = [CONTOSO, FABRIKAM];
    main.accounts.activeAccountId = CONTOSO.accountId;
    connectStewardEvents(store, main.client);
    await settle();

    main.accounts.emitChanged({ accounts: [CONTOSO, { ...FABRIKAM, displayName: 'Fabrikam EU' }], activeAccountId: CONTOSO.accountId, demoAccountId: null });
    expect(names(store)).toEqual(['Contoso', 'Fabrikam EU']);

    main.accounts.emitChanged({ accounts: [CONTOSO, FABRIKAM], activeAccountId: FABRIKAM.accountId, demoAccountId: null });
    expect(store.getState().activeAccountId).toBe(FABRIKAM.accountId);

    main.accounts.emitChanged({ accounts: [FABRIKAM], activeAccountId: FABRIKAM.accountId, demoAccountId: null });
    expect(names(store)).toEqual(['Fabrikam']);
  });

  it('ends up with the same list as main after actions that answer and announce', async () => {
    const { main, store } = setup();
    main.accounts.all = [CONTOSO, FABRIKAM];
    connectStewardEvents(store, main.client);
    await settle();

    await store.getState().startDemo();
    await store.getState().renameAccount(CONTOSO.accountId, 'Contoso prod');
    await store.getState().switchAccount(FABRIKAM.accountId);
    await store.getState().forgetAccount(DEMO_ID);

    const { accounts, activeAccountId, demoAccountId } = store.getState();
    expect({ accounts, activeAccountId, demoAccountId }).toEqual(main.accounts.list());
    expect(names(store)).toEqual(['Contoso prod', 'Fabrikam']);
    expect(activeAccountId).toBe(FABRIKAM.accountId);
    expect(demoAccountId).toBeNull();
  });

  it('shows a demo account started elsewhere as the demo', async () => {
    const { main, store } = setup();
    connectStewardEvents(store, main.client);
    await settle();

    const demo = accountSummary({ accountId: DEMO_ID, displayName: 'Demo account' });
    main.accounts.emitChanged({ accounts: [demo], activeAccountId: DEMO_ID, demoAccountId: DEMO_ID });

    expect(store.getState().demoAccountId).toBe(DEMO_ID);
    expect(store.getState().activeAccountId).toBe(DEMO_ID);
  });

  it('stops following account changes once unsubscribed', async () => {
    const { main, store } = setup();
    const disconnect = connectStewardEvents(store, main.client);
    await settle();

    disconnect();
    main.accounts.emitChanged({ accounts: [CONTOSO], activeAccountId: null, demoAccountId: null });

    expect(store.getState().accounts).toEqual([]);
    expect(main.accounts.changedListeners.size).toBe(0);
  });
});
