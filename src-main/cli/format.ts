/** Numbers, sizes and durations as the command line prints them. */

import { formatCount } from '../../shared/model/plain-numbers';

// Shared with the export engine's English summary, which the CLI prints beside its own lines.
export { formatBytes, formatCount } from '../../shared/model/plain-numbers';

/** Seconds → "00:45", "12:05", "1:02:03". */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(secs)}` : `${two(minutes)}:${two(secs)}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/**
 * Text from the service (project names, messages) made safe for a terminal: control
 * characters (escape sequences could move the cursor or retitle the window) become "?",
 * and long values are cut with "…".
 */
export function printable(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '?');
  const chars = [...clean];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : clean;
}

/** Left-aligned text columns, right-aligned numbers; the last column is not padded. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], numeric: ReadonlySet<number>): string {
  const widths = header.map((title, column) => Math.max([...title].length, ...rows.map((row) => [...(row[column] ?? '')].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        const pad = ' '.repeat(Math.max(0, width - [...cell].length));
        if (column === cells.length - 1 && !numeric.has(column)) return cell;
        return numeric.has(column) ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
