/**
 * Keeps the current page and `location.hash` (`#/settings`) in step, so a reload or the
 * browser's back button lands on the expected page. The navigation slice stays pure;
 * this is the only code that touches the location.
 */
import type { StoreApi } from 'zustand';
import { isPage, type Page } from './navigation-slice';
import type { StewardState } from './types';

export function pageFromHash(hash: string): Page | null {
  const id = /^#\/([a-z-]+)\/?$/.exec(hash)?.[1];
  return isPage(id) ? id : null;
}

export function hashForPage(page: Page): string {
  return `#/${page}`;
}

export type RoutingWindow = Pick<Window, 'location' | 'history' | 'addEventListener' | 'removeEventListener'>;

export function connectHashRouting(store: StoreApi<StewardState>, win: RoutingWindow = window): () => void {
  const fixHash = () => win.history.replaceState(null, '', hashForPage(store.getState().page));

  const fromHash = pageFromHash(win.location.hash);
  if (fromHash) store.getState().navigate(fromHash);
  else fixHash();

  const onHashChange = () => {
    const page = pageFromHash(win.location.hash);
    if (!page) fixHash();
    else if (page !== store.getState().page) store.getState().navigate(page);
  };
  win.addEventListener('hashchange', onHashChange);

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.page === previous.page) return;
    if (pageFromHash(win.location.hash) !== state.page) win.location.hash = hashForPage(state.page);
  });

  return () => {
    win.removeEventListener('hashchange', onHashChange);
    unsubscribe();
  };
}
