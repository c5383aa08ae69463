interface ProgressBarProps {
  /** The accessible name, e.g. the category's label. */
  label: string;
  done: number;
  /** null while unknown: the bar is then indeterminate. */
  total: number | null;
}

/**
 * A native <progress>, styled in CSS (inline styles are blocked by the CSP). A total of
 * zero means there was nothing to do, which is shown as complete.
 */
export function ProgressBar({ label, done, total }: ProgressBarProps) {
  if (total === null) return <progress className="progress" aria-label={label} />;
  const max = Math.max(total, 1);
  const value = total === 0 ? max : Math.min(done, total);
  return <progress className="progress" aria-label={label} value={value} max={max} />;
}
