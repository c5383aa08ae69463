/**
 * A job's progress summed over its categories, for one bar of the whole job: the Export
 * page's rate and ETA, and the taskbar/Dock progress in main. A total is null while any
 * category's total is unknown, which both draw as "not known yet". The re-check of saved
 * files when a bundle is resumed has its own bar and is left out.
 */
import { SAVED_FILES_CATEGORY } from './bundle';
import type { JobSnapshot } from './job';

export interface JobTotals {
  items: number;
  itemsTotal: number | null;
  bytes: number;
  bytesTotal: number | null;
}

export function jobTotals(job: JobSnapshot): JobTotals {
  let items = 0;
  let bytes = 0;
  let itemsTotal: number | null = 0;
  let bytesTotal: number | null = 0;
  for (const category of job.categories) {
    // A re-check of files already saved is not work towards the export's total.
    if (category.category === SAVED_FILES_CATEGORY) continue;
    items += category.done;
    bytes += category.bytesDone;
    itemsTotal = itemsTotal === null || category.total === null ? null : itemsTotal + category.total;
    bytesTotal = bytesTotal === null || category.bytesTotal === null ? null : bytesTotal + category.bytesTotal;
  }
  return { items, itemsTotal, bytes, bytesTotal };
}
