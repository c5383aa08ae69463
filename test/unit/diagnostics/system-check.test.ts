import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JobRunner } from '../../../src-main/jobs';
import type { JobSnapshot } from '../../../shared/model/job';
import { runSystemCheck, SYSTEM_CHECK_CATEGORIES } from '../../../src-main/diagnostics/system-check';

const cleanup: string[] = [];
afterEach(async () => {
  for (const dir of cleanup.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function runCheck(options: Parameters<typeof runSystemCheck>[1]): Promise<JobSnapshot> {
  const runner = new JobRunner();
  const finished = new Promise<JobSnapshot>((resolve) => runner.onFinished(resolve));
  runner.start({ kind: 'system-check', title: 'System check', categories: [...SYSTEM_CHECK_CATEGORIES], run: (ctx) => runSystemCheck(ctx, options) });
  const result = await finished;
  runner.dispose();
  return result;
}

describe('system check', () => {
  it('passes on a writable folder and leaves nothing behind', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cvs-check-'));
    cleanup.push(dataDir);
    const job = await runCheck({ dataDir, minFreeBytes: 1 });
    expect(job.state).toBe('succeeded');
    expect(job.summary).toBe('All 3 checks passed.');
    expect(job.categories.map((c) => [c.category, c.done, c.total, c.errors])).toEqual([
      ['data-folder', 1, 1, 0],
      ['temp-folder', 1, 1, 0],
      ['disk-space', 1, 1, 0],
    ]);
    expect(job.categories[2]?.bytesTotal).toBeGreaterThan(0);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('names the folder that cannot be written and still runs the other checks', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'cvs-check-'));
    cleanup.push(parent);
    const blocker = join(parent, 'a-file');
    await writeFile(blocker, 'not a folder');
    const job = await runCheck({ dataDir: join(blocker, 'data'), tempDir: parent, minFreeBytes: 1 });
    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe('CHECK_FAILED');
    const dataFolder = job.categories.find((c) => c.category === 'data-folder');
    expect(dataFolder?.errors).toBe(1);
    expect(dataFolder?.lastError).toContain(`Cannot write to ${join(blocker, 'data')}`);
    expect(job.categories.find((c) => c.category === 'temp-folder')?.done).toBe(1);
  });

  it('warns when the disk is nearly full', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cvs-check-'));
    cleanup.push(dataDir);
    const job = await runCheck({ dataDir, minFreeBytes: Number.MAX_SAFE_INTEGER });
    expect(job.state).toBe('failed');
    expect(job.categories.find((c) => c.category === 'disk-space')?.lastError).toMatch(/^Only [\d.]+ GiB free on the disk that holds/);
  });
});
