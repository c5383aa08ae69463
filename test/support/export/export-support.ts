/**
 * Helpers for the export integration tests: an emulator with test timings, a client
 * that is not slowed by the shared rate limiter, a JobContext without a JobRunner, and
 * an independent check of every image byte against what the emulator serves.
 */
import { expect } from 'vitest';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { EXPORT_CATEGORIES, type ExportCategory } from '../../../shared/model/bundle';
import type { RunningEmulator, SeedDocument } from '../../../src-main/emulator';
import { fastClient, tempDirectory, testJobContext, type TestJob } from '../test-job';
import { readManifest, verifyBundle, type ExportOptions } from '../../../src-main/export';

export const exportClient = fastClient;
export type { TestJob };

export function testJob(): TestJob {
  return testJobContext(EXPORT_CATEGORIES, 'test-export');
}

export const ALL_CATEGORIES: ExportCategory[] = [...EXPORT_CATEGORIES];

export function exportOptions(emu: RunningEmulator, folder: string, extra: Partial<ExportOptions> = {}): ExportOptions {
  return {
    client: exportClient(emu),
    folder,
    selection: { categories: ALL_CATEGORIES },
    account: { endpointHost: new URL(emu.endpoint).host, keyFingerprint: 'ab12cd34', displayName: 'Test account' },
    toolVersion: '0.1.0-test',
    ...extra,
  };
}

export function tempFolder(prefix = 'cv-export-'): Promise<{ path: string; remove: () => Promise<void> }> {
  return tempDirectory(prefix);
}

export const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

interface BlobRecord {
  id?: string;
  originalImageUri?: string | null;
}

async function fetchJson<T>(emu: RunningEmulator, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${emu.endpoint}/customvision/v3.3/training${path}`, { ...init, headers: { 'Training-Key': emu.key, 'Content-Type': 'application/json' } });
  if (!response.ok) throw new Error(`${path} → ${response.status}`);
  return (await response.json()) as T;
}

async function fetchBytes(url: string): Promise<Buffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`blob → ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

/**
 * The bytes behind a URI field as the service hands it out: an absolute (SAS) URL is
 * fetched directly; a relative `{container}/{blob}` path (a VNET resource, the emulator's
 * relative-uris quirk) through GetArtifact with the key, waiting out any 429.
 */
export async function fetchServedUri(emu: RunningEmulator, projectId: string, uri: string): Promise<Buffer> {
  if (/^https?:\/\//i.test(uri)) return fetchBytes(uri);
  const url = `${emu.endpoint}/customvision/v3.3/training/projects/${projectId}/artifacts?path=${encodeURIComponent(uri)}`;
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(url, { headers: { 'Training-Key': emu.key } });
    if (response.status === 429 && attempt < 20) {
      await response.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, 1000 * Number(response.headers.get('retry-after') ?? '1')));
      continue;
    }
    if (!response.ok) throw new Error(`artifact ${uri} → ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
  }
}

/**
 * Every image, prediction and model file the emulator serves for `projectId`, by bundle
 * path stem, with its hash — fetched here independently of the engine (plain fetch, fresh
 * links, or GetArtifact for relative URIs), including images that only live in iterations.
 */
export async function servedHashes(emu: RunningEmulator, projectId: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const base = `projects/${projectId}`;
  const images = new Map<string, string>();
  const collect = (list: BlobRecord[]) => {
    for (const image of list) if (image.id && image.originalImageUri) images.set(image.id, image.originalImageUri);
  };
  for (let skip = 0; ; skip += 256) {
    const page = await fetchJson<BlobRecord[]>(emu, `/projects/${projectId}/images?take=256&skip=${skip}&orderBy=Oldest`);
    collect(page);
    if (page.length < 256) break;
  }
  const iterations = await fetchJson<Array<{ id: string; status: string }>>(emu, `/projects/${projectId}/iterations`);
  for (const iteration of iterations.filter((it) => it.status === 'Completed')) {
    for (const kind of ['tagged', 'untagged']) {
      for (let skip = 0; ; skip += 256) {
        const page = await fetchJson<BlobRecord[]>(emu, `/projects/${projectId}/images/${kind}?iterationId=${iteration.id}&take=256&skip=${skip}`);
        for (const image of page) if (image.id && image.originalImageUri && !images.has(image.id)) images.set(image.id, image.originalImageUri);
        if (page.length < 256) break;
      }
    }
    const exports = await fetchJson<Array<{ platform: string; flavor: string | null; status: string; downloadUri: string | null }>>(
      emu,
      `/projects/${projectId}/iterations/${iteration.id}/export`,
    );
    for (const record of exports) {
      if (record.status !== 'Done' || !record.downloadUri) continue;
      out.set(`${base}/iterations/${iteration.id}/models/${record.platform}${record.flavor ? `.${record.flavor}` : ''}.zip`, sha256(await fetchServedUri(emu, projectId, record.downloadUri)));
    }
  }
  for (const [id, url] of images) out.set(`${base}/images/files/${id}`, sha256(await fetchServedUri(emu, projectId, url)));
  let token: Record<string, unknown> = {};
  for (;;) {
    const result = await fetchJson<{ token: { continuation: string | null } & Record<string, unknown>; results: BlobRecord[] }>(emu, `/projects/${projectId}/predictions/query`, {
      method: 'POST',
      body: JSON.stringify(token),
    });
    for (const prediction of result.results) {
      if (prediction.id && prediction.originalImageUri) out.set(`${base}/predictions/files/${prediction.id}`, sha256(await fetchServedUri(emu, projectId, prediction.originalImageUri)));
    }
    if (!result.token.continuation) break;
    token = result.token;
  }
  return out;
}

/** The manifest's files with the extension dropped from image and prediction files (their stems). */
export async function bundleHashesByStem(folder: string): Promise<Map<string, string>> {
  const manifest = await readManifest(folder);
  const out = new Map<string, string>();
  for (const file of manifest.files) {
    const stem = /\/(images|predictions)\/files\//.test(file.path) ? file.path.replace(/\.[a-z]+$/, '') : file.path;
    out.set(stem, file.sha256);
  }
  return out;
}

export async function readJsonFile<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

const FORMATS = ['png', 'jpeg', 'bmp', 'gif'] as const;
type SeedIteration = NonNullable<NonNullable<SeedDocument['projects']>[number]['iterations']>[number];
type ExportPlatform = NonNullable<SeedIteration['exports']>[number]['platform'];

/**
 * One small project with every kind of data: `images` tiny images in all four formats
 * (one in five untagged, the fourth deleted from the workspace so it lives only in the
 * trained iteration), one iteration with model exports, and stored predictions.
 */
export function smallProjectSeed(images: number, extra: { predictions?: number; exports?: ExportPlatform[] } = {}): SeedDocument {
  return {
    format: 'cv-emulator-seed',
    version: 1,
    projects: [
      {
        key: 'faults',
        name: 'Faults',
        domain: 'General (compact)',
        tags: [{ name: 'x' }, { name: 'y' }],
        images: Array.from({ length: images }, (_, i) => ({
          key: `i${i}`,
          width: 48 + (i % 7),
          height: 40,
          format: FORMATS[i % 4],
          tags: i % 5 === 4 ? [] : [i % 2 === 0 ? 'x' : 'y'],
          created: i,
          deletedFromWorkspace: i === 3,
        })),
        iterations: [{ name: 'Iteration 1', created: images + 10, exports: (extra.exports ?? ['ONNX']).map((platform) => ({ platform })) }],
        predictions: Array.from({ length: extra.predictions ?? 2 }, (_, i) => ({
          key: `p${i + 1}`,
          iteration: 'Iteration 1',
          width: 40,
          height: 30,
          results: [{ tag: i % 2 ? 'y' : 'x', probability: 0.9 - i / 1000 }],
        })),
      },
    ],
  };
}

/**
 * The bundle is complete, verifies clean, and holds exactly the bytes the emulator
 * serves for every image, prediction and model file (fetched independently, with the
 * emulator's network faults switched off first).
 */
export async function expectFaithful(emu: RunningEmulator, folder: string): Promise<void> {
  emu.configure({ resetRate: 0, truncateRate: 0, failRate: 0 });
  const manifest = await readManifest(folder);
  expect(manifest.problems).toEqual([]);
  expect(manifest.status).toBe('complete');
  expect(await verifyBundle(folder)).toMatchObject({ ok: true });
  const inBundle = await bundleHashesByStem(folder);
  for (const project of manifest.projects) {
    const served = await servedHashes(emu, project.id);
    expect(served.size).toBeGreaterThan(0);
    for (const [stem, hash] of served) expect(inBundle.get(stem), stem).toBe(hash);
  }
}
