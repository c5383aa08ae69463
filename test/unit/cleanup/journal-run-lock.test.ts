import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireRunLock } from '../../../src-main/cleanup/run-lock';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cv-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the run lock of a plan', () => {
  it('refuses a second run of the same plan while the first holds it, and frees it afterwards', async () => {
    const journal = join(dir, 'plan.journal.jsonl');
    const lock = await acquireRunLock(journal);
    await expect(acquireRunLock(journal)).rejects.toMatchObject({ code: 'CLEANUP_BUSY', message: expect.stringContaining('this app') });
    await lock.release();
    await expect(stat(`${journal}.lock`)).rejects.toMatchObject({ code: 'ENOENT' });
    await (await acquireRunLock(journal)).release();
  });

  it('takes over the lock of a run that was killed', async () => {
    const journal = join(dir, 'plan.journal.jsonl');
    // A pid far above any real one: the process is certainly gone.
    await writeFile(`${journal}.lock`, JSON.stringify({ pid: 2 ** 30, at: 'then' }));
    const lock = await acquireRunLock(journal);
    await lock.release();
  });

  it('refuses while another live process holds it', async () => {
    const journal = join(dir, 'plan.journal.jsonl');
    await writeFile(`${journal}.lock`, JSON.stringify({ pid: process.ppid, at: 'now' }));
    await expect(acquireRunLock(journal)).rejects.toMatchObject({ code: 'CLEANUP_BUSY', message: expect.stringContaining(`process ${process.ppid}`) });
  });
});
