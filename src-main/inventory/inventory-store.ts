/**
 * The latest inventory snapshot per account, kept in main's memory for `inventory:get`
 * (the page asks for it when it opens) and as the base a Retry merges into. Nothing is
 * written to disk: a snapshot is a few KB to a few MB and cheap to rebuild with a scan.
 */
import type { InventorySnapshot } from '../../shared/model/inventory';

export interface InventoryStore {
  get(accountId: string): InventorySnapshot | null;
  set(snapshot: InventorySnapshot): void;
  /** For a forgotten account. */
  delete(accountId: string): void;
}

export function createInventoryStore(): InventoryStore {
  const snapshots = new Map<string, InventorySnapshot>();
  return {
    get: (accountId) => snapshots.get(accountId) ?? null,
    set: (snapshot) => void snapshots.set(snapshot.accountId, snapshot),
    delete: (accountId) => void snapshots.delete(accountId),
  };
}
