/** `inventory:scan` (the whole account, or a row's Retry) and `inventory:get` (the latest snapshot). */
import type { HandlersOf } from '../ipc/handler-sets';
import type { InventoryService } from './inventory-service';

export function inventoryHandlers(inventory: InventoryService): HandlersOf<'inventory'> {
  return {
    'inventory:scan': (request) => inventory.scan(request),
    'inventory:get': () => inventory.get(),
  };
}
