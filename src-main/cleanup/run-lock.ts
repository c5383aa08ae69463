/**
 * One run of a plan at a time (the app and the CLI could both be asked to run it): two
 * runs would send the same deletes and interleave their journal lines. The lock is a
 * file next to the journal holding the owner's pid; a lock whose process is gone (a run
 * killed with kill -9) is taken over, so a crash never blocks the resume.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError } from '../ipc/app-error';

export interface RunLock {
  release(): Promise<void>;
}

/** Lock files held by this process (its own pid is always alive). */
const heldHere = new Set<string>();

export async function acquireRunLock(journalPath: string): Promise<RunLock> {
  const path = resolve(`${journalPath}.lock`);
  if (heldHere.has(path)) throw busy(path, process.pid);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await writeFile(path, `${JSON.stringify({ pid: process.pid, at: new Date().toISOString() })}\n`, { flag: 'wx' });
      heldHere.add(path);
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          heldHere.delete(path);
          await rm(path, { force: true });
        },
      };
    } catch (error) {
      if (!(typeof error === 'object' && error !== null && 'code' in error && error.code === 'EEXIST')) throw error;
      const owner = await readOwner(path);
      if (owner !== undefined && owner !== process.pid && isAlive(owner)) throw busy(path, owner);
      // The owner is gone (or the file is unreadable): take the lock over.
      await rm(path, { force: true });
    }
  }
  throw busy(path, undefined);
}

async function readOwner(path: string): Promise<number | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as { pid?: unknown };
    return typeof parsed.pid === 'number' && Number.isSafeInteger(parsed.pid) && parsed.pid > 0 ? parsed.pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return typeof error === 'object' && error !== null && 'code' in error && error.code === 'EPERM';
  }
}

function busy(path: string, pid: number | undefined): AppError {
  const who = pid === undefined ? 'another run' : pid === process.pid ? 'this app' : `process ${pid}`;
  return new AppError(
    'CLEANUP_BUSY',
    `This plan is already being run by ${who}. Wait for that run to finish (or cancel it), then run the plan again. If no run is active, delete ${path}.`,
  );
}
