import { useTranslation } from 'react-i18next';
import type { InventorySnapshot } from '../../shared/model/inventory';
import { InventoryCategoryRow } from './inventory-category-row';

/** The overview: one row per data kind the service holds, filling in while the scan runs. */
export function InventoryCategoryRows({ snapshot, busy }: { snapshot: InventorySnapshot; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="inventory-rows-heading">
      <h2 id="inventory-rows-heading">{t('inventory.rows.heading')}</h2>
      <p className="inventory-hint">{t('inventory.rows.hint')}</p>
      <ul className="inventory-rows">
        {snapshot.categories.map((row) => (
          <InventoryCategoryRow key={row.category} row={row} snapshot={snapshot} busy={busy} />
        ))}
      </ul>
    </section>
  );
}
