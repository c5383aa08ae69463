/**
 * A job's progress summed over its categories, for one bar of the whole job: the Export
 * page's rate and ETA, and the taskbar/Dock progress in main. A total is null while any
 * category's total is unknown, which both draw as "not known yet".
 */
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
    items += category.done;
    bytes += category.bytesDone;
    itemsTotal = itemsTotal === null || category.total === null ? null : itemsTotal + category.total;
    bytesTotal = bytesTotal === null || category.bytesTotal === null ? null : bytesTotal + category.bytesTotal;
  }
  return { items, itemsTotal, bytes, bytesTotal };
}
