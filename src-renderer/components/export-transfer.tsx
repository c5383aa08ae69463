import { useEffect, useState } from 'react';
import type { JobSnapshot } from '../../shared/model/job';
import { formatBytes, formatCount } from '../lib/format';
import { useStewardStore } from '../store';
import { estimateTransfer, jobTotals } from '../store/export-slice';

const rateFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** 4 000 s → "1 h 7 min"; rounded up so "about 0 s" never shows while work remains. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.ceil(whole / 60);
  if (minutes < 10) return `${Math.floor(whole / 60)} min ${whole % 60} s`;
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

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

function amountText(done: number, total: number | null, format: (value: number) => string): string {
  return total === null ? `${format(done)} so far` : `${format(done)} of ${format(total)}`;
}

/** How much has moved, how fast, and how long the rest will take (while the export runs). */
export function ExportTransfer({ job }: { job: JobSnapshot }) {
  const samples = useStewardStore((state) => state.exportSamples);
  const running = job.state === 'running';
  const now = useNow(running);
  const totals = jobTotals(job);
  const estimate = running ? estimateTransfer(samples, now, totals) : null;

  let rate = 'calculating…';
  let remaining = 'calculating…';
  if (estimate) {
    rate = `${formatBytes(estimate.bytesPerSecond)}/s · ${rateFormat.format(estimate.itemsPerSecond)} items/s`;
    if (estimate.secondsRemaining !== null) remaining = `about ${formatDuration(estimate.secondsRemaining)}`;
  }

  return (
    <dl className="details export-transfer">
      <dt>Saved</dt>
      <dd>
        {amountText(totals.bytes, totals.bytesTotal, formatBytes)} · {amountText(totals.items, totals.itemsTotal, formatCount)}{' '}
        items
      </dd>
      {running && (
        <>
          <dt>Transfer rate</dt>
          <dd>{rate}</dd>
          <dt>Time remaining</dt>
          <dd>{remaining}</dd>
        </>
      )}
    </dl>
  );
}
