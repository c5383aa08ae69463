/**
 * Numbers and sizes as main's own English texts and the command line write them: counts
 * grouped with commas ("3,003", the way both the CLI's languages write numbers) and sizes in
 * 1024-based units ("512 B", "3.2 MB", "120 MB"). One definition, so the export engine's
 * summary and the CLI's lines around it never disagree. The renderer formats in the reader's
 * locale instead (src-renderer/lib/format.ts).
 */
const COUNTS = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });

/** 1234567 → "1,234,567". */
export function formatCount(value: number): string {
  return COUNTS.format(Math.trunc(value));
}

/** 1536 → "1.5 KB"; below 1 KB whole bytes; anything not a finite size counts as 0 B. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1024) return `${Math.max(0, Math.round(Number.isFinite(bytes) ? bytes : 0))} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value >= 100 ? 0 : 1)} ${units[unit] ?? 'TB'}`;
}
