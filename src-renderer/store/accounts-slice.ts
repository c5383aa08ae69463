/**
 * Accounts: the list main keeps, which one is active, and the requests that change them.
 *
 * The training key passes through `connectAccount` on its way to main and is never kept
 * here (not in state, not in an error, not in a log): the connect form holds it in
 * component state and clears it once main has it (the renderer never keeps a key:
 * docs/architecture.md, "Account keys").
 */
import type { StateCreator } from 'zustand';
import type { AccountList, AccountSummary } from '../../shared/model/account';
import { i18n } from '../i18n';
import { toAppError, type AppErrorInput } from '../lib/app-error';
import type { LoadStatus, StewardClient, StewardState } from './types';

export type AccountAction = 'rename' | 'switch' | 'forget';

export interface ConnectAccountRequest {
  endpoint: string;
  key: string;
  displayName?: string;
}

export interface AccountsSlice {
  accounts: AccountSummary[];
  activeAccountId: string | null;
  /** The built-in demo account's id while it runs (it is also in `accounts`), else null. */
  demoAccountId: string | null;
  accountsStatus: LoadStatus;
  connecting: boolean;
  /** Why the last connect failed; shown in the connect form, not in the global error surface. */
  connectError: AppErrorInput | null;
  /** The account the last successful connect produced, for the "Connected to …" notice. */
  lastConnectedAccountId: string | null;
  startingDemo: boolean;
  /** The request in flight per account, so its buttons can wait for the answer. */
  pendingAccountActions: Record<string, AccountAction>;
  loadAccounts(): Promise<void>;
  /** Sends endpoint and key to main, which checks them against the service. True on success. */
  connectAccount(request: ConnectAccountRequest): Promise<boolean>;
  startDemo(): Promise<boolean>;
  renameAccount(accountId: string, displayName: string): Promise<boolean>;
  switchAccount(accountId: string): Promise<boolean>;
  forgetAccount(accountId: string): Promise<boolean>;
  /** Replaces everything with main's list (the `accounts:changed` event). */
  applyAccountList(list: AccountList): void;
}

/** Checked here so an empty field gets a plain answer without a round trip to main. */
function missingField({ endpoint, key }: ConnectAccountRequest): AppErrorInput | null {
  if (endpoint.trim() === '') {
    return { code: 'MISSING_ENDPOINT', message: i18n.t('accounts.connect.missingEndpoint') };
  }
  if (key.trim() === '') return { code: 'MISSING_KEY', message: i18n.t('accounts.connect.missingKey') };
  return null;
}

function upsert(accounts: AccountSummary[], account: AccountSummary): AccountSummary[] {
  const index = accounts.findIndex((a) => a.accountId === account.accountId);
  if (index === -1) return [...accounts, account];
  return accounts.map((a, i) => (i === index ? account : a));
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

export const createAccountsSlice =
  (client: StewardClient): StateCreator<StewardState, [], [], AccountsSlice> =>
  (set, get) => {
    // Counts full lists applied from events. A list answer that was requested before an
    // event arrived may predate it, so it is dropped in favour of the event's list.
    let eventRevision = 0;

    const setList = (list: AccountList) =>
      set({
        accounts: list.accounts,
        activeAccountId: list.activeAccountId,
        demoAccountId: list.demoAccountId,
        accountsStatus: 'ready',
      });

    /** Runs one per-account request; errors go to the global surface. */
    const runAction = async <T>(
      accountId: string,
      action: AccountAction,
      call: () => Promise<T>,
      apply: (answer: T) => void,
    ): Promise<boolean> => {
      if (get().pendingAccountActions[accountId]) return false;
      set((state) => ({ pendingAccountActions: { ...state.pendingAccountActions, [accountId]: action } }));
      try {
        apply(await call());
        return true;
      } catch (error) {
        get().pushError(toAppError(error));
        return false;
      } finally {
        set((state) => ({ pendingAccountActions: without(state.pendingAccountActions, accountId) }));
      }
    };

    const applySummary = (account: AccountSummary, extra: Partial<AccountsSlice> = {}) =>
      set((state) => ({ accounts: upsert(state.accounts, account), ...extra }));

    return {
      accounts: [],
      activeAccountId: null,
      demoAccountId: null,
      accountsStatus: 'idle',
      connecting: false,
      connectError: null,
      lastConnectedAccountId: null,
      startingDemo: false,
      pendingAccountActions: {},

      loadAccounts: async () => {
        if (get().accountsStatus === 'loading') return;
        const revision = eventRevision;
        set({ accountsStatus: 'loading' });
        try {
          const list = await client.accounts.list();
          if (revision === eventRevision) setList(list);
          else set({ accountsStatus: 'ready' });
        } catch (error) {
          set({ accountsStatus: 'error' });
          get().pushError(toAppError(error));
        }
      },

      connectAccount: async (request) => {
        if (get().connecting) return false;
        const missing = missingField(request);
        if (missing) {
          set({ connectError: missing, lastConnectedAccountId: null });
          return false;
        }
        set({ connecting: true, connectError: null, lastConnectedAccountId: null });
        try {
          const displayName = request.displayName?.trim();
          const account = await client.accounts.connect({
            endpoint: request.endpoint.trim(),
            key: request.key,
            // The contract refuses an empty name; leaving it out lets main choose one.
            ...(displayName ? { displayName } : {}),
          });
          applySummary(account, { activeAccountId: account.accountId, lastConnectedAccountId: account.accountId });
          return true;
        } catch (error) {
          set({ connectError: toAppError(error) });
          return false;
        } finally {
          set({ connecting: false });
        }
      },

      startDemo: async () => {
        if (get().startingDemo) return false;
        set({ startingDemo: true });
        try {
          const account = await client.accounts.startDemo();
          applySummary(account, { activeAccountId: account.accountId, demoAccountId: account.accountId });
          return true;
        } catch (error) {
          get().pushError(toAppError(error));
          return false;
        } finally {
          set({ startingDemo: false });
        }
      },

      renameAccount: (accountId, displayName) =>
        runAction(
          accountId,
          'rename',
          () => client.accounts.rename({ accountId, displayName: displayName.trim() }),
          (account) => applySummary(account),
        ),

      switchAccount: (accountId) =>
        runAction(
          accountId,
          'switch',
          () => client.accounts.switch({ accountId }),
          (account) => applySummary(account, { activeAccountId: account.accountId }),
        ),

      forgetAccount: (accountId) =>
        runAction(
          accountId,
          'forget',
          () => client.accounts.forget({ accountId }),
          // `forgotten: false` means main had no such account: either way it is gone.
          () =>
            set((state) => ({
              accounts: state.accounts.filter((a) => a.accountId !== accountId),
              activeAccountId: state.activeAccountId === accountId ? null : state.activeAccountId,
              demoAccountId: state.demoAccountId === accountId ? null : state.demoAccountId,
              lastConnectedAccountId: state.lastConnectedAccountId === accountId ? null : state.lastConnectedAccountId,
            })),
        ),

      applyAccountList: (list) => {
        eventRevision += 1;
        setList(list);
      },
    };
  };
