/**
 * An exclusive lock held as a file containing the owner's pid, created with O_EXCL. A lock
 * whose process is gone (killed with kill -9) is taken over, so a crash never blocks the
 * next run. This process's own pid is always alive, so locks taken here are also tracked
 * in memory: a second acquire from the same process is refused, not taken over.
 * Used for bundle folders (export) and plan journals (cleanup).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AppError } from '../errors/app-error';

export interface PidLock {
  release(): Promise<void>;
}

/** Lock files held by this process. */
const heldHere = new Set<string>();

/**
 * Takes the lock at `lockPath`; `busy` builds the error when someone holds it (the owner's
 * pid when known and alive, this process's pid when it is held here, undefined otherwise).
 */
export async function acquirePidLock(lockPath: string, busy: (ownerPid: number | undefined) => AppError): Promise<PidLock> {
  const key = resolve(lockPath);
  if (heldHere.has(key)) throw busy(process.pid);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await writeFile(key, `${JSON.stringify({ pid: process.pid, at: new Date().toISOString() })}\n`, { flag: 'wx' });
      heldHere.add(key);
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          heldHere.delete(key);
          await rm(key, { force: true });
        },
      };
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST') throw error;
      const owner = await readOwner(key);
      if (owner !== undefined && owner !== process.pid && isAlive(owner)) throw busy(owner);
      // Stale: its process is gone, the file is unreadable, or it is ours from a run that never released it.
      await rm(key, { force: true });
    }
  }
  throw busy(undefined);
}

async function readOwner(path: string): Promise<number | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(path, 'utf8'));
    const pid = typeof value === 'object' && value !== null && 'pid' in value ? value.pid : undefined;
    return typeof pid === 'number' && Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
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
    return errnoCode(error) === 'EPERM';
  }
}

function errnoCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}
