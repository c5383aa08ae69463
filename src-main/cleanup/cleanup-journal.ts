/**
 * The run's journal (docs/architecture.md, "Cleanup"): one JSON line per delete call, per
 * poll call and per run start, next to the plan. Each line is written and fsynced before
 * the executor moves on, so after a crash, kill -9 or power cut the journal says exactly
 * which steps finished; a resumed run skips those and re-sends the rest (a re-sent delete
 * of something already gone answers 404, recorded as already-gone).
 *
 * Lines: `{"type":"start",at,planId,backup}` (each run, after its gate passed),
 * `{"type":"step",call}` (a delete call or a skipped step) and `{"type":"poll",call}`
 * (a read made while waiting for a 202 deletion; `outcome: "done"` once its targets were
 * seen gone). The key is never written: nothing here ever sees it.
 */
import { open, readFile, truncate, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { CallRecordSchema, ReceiptSchema, type CallRecord, type StepOutcome } from '../../shared/model/cleanup';
import { AppError } from '../errors/app-error';
import type { MainText } from '../../shared/model/main-text';

export const BackupRecordSchema = ReceiptSchema.shape.backup;
export type BackupRecord = z.infer<typeof BackupRecordSchema>;

const StartLineSchema = z.object({ type: z.literal('start'), at: z.string(), planId: z.string(), backup: BackupRecordSchema });
const JournalLineSchema = z.discriminatedUnion('type', [
  StartLineSchema,
  z.object({ type: z.literal('step'), call: CallRecordSchema }),
  z.object({ type: z.literal('poll'), call: CallRecordSchema }),
]);
export type JournalLine = z.infer<typeof JournalLineSchema>;
export type StartLine = z.infer<typeof StartLineSchema>;

/** Outcomes after which a step (or the ids a record names) is never sent again. */
const FINISHED: ReadonlySet<StepOutcome> = new Set(['done', 'accepted', 'already-gone']);
/** Outcomes that settle a target without deleting it: left in place, out of scope. */
const SETTLED: ReadonlySet<StepOutcome> = new Set([...FINISHED, 'dropped']);

export function isFinishedOutcome(outcome: StepOutcome | undefined): boolean {
  return outcome !== undefined && FINISHED.has(outcome);
}

export class CleanupJournal {
  readonly path: string;
  private readonly lines: JournalLine[];
  private readonly lastByStep = new Map<number, StepOutcome | undefined>();
  /** Per step, the targets a record settled (deleted, already gone, or left in place as out of scope). */
  private readonly settledByStep = new Map<number, Set<string>>();
  private readonly outcomesByStep = new Map<number, Set<StepOutcome>>();
  private readonly pollDoneByProject = new Map<string, boolean>();
  private handle: FileHandle | undefined;
  private tail: Promise<void> = Promise.resolve();

  private constructor(path: string, lines: JournalLine[]) {
    this.path = path;
    this.lines = [];
    for (const line of lines) this.remember(line);
  }

  /**
   * Reads the journal at `path` (none yet = a fresh run). A journal written for another
   * plan is refused: its step numbers would mean other calls.
   */
  static async open(path: string, planId: string): Promise<CleanupJournal> {
    const lines = await readJournal(path);
    const other = lines.find((line): line is StartLine => line.type === 'start' && line.planId !== planId);
    if (other) {
      throw new AppError(
        'JOURNAL_MISMATCH',
        `The run journal ${path} belongs to another plan (${other.planId}), not to plan ${planId}. Save the new plan under another name, or move the old journal away if that run is finished.`,
      );
    }
    return new CleanupJournal(path, lines);
  }

  /** Every line so far, oldest first. */
  entries(): readonly JournalLine[] {
    return this.lines;
  }

  starts(): StartLine[] {
    return this.lines.filter((line): line is StartLine => line.type === 'start');
  }

  /** Every call record (steps, skips and polls) in the order they were journaled. */
  calls(): CallRecord[] {
    return this.lines.flatMap((line) => (line.type === 'start' ? [] : [line.call]));
  }

  /** The outcome of the step's last record, if it has any. */
  stepOutcome(step: number): StepOutcome | undefined {
    return this.lastByStep.get(step);
  }

  /**
   * Whether every target of the step is settled. A step split into smaller calls (a batch
   * the service refused, halved) is finished only when each of its ids is, so a run killed
   * in the middle of a split resumes with exactly the ids still open.
   */
  isFinished(step: { index: number; targetIds: readonly string[] }): boolean {
    return this.remaining(step).length === 0;
  }

  /** The step's targets no record has settled yet, in plan order. */
  remaining(step: { index: number; targetIds: readonly string[] }): string[] {
    const settled = this.settledByStep.get(step.index);
    return settled === undefined ? [...step.targetIds] : step.targetIds.filter((id) => !settled.has(id));
  }

  /** Targets of the step left in place as out of scope, with the reason journaled. */
  dropped(step: number): Array<{ id: string; reason: string; reasonText?: MainText[] }> {
    const out: Array<{ id: string; reason: string; reasonText?: MainText[] }> = [];
    for (const line of this.lines) {
      if (line.type !== 'step' || line.call.step !== step || line.call.outcome !== 'dropped') continue;
      const reasonText = line.call.messageText;
      for (const id of line.call.targetIds) out.push({ id, reason: line.call.message ?? '', ...(reasonText === undefined ? {} : { reasonText }) });
    }
    return out;
  }

  /** Whether any record of the step had this outcome. */
  hadOutcome(step: number, outcome: StepOutcome): boolean {
    return this.outcomesByStep.get(step)?.has(outcome) === true;
  }

  /** Whether the last poll of the project's 202 image deletions saw its targets gone. */
  pollDone(projectId: string): boolean {
    return this.pollDoneByProject.get(projectId) === true;
  }

  recordStart(line: Omit<StartLine, 'type'>): Promise<void> {
    return this.append({ type: 'start', ...line });
  }

  recordStep(call: CallRecord): Promise<void> {
    if (call.step === undefined) throw new Error('a step record needs its step index');
    return this.append({ type: 'step', call });
  }

  recordPoll(call: CallRecord): Promise<void> {
    if (call.projectId === undefined) throw new Error('a poll record needs its project');
    return this.append({ type: 'poll', call });
  }

  async close(): Promise<void> {
    await this.tail.catch(() => undefined);
    const handle = this.handle;
    this.handle = undefined;
    await handle?.close();
  }

  /** Appends one line and fsyncs it; resolves only once it is on disk. */
  private append(line: JournalLine): Promise<void> {
    const write = this.tail.then(async () => {
      const handle = await this.fileHandle();
      await handle.appendFile(`${JSON.stringify(line)}\n`, 'utf8');
      await handle.sync();
      this.remember(line);
    });
    // A failed write fails this append; later appends still try (and fail on their own).
    this.tail = write.catch(() => undefined);
    return write;
  }

  private async fileHandle(): Promise<FileHandle> {
    if (this.handle) return this.handle;
    const handle = await open(this.path, 'a');
    // The file may be new: sync its folder too, so the name survives a power cut.
    await syncFolder(dirname(this.path));
    this.handle = handle;
    return handle;
  }

  private remember(line: JournalLine): void {
    this.lines.push(line);
    if (line.type === 'step' && line.call.step !== undefined) {
      const step = line.call.step;
      this.lastByStep.set(step, line.call.outcome);
      if (line.call.outcome !== undefined) {
        let outcomes = this.outcomesByStep.get(step);
        if (!outcomes) this.outcomesByStep.set(step, (outcomes = new Set()));
        outcomes.add(line.call.outcome);
        if (SETTLED.has(line.call.outcome)) {
          let settled = this.settledByStep.get(step);
          if (!settled) this.settledByStep.set(step, (settled = new Set()));
          for (const id of line.call.targetIds) settled.add(id);
        }
      }
    }
    if (line.type === 'poll' && line.call.projectId !== undefined) this.pollDoneByProject.set(line.call.projectId, line.call.outcome === 'done');
  }
}

/**
 * Parses the journal. A last line without its line break is a write cut short by a kill
 * or power cut: it was never acknowledged, so it is dropped (and cut off the file so the
 * next append starts on a fresh line); its step is simply sent again. Damage anywhere
 * else is refused, with the line number.
 */
async function readJournal(path: string): Promise<JournalLine[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  }
  const end = text.lastIndexOf('\n') + 1;
  if (end < text.length) {
    await truncate(path, Buffer.byteLength(text.slice(0, end), 'utf8'));
    text = text.slice(0, end);
  }
  const out: JournalLine[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new AppError('JOURNAL_INVALID', `The run journal ${path} is damaged at line ${index + 1} (not JSON). Move it away to start the run afresh.`);
    }
    const result = JournalLineSchema.safeParse(parsed);
    if (!result.success) {
      throw new AppError('JOURNAL_INVALID', `The run journal ${path} is damaged at line ${index + 1} (${result.error.issues[0]?.message ?? 'unexpected content'}).`);
    }
    out.push(result.data);
  });
  return out;
}

async function syncFolder(folder: string): Promise<void> {
  // Folders cannot be opened for fsync on Windows; the rename-free append is safe enough there.
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort
  }
}
