/**
 * Words and numbers for the Inventory page: category names, row states, counts, estimated
 * sizes and API dates. Everything that comes from the service is passed through as text.
 */
import type { CategoryRow, InventoryCategory, InventorySnapshot, ProjectCounts } from '../../shared/model/inventory';
import { formatBytes, formatCount } from '../lib/format';

export const INVENTORY_LABELS: Readonly<Record<InventoryCategory, string>> = {
  account: 'Account',
  projects: 'Projects',
  iterations: 'Iterations',
  performance: 'Iteration performance',
  tags: 'Tags',
  images: 'Images',
  models: 'Exported models',
  predictions: 'Stored predictions',
};

export function inventoryLabel(category: InventoryCategory): string {
  return INVENTORY_LABELS[category];
}

export function rowStateLabel(row: CategoryRow, snapshot: InventorySnapshot): string {
  switch (row.state) {
    case 'scanning':
      return 'Scanning…';
    case 'done':
      return 'Complete';
    case 'failed':
      return 'Incomplete';
    case 'waiting':
      if (snapshot.state === 'scanning') return 'Waiting';
      return snapshot.state === 'cancelled' && row.done > 0 ? 'Stopped' : 'Not scanned';
  }
}

export function countText(count: number | null | undefined): string {
  return count === null || count === undefined ? '—' : formatCount(count);
}

/** "≈ 1.2 GB (estimate)", or "—" when nothing can be estimated. */
export function estimateText(bytes: number | null): string {
  return bytes === null ? '—' : `≈ ${formatBytes(bytes)} (estimate)`;
}

const sumOf = (snapshot: InventorySnapshot, pick: (counts: ProjectCounts) => number | null | undefined): number | null => {
  let total: number | null = null;
  for (const project of snapshot.projects) {
    const value = pick(project.counts);
    if (typeof value === 'number') total = (total ?? 0) + value;
  }
  return total;
};

/** What a row's count is made of, where that helps ("250 tagged, 30 untagged, 16 only in iterations"). */
export function rowDetail(category: InventoryCategory, snapshot: InventorySnapshot): string | null {
  const parts = (entries: Array<[number | null, string]>) => {
    const known = entries.filter(([value]) => value !== null).map(([value, label]) => `${formatCount(value ?? 0)} ${label}`);
    return known.length > 0 ? known.join(', ') : null;
  };
  switch (category) {
    case 'images':
      return parts([
        [sumOf(snapshot, (c) => c.taggedImages), 'tagged'],
        [sumOf(snapshot, (c) => c.untaggedImages), 'untagged'],
        [sumOf(snapshot, (c) => c.imagesOnlyInIterations), 'only inside trained iterations'],
      ]);
    case 'iterations':
      return parts([
        [sumOf(snapshot, (c) => c.trainedIterations), 'trained'],
        [sumOf(snapshot, (c) => c.publishedIterations), 'published'],
      ]);
    case 'performance':
      return parts([[sumOf(snapshot, (c) => c.imagePerformances), 'per-image results']]);
    default:
      return null;
  }
}

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** API dates come with or without a zone (reference §2); zone-less ones are UTC. */
export function formatApiDate(value: string | null | undefined): string {
  if (!value) return '—';
  const hasZone = /(?:[zZ]|[+-]\d\d:?\d\d)$/.test(value);
  const date = new Date(hasZone ? value : `${value}Z`);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}
