/**
 * The bundle's journal (docs/bundle-format.md, "Resume"): one JSON line per finished
 * file, appended only after the file was flushed and renamed into place. On open, every
 * entry is checked against the disk — size first, then the SHA-256 of the bytes — and
 * counts only if both still match: a file altered in place (same size, other bytes) is
 * not "finished", so a re-run fetches it again instead of trusting it. The journal is
 * then rewritten (atomically) with just the trusted entries, so it does not grow run
 * after run and a torn last line from a power cut is dropped rather than fatal.
 */
import { createReadStream } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { BundleFileRecord } from './file-sink';
import { isErrno, type BundleFs, type WritableFile } from './bundle-fs';
import { JOURNAL_PATH, TMP_DIR, pathProblem } from './bundle-paths';

export interface JournalEntry extends BundleFileRecord {
  /** When the file was finished (ISO). */
  at: string;
}

/** Files hashed at once on open: enough to keep a disk busy, few enough not to thrash a spinning one. */
const CHECK_CONCURRENCY = 4;

export interface JournalCheckOptions {
  /** After each checked file: files done, files in all, bytes read so far. */
  onProgress?: (doneFiles: number, totalFiles: number, bytes: number) => void;
  signal?: AbortSignal;
}

/**
 * In memory an entry is one packed string (bytes, sha256, mediaType, at; one per line) keyed by path:
 * a 100 000-image bundle keeps 100 000 of them for the whole run, and one string costs
 * far less than an object holding four.
 */
function pack(entry: JournalEntry): string {
  return flat(`${entry.bytes}\n${entry.sha256}\n${entry.mediaType}\n${entry.at}`);
}

/**
 * A copy of `text` as one flat string. Strings built by concatenation are trees of
 * pieces in V8; kept for the whole run, 100 000 of them cost about twice as much as
 * their flat copies (measured: 52 MB against 29 MB for paths and entries).
 */
export function flat(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

function unpack(path: string, packed: string): JournalEntry {
  const [bytes = '0', sha256 = '', mediaType = '', at = ''] = packed.split('\n');
  return { path, bytes: Number(bytes), sha256, mediaType, at };
}

export class Journal {
  private readonly entries: Map<string, string>;
  private readonly file: WritableFile;
  private tail: Promise<void> = Promise.resolve();

  private constructor(entries: Map<string, string>, file: WritableFile) {
    this.entries = entries;
    this.file = file;
  }

  /**
   * Reads, checks against the disk and compacts the journal of `folder` (tmp/ must exist).
   * Entries whose file is gone are dropped; entries whose file is there with other bytes
   * are dropped too and listed in `damaged` (the caller decides what becomes of them).
   */
  static async open(folder: string, fs: BundleFs, check: JournalCheckOptions = {}): Promise<Journal> {
    const path = join(folder, JOURNAL_PATH);
    const entries = await readJournalFile(path);
    const lines = entries.size;
    const damaged = await checkEntries(folder, fs, entries, check);
    if (lines > 0) await rewrite(folder, path, entries, fs);
    const journal = new Journal(entries, await fs.openFile(path, 'append'));
    journal.damaged = damaged;
    return journal;
  }

  /** Paths the journal listed whose file was found altered or cut short on open (sorted). */
  damaged: readonly string[] = [];

  get(path: string): JournalEntry | undefined {
    const packed = this.entries.get(path);
    return packed === undefined ? undefined : unpack(path, packed);
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  get size(): number {
    return this.entries.size;
  }

  *values(): IterableIterator<JournalEntry> {
    for (const [path, packed] of this.entries) yield unpack(path, packed);
  }

  paths(): IterableIterator<string> {
    return this.entries.keys();
  }

  /** Records a finished file. Appends are serialised so lines never interleave. */
  async append(entry: JournalEntry): Promise<void> {
    await this.writeLine(JSON.stringify(entry));
    this.entries.set(flat(entry.path), pack(entry));
  }

  /**
   * Records that a journaled file is about to be replaced: until its new entry follows,
   * the file does not count as finished (a kill in between means "write it again").
   */
  retract(path: string, at: string): Promise<void> {
    this.entries.delete(path);
    return this.writeLine(JSON.stringify({ path, removed: true, at }));
  }

  async close(): Promise<void> {
    await this.tail;
    await this.file.close();
  }

  private writeLine(json: string): Promise<void> {
    const line = Buffer.from(`${json}\n`, 'utf8');
    const next = this.tail.then(() => this.file.write(line));
    // A failed append must not poison later ones; the caller still sees its own error.
    this.tail = next.catch(() => undefined);
    return next;
  }
}

/**
 * Checks every entry in place (no second map: a resumed 100 000-image bundle has 100 000
 * entries): a missing file drops its entry; a file of another size or hash drops it and
 * is reported as damaged. Sizes are compared before hashing so a truncated file costs no read.
 */
async function checkEntries(folder: string, fs: BundleFs, entries: Map<string, string>, check: JournalCheckOptions): Promise<string[]> {
  const damaged: string[] = [];
  const all = [...entries];
  const total = all.length;
  let next = 0;
  let done = 0;
  let bytes = 0;
  check.onProgress?.(0, total, 0);
  const worker = async (): Promise<void> => {
    for (;;) {
      check.signal?.throwIfAborted();
      const item = all[next];
      next += 1;
      if (!item) return;
      const [entryPath, packed] = item;
      const recorded = unpack(entryPath, packed);
      const file = join(folder, entryPath);
      const size = await fs.fileSize(file);
      if (size === undefined) {
        entries.delete(entryPath);
      } else if (size !== recorded.bytes) {
        entries.delete(entryPath);
        damaged.push(entryPath);
      } else {
        const digest = await fs.digest(file, check.signal);
        bytes += digest?.bytes ?? 0;
        if (digest === undefined) entries.delete(entryPath);
        else if (digest.bytes !== recorded.bytes || digest.sha256 !== recorded.sha256) {
          entries.delete(entryPath);
          damaged.push(entryPath);
        }
      }
      done += 1;
      check.onProgress?.(done, total, bytes);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CHECK_CONCURRENCY, Math.max(1, total)) }, worker));
  return damaged.sort();
}

/** Media types and times are printable ASCII; anything else in a journal line is damage. */
export function isPrintable(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

type JournalLine = JournalEntry | { path: string; removed: true };

function parseLine(line: string): JournalLine | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { path, bytes, sha256, mediaType, at, removed } = value as Record<string, unknown>;
  if (typeof path !== 'string' || pathProblem(path) !== undefined) return undefined;
  if (removed === true) return { path, removed: true };
  if (typeof bytes !== 'number' || !Number.isSafeInteger(bytes) || bytes < 0) return undefined;
  if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) return undefined;
  if (typeof mediaType !== 'string' || typeof at !== 'string' || !isPrintable(mediaType) || !isPrintable(at)) return undefined;
  return { path, bytes, sha256, mediaType, at };
}

/** Latest entry per path (packed); unreadable lines (a torn write) are skipped, not fatal. */
async function readJournalFile(path: string): Promise<Map<string, string>> {
  const entries = new Map<string, string>();
  const input = createReadStream(path, { encoding: 'utf8' });
  try {
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      const entry = parseLine(line);
      if (!entry) continue;
      // Re-insert so iteration order follows the latest write.
      entries.delete(entry.path);
      if (!('removed' in entry)) entries.set(entry.path, pack(entry));
    }
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return entries;
    throw error;
  }
  return entries;
}

async function rewrite(folder: string, path: string, entries: Map<string, string>, fs: BundleFs): Promise<void> {
  const tmp = join(folder, TMP_DIR, `journal-${randomUUID()}`);
  const file = await fs.openFile(tmp, 'create');
  try {
    let chunk = '';
    for (const [entryPath, packed] of entries) {
      chunk += `${JSON.stringify(unpack(entryPath, packed))}\n`;
      if (chunk.length >= 1 << 16) {
        await file.write(Buffer.from(chunk, 'utf8'));
        chunk = '';
      }
    }
    if (chunk.length > 0) await file.write(Buffer.from(chunk, 'utf8'));
    await file.sync();
  } finally {
    await file.close();
  }
  await fs.rename(tmp, path);
}
