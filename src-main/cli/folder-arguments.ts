/**
 * The commands' folder and file arguments, checked before any account is contacted and
 * before anything is written: a path that cannot be what the command needs is a
 * UsageError (exit 2) naming it, saying what is wrong and what to do — never a system
 * error from deep inside a job, after a round trip to the service.
 *
 * Links follow src-main/fs/folder-state's rule: a link to a folder is that folder (export
 * resumes through it; verify and cleanup read the bundle through it); a link to nothing,
 * to a file or in a loop is refused, naming the link and where it points. Paths are made
 * absolute but not resolved through links, so messages and the bundle's `.zip` use the
 * path the user typed.
 */
import { access, constants, lstat, mkdir, open, readlink, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { describeFolderState, errnoCode, inspectFolder, showPath } from '../fs/folder-state';
import { UsageError } from './cli-errors';

/** An existing folder (verify DIR, cleanup run --bundle DIR); `advice` says what to give instead. */
export async function existingFolder(value: string, advice: string): Promise<string> {
  const folder = absolute(value, advice);
  const state = await inspectFolder(folder);
  if (state.kind !== 'folder') throw new UsageError(`${describeFolderState(folder, state)} ${advice}`);
  await allowed(folder, constants.R_OK | constants.X_OK, (code) => `CV Steward may not read ${showPath(folder)} (${code}). ${advice}`);
  return folder;
}

/**
 * A folder to write into (export --out DIR): an existing one CV Steward may write in, or
 * one that can be created. Creating is tried, and undone at once, because only the
 * system knows (a read-only disk, /proc, a name too long); nothing is left behind.
 */
export async function outputFolder(value: string, advice: string): Promise<{ folder: string; exists: boolean }> {
  const folder = absolute(value, advice);
  const state = await inspectFolder(folder);
  if (state.kind === 'folder') {
    // Resuming reads the folder as well as writing it.
    const mode = constants.R_OK | constants.W_OK | constants.X_OK;
    await allowed(folder, mode, (code) => `CV Steward may not write into ${showPath(folder)} (${code}: no permission, or a read-only disk). ${advice}`);
    return { folder, exists: true };
  }
  if (state.kind !== 'missing') throw new UsageError(`${describeFolderState(folder, state)} ${advice}`);
  const parent = path.dirname(state.at);
  await allowed(parent, constants.W_OK, (code) => `${cannotCreate(folder, parent, code)} ${advice}`);
  await tryCreating(folder, state.at, advice);
  return { folder, exists: false };
}

/** An existing file (cleanup run --plan FILE); `what` names it ("plan file"). */
export async function existingFile(value: string, what: string, advice: string): Promise<string> {
  const file = absolute(value, advice);
  const state = await inspectFolder(file);
  if (state.kind === 'file' && state.at === file) return file;
  if (state.kind === 'folder') throw new UsageError(`${showPath(file)} is a folder, not a ${what}. ${advice}`);
  if (state.kind === 'missing' && state.at === file) throw new UsageError(`There is no ${what} at ${showPath(file)}. ${advice}`);
  throw new UsageError(`${describeFolderState(file, state)} ${advice}`);
}

/**
 * A file to create (cleanup plan --out FILE): nothing may be there yet, not even a link
 * (a write would replace the link, or go where it points), and its folder must exist and
 * take a new file — tried by creating the file and removing it again.
 */
export async function newFile(value: string, option: string, whenExists: string): Promise<string> {
  const other = `Choose another ${option}.`;
  const file = absolute(value, other);
  const existing = await lstat(file).catch(() => undefined);
  const state = existing ? undefined : await inspectFolder(file);
  if (state === undefined || state.kind === 'folder' || (state.kind === 'file' && state.at === file)) {
    const target = existing?.isSymbolicLink() ? await readlink(file).catch(() => '?') : undefined;
    const link = target === undefined ? '' : ` (a link to ${showPath(path.resolve(path.dirname(file), target))})`;
    throw new UsageError(`${showPath(file)} already exists${link}. ${whenExists}`);
  }
  if (state.kind !== 'missing') throw new UsageError(`${describeFolderState(file, state)} ${other}`);
  if (state.at !== file) {
    throw new UsageError(`The folder ${showPath(path.dirname(file))} does not exist, so ${showPath(file)} cannot be saved there. Create it first, or ${other.toLowerCase()}`);
  }
  try {
    await (await open(file, 'wx')).close();
  } catch (error) {
    throw new UsageError(`${cannotCreate(file, path.dirname(file), errnoCode(error))} ${other}`);
  }
  await unlink(file).catch(() => undefined);
  return file;
}

function absolute(value: string, advice: string): string {
  // The argument parser refuses empty values already; this also covers callers in tests.
  if (value.trim() === '') throw new UsageError(`The path is empty. ${advice}`);
  const full = path.resolve(value);
  if (full.includes('\0')) throw new UsageError(`The path ${showPath(full)} contains a NUL character (shown as \\0), which no file name may hold. ${advice}`);
  return full;
}

/**
 * Asks the system without touching anything. Root passes any permission check, but not a
 * read-only disk (EROFS); the creation that follows catches what this cannot see.
 */
async function allowed(folder: string, mode: number, message: (code: string) => string): Promise<void> {
  try {
    await access(folder, mode);
  } catch (error) {
    throw new UsageError(message(errnoCode(error) ?? 'UNKNOWN'));
  }
}

/**
 * Creates each missing level from `first` down to `folder`, one at a time (a recursive
 * mkdir never returns under /proc), then removes what it created, deepest first.
 */
async function tryCreating(folder: string, first: string, advice: string): Promise<void> {
  const levels = [first];
  for (let at = folder; at !== first && at !== path.dirname(at); at = path.dirname(at)) levels.splice(1, 0, at);
  const created: string[] = [];
  try {
    for (const level of levels) {
      try {
        await mkdir(level);
        created.push(level);
      } catch (error) {
        // Someone else made it meanwhile: theirs to keep, and it can be used.
        const code = errnoCode(error);
        if (code !== 'EEXIST') throw new UsageError(`${cannotCreate(folder, path.dirname(level), code)} ${advice}`);
      }
    }
  } finally {
    // Only empty folders go: anything another program put there meanwhile stays.
    for (const level of created.reverse()) await rmdir(level).catch(() => undefined);
  }
}

/** Why `target` cannot be created in `parent`, from the system's error code. */
function cannotCreate(target: string, parent: string, code = 'UNKNOWN'): string {
  const shown = showPath(target);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `CV Steward may not create ${shown}: ${showPath(parent)} does not accept new files or folders (${code}: no permission, or a read-only disk).`;
    case 'ENAMETOOLONG':
      return `The path ${shown} is too long for this computer (the whole path, or one name in it).`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `${shown} cannot be created: the disk holding ${showPath(parent)} is full.`;
    case 'ENOENT':
      // The parent exists (it was checked), yet the system says no: a virtual file system such as /proc.
      return `${shown} cannot be created: ${showPath(parent)} does not accept new files or folders (ENOENT).`;
    default:
      return `${shown} cannot be created in ${showPath(parent)} (${code}).`;
  }
}
