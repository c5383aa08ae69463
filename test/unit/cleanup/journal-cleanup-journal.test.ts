import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallRecord } from '../../../shared/model/cleanup';
import { CleanupJournal } from '../../../src-main/cleanup/cleanup-journal';

let dir: string;
let path: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cv-journal-'));
  path = join(dir, 'plan.journal.jsonl');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const call = (step: number, outcome: CallRecord['outcome'], status = 204): CallRecord => ({
  at: '2025-01-01T00:00:00.000Z',
  step,
  operation: 'DeleteTag',
  projectId: 'p',
  targetIds: [`t${step}`],
  status,
  requestId: `req-${step}`,
  outcome,
});

/** The plan step a `call(step, …)` record is about (one target, t<step>). */
const step = (index: number) => ({ index, targetIds: [`t${index}`] });

async function writeSome(): Promise<void> {
  const journal = await CleanupJournal.open(path, 'plan-1');
  await journal.recordStart({ at: '2025-01-01T00:00:00.000Z', planId: 'plan-1', backup: { kind: 'waived', waivedAt: '2025-01-01T00:00:00.000Z' } });
  await journal.recordStep(call(0, 'done'));
  await journal.recordStep(call(1, 'accepted', 202));
  await journal.recordStep(call(2, 'already-gone', 404));
  await journal.recordStep(call(3, 'failed', 400));
  await journal.recordStep(call(4, 'skipped', 0));
  await journal.close();
}

describe('the cleanup run journal', () => {
  it('reads back which steps are finished after the process is gone', async () => {
    await writeSome();
    const reopened = await CleanupJournal.open(path, 'plan-1');
    expect([0, 1, 2, 3, 4, 5].map((n) => reopened.isFinished(step(n)))).toEqual([true, true, true, false, false, false]);
    expect(reopened.calls().map((record) => record.requestId)).toEqual(['req-0', 'req-1', 'req-2', 'req-3', 'req-4']);
    expect(reopened.starts()).toHaveLength(1);
    await reopened.close();
  });

  it('lets a later record of a step decide: a failed step that is retried and done is finished', async () => {
    await writeSome();
    const journal = await CleanupJournal.open(path, 'plan-1');
    await journal.recordStep(call(3, 'already-gone', 404));
    await journal.close();
    expect((await CleanupJournal.open(path, 'plan-1')).isFinished(step(3))).toBe(true);
  });

  it('drops a line cut short by a kill and appends the next record on a line of its own', async () => {
    await writeSome();
    await appendFile(path, '{"type":"step","call":{"at":"2025-01-01T00:00:00.000Z","step":5,"operation":"DeleteT');
    const journal = await CleanupJournal.open(path, 'plan-1');
    expect(journal.isFinished(step(5))).toBe(false);
    await journal.recordStep(call(5, 'done'));
    await journal.close();
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(7);
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
    expect((await CleanupJournal.open(path, 'plan-1')).isFinished(step(5))).toBe(true);
  });

  it('settles a split step id by id: finished only when every target is, and resumes with the rest', async () => {
    const journal = await CleanupJournal.open(path, 'plan-1');
    const batch = { index: 7, targetIds: ['a', 'b', 'c', 'd'] };
    const record = (ids: string[], outcome: CallRecord['outcome']): CallRecord => ({ ...call(7, outcome), operation: 'DeleteImages', targetIds: ids });
    await journal.recordStep(record(['a', 'b', 'c', 'd'], 'failed'));
    await journal.recordStep(record(['a', 'b'], 'done'));
    await journal.recordStep(record(['c'], 'dropped'));
    await journal.close();
    // A kill here: the next run sees only d open.
    const reopened = await CleanupJournal.open(path, 'plan-1');
    expect(reopened.isFinished(batch)).toBe(false);
    expect(reopened.remaining(batch)).toEqual(['d']);
    expect(reopened.dropped(7)).toEqual([{ id: 'c', reason: '' }]);
    await reopened.recordStep(record(['d'], 'unverified'));
    expect(reopened.remaining(batch)).toEqual(['d']);
    await reopened.recordStep(record(['d'], 'already-gone'));
    expect(reopened.isFinished(batch)).toBe(true);
    await reopened.close();
  });

  it('refuses a journal damaged in the middle, naming the line', async () => {
    await writeSome();
    const text = await readFile(path, 'utf8');
    const lines = text.split('\n');
    lines[2] = '{"type":"step","call":{"oops":true}}';
    await writeFile(path, lines.join('\n'));
    await expect(CleanupJournal.open(path, 'plan-1')).rejects.toMatchObject({ code: 'JOURNAL_INVALID', message: expect.stringContaining('line 3') });
  });

  it('refuses a journal that belongs to another plan', async () => {
    await writeSome();
    await expect(CleanupJournal.open(path, 'plan-2')).rejects.toMatchObject({ code: 'JOURNAL_MISMATCH', message: expect.stringContaining('plan-1') });
  });

  it('remembers whether the last poll of a project saw its images gone', async () => {
    const journal = await CleanupJournal.open(path, 'plan-1');
    const poll = (outcome?: CallRecord['outcome']): CallRecord => ({ at: 'x', operation: 'GetTaggedImageCount', projectId: 'p', targetIds: [], status: 200, ...(outcome ? { outcome } : {}) });
    await journal.recordPoll(poll());
    expect(journal.pollDone('p')).toBe(false);
    await journal.recordPoll(poll('done'));
    expect(journal.pollDone('p')).toBe(true);
    await journal.close();
    expect((await CleanupJournal.open(path, 'plan-1')).pollDone('p')).toBe(true);
  });
});
