/**
 * Hands the worker's progress to the job. A worker restarted with more memory resumes the
 * bundle and counts every file it finds already saved again, from zero; the job's bars
 * must not count them twice. So each category's items, bytes and errors are forwarded
 * only beyond the most any attempt has reported so far. For the first attempt (nearly
 * every export) that forwards everything as it comes.
 */
import type { ProgressReporter } from '../jobs';
import type { ProgressOp } from './protocol';

interface Counts {
  items: number;
  bytes: number;
  errors: number;
}

export class ProgressRelay {
  /** What the job has been told, per category: the high-water mark over all attempts. */
  private readonly reported = new Map<string, Counts>();
  /** What the current attempt has reported, per category. */
  private attempt = new Map<string, Counts>();

  constructor(private readonly progress: ProgressReporter) {}

  /** A new worker starts counting from zero. */
  newAttempt(): void {
    this.attempt = new Map();
  }

  apply(ops: readonly ProgressOp[]): void {
    for (const op of ops) {
      if (op.op === 'total') {
        if (op.bytesTotal === undefined) this.progress.setTotal(op.category, op.total);
        else this.progress.setTotal(op.category, op.total, op.bytesTotal);
        continue;
      }
      const now = counts(this.attempt, op.category);
      const told = counts(this.reported, op.category);
      if (op.op === 'fail') {
        now.errors += 1;
        if (now.errors > told.errors) {
          told.errors = now.errors;
          this.progress.fail(op.category, op.message, op.text);
        }
        continue;
      }
      now.items += op.items;
      now.bytes += op.bytes;
      const items = Math.max(0, now.items - told.items);
      const bytes = Math.max(0, now.bytes - told.bytes);
      if (items === 0 && bytes === 0) continue;
      told.items += items;
      told.bytes += bytes;
      this.progress.advance(op.category, { items, bytes });
    }
  }
}

function counts(map: Map<string, Counts>, category: string): Counts {
  let entry = map.get(category);
  if (!entry) {
    entry = { items: 0, bytes: 0, errors: 0 };
    map.set(category, entry);
  }
  return entry;
}
