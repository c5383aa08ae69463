import type { ExportCategory } from '../../shared/model/bundle';
import { EXPORT_CATEGORIES } from '../../shared/model/bundle';
import type { InventorySnapshot } from '../../shared/model/inventory';
import { formatCount } from '../lib/format';
import { categoryLabel } from '../lib/labels';
import { useStewardStore } from '../store';

const CATEGORY_TEXT: Readonly<Record<ExportCategory, { label: string; hint: string }>> = {
  projects: { label: 'Projects', hint: 'settings of every project and the domains they use' },
  iterations: { label: 'Iterations', hint: 'trained models: status, publish name, training time' },
  performance: { label: 'Iteration performance', hint: 'precision, recall and AP per tag, and per-image results' },
  tags: { label: 'Tags', hint: 'names, types and image counts' },
  images: { label: 'Images', hint: 'original files with their tags, regions and metadata' },
  models: { label: 'Exported models', hint: 'the files of finished model exports' },
  predictions: { label: 'Stored predictions', hint: 'prediction records and their images' },
};

function isExportCategory(id: string): id is ExportCategory {
  return (EXPORT_CATEGORIES as readonly string[]).includes(id);
}

/** The name an export job's category is shown under; unknown ids fall back to the shared labels. */
export function exportCategoryLabel(id: string): string {
  return isExportCategory(id) ? CATEGORY_TEXT[id].label : categoryLabel(id);
}

function countOf(inventory: InventorySnapshot | null, category: ExportCategory): number | null {
  return inventory?.categories.find((row) => row.category === category)?.count ?? null;
}

/** "What to export": one checkbox per kind of data, with the inventory's counts. */
export function ExportCategories() {
  const selected = useStewardStore((state) => state.exportCategories);
  const inventory = useStewardStore((state) => state.exportInventory);
  const setCategory = useStewardStore((state) => state.setExportCategory);
  const navigate = useStewardStore((state) => state.navigate);

  return (
    <fieldset className="export-fieldset">
      <legend className="export-legend">Kinds of data</legend>
      {!inventory && (
        <p className="field-hint">
          Scan the inventory to see counts.{' '}
          <button type="button" className="button button-quiet" onClick={() => navigate('inventory')}>
            Go to Inventory
          </button>
        </p>
      )}
      <ul className="export-check-list">
        {EXPORT_CATEGORIES.map((category) => {
          const count = countOf(inventory, category);
          const { label, hint } = CATEGORY_TEXT[category];
          return (
            <li key={category}>
              <label className="export-check">
                <input
                  type="checkbox"
                  checked={selected.includes(category)}
                  onChange={(event) => setCategory(category, event.target.checked)}
                />
                <span className="export-check-text">
                  <span className="export-check-name">{label}</span>
                  {count !== null && <span className="export-count"> ({formatCount(count)})</span>}
                  <span className="export-check-hint"> — {hint}</span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {selected.length === 0 && <p className="field-problem">Choose at least one kind of data to export.</p>}
    </fieldset>
  );
}
