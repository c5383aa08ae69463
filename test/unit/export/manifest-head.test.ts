/**
 * The viewer reads the manifest without its file list: the same fields as a full parse,
 * however the 64 KB read chunks fall, and a manifest laid out another way still reads.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { manifestChunks, type ManifestHeader } from '../../../src-main/export/manifest';
import { readManifestHead } from '../../../src-main/export/manifest-head';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function file(text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cv-manifest-head-'));
  dirs.push(dir);
  const path = join(dir, 'manifest.json');
  await writeFile(path, text);
  return path;
}

const header = (padding: string) =>
  ({
    format: 'cv-steward-bundle',
    formatVersion: 1,
    tool: { name: 'CV Steward', version: '1' },
    createdAt: '2026-11-29T00:00:00.000Z',
    updatedAt: '2026-11-29T00:00:00.000Z',
    status: 'complete',
    source: { endpointHost: 'h', keyFingerprint: 'k' },
    selection: { projectIds: 'all', categories: ['images'] },
    projects: [{ id: 'p', name: `"files": [ ${padding}`, counts: {}, reconciliation: [] }],
    counts: {},
    problems: [],
  }) as unknown as ManifestHeader;

describe('readManifestHead', () => {
  it('returns every field but files, whatever the head length (marker split across chunks)', async () => {
    for (const size of [0, 65_500, 65_530, 131_060]) {
      const files = Array.from({ length: 20_000 }, (_, i) => ({ path: `p/${i}.png`, bytes: i, sha256: 'a'.repeat(64), mediaType: 'image/png' }));
      const text = [...manifestChunks(header('x'.repeat(size)), files)].join('');
      const full = JSON.parse(text) as Record<string, unknown>;
      delete full.files;
      expect(await readManifestHead(await file(text))).toEqual(full);
    }
  });

  it('reads a manifest written in another layout whole, and says undefined when there is none', async () => {
    const compact = JSON.stringify({ format: 'cv-steward-bundle', status: 'partial', files: [{ path: 'a' }] });
    expect(await readManifestHead(await file(compact))).toEqual({ format: 'cv-steward-bundle', status: 'partial' });
    expect(await readManifestHead(join(tmpdir(), 'no-such-dir-cv', 'manifest.json'))).toBeUndefined();
    await expect(readManifestHead(await file('{"status": '))).rejects.toThrow(SyntaxError);
  });
});
