/**
 * Helpers for the export integration tests: an emulator with test timings, a client
 * that is not slowed by the shared rate limiter, a JobContext without a JobRunner, and
 * an independent check of every image byte against what the emulator serves.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { EXPORT_CATEGORIES, type ExportCategory } from '../../shared/model/bundle';
import type { RunningEmulator } from '../../src-main/emulator';
import { fastClient, tempDirectory, testJobContext, type TestJob } from '../support/test-job';
import { readManifest, type ExportOptions } from '../../src-main/export';

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
 * Every image, prediction and model file the emulator serves for `projectId`, by bundle
 * path stem, with its hash — fetched here independently of the engine (plain fetch, fresh
 * links), including images that only live in iterations.
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
      out.set(`${base}/iterations/${iteration.id}/models/${record.platform}${record.flavor ? `.${record.flavor}` : ''}.zip`, sha256(await fetchBytes(record.downloadUri)));
    }
  }
  for (const [id, url] of images) out.set(`${base}/images/files/${id}`, sha256(await fetchBytes(url)));
  let token: Record<string, unknown> = {};
  for (;;) {
    const result = await fetchJson<{ token: { continuation: string | null } & Record<string, unknown>; results: BlobRecord[] }>(emu, `/projects/${projectId}/predictions/query`, {
      method: 'POST',
      body: JSON.stringify(token),
    });
    for (const prediction of result.results) {
      if (prediction.id && prediction.originalImageUri) out.set(`${base}/predictions/files/${prediction.id}`, sha256(await fetchBytes(prediction.originalImageUri)));
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
