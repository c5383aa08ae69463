/** Words for the cleanup wizard: step titles, kinds of data, reasons an item is not covered. */
import type { CategoryCounts, UncoveredItem } from '../../shared/model/cleanup';
import { formatCount } from '../lib/format';
import type { CleanupStep } from '../store';

export const STEP_TITLES: Readonly<Record<CleanupStep, string>> = {
  scope: 'Choose what to delete',
  review: 'Review the plan',
  backup: 'Back up',
  confirm: 'Confirm',
  run: 'Delete',
  proof: 'Proof and receipt',
};

export const UNCOVERED_REASONS: Readonly<Record<UncoveredItem['reason'], string>> = {
  'missing-record': 'not in the bundle',
  'missing-file': 'its file is missing from the bundle',
  'altered-file': 'its file in the bundle is damaged or changed',
};

export function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** "3 projects, 300 images, 5 tags": the non-zero counts, in deletion order. */
export function countsText(counts: CategoryCounts): string {
  const parts = [
    counts.projects > 0 ? plural(counts.projects, 'project', 'projects') : '',
    counts.iterations > 0 ? plural(counts.iterations, 'iteration', 'iterations') : '',
    counts.images > 0 ? plural(counts.images, 'image', 'images') : '',
    counts.predictions > 0 ? plural(counts.predictions, 'stored prediction', 'stored predictions') : '',
    counts.tags > 0 ? plural(counts.tags, 'tag', 'tags') : '',
  ].filter((part) => part !== '');
  return parts.length === 0 ? 'nothing' : parts.join(', ');
}
