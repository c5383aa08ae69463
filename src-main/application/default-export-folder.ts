/**
 * "New folder in <default export folder>": a new, empty subfolder of the folder the user
 * chose in Settings, named after the active account and the time, e.g.
 * "CV Steward export – Contoso – 2026-11-29 1530". The account's display name is typed by
 * a person (or comes from Azure), so it is made safe as a folder name on every OS before
 * it goes anywhere near a path: no separators or characters Windows refuses, no control or
 * direction-changing characters, no reserved device names, no trailing dots or spaces,
 * and a length that keeps the whole name far below every file system's limit.
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ChosenFolder } from '../../shared/model/bundle';
import { AppError } from '../errors/app-error';

export const EXPORT_FOLDER_PREFIX = 'CV Steward export';
/** The account's part of the name, in UTF-8 bytes (a CJK name: 40 characters). */
export const MAX_ACCOUNT_PART_BYTES = 120;
/** Same-minute exports get " (2)", " (3)", …; this many tries before giving up. */
const MAX_SUFFIX = 99;

/** Windows refuses these as a name, with or without an extension, in any letter case. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;
/** Separators, characters Windows refuses, C0/C1 controls, and bidi/zero-width marks that disguise a name. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what we remove
const UNSAFE = /[/\\<>:"|?*\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** A piece of a folder name that every OS accepts: '' when nothing usable is left. */
export function safeNamePart(text: string, maxBytes = MAX_ACCOUNT_PART_BYTES): string {
  let part = text
    .normalize('NFC')
    .replace(UNSAFE, ' ')
    .replace(/\s+/g, ' ')
    // Leading dots hide a folder on Unix ("..": the parent); trailing dots and spaces are dropped by Windows.
    .replace(/^[\s.]+|[\s.]+$/g, '');
  part = truncateUtf8(part, maxBytes).replace(/[\s.]+$/g, '');
  // "NUL.txt" is as reserved as "NUL": the mark goes on the part before the first dot.
  if (RESERVED.test(part)) part = part.replace(/^[^.]*/, (base) => `${base}_`);
  return part;
}

/** "CV Steward export – <account> – YYYY-MM-DD HHmm" in local time; without the account part when none is usable. */
export function exportFolderName(accountName: string | null, when: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())} ${pad(when.getHours())}${pad(when.getMinutes())}`;
  const account = accountName === null ? '' : safeNamePart(accountName);
  return [EXPORT_FOLDER_PREFIX, account, stamp].filter((piece) => piece !== '').join(' – ');
}

/**
 * Makes the new subfolder inside `parent` and returns its path. A name already taken (two
 * exports in the same minute) gets a number; an existing folder is never reused, so the
 * bundle always starts empty.
 * @throws AppError EXPORT_FOLDER_MISSING / EXPORT_FOLDER_NOT_WRITABLE, naming the folder and what to do
 */
export async function createExportSubfolder(parent: string, accountName: string | null, when = new Date()): Promise<string> {
  await requireFolder(parent);
  const base = exportFolderName(accountName, when);
  for (let n = 1; n <= MAX_SUFFIX; n += 1) {
    const candidate = path.join(parent, n === 1 ? base : `${base} (${n})`);
    try {
      // Not recursive: EEXIST must tell us the name is taken.
      await mkdir(candidate);
      return candidate;
    } catch (error) {
      const code = errorCode(error);
      if (code === 'EEXIST') continue;
      if (code === 'ENOENT' || code === 'ENOTDIR') throw missing(parent);
      throw notWritable(parent, code);
    }
  }
  throw notWritable(parent, 'EEXIST');
}

export interface DefaultExportFolderOptions {
  /** The saved default export folder, or null. */
  exportFolder(): string | null;
  /** The active account's display name, or null without one. */
  activeAccountName(): string | null;
  /** Makes the new folder known to the page by an id (FolderRegistry.register). */
  register(folder: string): string;
  now?: () => Date;
}

/** `export:defaultFolder`: null when no default folder is saved. */
export async function newDefaultExportFolder(options: DefaultExportFolderOptions): Promise<ChosenFolder | null> {
  const parent = options.exportFolder();
  if (parent === null) return null;
  const folder = await createExportSubfolder(parent, options.activeAccountName(), options.now?.() ?? new Date());
  return { folderId: options.register(folder), displayPath: folder };
}

async function requireFolder(folder: string): Promise<void> {
  try {
    if ((await stat(folder)).isDirectory()) return;
  } catch (error) {
    const code = errorCode(error);
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw notWritable(folder, code);
  }
  throw missing(folder);
}

function missing(folder: string): AppError {
  return new AppError(
    'EXPORT_FOLDER_MISSING',
    `The default export folder ${folder} no longer exists (was it moved, renamed or on a drive that is not connected?). Choose it again in Settings, or choose a folder for this export.`,
  );
}

function notWritable(folder: string, code: string | undefined): AppError {
  return new AppError(
    'EXPORT_FOLDER_NOT_WRITABLE',
    `CV Steward cannot create a folder in the default export folder ${folder}${code ? ` (${code})` : ''}. Check that you may write there, or choose another folder in Settings.`,
  );
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** The longest prefix of `text` within `maxBytes` of UTF-8, never splitting a character. */
function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let out = '';
  for (const char of text) {
    bytes += Buffer.byteLength(char, 'utf8');
    if (bytes > maxBytes) break;
    out += char;
  }
  return out;
}
