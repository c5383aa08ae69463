/**
 * The optional single-file archive: every listed file plus the manifest, bytes intact,
 * written under its final name only once complete, and never inside the bundle itself.
 */
import { describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { appendFile, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { nodeBundleFs } from '../../../src-main/export/bundle-fs';
import { readManifest } from '../../../src-main/export/manifest';
import { zipBundle } from '../../../src-main/export/zip-bundle';
import { withTempDir } from '../../support/export/helpers';
import { writeSmallBundle } from '../../support/export/small-bundle';

const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

function readZip(path: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const out = new Map<string, Buffer>();
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      zip.on('end', () => resolve(out));
      zip.on('entry', (entry: yauzl.Entry) =>
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        }),
      );
      zip.readEntry();
    });
  });
}

describe('zipBundle', () => {
  it('holds every listed file with its hash, and the manifest', async () => {
    await withTempDir(async (dir) => {
      const bundle = join(dir, 'My bundle');
      await writeSmallBundle(bundle);
      const result = await zipBundle(bundle);
      expect(result.path).toBe(`${bundle}.zip`);
      expect(sha(await readFile(result.path))).toBe(result.sha256);
      const entries = await readZip(result.path);
      const manifest = await readManifest(bundle);
      expect([...entries.keys()].sort()).toEqual([...manifest.files.map((f) => f.path), 'manifest.json'].sort());
      for (const file of manifest.files) expect(sha(entries.get(file.path) ?? Buffer.alloc(0))).toBe(file.sha256);
      expect(entries.get('manifest.json')?.toString('utf8')).toBe(await readFile(join(bundle, 'manifest.json'), 'utf8'));
      // The engine's state never travels.
      expect([...entries.keys()].some((name) => name.startsWith('.cv-steward'))).toBe(false);
    });
  });

  it('writes to a chosen path, refuses one inside the bundle', async () => {
    await withTempDir(async (dir) => {
      const bundle = join(dir, 'b');
      await writeSmallBundle(bundle);
      const result = await zipBundle(bundle, { output: join(dir, 'elsewhere.zip') });
      expect(result.path).toBe(join(dir, 'elsewhere.zip'));
      await expect(zipBundle(bundle, { output: join(bundle, 'inside.zip') })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    });
  });

  it('leaves no zip at all when a file no longer matches its listed size', async () => {
    await withTempDir(async (dir) => {
      const bundle = join(dir, 'b');
      await writeSmallBundle(bundle);
      await appendFile(join(bundle, 'index.html'), 'grown');
      await expect(zipBundle(bundle)).rejects.toThrow();
      expect(await readdir(dir)).toEqual(['b']);
    });
  });

  it('reports a changed file as the zip’s failure even when yazl finds it before the archive is read', async () => {
    // A slow disk: opening the archive's temporary file takes 200 ms, long enough for yazl
    // to read the whole small bundle and find the size wrong first. That failure used to
    // reach the process as an uncaught exception (which kills the export worker).
    const openFile = nodeBundleFs.openFile;
    const slowOpen = vi.spyOn(nodeBundleFs, 'openFile').mockImplementation(async (...args) => {
      await new Promise((settle) => setTimeout(settle, 200));
      return openFile(...args);
    });
    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    process.prependListener('uncaughtException', record);
    try {
      await withTempDir(async (dir) => {
        const bundle = join(dir, 'b');
        await writeSmallBundle(bundle);
        await appendFile(join(bundle, 'index.html'), 'grown');
        await expect(zipBundle(bundle)).rejects.toThrow(/unexpected number of bytes/);
        await new Promise((settle) => setTimeout(settle, 50));
        expect(uncaught).toEqual([]);
        expect(await readdir(dir)).toEqual(['b']);
      });
    } finally {
      process.removeListener('uncaughtException', record);
      slowOpen.mockRestore();
    }
  });
});
