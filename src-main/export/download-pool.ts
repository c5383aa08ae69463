/**
 * Downloads many blobs with a bounded number at once, and renews expired links in bulk.
 *
 * SAS links die (24 h after the API hands them out); a 100 000-image export may outlive them.
 * A task whose link has expired — by its `se` when our clock can be trusted, or by the
 * storage's 403 — is set aside; set-aside tasks are renewed together, up to 256 per call
 * (GetImagesByIds' limit), when 256 have gathered or nothing else is ready. Never one
 * call per image. Network failures are retried a few times with backoff; anything else
 * fails just that task (reported through onFailed), except fatal errors, which stop the
 * pool once the downloads in flight have settled.
 */
import { isCustomVisionError, isRetryableError, sasExpiry } from '../customvision';
import type { BundleFileRecord } from './file-sink';
import { isFatalExportError, problemText, sleep } from './export-errors';

export interface DownloadTask {
  /** What refresh() matches fresh links by (image id, prediction id, export key). */
  id: string;
  url: string | null | undefined;
  /** Passed back to refresh(): tasks of one scope are renewed together (e.g. an iteration). */
  scope?: string;
}

export interface DownloadPoolOptions<T extends DownloadTask> {
  concurrency: number;
  signal: AbortSignal;
  /** Called before each download starts: where pause and cancel take effect. */
  checkpoint: () => Promise<void>;
  download: (task: T, url: string) => Promise<BundleFileRecord>;
  /** Fresh links for tasks of one scope (at most refreshBatchSize); missing id = gone. */
  refresh: (scope: string | undefined, tasks: readonly T[]) => Promise<Map<string, string | null | undefined>>;
  onDone: (task: T, record: BundleFileRecord) => void;
  onFailed: (task: T, message: string) => void;
  /** Runs each download attempt in a slot shared with other pools (BackgroundDownloads). */
  slot?: <R>(work: () => Promise<R>) => Promise<R>;
  refreshBatchSize?: number;
  /** Attempts per task for failures worth another try (resets, timeouts, truncated bodies, 5xx). Default 8. */
  maxAttempts?: number;
  /** 403 "expired" answers for links that looked valid, per task, before giving up. Default 3. */
  maxExpiredAnswers?: number;
  now?: () => number;
  retryDelayMs?: (attempt: number) => number;
}

export interface DownloadPoolResult {
  done: number;
  failed: number;
  refreshCalls: number;
}

interface TaskState {
  attempts: number;
  expiredAnswers: number;
  refreshes: number;
}

/**
 * On a network that drops one transfer in ten, four attempts still lose about one file in
 * ten thousand — a few per big account. Eight make that one in a hundred million, and a
 * file that fails eight times in a row is failing for a reason retries will not fix.
 */
const DEFAULT_ATTEMPTS = 8;

/** Full-jitter exponential backoff (0.25 s, 0.5 s, … capped at 10 s), so retries of many files do not come back together. */
function defaultRetryDelayMs(attempt: number): number {
  return Math.floor(Math.random() * Math.min(10_000, 250 * 2 ** Math.max(0, attempt - 1)));
}

/** A safety net only: a task renewed this often is failing for a reason we do not see. */
const MAX_REFRESHES = 200;
/** A fresh link "expired" by more than this means our clock is wrong, not the link. */
const CLOCK_SKEW_MS = 60_000;

export async function runDownloads<T extends DownloadTask>(source: AsyncIterable<T>, options: DownloadPoolOptions<T>): Promise<DownloadPoolResult> {
  const batchSize = options.refreshBatchSize ?? 256;
  const maxAttempts = options.maxAttempts ?? DEFAULT_ATTEMPTS;
  const maxExpiredAnswers = options.maxExpiredAnswers ?? 3;
  const now = options.now ?? Date.now;
  const inSlot = options.slot ?? (<R>(work: () => Promise<R>): Promise<R> => work());
  const retryDelay = options.retryDelayMs ?? defaultRetryDelayMs;
  const result: DownloadPoolResult = { done: 0, failed: 0, refreshCalls: 0 };
  const states = new WeakMap<T, TaskState>();
  const ready: T[] = [];
  const expired: T[] = [];
  const running = new Set<Promise<void>>();
  const iterator = source[Symbol.asyncIterator]();
  let sourceDone = false;
  let trustClock = true;
  let fatal: { error: unknown } | undefined;

  const state = (task: T): TaskState => {
    let s = states.get(task);
    if (!s) {
      s = { attempts: 0, expiredAnswers: 0, refreshes: 0 };
      states.set(task, s);
    }
    return s;
  };
  const fail = (task: T, message: string): void => {
    result.failed += 1;
    options.onFailed(task, message);
  };
  const looksExpired = (url: string): boolean => {
    if (!trustClock) return false;
    const expiry = sasExpiry(url)?.getTime();
    return expiry !== undefined && expiry <= now();
  };

  async function downloadOne(task: T, url: string): Promise<void> {
    const s = state(task);
    for (;;) {
      try {
        const record = await inSlot(() => options.download(task, url));
        result.done += 1;
        options.onDone(task, record);
        return;
      } catch (error) {
        if (isFatalExportError(error)) throw error;
        if (isCustomVisionError(error) && error.code === 'EXPIRED_LINK') {
          s.expiredAnswers += 1;
          if (s.expiredAnswers > maxExpiredAnswers) fail(task, `${problemText(error)} (still expired after ${maxExpiredAnswers} fresh links)`);
          else expired.push(task);
          return;
        }
        s.attempts += 1;
        if (isRetryableError(error) && s.attempts < maxAttempts) {
          await sleep(retryDelay(s.attempts), options.signal);
          continue;
        }
        fail(task, problemText(error));
        return;
      }
    }
  }

  function launch(task: T, url: string): void {
    const run: Promise<void> = downloadOne(task, url)
      .catch((error: unknown) => {
        fatal ??= { error };
      })
      .finally(() => running.delete(run));
    running.add(run);
  }

  async function renew(): Promise<void> {
    const scope = expired[0]?.scope;
    const batch: T[] = [];
    const rest: T[] = [];
    for (const task of expired) (task.scope === scope && batch.length < batchSize ? batch : rest).push(task);
    expired.splice(0, expired.length, ...rest);
    result.refreshCalls += 1;
    let fresh: Map<string, string | null | undefined>;
    try {
      fresh = await options.refresh(scope, batch);
    } catch (error) {
      if (isFatalExportError(error)) throw error;
      for (const task of batch) fail(task, `Could not get a fresh download link: ${problemText(error)}`);
      return;
    }
    for (const task of batch) {
      const url = fresh.get(task.id);
      const s = state(task);
      s.refreshes += 1;
      if (typeof url !== 'string' || url === '') {
        fail(task, 'It is no longer available: the service returned no download link for it.');
      } else if (s.refreshes > MAX_REFRESHES) {
        fail(task, 'Its download link kept expiring before it could be used.');
      } else {
        const expiry = sasExpiry(url)?.getTime();
        if (expiry !== undefined && expiry < now() - CLOCK_SKEW_MS) trustClock = false;
        task.url = url;
        ready.push(task);
      }
    }
  }

  async function next(): Promise<T | undefined> {
    const task = ready.shift();
    if (task || sourceDone) return task;
    const item = await iterator.next();
    if (item.done) {
      sourceDone = true;
      return undefined;
    }
    return item.value;
  }

  try {
    for (;;) {
      while (!fatal && running.size < options.concurrency) {
        const task = await next();
        if (!task) break;
        const url = task.url;
        if (typeof url !== 'string' || url === '' || looksExpired(url)) {
          expired.push(task);
          if (expired.length >= batchSize) await renew();
          continue;
        }
        await options.checkpoint();
        launch(task, url);
      }
      if (fatal) break;
      const nothingReady = ready.length === 0 && sourceDone;
      if (expired.length > 0 && nothingReady) {
        await renew();
        continue;
      }
      if (running.size === 0) {
        if (nothingReady) break;
        continue;
      }
      await Promise.race(running);
    }
  } catch (error) {
    fatal ??= { error };
  }
  await Promise.allSettled([...running]);
  if (fatal) throw fatal.error;
  return result;
}
