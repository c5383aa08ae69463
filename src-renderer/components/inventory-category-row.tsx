import { useTranslation } from 'react-i18next';
import type { CategoryRow, InventorySnapshot, ScanProblem } from '../../shared/model/inventory';
import { formatCount } from '../lib/format';
import { inventoryRequestKey, useStewardStore } from '../store';
import { ProgressBar } from './progress-bar';
import { countText, estimateText, inventoryLabel, rowDetail, rowStateLabel } from './inventory-labels';
import { AppErrorMessage } from './error-surface';
import { mainTextOr } from '../lib/main-text';

/** Problems shown one by one; the rest are summed up (a Retry for all of them stays available). */
const SHOWN_PROBLEMS = 5;

interface InventoryCategoryRowProps {
  row: CategoryRow;
  snapshot: InventorySnapshot;
  /** A scan is running: Retry waits for it. */
  busy: boolean;
}

/** One data kind: its bar, count, estimated size, state and problems with Retry. */
export function InventoryCategoryRow({ row, snapshot, busy }: InventoryCategoryRowProps) {
  const { t } = useTranslation();
  const label = inventoryLabel(row.category);
  const detail = rowDetail(row.category, snapshot);
  // Before the scan reaches a row its total is unknown: an empty bar, not a busy one.
  const total = row.state === 'waiting' && row.total === null ? 1 : row.total;
  const projectIds = [...new Set(row.problems.flatMap((p) => (p.projectId === undefined ? [] : [p.projectId])))];
  const hidden = row.problems.length - SHOWN_PROBLEMS;

  return (
    <li className={`inventory-row inventory-row-${row.state}`}>
      <div className="inventory-row-head">
        <span className="inventory-row-name">{label}</span>
        <span className="inventory-row-count">{countText(row.count)}</span>
        <span className="inventory-row-size">{estimateText(row.bytesEstimate)}</span>
        <span className={`inventory-row-state state-${row.state}`}>{rowStateLabel(row, snapshot)}</span>
      </div>
      <ProgressBar label={label} done={row.done} total={total} />
      {(detail !== null || row.bytesBasis !== undefined) && (
        <p className="inventory-row-detail">
          {detail}
          {detail !== null && row.bytesBasis !== undefined && ' · '}
          {row.bytesBasis !== undefined && t('inventory.row.sizeBasis', { basis: mainTextOr(row.bytesBasisText, row.bytesBasis) })}
        </p>
      )}
      {row.problems.length > 0 && (
        <ul className="inventory-problems" aria-label={t('inventory.row.problemsWith', { name: label })}>
          {row.problems.slice(0, SHOWN_PROBLEMS).map((problem) => (
            <InventoryProblem key={problem.projectId ?? 'account'} problem={problem} label={label} snapshot={snapshot} busy={busy} />
          ))}
          {hidden > 0 && (
            <li className="inventory-problem">
              <span className="inventory-problem-text">{t('inventory.row.moreProjects', { count: hidden })}</span>
              <RetryButton
                request={{ categories: [row.category], projectIds: projectIds.slice(0, 1000) }}
                busy={busy}
                text={t('inventory.row.retryAll')}
                name={t('inventory.row.retryAllLabel', { label, n: formatCount(projectIds.length) })}
              />
            </li>
          )}
        </ul>
      )}
    </li>
  );
}

function InventoryProblem({ problem, label, snapshot, busy }: { problem: ScanProblem; label: string; snapshot: InventorySnapshot; busy: boolean }) {
  const { t } = useTranslation();
  const project = problem.projectId === undefined ? undefined : snapshot.projects.find((p) => p.id === problem.projectId);
  // Project names are the user's data: shown as text, never interpreted.
  const where = problem.projectId === undefined ? t('inventory.row.theAccount') : (project?.name ?? problem.projectId);
  return (
    <li className="inventory-problem">
      <span className="inventory-problem-text">
        <span className="inventory-problem-where">
          {problem.projectId === undefined ? t('inventory.row.accountWhere') : t('inventory.row.where', { where })}
        </span>{' '}
        <code className="inventory-problem-code">{problem.code}</code> <AppErrorMessage error={problem} />
      </span>
      <RetryButton
        request={{ categories: [problem.category], ...(problem.projectId === undefined ? {} : { projectIds: [problem.projectId] }) }}
        busy={busy}
        text={t('inventory.row.retry')}
        name={t('inventory.row.retryLabel', { label, where })}
      />
    </li>
  );
}

function RetryButton({ request, busy, text, name }: { request: Parameters<typeof inventoryRequestKey>[0]; busy: boolean; text: string; name: string }) {
  const key = inventoryRequestKey(request);
  const pending = useStewardStore((state) => state.pendingInventoryRetries[key] === true);
  const scanInventory = useStewardStore((state) => state.scanInventory);
  const disabled = busy || pending;
  return (
    <button
      type="button"
      className="button button-quiet"
      aria-disabled={disabled || undefined}
      aria-label={name}
      onClick={() => {
        if (!disabled) void scanInventory(request);
      }}
    >
      {text}
    </button>
  );
}
