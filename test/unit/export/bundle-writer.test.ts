/**
 * The atomic writer: a file in its final place is always whole and journaled; a full or
 * read-only disk stops with a plain message naming the folder and leaves nothing
 * half-written; streamed images are named by their bytes; a second export into the same
 * folder waits its turn.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { BundleWriter } from '../../../src-main/export/bundle-writer';
import { generateImage } from '../../../src-main/emulator/images';
import { failingFs, withTempDir } from '../../support/export/helpers';

const sha = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

async function listAll(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

describe('BundleWriter', () => {
  it('writes, hashes and journals a file, creating its folders', async () => {
    await withTempDir(async (dir) => {
      const writer = await BundleWriter.open(dir);
      const record = await writer.writeFile('a/b/c.json', '{"x":1}\n', 'application/json');
      expect(record).toEqual({ path: 'a/b/c.json', bytes: 8, sha256: sha('{"x":1}\n'), mediaType: 'application/json' });
      expect(await readFile(join(dir, 'a/b/c.json'), 'utf8')).toBe('{"x":1}\n');
      expect(writer.finished('a/b/c.json')).toMatchObject(record);
      await writer.close();
      const journal = (await readFile(join(dir, '.cv-steward/journal.jsonl'), 'utf8')).trim();
      expect(JSON.parse(journal)).toMatchObject(record);
    });
  });

  it('streams an image and names it <id>.<ext> from its magic bytes', async () => {
    await withTempDir(async (dir) => {
      const writer = await BundleWriter.open(dir);
      for (const format of ['png', 'jpeg', 'bmp', 'gif'] as const) {
        const bytes = generateImage({ seed: 3, width: 30, height: 20, format });
        // The signature split over one-byte chunks: the sniffer must not need it in one piece.
        const source = Readable.from([...[...bytes.subarray(0, 16)].map((b) => Buffer.from([b])), bytes.subarray(16)]);
        const record = await writer.writeStream(`files/${format}-id`, source, { mediaTypeFromBytes: true });
        const ext = { png: 'png', jpeg: 'jpg', bmp: 'bmp', gif: 'gif' }[format];
        expect(record.path).toBe(`files/${format}-id.${ext}`);
        expect(record.sha256).toBe(sha(bytes));
        expect(writer.finishedStem(`files/${format}-id`)?.path).toBe(record.path);
      }
      const unknown = await writer.writeStream('files/mystery', [Buffer.from('not an image')], { mediaTypeFromBytes: true });
      expect(unknown).toMatchObject({ path: 'files/mystery.bin', mediaType: 'application/octet-stream' });
      await writer.close();
    });
  });

  it('on a full disk: DISK_FULL naming the folder, no partial file in place, no tmp leftover, the old file intact', async () => {
    await withTempDir(async (dir) => {
      const first = await BundleWriter.open(dir);
      await first.writeFile('data/records.jsonl', 'old contents\n', 'application/x-ndjson');
      await first.close();

      const fs = failingFs(1_000);
      const writer = await BundleWriter.open(dir, { fs });
      const big = Buffer.alloc(4_000, 7);
      const error = await writer.writeStream('data/records.jsonl', [big.subarray(0, 800), big.subarray(800)]).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'DISK_FULL' });
      expect((error as Error).message).toContain(dir);
      expect((error as Error).message).toMatch(/full/);
      expect(await readFile(join(dir, 'data/records.jsonl'), 'utf8')).toBe('old contents\n');
      expect(await readdir(join(dir, '.cv-steward/tmp'))).toEqual([]);
      const fresh = await writer.writeStream('data/new.bin', [big]).catch((e: unknown) => e);
      expect(fresh).toMatchObject({ code: 'DISK_FULL' });
      expect((await listAll(dir)).filter((p) => p.startsWith('data/'))).toEqual(['data/records.jsonl']);
      await writer.close();
    });
  });

  it('on a refused write: CANNOT_WRITE naming the folder', async () => {
    await withTempDir(async (dir) => {
      const writer = await BundleWriter.open(dir, { fs: failingFs(0, 'EACCES') });
      const error = await writer.writeFile('x.json', '{}', 'application/json').catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'CANNOT_WRITE' });
      expect((error as Error).message).toContain(dir);
      expect(await readdir(join(dir, '.cv-steward/tmp'))).toEqual([]);
      await writer.close();
    });
  });

  it('leaves nothing behind when the source fails part-way (a dropped download)', async () => {
    await withTempDir(async (dir) => {
      const writer = await BundleWriter.open(dir);
      async function* dropping() {
        yield Buffer.from('first part');
        throw new Error('connection lost');
      }
      await expect(writer.writeStream('files/x', dropping(), { mediaTypeFromBytes: true })).rejects.toThrow('connection lost');
      expect(await listAll(dir)).toEqual(['.cv-steward/journal.jsonl', '.cv-steward/lock']);
      await writer.close();
    });
  });

  it('clears tmp leftovers on open and rewrites a file that has no journal entry', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, '.cv-steward/tmp'), { recursive: true });
      await writeFile(join(dir, '.cv-steward/tmp/half-written'), 'partial');
      await writeFile(join(dir, 'orphan.json'), 'stale');
      const writer = await BundleWriter.open(dir);
      expect(await readdir(join(dir, '.cv-steward/tmp'))).toEqual([]);
      expect(writer.finished('orphan.json')).toBeUndefined();
      await writer.writeFile('orphan.json', 'fresh', 'application/json');
      expect(await readFile(join(dir, 'orphan.json'), 'utf8')).toBe('fresh');
      await writer.close();
    });
  });

  it('refuses unsafe paths and two paths that differ only in case', async () => {
    await withTempDir(async (dir) => {
      const writer = await BundleWriter.open(dir);
      await expect(writer.writeFile('../escape.txt', 'x', 'text/plain')).rejects.toMatchObject({ code: 'UNSAFE_PATH' });
      await expect(writer.writeFile('.cv-steward/journal.jsonl', 'x', 'text/plain')).rejects.toMatchObject({ code: 'UNSAFE_PATH' });
      await writer.writeFile('datasets/Rose/a.txt', 'x', 'text/plain');
      await expect(writer.writeFile('datasets/rose/a.txt', 'y', 'text/plain')).rejects.toMatchObject({ code: 'UNSAFE_PATH' });
      expect(await readFile(join(dir, 'datasets/Rose/a.txt'), 'utf8')).toBe('x');
      await writer.close();
    });
  });

  it('lets only one writer into a folder at a time, and takes over a lock left by a dead process', async () => {
    await withTempDir(async (dir) => {
      const writer = await BundleWriter.open(dir);
      await expect(BundleWriter.open(dir)).rejects.toMatchObject({ code: 'BUNDLE_BUSY' });
      await writer.close();
      // A killed export leaves its lock; pid 2^31-1 does not exist.
      await writeFile(join(dir, '.cv-steward/lock'), JSON.stringify({ pid: 2_147_483_647 }));
      const next = await BundleWriter.open(dir);
      await next.close();
    });
  });
});
