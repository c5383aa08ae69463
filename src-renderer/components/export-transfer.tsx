import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobSnapshot } from '../../shared/model/job';
import { i18n } from '../i18n';
import { formatBytes, formatCount, formatDecimal, formatDuration } from '../lib/format';
import { isTerminal } from '../lib/job-state';
import { useStewardStore } from '../store';
import { estimateTransfer, jobTotals } from '../store/export-slice';

// Still importable from here, where durations are shown; it lives with the other formats.
export { formatDuration };

/** The clock, ticking once a second while `active`, so a stalled transfer's rate visibly falls. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [active]);
  return now;
}

/**
 * "8.1 MB so far" or "12 of 40" while the export runs. Once it has ended, what was saved is
 * the final figure ("8.1 MB", "40"); only an export stopped short still says "12 of 40".
 */
function amountText(done: number, total: number | null, format: (value: number) => string, ended: boolean): string {
  if (ended && (total === null || done === total)) return format(done);
  if (total !== null) return i18n.t('common.ofTotal', { done: format(done), total: format(total) });
  return i18n.t('common.soFar', { value: format(done) });
}

/** "104 items so far", "12 of 40 items", or once ended "104 items": the word goes with the number in every case. */
function itemsText(done: number, total: number | null, ended: boolean): string {
  if (ended && (total === null || done === total)) return i18n.t('export.transfer.itemsFinal', { value: formatCount(done) });
  if (total !== null) return i18n.t('export.transfer.itemsOfTotal', { done: formatCount(done), total: formatCount(total) });
  return i18n.t('export.transfer.itemsSoFar', { value: formatCount(done) });
}

/** How much has moved, how fast, and how long the rest will take (while the export runs). */
export function ExportTransfer({ job }: { job: JobSnapshot }) {
  const { t } = useTranslation();
  const samples = useStewardStore((state) => state.exportSamples);
  const running = job.state === 'running';
  const ended = isTerminal(job.state);
  const now = useNow(running);
  const totals = jobTotals(job);
  const estimate = running ? estimateTransfer(samples, now, totals) : null;

  let rate = t('export.transfer.calculating');
  let remaining = t('export.transfer.calculating');
  if (estimate) {
    rate = t('export.transfer.rate', { bytes: formatBytes(estimate.bytesPerSecond), items: formatDecimal(estimate.itemsPerSecond) });
    if (estimate.secondsRemaining !== null) remaining = t('export.transfer.remaining', { duration: formatDuration(estimate.secondsRemaining) });
  }

  return (
    <dl className="details export-transfer">
      <dt>{t('export.transfer.saved')}</dt>
      <dd>
        {t('export.transfer.savedValue', {
          bytes: amountText(totals.bytes, totals.bytesTotal, formatBytes, ended),
          items: itemsText(totals.items, totals.itemsTotal, ended),
        })}
      </dd>
      {running && (
        <>
          <dt>{t('export.transfer.rateLabel')}</dt>
          <dd>{rate}</dd>
          <dt>{t('export.transfer.remainingLabel')}</dt>
          <dd>{remaining}</dd>
        </>
      )}
    </dl>
  );
}
