/**
 * Words and numbers for the Inventory page: category names, row states, counts, estimated
 * sizes and API dates. Everything that comes from the service is passed through as text.
 */
import type { CategoryRow, InventoryCategory, InventorySnapshot, ProjectCounts } from '../../shared/model/inventory';
import { i18n } from '../i18n';
import { formatBytes, formatCount, formatDateTime, joinList } from '../lib/format';
import { categoryLabel } from '../lib/labels';

export function inventoryLabel(category: InventoryCategory): string {
  return categoryLabel(category);
}

export function rowStateLabel(row: CategoryRow, snapshot: InventorySnapshot): string {
  switch (row.state) {
    case 'scanning':
      return i18n.t('inventory.rowState.scanning');
    case 'done':
      return i18n.t('inventory.rowState.done');
    case 'failed':
      return i18n.t('inventory.rowState.failed');
    case 'waiting':
      if (snapshot.state === 'scanning') return i18n.t('inventory.rowState.waiting');
      return snapshot.state === 'cancelled' && row.done > 0 ? i18n.t('inventory.rowState.stopped') : i18n.t('inventory.rowState.notScanned');
  }
}

export function countText(count: number | null | undefined): string {
  return count === null || count === undefined ? '—' : formatCount(count);
}

/** "≈ 1.2 GB (estimate)", or "—" when nothing can be estimated. */
export function estimateText(bytes: number | null): string {
  return bytes === null ? '—' : i18n.t('inventory.estimate', { size: formatBytes(bytes) });
}

const sumOf = (snapshot: InventorySnapshot, pick: (counts: ProjectCounts) => number | null | undefined): number | null => {
  let total: number | null = null;
  for (const project of snapshot.projects) {
    const value = pick(project.counts);
    if (typeof value === 'number') total = (total ?? 0) + value;
  }
  return total;
};

type DetailKey = 'trained' | 'published' | 'perImage';

/**
 * The Images row's parts in the words every page uses (lib/image-counts.ts): the tagged and
 * untagged images are the workspace's, and the others are only inside trained iterations —
 * "262 tagged and 22 untagged in the workspace, 16 only inside trained iterations".
 */
function imagesDetail(snapshot: InventorySnapshot): string | null {
  const tagged = sumOf(snapshot, (c) => c.taggedImages);
  const untagged = sumOf(snapshot, (c) => c.untaggedImages);
  const onlyInIterations = sumOf(snapshot, (c) => c.imagesOnlyInIterations);
  // Joined by their own key, not the list separator: in Chinese the list's '、' would read as all three being in the workspace.
  const parts: string[] = [];
  if (tagged !== null || untagged !== null) {
    parts.push(i18n.t('inventory.detail.workspace', { tagged: formatCount(tagged ?? 0), untagged: formatCount(untagged ?? 0) }));
  }
  if (onlyInIterations !== null) parts.push(i18n.t('inventory.detail.onlyInIterations', { value: formatCount(onlyInIterations) }));
  if (parts.length === 2) return i18n.t('inventory.detail.workspaceThenIterations', { workspace: parts[0], onlyInIterations: parts[1] });
  return parts[0] ?? null;
}

/** What a row's count is made of, where that helps ("12 trained, 3 published"). */
export function rowDetail(category: InventoryCategory, snapshot: InventorySnapshot): string | null {
  const parts = (entries: Array<[number | null, DetailKey]>) => {
    const known = entries
      .filter(([value]) => value !== null)
      .map(([value, key]) => i18n.t(`inventory.detail.${key}`, { value: formatCount(value ?? 0) }));
    return known.length > 0 ? joinList(known) : null;
  };
  switch (category) {
    case 'images':
      return imagesDetail(snapshot);
    case 'iterations':
      return parts([
        [sumOf(snapshot, (c) => c.trainedIterations), 'trained'],
        [sumOf(snapshot, (c) => c.publishedIterations), 'published'],
      ]);
    case 'performance':
      return parts([[sumOf(snapshot, (c) => c.imagePerformances), 'perImage']]);
    default:
      return null;
  }
}

/** API dates come with or without a zone (image dates have none); zone-less ones are UTC. */
export function formatApiDate(value: string | null | undefined): string {
  if (!value) return '—';
  const hasZone = /(?:[zZ]|[+-]\d\d:?\d\d)$/.test(value);
  const date = new Date(hasZone ? value : `${value}Z`);
  return Number.isNaN(date.getTime()) ? value : formatDateTime(date);
}
