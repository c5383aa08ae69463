const countFormat = new Intl.NumberFormat('en');
const sizeFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'] as const;

export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** 1536 → "1.5 KB" (binary multiples, the way file managers usually show sizes). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${countFormat.format(value)} ${value === 1 ? 'byte' : 'bytes'}`;
  return `${sizeFormat.format(value)} ${UNITS[unit]}`;
}
