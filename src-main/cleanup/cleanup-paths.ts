/**
 * Where a run's files live: next to its plan, named after it, so a plan, its journal and
 * its receipts travel together and re-running `cleanup run --plan X` finds the journal to
 * resume from. base = the plan path without a trailing ".json".
 */
export interface CleanupPaths {
  journal: string;
  receiptJson: string;
  receiptHtml: string;
}

export function cleanupPaths(planPath: string): CleanupPaths {
  const base = planPath.replace(/\.json$/i, '');
  return { journal: `${base}.journal.jsonl`, receiptJson: `${base}.receipt.json`, receiptHtml: `${base}.receipt.html` };
}
