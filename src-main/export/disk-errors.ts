/**
 * Disk failures in words a user can act on. A full disk or a folder we may not write to
 * is not a bug: the export stops, says which folder, and resumes later without losing
 * what was finished (every finished file is complete and journaled). Nor is a folder path
 * that cannot hold a bundle (a file where a folder must be, a link that leads nowhere or
 * in a loop, a path too long): the folder the user chose is named with what to do, for
 * the app's page as for the command line, instead of a raw system error.
 */
import { AppError } from '../errors/app-error';
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
  return folderShapeError(error, folder);
}

/**
 * The path's shape is wrong rather than the disk: met when the bundle folder is created or
 * opened (a chosen folder replaced by a file, a dangling link), and inside it when
 * something was put where the bundle keeps a folder or a file.
 */
function folderShapeError(error: unknown, folder: string): AppError | undefined {
  // mkdir says EEXIST when the folder to make is a file (e.g. .cv-steward replaced by one).
  if (isErrno(error, 'ENOTDIR') || (isErrno(error, 'EEXIST') && syscallOf(error) === 'mkdir')) {
    return new AppError(
      'NOT_A_FOLDER',
      `CV Steward cannot use ${folder}: something in that path is a file (or a link that leads nowhere) where a folder must be. Choose another folder, or move that file away.`,
      { cause: error },
    );
  }
  if (isErrno(error, 'EISDIR')) {
    return new AppError(
      'FOLDER_IN_THE_WAY',
      `CV Steward cannot write into ${folder}: there is a folder where it must write a file${pathOf(error)}. Move that folder away, or choose another folder.`,
      { cause: error },
    );
  }
  if (isErrno(error, 'ELOOP')) {
    return new AppError(
      'LINK_LOOP',
      `CV Steward cannot use ${folder}: its path goes through symbolic links that lead back to each other (a loop). Fix the link, or choose another folder.`,
      { cause: error },
    );
  }
  if (isErrno(error, 'ENAMETOOLONG')) {
    return new AppError(
      'PATH_TOO_LONG',
      `The path ${folder} (or a file name inside it) is too long for this computer. Choose a folder with a shorter path.`,
      { cause: error },
    );
  }
  return undefined;
}

function syscallOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'syscall' in error ? error.syscall : undefined;
}

/** " (path)" of the file the system refused, when it says which (a rename names its target). */
function pathOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const named = 'dest' in error && typeof error.dest === 'string' ? error.dest : 'path' in error && typeof error.path === 'string' ? error.path : undefined;
  return named === undefined ? '' : ` (${named})`;
}

export function isDiskError(error: unknown): boolean {
  return error instanceof AppError && (error.code === 'DISK_FULL' || error.code === 'CANNOT_WRITE');
}
