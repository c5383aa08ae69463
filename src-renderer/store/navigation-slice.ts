import type { StateCreator } from 'zustand';
import { i18n } from '../i18n';
import type { StewardState } from './types';

export const PAGES = ['accounts', 'inventory', 'export', 'cleanup', 'settings'] as const;
export type Page = (typeof PAGES)[number];

/** The page's name in the navigation, in the language shown now. */
export function pageLabel(page: Page): string {
  return i18n.t(`nav.${page}`);
}

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
