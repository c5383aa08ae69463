/**
 * The worker's side of progress: the engine's ProgressReporter calls (one per finished
 * file, 100 000 and more in a big export) and request log entries are queued, adjacent
 * advances of one category merged, and sent in one message at most every FLUSH_MS, or
 * at once before anything that must not overtake them (a checkpoint, the result).
 */
import type { RequestLogEntry } from '../customvision';
import type { ProgressReporter } from '../jobs';
import type { ProgressOp, WorkerMessage } from './protocol';
import type { MainText } from '../../shared/model/main-text';

/** The job runner itself sends progress to the page about every 100 ms. */
export const FLUSH_MS = 50;

export class ProgressBatcher implements ProgressReporter {
  private ops: ProgressOp[] = [];
  private requests: RequestLogEntry[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly send: (message: WorkerMessage) => void) {}

  setTotal(category: string, total: number | null, bytesTotal?: number | null): void {
    this.queue(bytesTotal === undefined ? { op: 'total', category, total } : { op: 'total', category, total, bytesTotal });
  }

  advance(category: string, delta: { items?: number; bytes?: number } = { items: 1 }): void {
    const items = delta.items ?? 0;
    const bytes = delta.bytes ?? 0;
    const last = this.ops[this.ops.length - 1];
    if (last?.op === 'advance' && last.category === category) {
      last.items += items;
      last.bytes += bytes;
      return;
    }
    this.queue({ op: 'advance', category, items, bytes });
  }

  fail(category: string, message: string, text?: MainText): void {
    this.queue(text ? { op: 'fail', category, message, text } : { op: 'fail', category, message });
  }

  request(entry: RequestLogEntry): void {
    this.requests.push(entry);
    this.schedule();
  }

  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.requests.length > 0) {
      this.send({ type: 'requests', entries: this.requests });
      this.requests = [];
    }
    if (this.ops.length > 0) {
      this.send({ type: 'progress', ops: this.ops });
      this.ops = [];
    }
  }

  private queue(op: ProgressOp): void {
    this.ops.push(op);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => this.flush(), FLUSH_MS);
    // The export's own work keeps the worker alive; a pending flush must not.
    this.timer.unref();
  }
}
