/**
 * What is at a path that should be a folder, told apart the way a person fixes it: a
 * folder; nothing yet; a file (the path itself or a part of it); a symbolic link that
 * leads nowhere or in a loop; or a path the system will not look at (too long, no
 * permission, a NUL character).
 *
 * One rule for links wherever CV Steward is given a folder (the CLI's arguments, verify,
 * the cleanup's backup check, and so an export that resumes): a link to a folder is
 * followed and counts as that folder — people keep bundles on other disks and link to
 * them — while a link to anything else is named as the link, with where it points, since
 * "does not exist" about a path the user can see in a listing would be wrong.
 */
import { readlink, stat } from 'node:fs/promises';
import path from 'node:path';

export type FolderState =
  | { kind: 'folder' }
  /** `at`: the first part of the path that does not exist (the path itself or a parent). */
  | { kind: 'missing'; at: string }
  /** `at` is a file (or a link, to the file `target`) where a folder must be. */
  | { kind: 'file'; at: string; target?: string }
  /** `at` is a symbolic link to `target`, which does not exist. */
  | { kind: 'dangling'; at: string; target: string }
  /** `at` is a symbolic link (to `target`) that leads back to itself. */
  | { kind: 'loop'; at: string; target?: string }
  /** The system refuses to look at `at`: `reason` is its errno code (ENAMETOOLONG, EACCES…) or NUL. */
  | { kind: 'refused'; at: string; reason: string };

export type FolderProblemState = Exclude<FolderState, { kind: 'folder' }>;

/**
 * The state of `folder` (made absolute), found by looking at each part from the top: the
 * first part that is not a folder is the one the user has to fix. Reads only.
 */
export async function inspectFolder(folder: string): Promise<FolderState> {
  const full = path.resolve(folder);
  // Node refuses such paths outright (ERR_INVALID_ARG_VALUE); no file can have this name.
  if (full.includes('\0')) return { kind: 'refused', at: full, reason: 'NUL' };
  if (await isFolder(full)) return { kind: 'folder' };
  for (const at of [...parentsOf(full), full]) {
    const state = await inspectPart(at);
    if (state !== undefined) return state;
  }
  // It became a folder while we looked.
  return { kind: 'folder' };
}

/** Why `folder` cannot be read as a folder, in one sentence naming it; undefined when it can. */
export async function folderProblem(folder: string): Promise<string | undefined> {
  const state = await inspectFolder(folder);
  return state.kind === 'folder' ? undefined : describeFolderState(path.resolve(folder), state);
}

/** One sentence about `full` (an absolute path) and what is wrong with it. */
export function describeFolderState(full: string, state: FolderProblemState): string {
  const shown = showPath(full);
  const at = showPath(state.at);
  const self = state.at === full;
  switch (state.kind) {
    case 'missing':
      return self ? `${shown} does not exist.` : `${shown} does not exist (there is no ${at}).`;
    case 'file': {
      const what = state.target === undefined ? 'a file' : `a link to the file ${showPath(state.target)}`;
      return self ? `${shown} is ${what}, not a folder.` : `${shown} cannot be reached: ${at} is ${what}, not a folder.`;
    }
    case 'dangling':
      return `${self ? shown : `${shown} cannot be reached: ${at}`} is a link to ${showPath(state.target)}, which does not exist.`;
    case 'loop': {
      const through = state.target === undefined ? '' : ` (to ${showPath(state.target)})`;
      return `${self ? shown : `${shown} cannot be reached: ${at}`} is a link${through} that leads back to itself, a loop of links.`;
    }
    case 'refused':
      return refusedText(shown, state);
  }
}

function refusedText(shown: string, state: Extract<FolderState, { kind: 'refused' }>): string {
  switch (state.reason) {
    case 'NUL':
      return `The path ${shown} contains a NUL character (shown as \\0), which no file name may hold.`;
    case 'ENAMETOOLONG':
      return `The path ${shown} is too long for this computer (the whole path, or one name in it).`;
    case 'EACCES':
    case 'EPERM':
      return `CV Steward may not look into ${showPath(path.dirname(state.at))}, so it cannot reach ${shown}.`;
    default:
      return `${shown} cannot be reached (${state.reason}).`;
  }
}

/** A path as printed: a NUL would end the line or vanish on a terminal. */
export function showPath(value: string): string {
  return value.split('\0').join('\\0');
}

/** Every parent of `full` from the top, without the root itself (always a folder). */
function parentsOf(full: string): string[] {
  const parents: string[] = [];
  for (let at = path.dirname(full); at !== path.dirname(at); at = path.dirname(at)) parents.unshift(at);
  return parents;
}

async function isFolder(at: string): Promise<boolean> {
  try {
    return (await stat(at)).isDirectory();
  } catch {
    return false;
  }
}

/** Undefined when `at` is a folder (following links); otherwise what it is. */
async function inspectPart(at: string): Promise<FolderProblemState | undefined> {
  try {
    if ((await stat(at)).isDirectory()) return undefined;
    const target = await linkTarget(at);
    return { kind: 'file', at, ...(target === undefined ? {} : { target }) };
  } catch (error) {
    const code = errnoCode(error);
    // Every part above `at` is a folder, so these are about `at` itself.
    if (code === 'ENOENT' || code === 'ELOOP') {
      const target = await linkTarget(at);
      if (code === 'ELOOP') return { kind: 'loop', at, ...(target === undefined ? {} : { target }) };
      return target === undefined ? { kind: 'missing', at } : { kind: 'dangling', at, target };
    }
    return { kind: 'refused', at, reason: code ?? 'UNKNOWN' };
  }
}

/** Where the link `at` points (absolute), or undefined when `at` is not a link. */
async function linkTarget(at: string): Promise<string | undefined> {
  try {
    return path.resolve(path.dirname(at), await readlink(at));
  } catch {
    return undefined;
  }
}

export function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
