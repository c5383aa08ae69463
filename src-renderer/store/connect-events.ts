/**
 * Subscribes the store to main's events once, at start-up and outside React, so a job's
 * progress, a change to the accounts or the preferences and a growing inventory are
 * recorded even while no page shows them.
 * Returns the unsubscribe function; calling it again for the same store returns the same
 * one instead of subscribing twice.
 */
import type { StoreApi } from 'zustand';
import { api } from '../lib/api';
import { toAppError } from '../lib/app-error';
import type { StewardClient, StewardState } from './types';
import { useStewardStore } from './index';
import { oncePerStore } from './once-per-store';

export function connectStewardEvents(
  store: StoreApi<StewardState> = useStewardStore,
  client: StewardClient = api,
): () => void {
  return connectEvents(store, client);
}

const connectEvents = oncePerStore((store, client: StewardClient) => {
  const unsubscribers: Array<() => void> = [];
  try {
    unsubscribers.push(client.jobs.onProgress((job) => store.getState().applyJobSnapshot(job)));
    unsubscribers.push(client.jobs.onFinished((job) => store.getState().applyJobSnapshot(job)));
    unsubscribers.push(client.accounts.onChanged((list) => store.getState().applyAccountList(list)));
    unsubscribers.push(client.inventory.onUpdated((snapshot) => store.getState().applyInventorySnapshot(snapshot)));
    // Another window, or "forget everything", changed the saved preferences.
    unsubscribers.push(client.preferences.onChanged((preferences) => store.getState().applyPreferences(preferences)));
    // The application menu's Export…, Cleanup…, Settings… and a notification's click.
    unsubscribers.push(client.app.onNavigate(({ page }) => store.getState().navigate(page)));
  } catch (error) {
    // Typically NO_BRIDGE: the page was opened without main behind it.
    store.getState().pushError(toAppError(error));
  }
  // Subscribed first, listed second: no event can fall in a gap between the two.
  void store.getState().loadJobs();
  void store.getState().loadAccounts();
  void store.getState().loadInventory();

  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
});
