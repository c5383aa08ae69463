/**
 * Per-category progress of one job (e.g. "projects", "images", "tags" of an export).
 * Mutable on purpose: work may report tens of thousands of items, so counting is cheap
 * and copying happens only when a snapshot is actually sent.
 */
import type { CategoryProgress } from '../../shared/model/job';
import type { MainText } from '../../shared/model/main-text';

export interface ProgressDelta {
  /** Items finished; must be a non-negative integer. Defaults to 0. */
  items?: number;
  /** Bytes transferred; must be a non-negative number. Defaults to 0. */
  bytes?: number;
}

/** What a running job is given to report its progress. */
export interface ProgressReporter {
  /**
   * Sets how many items (and optionally bytes) a category will have. `null` means
   * "not known", which the renderer draws as an indeterminate bar. Omitting
   * `bytesTotal` leaves the byte total as it was.
   */
  setTotal(category: string, total: number | null, bytesTotal?: number | null): void;
  /** Records finished work. With no delta, counts one item. */
  advance(category: string, delta?: ProgressDelta): void;
  /**
   * Counts one error for the category and remembers its text for display: `message` in
   * English, `text` (when given) as a catalogue code the interface shows in its language.
   */
  fail(category: string, message: string, text?: MainText): void;
}

interface CategoryCounts {
  done: number;
  total: number | null;
  bytesDone: number;
  bytesTotal: number | null;
  errors: number;
  lastError: string | undefined;
  lastErrorText: MainText | undefined;
}

export class JobProgress implements ProgressReporter {
  // A Map keeps insertion order, so categories declared up front are shown in that order
  // and ones first seen later are appended after them.
  private readonly categories = new Map<string, CategoryCounts>();
  private readonly onChange: () => void;

  constructor(categories: readonly string[] = [], onChange: () => void = () => {}) {
    for (const category of categories) this.entry(category);
    this.onChange = onChange;
  }

  setTotal(category: string, total: number | null, bytesTotal?: number | null): void {
    if (total !== null) assertCount('total', total);
    if (bytesTotal !== undefined && bytesTotal !== null) assertAmount('bytesTotal', bytesTotal);
    const counts = this.entry(category);
    counts.total = total;
    if (bytesTotal !== undefined) counts.bytesTotal = bytesTotal;
    this.onChange();
  }

  advance(category: string, delta: ProgressDelta = { items: 1 }): void {
    const items = delta.items ?? 0;
    const bytes = delta.bytes ?? 0;
    assertCount('items', items);
    assertAmount('bytes', bytes);
    const counts = this.entry(category);
    counts.done += items;
    counts.bytesDone += bytes;
    this.onChange();
  }

  fail(category: string, message: string, text?: MainText): void {
    const counts = this.entry(category);
    counts.errors += 1;
    counts.lastError = message;
    // A message without a code must not keep showing the previous error's translation.
    counts.lastErrorText = text;
    this.onChange();
  }

  /** A fresh copy; callers may keep or mutate it without touching the live counts. */
  snapshot(): CategoryProgress[] {
    return [...this.categories].map(([category, counts]) => ({
      category,
      done: counts.done,
      total: counts.total,
      bytesDone: counts.bytesDone,
      bytesTotal: counts.bytesTotal,
      errors: counts.errors,
      ...(counts.lastError === undefined ? {} : { lastError: counts.lastError }),
      ...(counts.lastErrorText === undefined ? {} : { lastErrorText: counts.lastErrorText }),
    }));
  }

  private entry(category: string): CategoryCounts {
    // The snapshot schema rejects empty names; failing here points at the caller instead.
    if (category.length === 0) throw new RangeError('A progress category needs a name');
    let counts = this.categories.get(category);
    if (!counts) {
      counts = { done: 0, total: null, bytesDone: 0, bytesTotal: null, errors: 0, lastError: undefined, lastErrorText: undefined };
      this.categories.set(category, counts);
    }
    return counts;
  }
}

// Bad numbers are programming errors in the work; rejecting them here keeps every
// emitted snapshot valid against CategoryProgressSchema.
function assertCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}

function assertAmount(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative number, got ${value}`);
  }
}
