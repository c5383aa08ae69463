/** The bench's figures and how they are printed: one line each, then a JSON line. */

export interface Figure {
  /** Stable key for the JSON output. */
  key: string;
  label: string;
  value: number;
  unit: string;
  bound: number;
  /** value ÷ bound. */
  ratio: number;
  /** The ratio that still passes, and in which direction. */
  limit: { ratio: number; direction: 'at most' | 'at least' };
  pass: boolean;
  /** Indented lines printed under the figure (how it was measured, what it is made of). */
  details: string[];
  /** Extra machine-readable facts for the JSON line. */
  data?: Record<string, unknown>;
}

export function figure(input: Omit<Figure, 'ratio' | 'pass'>): Figure {
  const ratio = input.bound === 0 ? Number.POSITIVE_INFINITY : input.value / input.bound;
  const pass = input.limit.direction === 'at most' ? ratio <= input.limit.ratio : ratio >= input.limit.ratio;
  return { ...input, ratio, pass };
}

export function formatNumber(value: number, unit: string): string {
  if (unit === 's') return `${value.toFixed(1)} s`;
  if (unit === 'MB') return `${value.toFixed(1)} MB`;
  if (unit === '×') return `${value.toFixed(2)}×`;
  return `${Math.round(value).toLocaleString('en-US')}${unit === '' ? '' : ` ${unit}`}`;
}

export function figureLine(f: Figure): string {
  const limit = f.limit.direction === 'at most' ? (f.limit.ratio === 1 ? '' : `; pass if ratio ≤ ${f.limit.ratio}`) : `; pass if ratio ≥ ${f.limit.ratio}`;
  return `${f.label}: ${formatNumber(f.value, f.unit)} (bound ${formatNumber(f.bound, f.unit)}${limit}) ratio ${f.ratio.toFixed(2)} ${f.pass ? 'PASS' : 'FAIL'}`;
}

export function renderTable(figures: readonly Figure[], heading: string): string {
  const lines = [heading, ''];
  for (const f of figures) {
    lines.push(figureLine(f));
    for (const detail of f.details) lines.push(`    ${detail}`);
  }
  const failed = figures.filter((f) => !f.pass);
  lines.push('');
  lines.push(failed.length === 0 ? `All ${figures.length} figures PASS.` : `FAILED: ${failed.map((f) => f.key).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

export function jsonLine(figures: readonly Figure[], extra: Record<string, unknown>): string {
  const out: Record<string, unknown> = { ...extra, pass: figures.every((f) => f.pass), failed: figures.filter((f) => !f.pass).map((f) => f.key), figures: {} };
  const byKey = out.figures as Record<string, unknown>;
  for (const f of figures) {
    byKey[f.key] = { label: f.label, value: round(f.value), unit: f.unit, bound: round(f.bound), ratio: round(f.ratio), limit: f.limit, pass: f.pass, ...(f.data ?? {}) };
  }
  return `${JSON.stringify(out)}\n`;
}

function round(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 1000) / 1000 : value;
}
