/**
 * The renderer's one zustand store, built from slices: one store keeps every page's state
 * consistent, and slices keep each domain's state and actions in a file of its own.
 * `createStewardStore` takes the client so tests can pass a fake; the app uses the
 * singleton `useStewardStore`, which talks to main through `lib/api`.
 */
import { create } from 'zustand';
import { api } from '../lib/api';
import { createAccountsSlice } from './accounts-slice';
import { createAppInfoSlice } from './app-info-slice';
import { createDiagnosticsSlice } from './diagnostics-slice';
import { createErrorsSlice } from './errors-slice';
import { createInventorySlice } from './inventory-slice';
import { createExportSlice } from './export-slice';
import { createCleanupSlice } from './cleanup-slice';
import { createJobsSlice } from './jobs-slice';
import { createNavigationSlice } from './navigation-slice';
import { createPreferencesSlice } from './preferences-slice';
import { createInterruptedSlice } from './interrupted-slice';
import type { StewardClient, StewardState } from './types';

export function createStewardStore(client: StewardClient = api) {
  return create<StewardState>()((...a) => ({
    ...createNavigationSlice(client)(...a),
    ...createErrorsSlice(...a),
    ...createAppInfoSlice(client)(...a),
    ...createJobsSlice(client)(...a),
    ...createDiagnosticsSlice(client)(...a),
    ...createAccountsSlice(client)(...a),
    ...createInventorySlice(client)(...a),
    ...createExportSlice(client)(...a),
    ...createCleanupSlice(client)(...a),
    ...createPreferencesSlice(client)(...a),
    ...createInterruptedSlice(client)(...a),
  }));
}

export type StewardStore = ReturnType<typeof createStewardStore>;

export const useStewardStore: StewardStore = createStewardStore();

/** Puts the app store back to its first state (tests call this between cases). */
export function resetStewardStore(): void {
  useStewardStore.setState(useStewardStore.getInitialState(), true);
}

export type { StewardClient, StewardState, LoadStatus } from './types';
export type { Page } from './navigation-slice';
export { PAGES, pageLabel, isPage } from './navigation-slice';
export type { AppError } from './errors-slice';
export type { JobAction } from './jobs-slice';
export type { AccountAction, ConnectAccountRequest } from './accounts-slice';
export { selectSystemCheckJob, latestJobOfKind } from './selectors';
export type { InventoryScanRequest } from './inventory-slice';
export { inventoryRequestKey, selectActiveInventory, selectInventoryBusy, selectInventoryJob } from './inventory-slice';
export type { ExportRequest, TransferEstimate, TransferSample } from './export-slice';
export { exportRequestOf, selectExportJob, selectVerifyJob } from './export-slice';
export type { CleanupStep } from './cleanup-slice';
export {
  CLEANUP_STEPS,
  selectCleanupBackup,
  selectCleanupBackupBusy,
  selectCleanupBackupJob,
  selectCleanupCheckJob,
  selectCleanupPlanJob,
  selectCleanupPlanRefused,
  planRefused,
  selectCleanupRunJob,
  selectCleanupRunning,
} from './cleanup-slice';
export type { CleanupDraft, PartKind, ScopeKind } from './cleanup-scope';
export { PART_KINDS, partLabel, draftProblem, scopeFromDraft } from './cleanup-scope';
