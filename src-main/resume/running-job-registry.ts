/**
 * Which exports and cleanup runs are under way, kept on disk so the next start can tell
 * which were interrupted (docs/architecture.md, "Jobs"). A record is written when the job
 * starts and removed when the job ends while the app runs: succeeded, failed, or cancelled
 * by the user. A quit must leave it, so `stop()` is called before the job runner is disposed:
 * the runner's dispose cancels every job and fires onFinished('cancelled'), which a
 * stopped registry no longer hears. A kill -9 leaves the record by itself.
 *
 * Records written by this session belong to live jobs; every other record found in the
 * folder is a leftover: an interrupted job.
 */
import { randomUUID } from 'node:crypto';
import type { JobSnapshot } from '../../shared/model/job';
import { isTerminal } from '../jobs';
import {
  INTERRUPTED_RECORD_FORMAT,
  type CleanupStartInfo,
  type ExportStartInfo,
  type InterruptedRecord,
} from './interrupted-record';
import { RecordFiles, type ReportProblem } from './record-files';

/** What the registry needs from the job runner (which it is, structurally). */
export interface RegistryJobs {
  get(jobId: string): JobSnapshot | undefined;
  onFinished(listener: (snapshot: JobSnapshot) => void): () => void;
}

export interface RunningJobRegistryOptions {
  dataDir: string;
  jobs: RegistryJobs;
  /** Failures to write or read a record: logged, never shown as a job failure. */
  report?: ReportProblem;
  now?: () => Date;
  newId?: () => string;
}

type NewRecord = Omit<InterruptedRecord, 'format' | 'version' | 'id' | 'startedAt'>;

export class RunningJobRegistry {
  private readonly files: RecordFiles;
  private readonly jobs: RegistryJobs;
  private readonly report: ReportProblem;
  private readonly now: () => Date;
  private readonly newId: () => string;
  /** Records this session wrote and has not removed: live jobs, never "interrupted". */
  private readonly own = new Set<string>();
  /** Live job → its record and the write of it (a removal waits for the write). */
  private readonly byJob = new Map<string, { id: string; written: Promise<void> }>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly unsubscribe: () => void;
  private stopped = false;

  constructor(options: RunningJobRegistryOptions) {
    this.report = options.report ?? (() => undefined);
    this.files = new RecordFiles(options.dataDir, this.report);
    this.jobs = options.jobs;
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => randomUUID());
    this.unsubscribe = options.jobs.onFinished((snapshot) => this.finished(snapshot.id));
  }

  /** Where the records live (for support and tests). */
  get folder(): string {
    return this.files.folder;
  }

  recordExport(jobId: string, info: ExportStartInfo): void {
    this.record(jobId, { kind: 'export', ...info });
  }

  recordCleanup(jobId: string, info: CleanupStartInfo): void {
    this.record(jobId, { kind: 'cleanup', ...info });
  }

  /**
   * The app is quitting: from now on finished jobs keep their records (the runner is about
   * to cancel them all). Waits for records being written or removed, so a quit right after
   * a start still leaves a whole record.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    await this.settled();
  }

  /** Resolves when every write and removal started so far has finished. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /**
   * Records left by an earlier session (interrupted jobs), newest first; damaged ones are
   * reported and skipped. Waits for writes and removals under way, so a job that just
   * ended, or a run that just took over an old record, is never shown as interrupted.
   */
  async leftOver(): Promise<InterruptedRecord[]> {
    await this.settled();
    return this.readLeftOver();
  }

  private async readLeftOver(): Promise<InterruptedRecord[]> {
    const records = await this.files.readAll();
    return records.filter((record) => !this.own.has(record.id)).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  /** One leftover record by id, or undefined (unknown, damaged, or a live job's). */
  async leftOverById(id: string): Promise<InterruptedRecord | undefined> {
    await this.settled();
    if (this.own.has(id)) return undefined;
    return this.files.read(id);
  }

  /** Forgets a leftover record (dismissed, or taken up again); false when there was none. */
  async dismiss(id: string): Promise<boolean> {
    await this.settled();
    if (this.own.has(id) || !(await this.files.read(id))) return false;
    return this.files.remove(id);
  }

  private record(jobId: string, fields: NewRecord): void {
    if (this.stopped || this.byJob.has(jobId)) return;
    // A job that already ended (it failed at once) has nothing to resume.
    const job = this.jobs.get(jobId);
    if (job && isTerminal(job.state)) return;
    const record = { format: INTERRUPTED_RECORD_FORMAT, version: 1, id: this.newId(), startedAt: this.now().toISOString(), ...fields } as InterruptedRecord;
    this.own.add(record.id);
    const written = this.track(
      this.files
        .write(record)
        .then(() => this.supersede(record))
        .catch((error: unknown) => this.report('running-job record (write)', error)),
    );
    this.byJob.set(jobId, { id: record.id, written });
  }

  private finished(jobId: string): void {
    if (this.stopped) return;
    const entry = this.byJob.get(jobId);
    if (!entry) return;
    this.byJob.delete(jobId);
    this.track(
      entry.written
        .then(() => this.files.remove(entry.id))
        .then(() => void this.own.delete(entry.id))
        .catch((error: unknown) => this.report('running-job record (remove)', error)),
    );
  }

  /**
   * A new run into the same bundle, or of the same plan, takes over from an interrupted one
   * (it resumes from the same journal): the old record would offer to resume twice.
   */
  private async supersede(record: InterruptedRecord): Promise<void> {
    for (const old of await this.readLeftOver()) {
      const same = record.kind === 'export' ? old.kind === 'export' && old.folderPath === record.folderPath : old.kind === 'cleanup' && old.planId === record.planId;
      if (same) await this.files.remove(old.id);
    }
  }

  private track(work: Promise<void>): Promise<void> {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
    return work;
  }
}
