import { useTranslation } from 'react-i18next';
import type { ExportCategory } from '../../shared/model/bundle';
import { EXPORT_CATEGORIES } from '../../shared/model/bundle';
import type { InventorySnapshot } from '../../shared/model/inventory';
import { formatCount } from '../lib/format';
import { categoryLabel } from '../lib/labels';
import { useStewardStore } from '../store';

/** The name an export job's category is shown under (the shared category names). */
export function exportCategoryLabel(id: string): string {
  return categoryLabel(id);
}

function countOf(inventory: InventorySnapshot | null, category: ExportCategory): number | null {
  return inventory?.categories.find((row) => row.category === category)?.count ?? null;
}

/** "What to export": one checkbox per kind of data, with the inventory's counts. */
export function ExportCategories() {
  const { t } = useTranslation();
  const selected = useStewardStore((state) => state.exportCategories);
  const inventory = useStewardStore((state) => state.exportInventory);
  const setCategory = useStewardStore((state) => state.setExportCategory);
  const navigate = useStewardStore((state) => state.navigate);

  return (
    <fieldset className="export-fieldset">
      <legend className="export-legend">{t('export.categories.legend')}</legend>
      {!inventory && (
        <p className="field-hint">
          {t('export.categories.scanForCounts')}{' '}
          <button type="button" className="button button-quiet" onClick={() => navigate('inventory')}>
            {t('export.categories.goToInventory')}
          </button>
        </p>
      )}
      <ul className="export-check-list">
        {EXPORT_CATEGORIES.map((category) => {
          const count = countOf(inventory, category);
          return (
            <li key={category}>
              <label className="export-check">
                <input
                  type="checkbox"
                  checked={selected.includes(category)}
                  onChange={(event) => setCategory(category, event.target.checked)}
                />
                <span className="export-check-text">
                  <span className="export-check-name">{categoryLabel(category)}</span>
                  {count !== null && <span className="export-count"> ({formatCount(count)})</span>}
                  <span className="export-check-hint"> — {t(`export.categories.hints.${category}`)}</span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {selected.length === 0 && <p className="field-problem">{t('export.categories.chooseOne')}</p>}
    </fieldset>
  );
}
