import type { StateCreator } from 'zustand';
import type { StewardState } from './types';

export const PAGES = ['accounts', 'inventory', 'export', 'cleanup', 'settings'] as const;
export type Page = (typeof PAGES)[number];

export const PAGE_LABELS: Readonly<Record<Page, string>> = {
  accounts: 'Accounts',
  inventory: 'Inventory',
  export: 'Export',
  cleanup: 'Cleanup',
  settings: 'Settings',
};

export function isPage(value: unknown): value is Page {
  return typeof value === 'string' && (PAGES as readonly string[]).includes(value);
}

export interface NavigationSlice {
  page: Page;
  navigate(page: Page): void;
}

/** Pure: the link with `location.hash` lives in hash-routing.ts. */
export const createNavigationSlice: StateCreator<StewardState, [], [], NavigationSlice> = (set) => ({
  page: 'accounts',
  navigate: (page) => {
    if (!isPage(page)) return;
    set({ page });
  },
});
