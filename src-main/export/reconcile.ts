/**
 * Reconciliation: what the service's count endpoints say against what the bundle holds.
 * A difference is never silent: it is written into the manifest (`ok: false`), makes
 * the bundle `partial` and is named in the job summary. Counts can move while an export
 * runs (uploads, deletes), so a count taken at the start that disagrees is asked again
 * before it is reported.
 */
import type { ExportCategory } from '../../shared/model/bundle';
import { step, type ExportRun } from './export-run';
import type { Reconciliation } from './manifest';

export interface CountCheck {
  what: string;
  iterationId?: string;
  exported: number;
  /** The count from the planning pass, if there was one. */
  planned?: number;
  /** Where a failed count call is reported. Default images. */
  category?: ExportCategory;
}

export async function countCheck(
  run: ExportRun,
  projectId: string,
  into: Reconciliation[],
  check: CountCheck,
  count: () => Promise<number>,
): Promise<void> {
  let api = check.planned;
  if (api === undefined || api !== check.exported) {
    const label = check.iterationId === undefined ? `Counting ${check.what}` : `Counting ${check.what} of iteration ${check.iterationId}`;
    api = await step(run, check.category ?? 'images', projectId, label, count);
    if (api === undefined) return;
  }
  into.push(entry(check, api));
}

/** A check of the bundle against itself (records whose files are present). */
export function selfCheck(into: Reconciliation[], what: string, expected: number, present: number): void {
  into.push({ what, api: expected, exported: present, ok: expected === present });
}

function entry(check: CountCheck, api: number): Reconciliation {
  return {
    what: check.what,
    ...(check.iterationId === undefined ? {} : { iterationId: check.iterationId }),
    api,
    exported: check.exported,
    ok: api === check.exported,
  };
}

export function mismatches(reconciliation: readonly Reconciliation[]): Reconciliation[] {
  return reconciliation.filter((item) => !item.ok);
}

/** Workspace checks first, then per-iteration ones, then the bundle's own file checks: the order people read. */
export function byReadingOrder(a: Reconciliation, b: Reconciliation): number {
  return rank(a) - rank(b);
}

function rank(item: Reconciliation): number {
  if (item.what.endsWith('Files')) return 2;
  return item.iterationId === undefined ? 0 : 1;
}
