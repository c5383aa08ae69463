/**
 * manifest.json is what verify, the viewer and a person read: it must be exactly the
 * documented shape, parse back through the schema, and say clearly when it is not one.
 */
import { describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ManifestSchema,
  manifestChunks,
  manifestCounts,
  readManifest,
  type ManifestHeader,
} from '../../../src-main/export/manifest';
import { withTempDir } from '../../support/export/helpers';

const P = '0f8c7b1e-2d3a-4c5b-9e6f-7a8b9c0d1e2f';
const header: ManifestHeader = {
  format: 'cv-steward-bundle',
  formatVersion: 1,
  tool: { name: 'CV Steward', version: '0.1.0' },
  createdAt: '2026-11-29T10:00:00.000Z',
  updatedAt: '2026-11-29T10:05:00.000Z',
  status: 'complete',
  source: { endpointHost: 'demo.cognitiveservices.azure.com', resourceName: 'demo', keyFingerprint: 'ab12cd34' },
  selection: { projectIds: 'all', categories: ['projects', 'images'] },
  projects: [
    {
      id: P,
      name: '../../x <b>',
      counts: { taggedImages: 2, untaggedImages: 1, imagesOnlyInIterations: 0, iterations: 1, tags: 2, exports: 0, predictions: 0 },
      reconciliation: [{ what: 'taggedImages', api: 2, exported: 2, ok: true }],
    },
  ],
  counts: {},
  problems: [],
};
const files = Array.from({ length: 3000 }, (_, n) => ({
  path: `projects/${P}/images/files/${String(n).padStart(8, '0')}-0000-4000-8000-000000000000.png`,
  bytes: n,
  sha256: 'f'.repeat(64),
  mediaType: 'image/png',
}));

describe('the manifest', () => {
  it('streams to JSON in the documented key order, files last, and reads back through the schema', () => {
    const text = [...manifestChunks(header, files)].join('');
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([
      'format',
      'formatVersion',
      'tool',
      'createdAt',
      'updatedAt',
      'status',
      'source',
      'selection',
      'projects',
      'counts',
      'problems',
      'files',
    ]);
    const manifest = ManifestSchema.parse(parsed);
    expect(manifest.files).toEqual(files);
    expect(manifest.projects[0]?.name).toBe('../../x <b>');
    const empty = ManifestSchema.parse(JSON.parse([...manifestChunks(header, [])].join('')));
    expect(empty.files).toEqual([]);
  });

  it('never carries a journal timestamp or other extra fields into files', () => {
    const withExtras = { path: 'index.html', bytes: 1, sha256: 'f'.repeat(64), mediaType: 'text/html', at: 'x', extra: 1 };
    const text = [...manifestChunks(header, [withExtras])].join('');
    expect(Object.keys((JSON.parse(text) as { files: object[] }).files[0] ?? {})).toEqual(['path', 'bytes', 'sha256', 'mediaType']);
  });

  it('counts bytes per category by where each file lives, and items from the walk', () => {
    const counts = manifestCounts(
      { projects: 1, iterations: 0, performance: 0, tags: 2, images: 3000, models: 0, predictions: 0 },
      [...files, { path: `projects/${P}/project.json`, bytes: 10, sha256: 'f'.repeat(64), mediaType: 'application/json' }, { path: 'index.html', bytes: 99, sha256: 'f'.repeat(64), mediaType: 'text/html' }],
    );
    expect(counts.images).toEqual({ items: 3000, bytes: (2999 * 3000) / 2 });
    expect(counts.projects).toEqual({ items: 1, bytes: 10 });
    expect(Object.keys(counts)).toEqual(['projects', 'iterations', 'performance', 'tags', 'images', 'models', 'predictions']);
  });

  it('says plainly when manifest.json is missing, not JSON, or not a bundle manifest', async () => {
    await withTempDir(async (dir) => {
      await expect(readManifest(dir)).rejects.toMatchObject({ code: 'BAD_MANIFEST', message: expect.stringMatching(/no readable manifest/) });
      await writeFile(join(dir, 'manifest.json'), '{"format": "cv-steward-bund');
      await expect(readManifest(dir)).rejects.toMatchObject({ message: expect.stringMatching(/not valid JSON/) });
      await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...header, formatVersion: 2, files: [] }));
      await expect(readManifest(dir)).rejects.toMatchObject({ message: expect.stringMatching(/formatVersion/) });
      await mkdir(join(dir, 'x'));
      await writeFile(join(dir, 'manifest.json'), [...manifestChunks(header, files.slice(0, 2))].join(''));
      expect((await readManifest(dir)).files).toHaveLength(2);
    });
  });
});
