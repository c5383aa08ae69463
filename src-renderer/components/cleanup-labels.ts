/** Words for the cleanup wizard: step titles, kinds of data, reasons an item is not covered. */
import type { CategoryCounts, UncoveredItem } from '../../shared/model/cleanup';
import { i18n } from '../i18n';
import { joinList } from '../lib/format';
import type { CleanupStep } from '../store';

export function stepTitle(step: CleanupStep): string {
  return i18n.t(`cleanup.steps.${step}`);
}

export function uncoveredReason(reason: UncoveredItem['reason']): string {
  return i18n.t(`cleanup.uncovered.${reason}`);
}

/** "3 projects, 300 images, 5 tags": the non-zero counts, in deletion order. */
export function countsText(counts: CategoryCounts): string {
  const parts = [
    counts.projects > 0 ? i18n.t('counts.projects', { count: counts.projects }) : '',
    counts.iterations > 0 ? i18n.t('counts.iterations', { count: counts.iterations }) : '',
    counts.images > 0 ? i18n.t('counts.images', { count: counts.images }) : '',
    counts.predictions > 0 ? i18n.t('counts.predictions', { count: counts.predictions }) : '',
    counts.tags > 0 ? i18n.t('counts.tags', { count: counts.tags }) : '',
  ].filter((part) => part !== '');
  return parts.length === 0 ? i18n.t('counts.nothing') : joinList(parts);
}
