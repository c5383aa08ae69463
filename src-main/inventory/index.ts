/**
 * The inventory (a domain, docs/architecture.md, "Layers"): the scan job that counts every kind of data per
 * category and project without downloading bytes, and the latest snapshot per account
 * (docs/architecture.md, "Inventory"; src-main/inventory/README.md). May import the leaves
 * and the platform (customvision, jobs); never another domain, application/, services.ts
 * or a front end. Other main-process modules import from here only.
 */
export { scanInventory, scanJobCategories, resolveScanScope, type ScanInventoryOptions, type ScanRequest } from './scan-inventory';
export { createInventoryService, DEFAULT_UPDATE_INTERVAL_MS, type InventoryAccounts, type InventoryService, type InventoryServiceOptions } from './inventory-service';
export { createInventoryStore, type InventoryStore } from './inventory-store';
export { InventoryBuilder, type ScanAccount } from './inventory-builder';
export { PUBLISHED_LIMITS, PUBLISHED_LIMITS_SOURCE } from './published-limits';
export { countImagesOnlyInIterations } from './images-only-in-iterations';
export * from './size-estimates';
export { inventoryHandlers } from './inventory-handlers';
