/**
 * Writes bundle files so that a file in its final place is always complete: bytes go to
 * `.cv-steward/tmp/<random>`, are hashed and counted as they pass, flushed (fsync),
 * renamed into place, and only then journaled (docs/bundle-format.md, "Resume"). A kill
 * at any moment leaves either the old file, or the new one, or a tmp leftover that the
 * next open removes. Implements BundleFileSink for the dataset and viewer writers.
 */
import { createHash, randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { AppError } from '../errors/app-error';
import type { BundleFileRecord, BundleFileSink } from './file-sink';
import { nodeBundleFs, type BundleFs, type WritableFile } from './bundle-fs';
import { DAMAGED_DIR, STATE_DIR, TMP_DIR, checkBundlePath } from './bundle-paths';
import { diskError } from './disk-errors';
import { Journal, isPrintable, type JournalCheckOptions, type JournalEntry } from './journal';
import { acquireBundleLock, type BundleLock } from './bundle-lock';
import { SNIFFED_EXTENSIONS, SNIFF_BYTES, sniffMediaType } from './magic-bytes';

export type ChunkSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/**
 * Where a file's bytes come from: the chunks themselves, or a function that starts
 * producing them (a download). A download is started only once the temp file is open, so
 * its stream is read from the moment it exists: an early network error then fails this
 * write (and can be retried) instead of hitting a stream nobody listens to yet.
 */
export type FileSource = ChunkSource | (() => Promise<ChunkSource>);

export interface StreamWriteOptions {
  /** The media type to record (ignored with mediaTypeFromBytes). */
  mediaType?: string;
  /**
   * Sniff the type from the first bytes; `relativePath` is then a stem (`…/<id>`) and the
   * file is named `<stem>.<ext>` once the bytes are in.
   */
  mediaTypeFromBytes?: boolean;
}

export interface BundleWriterOptions {
  fs?: BundleFs;
  now?: () => Date;
  /** Progress and cancel of the re-check of every saved file on open. */
  check?: JournalCheckOptions;
}

/** A saved file that was found altered on open, and where its damaged copy was put. */
export interface DamagedFile {
  path: string;
  /** Relative to the bundle root, inside the state folder. */
  movedTo: string;
}

export class BundleWriter implements BundleFileSink {
  readonly folder: string;
  private readonly fs: BundleFs;
  private readonly now: () => Date;
  private readonly journal: Journal;
  private readonly lock: BundleLock;
  private readonly madeDirs = new Set<string>();
  /**
   * Lower-cased path → path, for paths with capitals written in this run: catches `a/B`
   * vs `a/b`. All-lower-case paths (every image file) are checked against it and the
   * journal without being stored twice.
   */
  private readonly caseFold = new Map<string, string>();
  private closed = false;
  /** Files the journal listed that were found altered on open: moved aside, to be fetched again. */
  readonly damaged: readonly DamagedFile[];

  private constructor(folder: string, fs: BundleFs, now: () => Date, journal: Journal, lock: BundleLock, damaged: readonly DamagedFile[]) {
    this.folder = folder;
    this.fs = fs;
    this.now = now;
    this.journal = journal;
    this.lock = lock;
    this.damaged = damaged;
  }

  /**
   * Prepares `folder` (created if needed): takes its lock, clears tmp/, reads the journal
   * and re-checks every saved file by size and SHA-256 (docs/bundle-format.md, "Resume").
   */
  static async open(folder: string, options: BundleWriterOptions = {}): Promise<BundleWriter> {
    const fs = options.fs ?? nodeBundleFs;
    const now = options.now ?? (() => new Date());
    try {
      await fs.mkdirp(join(folder, STATE_DIR));
      const lock = await acquireBundleLock(folder);
      try {
        // Leftovers of a killed run are never mistaken for finished files: they go.
        await fs.remove(join(folder, TMP_DIR));
        await fs.mkdirp(join(folder, TMP_DIR));
        const journal = await Journal.open(folder, fs, options.check);
        const damaged = await moveAside(folder, fs, journal.damaged, now());
        return new BundleWriter(folder, fs, now, journal, lock, damaged);
      } catch (error) {
        await lock.release();
        throw error;
      }
    } catch (error) {
      throw diskError(error, folder) ?? error;
    }
  }

  /** The journal entry of a finished file (present on disk with its recorded size at open). */
  finished(relativePath: string): JournalEntry | undefined {
    return this.journal.get(relativePath);
  }

  /** The finished file written from `stem` with a sniffed extension, if any. */
  finishedStem(stem: string): JournalEntry | undefined {
    for (const ext of SNIFFED_EXTENSIONS) {
      const entry = this.journal.get(`${stem}.${ext}`);
      if (entry) return entry;
    }
    return undefined;
  }

  /** Every finished file (latest entry per path). */
  files(): IterableIterator<JournalEntry> {
    return this.journal.values();
  }

  /** Every finished file sorted by path (two runs over the same data list them alike). */
  *sortedFiles(): Generator<JournalEntry> {
    const paths = [...this.journal.paths()].sort();
    for (const path of paths) {
      const entry = this.journal.get(path);
      if (entry) yield entry;
    }
  }

  writeFile(relativePath: string, data: string | Uint8Array, mediaType: string): Promise<BundleFileRecord> {
    return this.writeStream(relativePath, [data], { mediaType });
  }

  /** A JSON record as the API returned it, indented for people reading the bundle. */
  writeJson(relativePath: string, value: unknown): Promise<BundleFileRecord> {
    return this.writeFile(relativePath, `${JSON.stringify(value, null, 2)}\n`, 'application/json');
  }

  async writeStream(relativePath: string, source: FileSource, options: StreamWriteOptions = {}): Promise<BundleFileRecord> {
    checkBundlePath(relativePath);
    if (options.mediaType !== undefined && !isPrintable(options.mediaType)) {
      throw new AppError('INVALID_ARGUMENT', `"${options.mediaType}" is not a media type.`);
    }
    const tmp = join(this.folder, TMP_DIR, randomUUID());
    let file: WritableFile | undefined;
    let renamedTo: string | undefined;
    try {
      file = await this.fs.openFile(tmp, 'create');
      const hash = createHash('sha256');
      let bytes = 0;
      let head = Buffer.alloc(0);
      const chunks = typeof source === 'function' ? await source() : source;
      for await (const chunk of chunks) {
        const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        if (data.byteLength === 0) continue;
        if (head.length < SNIFF_BYTES) head = Buffer.concat([head, data.subarray(0, SNIFF_BYTES - head.length)]);
        hash.update(data);
        bytes += data.byteLength;
        await file.write(data);
      }
      await file.sync();
      await file.close();
      file = undefined;

      const sniffed = options.mediaTypeFromBytes ? sniffMediaType(head) : undefined;
      const path = sniffed ? checkBundlePath(`${relativePath}.${sniffed.ext}`) : relativePath;
      this.claimCase(path);
      const record: BundleFileRecord = { path, bytes, sha256: hash.digest('hex'), mediaType: sniffed?.mediaType ?? options.mediaType ?? 'application/octet-stream' };
      const target = join(this.folder, path);
      await this.mkdirp(dirname(target));
      // Replacing a journaled file: retract its entry first, so a kill between the rename
      // and the new entry can never pair the new bytes with the old hash.
      if (this.journal.get(path)) await this.journal.retract(path, this.now().toISOString());
      await this.fs.rename(tmp, target);
      renamedTo = target;
      await this.journal.append({ ...record, at: this.now().toISOString() });
      return record;
    } catch (error) {
      if (file) await file.close().catch(() => undefined);
      await this.fs.remove(tmp).catch(() => undefined);
      // Renamed but not journaled (the journal append failed): not finished, so not kept.
      if (renamedTo !== undefined) await this.fs.remove(renamedTo).catch(() => undefined);
      throw diskError(error, this.folder) ?? error;
    }
  }

  /**
   * Atomically writes a file that is not journaled and not listed in the manifest's files
   * (the manifest itself): tmp + fsync + rename, same guarantees otherwise.
   */
  async writeUnlisted(relativePath: string, source: ChunkSource): Promise<void> {
    const tmp = join(this.folder, TMP_DIR, randomUUID());
    let file: WritableFile | undefined;
    try {
      file = await this.fs.openFile(tmp, 'create');
      for await (const chunk of source) await file.write(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
      await file.sync();
      await file.close();
      file = undefined;
      await this.fs.rename(tmp, join(this.folder, relativePath));
    } catch (error) {
      if (file) await file.close().catch(() => undefined);
      await this.fs.remove(tmp).catch(() => undefined);
      throw diskError(error, this.folder) ?? error;
    }
  }

  /** Flushes the journal and releases the folder; later calls do nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.journal.close();
    } finally {
      await this.lock.release();
    }
  }

  /** Damaged files of the open that this run has not written again (still missing from the bundle). */
  unrepaired(): DamagedFile[] {
    return this.damaged.filter((file) => !this.journal.has(file.path));
  }

  private claimCase(path: string): void {
    const folded = path.toLowerCase();
    const earlier = this.caseFold.get(folded) ?? (folded !== path && this.journal.has(folded) ? folded : undefined);
    if (earlier !== undefined && earlier !== path) {
      throw new AppError('UNSAFE_PATH', `Refusing to write "${path}": "${earlier}" differs only in letter case, and Windows and macOS would merge them.`);
    }
    if (folded !== path) this.caseFold.set(folded, path);
  }

  private async mkdirp(dir: string): Promise<void> {
    if (this.madeDirs.has(dir)) return;
    await this.fs.mkdirp(dir);
    this.madeDirs.add(dir);
  }
}

/**
 * Damaged copies leave the bundle's content (so verify and the manifest describe only
 * good files) but are never deleted: when the service no longer has an item, its damaged
 * copy may be all that is left. They go to `.cv-steward/damaged/<time>/<path>`.
 */
async function moveAside(folder: string, fs: BundleFs, paths: readonly string[], at: Date): Promise<DamagedFile[]> {
  const moved: DamagedFile[] = [];
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  for (const path of paths) {
    const movedTo = `${DAMAGED_DIR}/${stamp}/${path}`;
    const target = join(folder, movedTo);
    await fs.mkdirp(dirname(target));
    await fs.rename(join(folder, path), target);
    moved.push({ path, movedTo });
  }
  return moved;
}
