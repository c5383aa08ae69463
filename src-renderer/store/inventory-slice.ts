/**
 * The inventory: main's latest snapshot per account (pushed with `inventory:updated` while
 * a scan runs, fetched with `inventory:get` when the page opens), and the requests that
 * start a scan or a row's Retry. The page shows the active account's snapshot only.
 */
import type { StateCreator } from 'zustand';
import type { InventoryCategory, InventorySnapshot } from '../../shared/model/inventory';
import type { JobSnapshot } from '../../shared/model/job';
import { toAppError } from '../lib/app-error';
import { isTerminal } from '../lib/job-state';
import { latestJobOfKind } from './selectors';
import type { LoadStatus, StewardClient, StewardState } from './types';

export interface InventoryScanRequest {
  projectIds?: string[];
  categories?: InventoryCategory[];
}

export interface InventorySlice {
  /** Keyed by account id: events may concern an account that is not (or no longer) active. */
  inventoryByAccount: Record<string, InventorySnapshot>;
  inventoryStatus: LoadStatus;
  /** The scan started from this window, if any. */
  inventoryJobId: string | null;
  /** "Scan account" was pressed and main has not answered yet. */
  inventoryStarting: boolean;
  /** Retry requests on their way to main, by inventoryRequestKey. */
  pendingInventoryRetries: Record<string, true>;
  /** Asks main for the active account's snapshot. */
  loadInventory(): Promise<void>;
  applyInventorySnapshot(snapshot: InventorySnapshot): void;
  /** The whole account (no request) or a row's Retry (projects/categories). True once started. */
  scanInventory(request?: InventoryScanRequest): Promise<boolean>;
}

/** Identifies a Retry so its button can wait for main's answer. */
export function inventoryRequestKey(request: InventoryScanRequest = {}): string {
  return `${(request.categories ?? []).join(',')}|${(request.projectIds ?? []).join(',')}`;
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

export const createInventorySlice =
  (client: StewardClient): StateCreator<StewardState, [], [], InventorySlice> =>
  (set, get) => {
    // Bumped by every event: a `get` answer requested before an event may predate it.
    let eventRevision = 0;

    return {
      inventoryByAccount: {},
      inventoryStatus: 'idle',
      inventoryJobId: null,
      inventoryStarting: false,
      pendingInventoryRetries: {},

      loadInventory: async () => {
        const revision = eventRevision;
        const accountId = get().activeAccountId;
        set({ inventoryStatus: 'loading' });
        try {
          const snapshot = await client.inventory.get();
          if (revision !== eventRevision) {
            set({ inventoryStatus: 'ready' });
            return;
          }
          set((state) => {
            if (snapshot) return { inventoryStatus: 'ready', inventoryByAccount: { ...state.inventoryByAccount, [snapshot.accountId]: snapshot } };
            // Main has nothing for its active account: what we kept for it is stale.
            const inventoryByAccount = accountId === null ? state.inventoryByAccount : without(state.inventoryByAccount, accountId);
            return { inventoryStatus: 'ready', inventoryByAccount };
          });
        } catch (error) {
          set({ inventoryStatus: 'error' });
          get().pushError(toAppError(error));
        }
      },

      applyInventorySnapshot: (snapshot) => {
        eventRevision += 1;
        set((state) => ({ inventoryByAccount: { ...state.inventoryByAccount, [snapshot.accountId]: snapshot } }));
      },

      scanInventory: async (request) => {
        const retry = request !== undefined && ((request.categories?.length ?? 0) > 0 || (request.projectIds?.length ?? 0) > 0);
        const key = inventoryRequestKey(request);
        if (retry ? get().pendingInventoryRetries[key] : get().inventoryStarting) return false;
        if (retry) set((state) => ({ pendingInventoryRetries: { ...state.pendingInventoryRetries, [key]: true } }));
        else set({ inventoryStarting: true });
        try {
          const { jobId } = await client.inventory.scan(retry ? request : {});
          set({ inventoryJobId: jobId });
          // Progress events follow; listing now shows the job (and its Cancel) at once.
          await get().loadJobs();
          return true;
        } catch (error) {
          get().pushError(toAppError(error));
          return false;
        } finally {
          if (retry) set((state) => ({ pendingInventoryRetries: without(state.pendingInventoryRetries, key) }));
          else set({ inventoryStarting: false });
        }
      },
    };
  };

/** The active account's snapshot, or null (none active, or never scanned). A stored object: stable. */
export function selectActiveInventory(state: StewardState): InventorySnapshot | null {
  const accountId = state.activeAccountId;
  return accountId === null ? null : (state.inventoryByAccount[accountId] ?? null);
}

/** The scan to follow: the one started here, else the newest one main knows. */
export function selectInventoryJob(state: StewardState): JobSnapshot | undefined {
  if (state.inventoryJobId !== null) return state.jobsById[state.inventoryJobId] ?? latestJobOfKind(state, 'inventory');
  return latestJobOfKind(state, 'inventory');
}

/** True while a scan of the active account runs (or is being started): scan buttons wait. */
export function selectInventoryBusy(state: StewardState): boolean {
  if (state.inventoryStarting) return true;
  const job = selectInventoryJob(state);
  if (job && !isTerminal(job.state)) return true;
  return selectActiveInventory(state)?.state === 'scanning' && job === undefined;
}
