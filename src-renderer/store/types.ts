/** The combined state of the one renderer store, and the pieces its slices share. */
import type { api } from '../lib/api';
import type { AccountsSlice } from './accounts-slice';
import type { AppInfoSlice } from './app-info-slice';
import type { DiagnosticsSlice } from './diagnostics-slice';
import type { ErrorsSlice } from './errors-slice';
import type { InventorySlice } from './inventory-slice';
import type { ExportSlice } from './export-slice';
import type { CleanupSlice } from './cleanup-slice';
import type { JobsSlice } from './jobs-slice';
import type { NavigationSlice } from './navigation-slice';
import type { PreferencesSlice } from './preferences-slice';
import type { InterruptedSlice } from './interrupted-slice';

export type StewardState = NavigationSlice &
  ErrorsSlice &
  AppInfoSlice &
  JobsSlice &
  DiagnosticsSlice &
  AccountsSlice &
  InventorySlice &
  ExportSlice &
  CleanupSlice &
  PreferencesSlice &
  InterruptedSlice;

/** What the slices need from main: the `api` object by default, a fake in tests. */
export type StewardClient = typeof api;

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';
