/**
 * One run of a plan at a time (the app and the CLI could both be asked to run it): two
 * runs would send the same deletes and interleave their journal lines. The lock is a
 * file next to the journal holding the owner's pid (src-main/locks): a run killed with
 * kill -9 leaves a lock that is taken over, so a crash never blocks the resume.
 */
import { resolve } from 'node:path';
import { AppError } from '../errors/app-error';
import { acquirePidLock, type PidLock } from '../locks/pid-lock-file';

export type RunLock = PidLock;

export function acquireRunLock(journalPath: string): Promise<RunLock> {
  const path = resolve(`${journalPath}.lock`);
  return acquirePidLock(path, (pid) => busy(path, pid));
}

function busy(path: string, pid: number | undefined): AppError {
  const who = pid === undefined ? 'another run' : pid === process.pid ? 'this app' : `process ${pid}`;
  return new AppError(
    'CLEANUP_BUSY',
    `This plan is already being run by ${who}. Wait for that run to finish (or cancel it), then run the plan again. If no run is active, delete ${path}.`,
  );
}
