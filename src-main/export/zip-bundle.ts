/**
 * One-file copy of a finished bundle: `<folder>.zip` next to the folder (or a given
 * path), holding every file the manifest lists plus the manifest itself, so the
 * checksums travel inside. Streamed end to end (yazl reads each file only when its turn
 * comes, so 100 000 files never means 100 000 open handles), written to a temporary
 * name, flushed and renamed: a half-written zip never carries the final name.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ZipFile } from 'yazl';
import { AppError } from '../errors/app-error';
import { nodeBundleFs, type WritableFile } from './bundle-fs';
import { acquireBundleLock } from './bundle-lock';
import { MANIFEST_PATH, pathProblem } from './bundle-paths';
import { diskError } from './disk-errors';
import { readManifest } from './manifest';

export interface ZipOptions {
  /** Where to write; default `<folder>.zip` beside the folder. */
  output?: string;
  signal?: AbortSignal;
}

export interface ZipResult {
  path: string;
  bytes: number;
  sha256: string;
  /** Entries in the archive, the manifest included. */
  files: number;
}

// Already-compressed formats gain nothing from deflate; text and bitmaps gain a lot.
const STORED = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/zip']);

export async function zipBundle(folder: string, options: ZipOptions = {}): Promise<ZipResult> {
  const root = resolve(folder);
  const output = resolve(options.output ?? `${root}.zip`);
  if (output.startsWith(`${root}/`) || output.startsWith(`${root}\\`)) {
    throw new AppError('INVALID_ARGUMENT', 'The zip archive cannot be written inside the bundle it contains.');
  }
  const lock = await acquireBundleLock(root);
  const tmp = join(dirname(output), `.${basename(output)}.${randomUUID()}.partial`);
  let file: WritableFile | undefined;
  const zip = new ZipFile();
  const archive = zip.outputStream as NodeJS.ReadableStream & { destroy(error?: Error): void };
  // yazl reports a file that changed size (or vanished) on the ZipFile, not the stream. It
  // can do so before the loop below reads the archive (a small bundle is pumped while the
  // temporary file opens), when the destroyed stream has no reader yet: the failure is kept
  // here and thrown by this function, and the stream's own error event has a listener, so
  // it never reaches the process as an uncaught exception.
  let zipFailure: Error | undefined;
  zip.on('error', (error: Error) => {
    zipFailure ??= error;
    archive.destroy(error);
  });
  archive.on('error', () => undefined);
  try {
    const manifest = await readManifest(root);
    const mtime = new Date(manifest.updatedAt);
    const stamp = Number.isNaN(mtime.getTime()) ? new Date() : mtime;
    for (const entry of manifest.files) {
      if (pathProblem(entry.path) !== undefined) throw new AppError('BAD_MANIFEST', `manifest.json lists an unsafe path (${entry.path}); the bundle was not zipped.`);
      zip.addReadStreamLazy(entry.path, { compress: !STORED.has(entry.mediaType), mtime: stamp, size: entry.bytes }, (callback) =>
        callback(null, createReadStream(join(root, entry.path))),
      );
    }
    zip.addReadStreamLazy(MANIFEST_PATH, { compress: true, mtime: stamp }, (callback) => callback(null, createReadStream(join(root, MANIFEST_PATH))));
    zip.end();

    file = await nodeBundleFs.openFile(tmp, 'create');
    const hash = createHash('sha256');
    let bytes = 0;
    if (zipFailure) throw zipFailure;
    for await (const chunk of archive as AsyncIterable<Buffer>) {
      options.signal?.throwIfAborted();
      hash.update(chunk);
      bytes += chunk.length;
      await file.write(chunk);
    }
    if (zipFailure) throw zipFailure;
    await file.sync();
    await file.close();
    file = undefined;
    await nodeBundleFs.rename(tmp, output);
    return { path: output, bytes, sha256: hash.digest('hex'), files: manifest.files.length + 1 };
  } catch (error) {
    archive.destroy();
    if (file) await file.close().catch(() => undefined);
    await nodeBundleFs.remove(tmp).catch(() => undefined);
    throw diskError(error, dirname(output)) ?? error;
  } finally {
    await lock.release();
  }
}
