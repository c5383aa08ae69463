import type { InventorySnapshot } from '../../shared/model/inventory';
import { InventoryCategoryRow } from './inventory-category-row';

/** The overview: one row per data kind (DESIGN §1), filling in while the scan runs. */
export function InventoryCategoryRows({ snapshot, busy }: { snapshot: InventorySnapshot; busy: boolean }) {
  return (
    <section className="panel" aria-labelledby="inventory-rows-heading">
      <h2 id="inventory-rows-heading">What Custom Vision holds</h2>
      <p className="inventory-hint">
        Counted with the service&apos;s own calls; nothing is downloaded during a scan, so sizes are estimates.
      </p>
      <ul className="inventory-rows">
        {snapshot.categories.map((row) => (
          <InventoryCategoryRow key={row.category} row={row} snapshot={snapshot} busy={busy} />
        ))}
      </ul>
    </section>
  );
}
