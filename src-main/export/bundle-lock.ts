/**
 * One export (or zip) at a time per bundle folder: two runs writing the same journal
 * would interleave and each would believe the other's half-written files are its own.
 * The lock is `.cv-steward/lock` holding the owner's pid (src-main/locks): a killed
 * export leaves a lock that is taken over, so a crash never leaves the folder unusable.
 */
import { join } from 'node:path';
import { AppError } from '../errors/app-error';
import { acquirePidLock, type PidLock } from '../locks/pid-lock-file';
import { STATE_DIR } from './bundle-paths';

export type BundleLock = PidLock;

export function acquireBundleLock(folder: string): Promise<BundleLock> {
  return acquirePidLock(join(folder, STATE_DIR, 'lock'), () => busy(folder));
}

function busy(folder: string): AppError {
  return new AppError('BUNDLE_BUSY', `Another export is already writing into ${folder}. Wait for it to finish or cancel it first.`);
}
