/**
 * The journal decides what a resumed export may skip: only files that are there with
 * the size and SHA-256 it recorded. Torn lines, tampered paths and files changed since
 * (even in place, same size) are not trusted; the journal is compacted so it does not
 * grow run after run.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { nodeBundleFs } from '../../../src-main/export/bundle-fs';
import { Journal, type JournalEntry } from '../../../src-main/export/journal';
import { withTempDir } from '../../support/export/helpers';

const HASH = 'a'.repeat(64);
const entry = (path: string, bytes: number): JournalEntry => ({ path, bytes, sha256: HASH, mediaType: 'text/plain', at: '2026-01-01T00:00:00.000Z' });
/** The entry a real write of `content` would have journaled. */
const written = (path: string, content: string): JournalEntry => ({
  ...entry(path, Buffer.byteLength(content)),
  sha256: createHash('sha256').update(content).digest('hex'),
});

async function prepare(dir: string): Promise<void> {
  await mkdir(join(dir, '.cv-steward/tmp'), { recursive: true });
}

describe('Journal', () => {
  it('trusts entries whose file is there with the recorded size and hash, and nothing else', async () => {
    await withTempDir(async (dir) => {
      await prepare(dir);
      await mkdir(join(dir, 'a'));
      await writeFile(join(dir, 'a/same.txt'), '12345');
      await writeFile(join(dir, 'a/shorter.txt'), '123');
      // Altered in place: the size still matches, the bytes do not.
      await writeFile(join(dir, 'a/altered.txt'), '12x45');
      await writeFile(join(dir, 'a/unjournaled.txt'), 'xyz');
      const lines = [written('a/same.txt', '12345'), written('a/shorter.txt', '12345'), written('a/altered.txt', '12345'), entry('a/gone.txt', 1)].map((e) =>
        JSON.stringify(e),
      );
      await writeFile(join(dir, '.cv-steward/journal.jsonl'), `${lines.join('\n')}\n`);

      const progress: Array<[number, number, number]> = [];
      const journal = await Journal.open(dir, nodeBundleFs, { onProgress: (done, total, bytes) => progress.push([done, total, bytes]) });
      expect(journal.get('a/same.txt')?.bytes).toBe(5);
      expect(journal.get('a/shorter.txt')).toBeUndefined();
      expect(journal.get('a/altered.txt')).toBeUndefined();
      expect(journal.get('a/gone.txt')).toBeUndefined();
      expect(journal.get('a/unjournaled.txt')).toBeUndefined();
      // Damaged = there but not as saved; a file that is simply gone is not damage.
      expect(journal.damaged).toEqual(['a/altered.txt', 'a/shorter.txt']);
      // Every entry is counted once, starting from a known total; hashed bytes add up.
      expect(progress[0]).toEqual([0, 4, 0]);
      expect(progress.at(-1)).toEqual([4, 4, 10]);
      await journal.close();
      // Compacted: only the trusted entry is left on disk.
      const kept = (await readFile(join(dir, '.cv-steward/journal.jsonl'), 'utf8')).trim().split('\n');
      expect(kept.map((line) => (JSON.parse(line) as JournalEntry).path)).toEqual(['a/same.txt']);
    });
  });

  it('skips a torn last line and entries with unsafe paths or bad fields instead of failing', async () => {
    await withTempDir(async (dir) => {
      await prepare(dir);
      await writeFile(join(dir, 'ok.txt'), 'ok');
      const lines = [
        JSON.stringify(written('ok.txt', 'ok')),
        JSON.stringify(entry('../outside.txt', 2)),
        JSON.stringify({ ...entry('bad-hash.txt', 2), sha256: 'nope' }),
        JSON.stringify(entry('.cv-steward/journal.jsonl', 10)),
        '{"path":"torn.txt","byt',
      ];
      await writeFile(join(dir, '.cv-steward/journal.jsonl'), lines.join('\n'));
      const journal = await Journal.open(dir, nodeBundleFs);
      expect([...journal.values()].map((e) => e.path)).toEqual(['ok.txt']);
      await journal.close();
    });
  });

  it('lets the latest line win, and a retraction cancel an entry until a new one follows', async () => {
    await withTempDir(async (dir) => {
      await prepare(dir);
      await writeFile(join(dir, 'f.txt'), '1234');
      const journal = await Journal.open(dir, nodeBundleFs);
      await journal.append(entry('f.txt', 3));
      await journal.append(entry('f.txt', 4));
      await journal.retract('f.txt', '2026-01-01T00:00:01.000Z');
      expect(journal.get('f.txt')).toBeUndefined();
      await journal.close();
      // A kill right after the retraction: the file is not trusted on the next open.
      const reopened = await Journal.open(dir, nodeBundleFs);
      expect(reopened.get('f.txt')).toBeUndefined();
      await reopened.append(written('f.txt', '1234'));
      await reopened.close();
      const again = await Journal.open(dir, nodeBundleFs);
      expect(again.get('f.txt')?.bytes).toBe(4);
      await again.close();
    });
  });

  it('keeps concurrent appends on separate, whole lines', async () => {
    await withTempDir(async (dir) => {
      await prepare(dir);
      const journal = await Journal.open(dir, nodeBundleFs);
      await Promise.all(Array.from({ length: 200 }, (_, n) => journal.append(entry(`f${n}.txt`, n))));
      await journal.close();
      const lines = (await readFile(join(dir, '.cv-steward/journal.jsonl'), 'utf8')).trim().split('\n');
      expect(lines).toHaveLength(200);
      expect(new Set(lines.map((line) => (JSON.parse(line) as JournalEntry).path)).size).toBe(200);
    });
  });

  it('starts empty when there is no journal yet', async () => {
    await withTempDir(async (dir) => {
      await prepare(dir);
      await rm(join(dir, '.cv-steward/journal.jsonl'), { force: true });
      const journal = await Journal.open(dir, nodeBundleFs);
      expect(journal.size).toBe(0);
      await journal.close();
    });
  });
});
