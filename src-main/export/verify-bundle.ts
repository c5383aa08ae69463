/**
 * Re-checks a bundle against its manifest: every listed file is read and hashed again,
 * and the folder is walked for files the manifest does not know. Reports by path what is
 * missing, extra, truncated (shorter than listed) or altered (same size, other bytes — or
 * longer), plus manifest problems (unreadable, not a bundle, partial). `.cv-steward/`,
 * manifest.json itself and the files Finder or Explorer leave behind (.DS_Store…) are not
 * bundle content and never count as extra.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { VerifyReport } from '../../shared/model/bundle';
import { folderProblem } from '../fs/folder-state';
import { AppError } from '../errors/app-error';
import { isErrno } from './bundle-fs';
import { MANIFEST_PATH, STATE_DIR, isSystemClutter, pathProblem } from './bundle-paths';
import { readManifest, type Manifest } from './manifest';

export interface VerifyOptions {
  signal?: AbortSignal;
  onProgress?: (doneFiles: number, totalFiles: number, bytes: number) => void;
  /** Files hashed at once. Default 4. */
  concurrency?: number;
}

type FileVerdict = 'ok' | 'missing' | 'truncated' | 'altered';

export async function verifyBundle(folder: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const report: VerifyReport = { folder, checkedFiles: 0, checkedBytes: 0, missing: [], extra: [], truncated: [], altered: [], problems: [], ok: false };
  // The folder itself first, so that a folder that is gone, a file or a link to nothing is
  // named as that rather than as "no manifest". A link to a bundle folder is followed, as
  // by export, the cleanup's check and the command line (src-main/fs/folder-state).
  const notAFolder = await folderProblem(folder);
  if (notAFolder !== undefined) {
    report.problems.push(notAFolder);
    return report;
  }
  let manifest: Manifest;
  try {
    manifest = await readManifest(folder);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    report.problems.push(error.message);
    return report;
  }
  if (manifest.status !== 'complete') {
    report.problems.push(`The manifest says this bundle is partial (${manifest.problems.length} problem(s) recorded during the export): some data is not in it.`);
  }
  const listed = new Map<string, Manifest['files'][number]>();
  for (const entry of manifest.files) {
    const problem = pathProblem(entry.path);
    if (problem !== undefined) report.problems.push(`manifest.json lists an unsafe path "${entry.path}" (${problem}); it was not checked.`);
    else if (listed.has(entry.path)) report.problems.push(`manifest.json lists ${entry.path} twice.`);
    else listed.set(entry.path, entry);
  }

  const entries = [...listed.values()];
  const concurrency = Math.max(1, options.concurrency ?? 4);
  let nextIndex = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      options.signal?.throwIfAborted();
      const entry = entries[nextIndex];
      nextIndex += 1;
      if (!entry) return;
      const { verdict, bytes } = await checkFile(join(folder, entry.path), entry.bytes, entry.sha256, options.signal);
      if (verdict !== 'ok') report[verdict].push(entry.path);
      if (verdict !== 'missing') report.checkedFiles += 1;
      report.checkedBytes += bytes;
      done += 1;
      options.onProgress?.(done, entries.length, report.checkedBytes);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, entries.length)) }, worker));

  for await (const path of walk(folder, '')) {
    if (!listed.has(path)) report.extra.push(path);
  }
  for (const list of [report.missing, report.extra, report.truncated, report.altered]) list.sort();
  report.ok = [report.missing, report.extra, report.truncated, report.altered, report.problems].every((list) => list.length === 0);
  return report;
}

async function checkFile(path: string, bytes: number, sha256: string, signal: AbortSignal | undefined): Promise<{ verdict: FileVerdict; bytes: number }> {
  let size: number;
  try {
    const info = await lstat(path);
    if (!info.isFile()) return { verdict: 'missing', bytes: 0 };
    size = info.size;
  } catch (error) {
    if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR')) return { verdict: 'missing', bytes: 0 };
    throw error;
  }
  if (size < bytes) return { verdict: 'truncated', bytes: 0 };
  const hash = createHash('sha256');
  let read = 0;
  for await (const chunk of createReadStream(path, signal ? { signal } : {}) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    read += chunk.length;
  }
  return { verdict: read === bytes && hash.digest('hex') === sha256 ? 'ok' : 'altered', bytes: read };
}

/** Relative paths (forward slashes) of everything in the bundle but its state and manifest. */
async function* walk(root: string, relative: string): AsyncGenerator<string> {
  const entries = await readdir(relative === '' ? root : join(root, relative), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (relative === '' && (entry.name === STATE_DIR || entry.name === MANIFEST_PATH)) continue;
    if (entry.isDirectory()) yield* walk(root, path);
    else if (!isSystemClutter(entry.name)) yield path;
  }
}
