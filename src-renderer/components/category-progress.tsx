import { useTranslation } from 'react-i18next';
import type { CategoryProgress as CategoryProgressData } from '../../shared/model/job';
import { i18n } from '../i18n';
import { formatBytes, formatCount } from '../lib/format';
import { categoryLabel } from '../lib/labels';
import { ProgressBar } from './progress-bar';
import { mainTextOr } from '../lib/main-text';

/**
 * "12 so far" while the total is unknown and the job runs, else "12 / 40". Once the job has
 * ended, what was done is the final figure: "12", never "so far". Shared with the export job's rows.
 */
export function amountText(done: number, total: number | null, format: (value: number) => string = formatCount, ended = false): string {
  if (total !== null) return `${format(done)} / ${format(total)}`;
  return ended ? format(done) : i18n.t('common.soFar', { value: format(done) });
}

/** Bytes moved, when any are known. */
export function bytesText({ bytesDone, bytesTotal }: CategoryProgressData): string | null {
  if (bytesTotal !== null) return `${formatBytes(bytesDone)} / ${formatBytes(bytesTotal)}`;
  return bytesDone > 0 ? formatBytes(bytesDone) : null;
}

/** "2 errors. Latest: …" (the latest error in the reader's language when main sent its code, else main's English). */
export function CategoryErrors({ progress }: { progress: CategoryProgressData }) {
  const { t } = useTranslation();
  if (progress.errors === 0 && progress.lastError === undefined) return null;
  return (
    <p className="category-error">
      {progress.errors > 0 && <>{t('jobs.errors', { count: progress.errors })} </>}
      {progress.lastError !== undefined && t('jobs.latestError', { error: mainTextOr(progress.lastErrorText, progress.lastError) })}
    </p>
  );
}

/** One category of a job: its name, bar, counts, bytes and latest error. `ended`: the job is over, the counts are final. */
export function CategoryProgress({ progress, ended = false }: { progress: CategoryProgressData; ended?: boolean }) {
  const label = categoryLabel(progress.category);
  const bytes = bytesText(progress);

  return (
    <li className="category">
      <div className="category-head">
        <span className="category-name">{label}</span>
        <span className="category-count">
          {amountText(progress.done, progress.total, formatCount, ended)}
          {bytes !== null && <span className="category-bytes"> · {bytes}</span>}
        </span>
      </div>
      <ProgressBar label={label} done={progress.done} total={progress.total} />
      <CategoryErrors progress={progress} />
    </li>
  );
}
