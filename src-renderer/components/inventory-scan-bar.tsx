import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../shared/model/account';
import type { InventorySnapshot } from '../../shared/model/inventory';
import { i18n } from '../i18n';
import { accountName } from '../lib/account-labels';
import { isTerminal } from '../lib/job-state';
import { selectInventoryBusy, selectInventoryJob, useStewardStore } from '../store';
import { formatApiDate } from './inventory-labels';
import { AppErrorMessage } from './error-surface';

function statusText(snapshot: InventorySnapshot | null, starting: boolean): string {
  if (!snapshot) return starting ? i18n.t('inventory.scan.starting') : i18n.t('inventory.scan.notYet');
  const problems = snapshot.categories.reduce((sum, row) => sum + row.problems.length, 0);
  const projects = snapshot.categories.find((row) => row.category === 'projects');
  switch (snapshot.state) {
    case 'scanning':
      return projects?.total
        ? i18n.t('inventory.scan.progress', { done: projects.done, total: projects.total })
        : i18n.t('inventory.scan.scanning');
    case 'done':
      return i18n.t('inventory.scan.done', { date: formatApiDate(snapshot.finishedAt) });
    case 'partial':
      return i18n.t('inventory.scan.partial', { date: formatApiDate(snapshot.finishedAt), count: problems });
    case 'cancelled':
      return i18n.t('inventory.scan.cancelled');
  }
}

/** The active account, Scan account / Scan again, the scan's state and Cancel. */
export function InventoryScanBar({ account, snapshot }: { account: AccountSummary; snapshot: InventorySnapshot | null }) {
  const { t } = useTranslation();
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
      <p className="inventory-hint">{t('inventory.scan.hint')}</p>
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
          {snapshot ? t('inventory.scan.again') : t('inventory.scan.start')}
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
            {t('inventory.scan.cancel')}
          </button>
        )}
      </div>
      {job?.state === 'failed' && job.error && (
        <p className="inventory-job-error">
          <code>{job.error.code}</code> <AppErrorMessage error={job.error} />
        </p>
      )}
    </section>
  );
}
