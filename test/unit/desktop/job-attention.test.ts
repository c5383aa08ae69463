/**
 * What the OS shows about long jobs: the taskbar/dock bar while exports, verifies and
 * cleanups run, and a notification when a long one ends while the user looks elsewhere —
 * never for a cancel, never for a short job, never with a URL or key in the text.
 */
import { describe, expect, it, vi } from 'vitest';
import { JobSnapshotSchema, type JobSnapshot } from '../../../shared/model/job';
import { JobRunner } from '../../../src-main/jobs';
import {
  INDETERMINATE_PROGRESS,
  jobFraction,
  notificationFor,
  startJobAttention,
  taskbarProgress,
  type JobNotification,
  type TaskbarProgress,
} from '../../../src-main/desktop/job-attention';

const START = '2025-03-01T10:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(START) + seconds * 1000).toISOString();

function job(overrides: Partial<JobSnapshot> = {}): JobSnapshot {
  return JobSnapshotSchema.parse({
    id: 'job-1',
    kind: 'export',
    title: 'Export of Contoso',
    state: 'running',
    categories: [{ category: 'images', done: 25, total: 100, bytesDone: 0, bytesTotal: null, errors: 0 }],
    createdAt: START,
    startedAt: START,
    ...overrides,
  });
}

const finished = (overrides: Partial<JobSnapshot>, seconds = 60) => job({ state: 'succeeded', finishedAt: at(seconds), ...overrides });
const away = { focused: false, language: 'en' as const };

describe('the taskbar progress bar', () => {
  it('is removed while no export, verify or cleanup is active', () => {
    expect(taskbarProgress([])).toEqual({ value: -1, mode: 'none' });
    expect(taskbarProgress([finished({})])).toEqual({ value: -1, mode: 'none' });
    // An inventory scan or a system check is not what the bar is for.
    expect(taskbarProgress([job({ kind: 'inventory' }), job({ kind: 'system-check' })])).toEqual({ value: -1, mode: 'none' });
  });

  it('shows how far a running export is, by bytes when every size is known, else by items', () => {
    expect(taskbarProgress([job()])).toEqual({ value: 0.25, mode: 'normal' });
    const bytes = job({ categories: [{ category: 'images', done: 1, total: 100, bytesDone: 750, bytesTotal: 1000, errors: 0 }] });
    expect(jobFraction(bytes)).toBe(0.75);
  });

  it('averages several jobs, each counting the same', () => {
    const half = job({ id: 'b', kind: 'cleanup', categories: [{ category: 'images', done: 5, total: 10, bytesDone: 0, bytesTotal: null, errors: 0 }] });
    expect(taskbarProgress([job(), half]).value).toBeCloseTo(0.375);
  });

  it('is indeterminate while any total is still unknown (Electron: a value above 1)', () => {
    const listing = job({ categories: [{ category: 'images', done: 3, total: null, bytesDone: 0, bytesTotal: null, errors: 0 }] });
    expect(taskbarProgress([job(), listing])).toEqual({ value: INDETERMINATE_PROGRESS, mode: 'indeterminate' });
    expect(taskbarProgress([job({ state: 'queued', categories: [] })]).mode).toBe('indeterminate');
  });

  it('shows paused when the only active jobs are paused, normal as soon as one runs', () => {
    expect(taskbarProgress([job({ state: 'paused' })])).toEqual({ value: 0.25, mode: 'paused' });
    expect(taskbarProgress([job({ state: 'paused' }), job({ id: 'b', kind: 'verify' })]).mode).toBe('normal');
  });
});

describe('the notification when a job ends', () => {
  it('tells that a long export finished and how many items it saved, and leads to the Export page', () => {
    const ended = finished({ categories: [{ category: 'images', done: 1234, total: 1234, bytesDone: 0, bytesTotal: null, errors: 0 }] });
    expect(notificationFor(ended, away)).toEqual({ jobId: 'job-1', title: 'Export finished', body: '1,234 items saved in the bundle.', page: 'export' });
    expect(notificationFor(ended, { ...away, language: 'zh-TW' })).toMatchObject({ title: '匯出完成', body: '已將 1,234 個項目存入匯出包。' });
  });

  it('says whether a cleanup proved every deletion, or needs attention, and leads to the Cleanup page', () => {
    expect(notificationFor(finished({ kind: 'cleanup' }), away)).toMatchObject({ title: 'Cleanup finished', page: 'cleanup' });
    expect(notificationFor(finished({ kind: 'cleanup' }), away)?.body).toContain('Every deletion verified');
    const incomplete = finished({ kind: 'cleanup', state: 'failed', error: { code: 'CLEANUP_INCOMPLETE', message: '2 checks could not prove…' } });
    expect(notificationFor(incomplete, away)).toMatchObject({ title: 'Cleanup needs attention', page: 'cleanup' });
    const stopped = finished({ kind: 'cleanup', state: 'failed', error: { code: 'NETWORK', message: 'offline' } });
    expect(notificationFor(stopped, away)?.body).toContain('(NETWORK)');
  });

  it('reports a verify’s outcome', () => {
    const ok = finished({ kind: 'verify', categories: [{ category: 'files', done: 310, total: 310, bytesDone: 0, bytesTotal: null, errors: 0 }] });
    expect(notificationFor(ok, away)).toMatchObject({ title: 'Bundle verified', body: 'Every file is intact: 310 files checked.' });
    const bad = finished({ kind: 'verify', state: 'failed', error: { code: 'BUNDLE_PROBLEMS', message: '3 file problem(s)' } });
    expect(notificationFor(bad, away)?.title).toBe('Bundle needs attention');
  });

  it('stays quiet for a cancel, a short job, a focused window, or a job that never started', () => {
    expect(notificationFor(finished({ state: 'cancelled' }), away)).toBeNull();
    expect(notificationFor(finished({}, 9), away)).toBeNull();
    expect(notificationFor(finished({}, 60), { ...away, focused: true })).toBeNull();
    expect(notificationFor(job({ state: 'failed', startedAt: undefined, finishedAt: at(60) }), away)).toBeNull();
    expect(notificationFor(finished({ kind: 'inventory' }), away)).toBeNull();
    expect(notificationFor(finished({}, 3), { ...away, minDurationMs: 1000 })).not.toBeNull();
  });

  it('never quotes main’s error message (which may hold a URL with a SAS token or a key)', () => {
    const leaky = finished({
      state: 'failed',
      error: { code: 'https://x.blob.core.windows.net/a?sig=SECRET', message: 'GET https://x.blob.core.windows.net/a.jpg?sv=1&sig=SECRET failed; key 0123456789abcdef0123456789abcdef' },
    });
    const shown = notificationFor(leaky, away);
    expect(shown?.title).toBe('Export stopped');
    expect(`${shown?.title} ${shown?.body}`).not.toMatch(/SECRET|https?:|sig=|0123456789abcdef/);
    expect(shown?.body).toContain('(ERROR)');
  });
});

describe('following the job runner', () => {
  async function setUp(focused = false) {
    let clock = Date.parse(START);
    const runner = new JobRunner({ now: () => new Date(clock), progressIntervalMs: 0 });
    const bars: TaskbarProgress[] = [];
    const notes: JobNotification[] = [];
    const stop = startJobAttention({
      jobs: runner,
      isFocused: () => focused,
      language: () => 'en',
      setProgress: (p) => bars.push(p),
      notify: (n) => notes.push(n),
    });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const started = runner.start({
      kind: 'export',
      title: 'Export of Contoso',
      categories: ['images'],
      run: async (ctx) => {
        ctx.progress.setTotal('images', 4);
        ctx.progress.advance('images', { items: 2 });
        await gate;
        ctx.progress.advance('images', { items: 2 });
        return 'done';
      },
    });
    const finishedJob = new Promise<void>((resolve) => runner.onFinished(() => resolve()));
    return {
      runner,
      bars,
      notes,
      stop,
      id: started.id,
      finish: async (afterSeconds: number) => {
        clock += afterSeconds * 1000;
        release();
        await finishedJob;
      },
    };
  }

  it('moves the bar with the job, removes it at the end, and notifies after a long run while away', async () => {
    const s = await setUp(false);
    await vi.waitFor(() => expect(s.bars.at(-1)).toEqual({ value: 0.5, mode: 'normal' }));
    await s.finish(30);
    expect(s.bars.at(-1)).toEqual({ value: -1, mode: 'none' });
    expect(s.notes).toEqual([{ jobId: s.id, title: 'Export finished', body: '4 items saved in the bundle.', page: 'export' }]);
    s.stop();
    s.runner.dispose();
  });

  it('does not notify while the user is looking at the window, and tells the OS only about changes', async () => {
    const s = await setUp(true);
    await vi.waitFor(() => expect(s.bars.at(-1)?.value).toBe(0.5));
    await s.finish(30);
    expect(s.notes).toEqual([]);
    const repeats = s.bars.filter((bar, i) => i > 0 && JSON.stringify(bar) === JSON.stringify(s.bars[i - 1]));
    expect(repeats).toEqual([]);
    s.stop();
    s.runner.dispose();
  });

  it('removes the bar when it stops following (the app quits mid-job)', async () => {
    const s = await setUp(false);
    await vi.waitFor(() => expect(s.bars.at(-1)?.value).toBe(0.5));
    s.stop();
    expect(s.bars.at(-1)).toEqual({ value: -1, mode: 'none' });
    s.runner.dispose();
  });
});
