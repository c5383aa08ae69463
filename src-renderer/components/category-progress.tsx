import type { CategoryProgress as CategoryProgressData } from '../../shared/model/job';
import { formatBytes, formatCount } from '../lib/format';
import { categoryLabel } from '../lib/labels';
import { ProgressBar } from './progress-bar';

function countText({ done, total }: CategoryProgressData): string {
  return total === null ? `${formatCount(done)} so far` : `${formatCount(done)} / ${formatCount(total)}`;
}

function bytesText({ bytesDone, bytesTotal }: CategoryProgressData): string | null {
  if (bytesTotal !== null) return `${formatBytes(bytesDone)} / ${formatBytes(bytesTotal)}`;
  return bytesDone > 0 ? formatBytes(bytesDone) : null;
}

/** One category of a job: its name, bar, counts, bytes and latest error. */
export function CategoryProgress({ progress }: { progress: CategoryProgressData }) {
  const label = categoryLabel(progress.category);
  const bytes = bytesText(progress);
  const hasProblem = progress.errors > 0 || progress.lastError !== undefined;

  return (
    <li className="category">
      <div className="category-head">
        <span className="category-name">{label}</span>
        <span className="category-count">
          {countText(progress)}
          {bytes !== null && <span className="category-bytes"> · {bytes}</span>}
        </span>
      </div>
      <ProgressBar label={label} done={progress.done} total={progress.total} />
      {hasProblem && (
        <p className="category-error">
          {progress.errors > 0 && `${formatCount(progress.errors)} ${progress.errors === 1 ? 'error' : 'errors'}. `}
          {progress.lastError !== undefined && <>Latest: {progress.lastError}</>}
        </p>
      )}
    </li>
  );
}
