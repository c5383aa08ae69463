/**
 * One export (or zip) at a time per bundle folder: two runs writing the same journal
 * would interleave and each would believe the other's half-written files are its own.
 * The lock is `.cv-steward/lock` holding the owner's pid; a lock whose process is gone
 * (a killed export) is taken over, so a crash never leaves the folder unusable.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppError } from '../ipc/app-error';
import { isErrno } from './bundle-fs';
import { STATE_DIR } from './bundle-paths';

export interface BundleLock {
  release(): Promise<void>;
}

/** Folders locked by this process (its own pid is always "alive"). */
const heldHere = new Set<string>();

export async function acquireBundleLock(folder: string): Promise<BundleLock> {
  const key = resolve(folder);
  const path = join(folder, STATE_DIR, 'lock');
  if (heldHere.has(key)) throw busy(folder);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await writeFile(path, `${JSON.stringify({ pid: process.pid, at: new Date().toISOString() })}\n`, { flag: 'wx' });
      heldHere.add(key);
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          heldHere.delete(key);
          await rm(path, { force: true });
        },
      };
    } catch (error) {
      if (!isErrno(error, 'EEXIST')) throw error;
      const owner = await readOwner(path);
      if (owner !== undefined && owner !== process.pid && isAlive(owner)) throw busy(folder);
      // Stale: its process is gone (or it is ours from a run that never released it).
      await rm(path, { force: true });
    }
  }
  throw busy(folder);
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
    return isErrno(error, 'EPERM');
  }
}

function busy(folder: string): AppError {
  return new AppError('BUNDLE_BUSY', `Another export is already writing into ${folder}. Wait for it to finish or cancel it first.`);
}
