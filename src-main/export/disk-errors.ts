/**
 * Disk failures in words a user can act on. A full disk or a folder we may not write to
 * is not a bug: the export stops, says which folder, and resumes later without losing
 * what was finished (every finished file is complete and journaled).
 */
import { AppError } from '../ipc/app-error';
import { isErrno } from './bundle-fs';

const FULL = ['ENOSPC', 'EDQUOT', 'EFBIG'];
const REFUSED = ['EACCES', 'EPERM', 'EROFS'];

/** The AppError for a disk error, or undefined if it is something else. */
export function diskError(error: unknown, folder: string): AppError | undefined {
  if (error instanceof AppError) return undefined;
  if (FULL.some((code) => isErrno(error, code))) {
    return new AppError(
      'DISK_FULL',
      `The disk holding ${folder} is full. Free some space, then export again into the same folder: finished files are kept.`,
      { cause: error },
    );
  }
  if (REFUSED.some((code) => isErrno(error, code))) {
    return new AppError(
      'CANNOT_WRITE',
      `CV Steward may not write into ${folder} (no permission, or the disk is read-only). Choose another folder or change its permissions.`,
      { cause: error },
    );
  }
  return undefined;
}

export function isDiskError(error: unknown): boolean {
  return error instanceof AppError && (error.code === 'DISK_FULL' || error.code === 'CANNOT_WRITE');
}
