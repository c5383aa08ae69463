/** A few-file bundle written the real way (BundleWriter + manifest), for verify and zip tests. */
import { BundleWriter } from '../../../src-main/export/bundle-writer';
import { manifestChunks, manifestCounts, type ManifestHeader } from '../../../src-main/export/manifest';

export const PROJECT = '0f8c7b1e-2d3a-4c5b-9e6f-7a8b9c0d1e2f';
export const IMAGE = '11111111-2222-4333-8444-555555555555';

export async function writeSmallBundle(dir: string, status: 'complete' | 'partial' = 'complete', extraFiles: Array<{ path: string; bytes: number; sha256: string; mediaType: string }> = []): Promise<void> {
  const writer = await BundleWriter.open(dir);
  await writer.writeJson(`projects/${PROJECT}/project.json`, { id: PROJECT, name: '../../x' });
  await writer.writeFile(`projects/${PROJECT}/images/images.jsonl`, `{"id":"${IMAGE}"}\n`, 'application/x-ndjson');
  await writer.writeStream(`projects/${PROJECT}/images/files/${IMAGE}`, [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5])], { mediaTypeFromBytes: true });
  await writer.writeFile('index.html', '<!doctype html><title>Bundle</title>', 'text/html');
  const files = [...writer.files(), ...extraFiles].sort((a, b) => (a.path < b.path ? -1 : 1));
  const header: ManifestHeader = {
    format: 'cv-steward-bundle',
    formatVersion: 1,
    tool: { name: 'CV Steward', version: '0.1.0' },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    status,
    source: { endpointHost: 'demo.example', keyFingerprint: 'ab12cd34' },
    selection: { projectIds: 'all', categories: ['projects', 'images'] },
    projects: [],
    counts: manifestCounts({ projects: 1, iterations: 0, performance: 0, tags: 0, images: 1, models: 0, predictions: 0 }, files),
    problems: status === 'partial' ? [{ category: 'images', message: 'one image failed' }] : [],
  };
  await writer.writeUnlisted('manifest.json', manifestChunks(header, files));
  await writer.close();
}
