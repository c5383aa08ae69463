/**
 * Long-lived connections of a store (main's events, the job reactions) are made once: a
 * second connect returns the disconnect of the live connection instead of listening twice,
 * and a stale disconnect (kept from before a reconnect) leaves the live one alone.
 */
import type { StoreApi } from 'zustand';
import type { StewardState } from './types';

type Store = StoreApi<StewardState>;

export function oncePerStore<Args extends unknown[]>(connect: (store: Store, ...args: Args) => () => void): (store: Store, ...args: Args) => () => void {
  const connections = new WeakMap<Store, () => void>();
  return (store, ...args) => {
    const existing = connections.get(store);
    if (existing) return existing;
    const stop = connect(store, ...args);
    const disconnect = () => {
      if (connections.get(store) !== disconnect) return;
      connections.delete(store);
      stop();
    };
    connections.set(store, disconnect);
    return disconnect;
  };
}
