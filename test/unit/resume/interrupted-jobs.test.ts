/**
 * What the next start offers for jobs a quit left behind: an export of a saved account or
 * of the demo can be resumed; a cleanup only while its account and plan still exist, and
 * never for the demo account, whose emulator comes back on another port with its data whole.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { JobRunner } from '../../../src-main/jobs';
import { createInterruptedJobs, RunningJobRegistry } from '../../../src-main/resume';
import { tempDirectory } from '../../support/test-job';

const PLAN_ID = '0c7f3f57-3c1a-4d8e-9b1e-2f4a6b8c0d1e';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

/** Records one job per account in a first "session", quits it, and opens the next one. */
async function afterRestart(records: Array<{ kind: 'export' | 'cleanup'; accountId: string }>, savedAccounts: string[]) {
  const dir = await tempDirectory('cvs-interrupted-');
  cleanups.push(dir.remove);
  const jobs = new JobRunner({ progressIntervalMs: 0 });
  const first = new RunningJobRegistry({ dataDir: dir.path, jobs });
  for (const record of records) {
    const job = jobs.start({ kind: record.kind, title: record.kind, categories: ['images'], run: (ctx) => new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve())) });
    if (record.kind === 'export') {
      first.recordExport(job.id, { accountId: record.accountId, accountName: record.accountId, folderPath: '/bundles/x', request: { categories: ['images'] } });
    } else {
      first.recordCleanup(job.id, { accountId: record.accountId, accountName: record.accountId, planId: PLAN_ID, backup: 'bundle' });
    }
  }
  await first.settled();
  await first.stop();
  jobs.dispose();

  const registry = new RunningJobRegistry({ dataDir: dir.path, jobs: new JobRunner() });
  return createInterruptedJobs({
    registry,
    accounts: {
      list: () => ({ accounts: savedAccounts.map((accountId) => ({ accountId })), activeAccountId: null, demoAccountId: null }) as never,
      switch: () => undefined,
      startDemo: () => Promise.resolve(),
    },
    demoAccountId: 'demo',
    registerFolder: () => 'folder-1',
    startExport: () => Promise.resolve({ jobId: 'job-1' }),
    planExists: () => Promise.resolve(true),
  });
}

describe('interrupted jobs offered on the next start', () => {
  it('offers exports of saved and demo accounts, and a cleanup of a saved account', async () => {
    const interrupted = await afterRestart(
      [
        { kind: 'export', accountId: 'acc-1' },
        { kind: 'export', accountId: 'demo' },
        { kind: 'cleanup', accountId: 'acc-1' },
      ],
      ['acc-1'],
    );
    const listed = await interrupted.list();
    expect(listed.map((job) => [job.kind, job.accountName, job.resumable]).sort()).toEqual([
      ['cleanup', 'acc-1', true],
      ['export', 'acc-1', true],
      ['export', 'demo', true],
    ]);
  });

  it('offers a demo cleanup or a forgotten account only for dismissal', async () => {
    const interrupted = await afterRestart(
      [
        { kind: 'cleanup', accountId: 'demo' },
        { kind: 'export', accountId: 'gone' },
      ],
      [],
    );
    const listed = await interrupted.list();
    expect(listed.map((job) => job.resumable)).toEqual([false, false]);
    for (const job of listed) expect(await interrupted.dismiss(job.id)).toEqual({ dismissed: true });
    expect(await interrupted.list()).toEqual([]);
  });
});
