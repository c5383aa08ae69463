/**
 * verify is what the cleanup wizard trusts before deleting anything: it must notice every
 * kind of damage by path, refuse to be steered outside the folder by a doctored manifest,
 * and never call a partial bundle good.
 */
import { describe, expect, it } from 'vitest';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { verifyBundle } from '../../../src-main/export/verify-bundle';
import { withTempDir } from '../../support/export/helpers';
import { IMAGE, PROJECT, writeSmallBundle } from '../../support/export/small-bundle';

describe('verifyBundle', () => {
  it('passes an intact bundle and ignores the engine’s own state and the manifest', async () => {
    await withTempDir(async (dir) => {
      await writeSmallBundle(dir);
      await writeFile(join(dir, '.cv-steward', 'tmp', 'leftover'), 'x');
      const seen: Array<[number, number]> = [];
      const report = await verifyBundle(dir, { onProgress: (done, total) => seen.push([done, total]) });
      expect(report).toMatchObject({ ok: true, checkedFiles: 4, missing: [], extra: [], truncated: [], altered: [], problems: [] });
      expect(seen.at(-1)).toEqual([4, 4]);
    });
  });

  it('calls a file that grew "altered" and a stray file in a subfolder "extra"', async () => {
    await withTempDir(async (dir) => {
      await writeSmallBundle(dir);
      await appendFile(join(dir, 'index.html'), '<script>evil()</script>');
      await mkdir(join(dir, 'projects', PROJECT, 'images', 'files', 'nested'));
      await writeFile(join(dir, 'projects', PROJECT, 'images', 'files', 'nested', 'x.png'), 'x');
      const report = await verifyBundle(dir);
      expect(report.altered).toEqual(['index.html']);
      expect(report.extra).toEqual([`projects/${PROJECT}/images/files/nested/x.png`]);
      expect(report.ok).toBe(false);
    });
  });

  it('never reads outside the folder, whatever the manifest lists', async () => {
    await withTempDir(async (dir) => {
      await writeSmallBundle(dir, 'complete', [{ path: '../../etc/passwd', bytes: 1, sha256: 'a'.repeat(64), mediaType: 'text/plain' }]);
      const report = await verifyBundle(join(dir));
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([expect.stringContaining('unsafe path "../../etc/passwd"')]);
      expect(report.missing).toEqual([]);
    });
  });

  it('does not call a partial bundle good even when every file is intact', async () => {
    await withTempDir(async (dir) => {
      await writeSmallBundle(dir, 'partial');
      const report = await verifyBundle(dir);
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([expect.stringMatching(/partial/)]);
      expect(report.altered).toEqual([]);
      expect(report.checkedFiles).toBe(4);
    });
  });

  it('reports a folder with no manifest as a problem, not a crash', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, `${IMAGE}.png`), 'x');
      const report = await verifyBundle(dir);
      expect(report.ok).toBe(false);
      expect(report.problems[0]).toMatch(/no readable manifest/);
    });
  });
});

describe('verifyBundle and the files operating systems leave behind', () => {
  it('does not call Finder’s or Explorer’s clutter extra, but does call anything else extra', async () => {
    await withTempDir(async (dir) => {
      await writeSmallBundle(dir);
      for (const name of ['.DS_Store', `projects/${PROJECT}/.DS_Store`, `projects/${PROJECT}/._project.json`, 'Thumbs.db', 'desktop.ini']) await writeFile(join(dir, name), 'x');
      await writeFile(join(dir, 'projects', 'DS_Store'), 'x');
      const report = await verifyBundle(dir);
      expect(report.extra).toEqual(['projects/DS_Store']);
    });
  });
});
