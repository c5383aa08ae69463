/**
 * Runs long operations (inventory, export, verify, cleanup…) as jobs the user can watch,
 * pause, resume and cancel (docs/architecture.md, "Jobs"). Plain Node: the Electron main
 * process, the CLI and the browser harness all share it.
 *
 * The work itself cooperates: it receives an AbortSignal to hand to every request, and
 * calls `checkpoint()` between items, which is where pausing and cancelling take effect.
 */
import { randomUUID } from 'node:crypto';
import type { JobKind, JobSnapshot, JobState } from '../../shared/model/job';
import type { MainText } from '../../shared/model/main-text';
import { JobError } from './job-error';
import { JobProgress, type ProgressReporter } from './job-progress';
import { assertTransition, isTerminal } from './job-state';
import { createThrottle, DEFAULT_PROGRESS_INTERVAL_MS, type Throttle } from './progress-throttle';

export interface JobContext {
  readonly jobId: string;
  /** Aborted when the job is cancelled; pass it to every request the work makes. */
  readonly signal: AbortSignal;
  readonly progress: ProgressReporter;
  /**
   * Call between items. Resolves at once while running, waits while paused, and rejects
   * with the signal's AbortError once the job is cancelled.
   */
  checkpoint(): Promise<void>;
}

export interface StartJobOptions {
  kind: JobKind;
  title: string;
  /** The title as a catalogue code, so the interface shows it in its own language. */
  titleText?: MainText;
  /** Declared up front so the renderer can show every bar, in this order, from the start. */
  categories: readonly string[];
  /** The work. A returned string becomes the job's `summary`. */
  run: (ctx: JobContext) => Promise<JobResult>;
}

/** A summary in English plus the same as a catalogue code, for the interface's language. */
export interface TranslatableSummary {
  summary: string;
  summaryText: MainText;
}

/**
 * What `run` may resolve with: a summary string (or one with its catalogue code), or
 * nothing. `string | void` is exactly the type TypeScript infers for an async function
 * that returns a summary on only some paths; `string | undefined` would reject such work,
 * hence the lint exception.
 */
// eslint-disable-next-line @typescript-eslint/no-invalid-void-type
export type JobResult = string | TranslatableSummary | void;

export interface JobRunnerOptions {
  /** How many jobs may run (or sit paused) at once; the rest wait in FIFO order. */
  maxConcurrent?: number;
  /** Minimum time between two progress events of one job. */
  progressIntervalMs?: number;
  /** Clock for the ISO timestamps in snapshots. */
  now?: () => Date;
  idFactory?: () => string;
  /**
   * Told when a progress/finished listener throws. The runner keeps going either way;
   * this only decides where the failure is reported.
   */
  onListenerError?: (error: unknown) => void;
}

export type JobListener = (snapshot: JobSnapshot) => void;

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
}

interface JobRecord {
  readonly id: string;
  readonly kind: JobKind;
  readonly title: string;
  readonly titleText: MainText | undefined;
  state: JobState;
  readonly createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  error?: { code: string; message: string };
  summary?: string;
  summaryText?: MainText;
  readonly progress: JobProgress;
  readonly controller: AbortController;
  /** Carries the record itself; the snapshot is built only when an event is actually sent. */
  readonly throttle: Throttle<JobRecord>;
  readonly run: StartJobOptions['run'];
  /** Checkpoints blocked while the job is paused. */
  waiters: Waiter[];
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

export class JobRunner {
  private readonly maxConcurrent: number;
  private readonly progressIntervalMs: number;
  private readonly now: () => Date;
  private readonly idFactory: () => string;
  private readonly onListenerError: (error: unknown) => void;

  // Insertion order = creation order, which `list()` reverses for "newest first".
  private readonly jobs = new Map<string, JobRecord>();
  private readonly queue: JobRecord[] = [];
  private readonly progressListeners = new Set<JobListener>();
  private readonly finishedListeners = new Set<JobListener>();
  /** Jobs whose `run` has been called and has not settled yet (running or paused). */
  private active = 0;
  private pumpScheduled = false;
  private disposed = false;

  constructor(options: JobRunnerOptions = {}) {
    const maxConcurrent = options.maxConcurrent ?? 2;
    if (!Number.isSafeInteger(maxConcurrent) || maxConcurrent < 1) {
      throw new RangeError(`maxConcurrent must be a positive integer, got ${maxConcurrent}`);
    }
    this.maxConcurrent = maxConcurrent;
    this.progressIntervalMs = options.progressIntervalMs ?? DEFAULT_PROGRESS_INTERVAL_MS;
    this.now = options.now ?? (() => new Date());
    this.idFactory = options.idFactory ?? (() => randomUUID());
    this.onListenerError =
      options.onListenerError ??
      ((error) => console.error('[jobs] a job listener threw; the job continues', error));
  }

  /**
   * Creates the job in `queued` and returns that snapshot. It starts on a later microtask,
   * so the caller can hand out the id (and subscribers can attach) before any work runs.
   */
  start(options: StartJobOptions): JobSnapshot {
    if (this.disposed) throw new JobError('INVALID_STATE', 'CV Steward is shutting down and cannot start new jobs.');
    const id = this.idFactory();
    if (this.jobs.has(id)) throw new Error(`Job id ${id} is already in use`);

    // The throttle and the progress tracker need the record, and the record needs them.
    const job: JobRecord = {
      id,
      kind: options.kind,
      title: options.title,
      titleText: options.titleText,
      state: 'queued',
      createdAt: this.timestamp(),
      progress: new JobProgress(options.categories, () => job.throttle.push(job)),
      controller: new AbortController(),
      throttle: createThrottle<JobRecord>({
        intervalMs: this.progressIntervalMs,
        emit: (record) => this.notify(this.progressListeners, record),
      }),
      run: options.run,
      waiters: [],
    };
    this.jobs.set(id, job);
    this.queue.push(job);
    this.emitStateChange(job);
    this.schedulePump();
    return toSnapshot(job);
  }

  /** Takes effect at the work's next `checkpoint()`; the job keeps its slot meanwhile. */
  pause(id: string): JobSnapshot {
    const job = this.require(id);
    assertTransition(job.state, 'paused');
    job.state = 'paused';
    this.emitStateChange(job);
    return toSnapshot(job);
  }

  resume(id: string): JobSnapshot {
    const job = this.require(id);
    // queued → running is legal for the runner but is not something "resume" can do:
    // the job starts on its own when a slot frees.
    if (job.state === 'queued') {
      throw new JobError('INVALID_STATE', 'This job has not started yet; it will start on its own when a slot frees.');
    }
    assertTransition(job.state, 'running');
    job.state = 'running';
    const waiters = job.waiters;
    job.waiters = [];
    for (const waiter of waiters) waiter.resolve();
    this.emitStateChange(job);
    return toSnapshot(job);
  }

  /**
   * The job is `cancelled` as soon as this returns, and `onFinished` has fired. The signal
   * is aborted so in-flight requests stop; whatever `run` does afterwards is ignored.
   */
  cancel(id: string): JobSnapshot {
    const job = this.require(id);
    assertTransition(job.state, 'cancelled');
    const queuedAt = this.queue.indexOf(job);
    if (queuedAt !== -1) this.queue.splice(queuedAt, 1);
    this.finish(job, 'cancelled');
    return toSnapshot(job);
  }

  get(id: string): JobSnapshot | undefined {
    const job = this.jobs.get(id);
    return job ? toSnapshot(job) : undefined;
  }

  /** Newest first. */
  list(): JobSnapshot[] {
    return [...this.jobs.values()].reverse().map(toSnapshot);
  }

  /** Forgets succeeded, failed and cancelled jobs; returns how many were removed. */
  clearFinished(): number {
    let removed = 0;
    for (const job of [...this.jobs.values()]) {
      if (isTerminal(job.state)) {
        this.jobs.delete(job.id);
        removed += 1;
      }
    }
    return removed;
  }

  /** Throttled to about 10 events per second per job; state changes are sent at once. */
  onProgress(listener: JobListener): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  /** Exactly once per job, with the final snapshot, after its last progress event. */
  onFinished(listener: JobListener): () => void {
    this.finishedListeners.add(listener);
    return () => this.finishedListeners.delete(listener);
  }

  /** Cancels every unfinished job (listeners still hear about it), then goes quiet. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const job of [...this.jobs.values()]) {
      if (!isTerminal(job.state)) this.cancel(job.id);
    }
    this.progressListeners.clear();
    this.finishedListeners.clear();
  }

  private require(id: string): JobRecord {
    const job = this.jobs.get(id);
    if (!job) throw new JobError('NOT_FOUND', 'This job no longer exists. It may have been cleared from the list.');
    return job;
  }

  // Deferred so a burst of start() calls, or a job settling inside a listener, never
  // re-enters the runner half-way through an update.
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    queueMicrotask(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (!this.disposed && this.active < this.maxConcurrent) {
      const job = this.queue.shift();
      if (!job) return;
      if (job.state === 'queued') this.launch(job);
    }
  }

  private launch(job: JobRecord): void {
    assertTransition(job.state, 'running');
    job.state = 'running';
    job.startedAt = this.timestamp();
    this.active += 1;
    this.emitStateChange(job);

    const ctx: JobContext = {
      jobId: job.id,
      signal: job.controller.signal,
      progress: this.guardedReporter(job),
      checkpoint: () => this.checkpoint(job),
    };
    let result: Promise<unknown>;
    try {
      result = Promise.resolve(job.run(ctx));
    } catch (error) {
      // A `run` that throws before returning its promise is still a failed job, not a crash.
      result = Promise.reject(error);
    }
    result.then(
      (value) => this.settle(job, { ok: true, value }),
      (error: unknown) => this.settle(job, { ok: false, error }),
    );
  }

  // Once a job has finished its counts are final: late reports from work that is still
  // winding down after a cancel must not change what the user was already shown.
  private guardedReporter(job: JobRecord): ProgressReporter {
    return {
      setTotal: (category, total, bytesTotal) => {
        if (!isTerminal(job.state)) job.progress.setTotal(category, total, bytesTotal);
      },
      advance: (category, delta) => {
        if (!isTerminal(job.state)) job.progress.advance(category, delta);
      },
      fail: (category, message, text) => {
        if (!isTerminal(job.state)) job.progress.fail(category, message, text);
      },
    };
  }

  private checkpoint(job: JobRecord): Promise<void> {
    const { signal } = job.controller;
    if (signal.aborted) return Promise.reject(abortReason(signal));
    if (job.state !== 'paused') return Promise.resolve();
    return new Promise<void>((resolve, reject) => job.waiters.push({ resolve, reject }));
  }

  private settle(job: JobRecord, outcome: Outcome): void {
    // The slot is held until `run` really stops, even after a cancel, so maxConcurrent
    // bounds the work actually hitting the network and disk.
    this.active -= 1;
    if (!isTerminal(job.state)) {
      // The work can finish between two checkpoints while a pause is pending. The outcome
      // is real (the data was exported or deleted), so report it rather than hold it back.
      if (job.state === 'paused') {
        assertTransition('paused', 'running');
        job.state = 'running';
      }
      if (outcome.ok) {
        if (typeof outcome.value === 'string') job.summary = outcome.value;
        else if (isTranslatableSummary(outcome.value)) {
          job.summary = outcome.value.summary;
          job.summaryText = outcome.value.summaryText;
        }
        this.finish(job, 'succeeded');
      } else {
        job.error = toErrorInfo(outcome.error);
        this.finish(job, 'failed');
      }
    }
    this.pump();
  }

  private finish(job: JobRecord, state: 'succeeded' | 'failed' | 'cancelled'): void {
    assertTransition(job.state, state);
    // Progress first, so the last counts arrive before the "finished" event.
    job.throttle.flush();
    job.throttle.dispose();
    job.state = state;
    job.finishedAt = this.timestamp();

    const waiters = job.waiters;
    job.waiters = [];
    if (state === 'cancelled') {
      job.controller.abort();
      const reason = abortReason(job.controller.signal);
      for (const waiter of waiters) waiter.reject(reason);
    } else {
      for (const waiter of waiters) waiter.resolve();
    }
    this.notify(this.finishedListeners, job);
  }

  private emitStateChange(job: JobRecord): void {
    job.throttle.push(job);
    job.throttle.flush();
  }

  private notify(listeners: ReadonlySet<JobListener>, job: JobRecord): void {
    // Copied so a listener may unsubscribe itself while being called.
    for (const listener of [...listeners]) {
      try {
        // One snapshot per listener: none can alter what the next one sees.
        listener(toSnapshot(job));
      } catch (error) {
        this.reportListenerError(error);
      }
    }
  }

  private reportListenerError(error: unknown): void {
    try {
      this.onListenerError(error);
    } catch {
      // Nothing sensible is left to do; the runner must keep going.
    }
  }

  private timestamp(): string {
    return this.now().toISOString();
  }
}

function toSnapshot(job: JobRecord): JobSnapshot {
  return {
    id: job.id,
    kind: job.kind,
    title: job.title,
    ...(job.titleText === undefined ? {} : { titleText: job.titleText }),
    state: job.state,
    categories: job.progress.snapshot(),
    createdAt: job.createdAt,
    ...(job.startedAt === undefined ? {} : { startedAt: job.startedAt }),
    ...(job.finishedAt === undefined ? {} : { finishedAt: job.finishedAt }),
    ...(job.error === undefined ? {} : { error: { ...job.error } }),
    ...(job.summary === undefined ? {} : { summary: job.summary }),
    ...(job.summaryText === undefined ? {} : { summaryText: job.summaryText }),
  };
}

function isTranslatableSummary(value: unknown): value is TranslatableSummary {
  return typeof value === 'object' && value !== null && typeof (value as TranslatableSummary).summary === 'string' && typeof (value as TranslatableSummary).summaryText === 'object';
}

// `AbortSignal.reason` is typed `any`; this keeps it `unknown` for the code that uses it.
// Without an explicit reason, abort() sets a DOMException named 'AbortError', the same
// error fetch and stream APIs throw, so work can treat every cancellation alike.
function abortReason(signal: AbortSignal): unknown {
  const reason: unknown = signal.reason;
  return reason;
}

/** Services signal a specific failure by throwing an error with a string `code`. */
function toErrorInfo(error: unknown): { code: string; message: string } {
  const code =
    typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && error.code !== ''
      ? error.code
      : 'INTERNAL';
  let message = 'The job stopped because of an unexpected error.';
  if (error instanceof Error && error.message !== '') message = error.message;
  else if (typeof error === 'string' && error !== '') message = error;
  return { code, message };
}
