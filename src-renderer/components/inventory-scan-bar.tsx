import type { AccountSummary } from '../../shared/model/account';
import type { InventorySnapshot } from '../../shared/model/inventory';
import { accountName } from '../lib/account-labels';
import { formatCount } from '../lib/format';
import { isTerminal } from '../lib/job-state';
import { selectInventoryBusy, selectInventoryJob, useStewardStore } from '../store';
import { formatApiDate } from './inventory-labels';

function statusText(snapshot: InventorySnapshot | null, starting: boolean): string {
  if (!snapshot) return starting ? 'Starting the scan…' : 'Not scanned yet.';
  const problems = snapshot.categories.reduce((sum, row) => sum + row.problems.length, 0);
  const projects = snapshot.categories.find((row) => row.category === 'projects');
  switch (snapshot.state) {
    case 'scanning':
      return projects?.total ? `Scanning… ${formatCount(projects.done)} of ${formatCount(projects.total)} projects done.` : 'Scanning…';
    case 'done':
      return `Scanned ${formatApiDate(snapshot.finishedAt)}.`;
    case 'partial':
      return `Scanned ${formatApiDate(snapshot.finishedAt)}, with ${formatCount(problems)} ${problems === 1 ? 'problem' : 'problems'}: use Retry below.`;
    case 'cancelled':
      return 'The scan was cancelled: the counts below are incomplete.';
  }
}

/** The active account, Scan account / Scan again, the scan's state and Cancel. */
export function InventoryScanBar({ account, snapshot }: { account: AccountSummary; snapshot: InventorySnapshot | null }) {
  const job = useStewardStore(selectInventoryJob);
  const busy = useStewardStore(selectInventoryBusy);
  const starting = useStewardStore((state) => state.inventoryStarting);
  const pendingAction = useStewardStore((state) => (job ? state.pendingJobActions[job.id] : undefined));
  const scanInventory = useStewardStore((state) => state.scanInventory);
  const cancelJob = useStewardStore((state) => state.cancelJob);
  const running = job !== undefined && !isTerminal(job.state);
  const name = accountName(account);

  return (
    <section className="panel" aria-labelledby="inventory-scan-heading">
      <h2 id="inventory-scan-heading" className="inventory-account-name">
        {name}
      </h2>
      <p className="inventory-hint">
        A scan only reads. It counts what the service holds for this account, project by project, without downloading
        any image or model.
      </p>
      <p className="inventory-status" role="status">
        {statusText(snapshot, starting)}
      </p>
      <div className="form-actions">
        {/* aria-disabled rather than disabled, so keyboard focus stays on the button while it scans. */}
        <button
          type="button"
          className="button button-primary"
          aria-disabled={busy || undefined}
          onClick={() => {
            if (!busy) void scanInventory();
          }}
        >
          {snapshot ? 'Scan again' : 'Scan account'}
        </button>
        {running && (
          <button
            type="button"
            className="button button-danger"
            aria-disabled={pendingAction !== undefined || undefined}
            onClick={() => {
              if (pendingAction === undefined) void cancelJob(job.id);
            }}
          >
            Cancel scan
          </button>
        )}
      </div>
      {job?.state === 'failed' && job.error && (
        <p className="inventory-job-error">
          <code>{job.error.code}</code> {job.error.message}
        </p>
      )}
    </section>
  );
}
