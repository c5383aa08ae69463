/**
 * `inventory:scan` and `inventory:get` for the composition root: scans the active account
 * as a job, keeps the latest snapshot per account (inventory-store.ts) and forwards
 * snapshots as `inventory:updated`, throttled (a scan produces one after every step).
 * Its channels are answered by inventory-handlers.ts.
 */
import type { AccountList, AccountSummary } from '../../shared/model/account';
import type { InventorySnapshot } from '../../shared/model/inventory';
import { createTrainingClient, type TrainingClient } from '../customvision';
import { AppError } from '../errors/app-error';
import { createThrottle, isTerminal, type JobRunner } from '../jobs';
import { createInventoryStore, type InventoryStore } from './inventory-store';
import { resolveScanScope, scanInventory, scanJobCategories, type ScanRequest } from './scan-inventory';
import { mainText } from '../../shared/model/main-text';

/** What the service needs from AccountsService (which it is, structurally). */
export interface InventoryAccounts {
  list(): AccountList;
  credentials(accountId?: string): Promise<{ accountId: string; displayName: string; endpoint: string; key: string }>;
}

export interface InventoryServiceOptions {
  jobs: JobRunner;
  accounts: InventoryAccounts;
  /** Sends `inventory:updated` (already throttled here). */
  emit: (snapshot: InventorySnapshot) => void;
  /** Default: createTrainingClient with the process-wide rate limiter of the endpoint. */
  createClient?: (credentials: { endpoint: string; key: string }) => TrainingClient;
  /** The user's rate limit (Settings, calls/s), read as each scan starts; default the client's own. */
  rateLimit?: () => number;
  store?: InventoryStore;
  /** Minimum time between two `inventory:updated` events of one scan. Default 250 ms. */
  updateIntervalMs?: number;
}

export interface InventoryService {
  /** Starts a scan of the active account (all of it, or a Retry's projects/categories). */
  scan(request?: ScanRequest): Promise<{ jobId: string }>;
  /** The latest snapshot of the active account, or null before its first scan. */
  get(): InventorySnapshot | null;
  readonly store: InventoryStore;
}

export const DEFAULT_UPDATE_INTERVAL_MS = 250;

export function createInventoryService(options: InventoryServiceOptions): InventoryService {
  const { jobs, accounts } = options;
  const store = options.store ?? createInventoryStore();
  const createClient =
    options.createClient ??
    ((c) => createTrainingClient({ endpoint: c.endpoint, key: c.key, ...(options.rateLimit ? { rateLimit: options.rateLimit() } : {}) }));
  /** The scan that may write each account's snapshot; a cancelled one winding down may not. */
  const current = new Map<string, string>();
  /** Accounts whose scan is being set up (between the request and the job's start). */
  const starting = new Set<string>();

  const activeAccount = () => {
    const list = accounts.list();
    const account = list.accounts.find((a) => a.accountId === list.activeAccountId);
    if (!account) throw new AppError('NO_ACCOUNT', 'Connect an account first (Accounts page), then scan it.');
    return account;
  };

  async function startScan(account: AccountSummary, request: ScanRequest): Promise<{ jobId: string }> {
    const credentials = await accounts.credentials(account.accountId);
    const client = createClient(credentials);
    const throttle = createThrottle<InventorySnapshot>({ intervalMs: options.updateIntervalMs ?? DEFAULT_UPDATE_INTERVAL_MS, emit: options.emit });
    const retry = resolveScanScope(request).merge;
    const job = jobs.start({
      kind: 'inventory',
      title: retry ? `Inventory of ${account.displayName}: scan again` : `Inventory of ${account.displayName}`,
      titleText: mainText(retry ? 'inventoryRescanTitle' : 'inventoryTitle', { account: account.displayName }),
      categories: scanJobCategories(request),
      run: async (ctx) => {
        try {
          return await scanInventory(ctx, {
            client,
            account: {
              accountId: account.accountId,
              displayName: account.displayName,
              endpointHost: account.endpointHost,
              keyFingerprint: account.keyFingerprint,
            },
            previous: store.get(account.accountId),
            ...request,
            onSnapshot: (snapshot) => {
              if (current.get(account.accountId) !== ctx.jobId) return;
              store.set(snapshot);
              throttle.push(snapshot);
            },
          });
        } finally {
          throttle.flush();
          throttle.dispose();
        }
      },
    });
    current.set(account.accountId, job.id);
    return { jobId: job.id };
  }

  return {
    store,
    get: () => {
      const { activeAccountId } = accounts.list();
      return activeAccountId === null ? null : store.get(activeAccountId);
    },
    async scan(request = {}) {
      const account = activeAccount();
      const runningId = current.get(account.accountId);
      const running = runningId === undefined ? undefined : jobs.get(runningId);
      if (starting.has(account.accountId) || (running && !isTerminal(running.state))) {
        throw new AppError('INVALID_STATE', 'This account is already being scanned. Wait for the scan to finish, or cancel it first.');
      }
      // Held while the key is read from the keychain, so two quick requests cannot both start.
      starting.add(account.accountId);
      try {
        return await startScan(account, request);
      } finally {
        starting.delete(account.accountId);
      }
    },
  };
}
