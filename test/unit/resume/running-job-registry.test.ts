/**
 * The running-job registry with a real JobRunner and a real data folder: a job that ends
 * while the app runs leaves nothing to resume; a quit (stop, then the runner's dispose)
 * and a crash leave the record for the next start; a damaged record is skipped and
 * reported, never a crash.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JobRunner } from '../../../src-main/jobs';
import { RunningJobRegistry, type ExportStartInfo } from '../../../src-main/resume';
import { tempDirectory } from '../../support/test-job';

const EXPORT: ExportStartInfo = {
  accountId: 'acc-1',
  accountName: 'Contoso vision',
  folderPath: '/home/me/bundles/contoso',
  request: { categories: ['projects', 'images'], projectIds: ['p-1'], zip: true, language: 'zh-TW' },
};
const PLAN_ID = '0c7f3f57-3c1a-4d8e-9b1e-2f4a6b8c0d1e';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

async function setup() {
  const dir = await tempDirectory('cvs-resume-');
  cleanups.push(dir.remove);
  const problems: string[] = [];
  const jobs = new JobRunner({ progressIntervalMs: 0 });
  cleanups.push(async () => jobs.dispose());
  const open = (runner: JobRunner = jobs) =>
    new RunningJobRegistry({ dataDir: dir.path, jobs: runner, report: (context, error) => problems.push(`${context}: ${error instanceof Error ? error.message : String(error)}`) });
  return { dataDir: dir.path, jobs, problems, registry: open(), open };
}

/** A job that runs until the test lets it end (or it is cancelled). */
function startJob(jobs: JobRunner) {
  let finish: (outcome: 'ok' | Error) => void = () => undefined;
  const ended = new Promise<'ok' | Error>((resolve) => (finish = resolve));
  const job = jobs.start({
    kind: 'export',
    title: 'Export',
    categories: ['images'],
    run: async (ctx) => {
      const outcome = await Promise.race([ended, new Promise<Error>((resolve) => ctx.signal.addEventListener('abort', () => resolve(new Error('cancelled'))))]);
      if (outcome instanceof Error) throw outcome;
    },
  });
  return { id: job.id, finish };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('the running-job registry', () => {
  it('keeps the record of a running export for the next start, with everything a resume needs', async () => {
    const t = await setup();
    const job = startJob(t.jobs);
    t.registry.recordExport(job.id, EXPORT);
    await t.registry.settled();
    // This session's own jobs are running, not interrupted.
    expect(await t.registry.leftOver()).toEqual([]);

    const nextStart = t.open(new JobRunner());
    const [record] = await nextStart.leftOver();
    expect(record).toMatchObject({ kind: 'export', accountId: 'acc-1', accountName: 'Contoso vision', folderPath: EXPORT.folderPath, request: EXPORT.request });
    expect(JSON.stringify(record)).not.toMatch(/key/i);
  });

  it.each([
    ['succeeds', (jobs: JobRunner, job: ReturnType<typeof startJob>) => job.finish('ok')],
    ['fails', (_jobs: JobRunner, job: ReturnType<typeof startJob>) => job.finish(new Error('disk full'))],
    ['is cancelled by the user', (jobs: JobRunner, job: ReturnType<typeof startJob>) => void jobs.cancel(job.id)],
  ])('removes the record when the job %s while the app runs', async (_name, end) => {
    const t = await setup();
    const job = startJob(t.jobs);
    t.registry.recordExport(job.id, EXPORT);
    end(t.jobs, job);
    await until(() => t.jobs.get(job.id)?.state !== 'running' && t.jobs.get(job.id)?.state !== 'queued');
    await t.registry.settled();
    expect(await readdir(t.registry.folder)).toEqual([]);
    expect(await t.open(new JobRunner()).leftOver()).toEqual([]);
  });

  it('keeps the record when the app quits, although quitting cancels the job', async () => {
    const t = await setup();
    const job = startJob(t.jobs);
    t.registry.recordCleanup(job.id, { accountId: 'acc-1', accountName: 'Contoso vision', planId: PLAN_ID, backup: 'waived' });
    // What services.dispose does: the registry stops first, then the runner cancels every job.
    await t.registry.stop();
    t.jobs.dispose();
    expect(t.jobs.get(job.id)?.state).toBe('cancelled');
    await t.registry.settled();

    const [record] = await t.open(new JobRunner()).leftOver();
    expect(record).toMatchObject({ kind: 'cleanup', planId: PLAN_ID, backup: 'waived', accountName: 'Contoso vision' });
  });

  it('records nothing for a job that ended before it could be recorded', async () => {
    const t = await setup();
    const job = startJob(t.jobs);
    t.jobs.cancel(job.id);
    t.registry.recordExport(job.id, EXPORT);
    await t.registry.settled();
    expect(await t.open(new JobRunner()).leftOver()).toEqual([]);
  });

  it('lets a dismissed or taken-over record go, and only leftovers', async () => {
    const t = await setup();
    const first = t.open(new JobRunner());
    const runner = new JobRunner();
    const a = startJob(runner);
    const b = startJob(runner);
    first.recordExport(a.id, EXPORT);
    first.recordExport(b.id, { ...EXPORT, folderPath: '/home/me/bundles/other' });
    await first.stop();
    runner.dispose();

    const [newer, older] = await t.registry.leftOver();
    expect(newer && older).toBeTruthy();
    // A new export into the same bundle takes over from the interrupted one.
    const again = startJob(t.jobs);
    t.registry.recordExport(again.id, EXPORT);
    await t.registry.settled();
    const left = await t.registry.leftOver();
    expect(left.map((record) => record.kind === 'export' && record.folderPath)).toEqual(['/home/me/bundles/other']);
    // A live job's record cannot be dismissed from the banner.
    const live = (await readdir(t.registry.folder)).map((name) => name.replace('.json', '')).filter((id) => id !== left[0]?.id);
    expect(live).toHaveLength(1);
    expect(await t.registry.dismiss(live[0] ?? '')).toBe(false);
    expect(await t.registry.dismiss(left[0]?.id ?? '')).toBe(true);
    expect(await t.registry.dismiss(left[0]?.id ?? '')).toBe(false);
    expect(await t.registry.leftOver()).toEqual([]);
  });

  it('skips and reports a damaged record, and still lists the others', async () => {
    const t = await setup();
    const runner = new JobRunner();
    const job = startJob(runner);
    const first = t.open(runner);
    first.recordExport(job.id, EXPORT);
    await first.stop();
    runner.dispose();
    const folder = first.folder;
    await writeFile(join(folder, '11111111-2222-4333-8444-555555555555.json'), '{"format":"cv-steward-running-job","vers');
    await writeFile(join(folder, '66666666-2222-4333-8444-555555555555.json'), JSON.stringify({ format: 'cv-steward-running-job', version: 1, kind: 'export' }));
    await writeFile(join(folder, 'notes.txt'), 'hello');
    await writeFile(join(folder, '.77777777-2222-4333-8444-555555555555.99999.abcd.tmp'), '{');

    const left = await t.registry.leftOver();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ folderPath: EXPORT.folderPath });
    expect(t.problems.join('\n')).toMatch(/11111111.*damaged/);
    expect(t.problems.join('\n')).toMatch(/66666666.*damaged/);
    expect(t.problems.join('\n')).toMatch(/notes\.txt.*not a running-job record/);
    // The damaged records are gone, so they are not reported again at every start; the torn write is cleared.
    expect((await readdir(folder)).sort()).toEqual([`${left[0]?.id}.json`, 'notes.txt']);
  });

  it('refuses ids that are not record ids before building a path from them', async () => {
    const t = await setup();
    expect(await t.registry.leftOverById('../../etc/passwd')).toBeUndefined();
    expect(await t.registry.dismiss('../x')).toBe(false);
  });
});
