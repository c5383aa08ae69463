/**
 * What a complete bundle of an emulated account must hold, taken from the emulator's own
 * state (never from the listings under test: with tied timestamps those lose images) and
 * its bytes fetched fresh with every fault and quirk switched off. Then the comparison
 * with a bundle: every item by path stem and SHA-256, and every record list by its ids.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PartialRuntimeConfig, RunningEmulator } from '../../src-main/emulator';
import { iterationPaths, projectPaths, readJsonl, readManifest } from '../../src-main/export';

const API = '/customvision/v3.3/training';

export interface Truth {
  /** Bundle path stem (images and predictions without extension) → SHA-256 of the bytes. */
  files: Map<string, string>;
  /** Records file path → the ids it must list. */
  records: Map<string, Set<string>>;
}

export interface Comparison {
  /** Files and records compared. */
  checked: number;
  /** Items the account has that the bundle lacks (files, or ids missing from a records file). */
  lost: string[];
  /** Files whose bytes differ from the emulator's. */
  wrong: string[];
}

const QUIET: PartialRuntimeConfig = { resetRate: 0, truncateRate: 0, failRate: 0, latencyMs: 0, bandwidthKbps: 0, tps: 0, quirks: [] };

export async function groundTruth(emu: RunningEmulator): Promise<Truth> {
  const before = emu.config();
  emu.configure(QUIET);
  try {
    return await collect(emu);
  } finally {
    emu.configure({
      resetRate: before.resetRate,
      truncateRate: before.truncateRate,
      failRate: before.failRate,
      latencyMs: before.latencyMs,
      bandwidthKbps: before.bandwidthKbps,
      tps: before.tps,
      quirks: before.quirks,
    });
  }
}

async function collect(emu: RunningEmulator): Promise<Truth> {
  const truth: Truth = { files: new Map(), records: new Map() };
  for (const project of emu.state.projects.values()) {
    const p = project.id;
    const workspace = project.images.all().map((image) => image.id);
    truth.records.set(projectPaths.images(p), new Set(workspace));
    await addImages(emu, truth, p, workspace, undefined);
    const inWorkspace = new Set(workspace);
    for (const iteration of project.iterations.values()) {
      if (iteration.status !== 'Completed' || !iteration.snapshot) continue;
      const ids = iteration.snapshot.images.all().map((image) => image.id);
      truth.records.set(iterationPaths.images(p, iteration.id), new Set(ids));
      truth.records.set(iterationPaths.imagePerformances(p, iteration.id), new Set(ids));
      await addImages(
        emu,
        truth,
        p,
        ids.filter((id) => !inWorkspace.has(id)),
        iteration.id,
      );
      for (const id of ids) inWorkspace.add(id);
      const exports = await api<Array<{ platform: string; flavor: string | null; status: string; downloadUri: string | null }>>(emu, `/projects/${p}/iterations/${iteration.id}/export`);
      for (const record of exports) {
        if (record.status !== 'Done' || !record.downloadUri) continue;
        const path = iterationPaths.model(p, iteration.id, record.platform, record.flavor);
        if (path) truth.files.set(path, await hashOf(record.downloadUri));
      }
    }
    const predictions = new Set<string>();
    let token: Record<string, unknown> = { maxCount: 256, orderBy: 'Oldest' };
    for (;;) {
      const result = await api<{ token: Record<string, unknown> & { continuation?: string | null }; results: Array<{ id: string; originalImageUri: string }> }>(
        emu,
        `/projects/${p}/predictions/query`,
        { method: 'POST', body: JSON.stringify(token) },
      );
      for (const record of result.results) {
        predictions.add(record.id);
        truth.files.set(projectPaths.predictionFileStem(p, record.id), await hashOf(record.originalImageUri));
      }
      if (!result.token.continuation) break;
      token = result.token;
    }
    truth.records.set(projectPaths.predictions(p), predictions);
  }
  return truth;
}

async function addImages(emu: RunningEmulator, truth: Truth, projectId: string, ids: string[], iterationId: string | undefined): Promise<void> {
  for (let start = 0; start < ids.length; start += 256) {
    const batch = ids.slice(start, start + 256);
    const query = `imageIds=${batch.join(',')}${iterationId ? `&iterationId=${iterationId}` : ''}`;
    const records = await api<Array<{ id: string; originalImageUri: string }>>(emu, `/projects/${projectId}/images/id?${query}`);
    if (records.length !== batch.length) throw new Error(`the emulator returned ${records.length} of ${batch.length} images of ${projectId}`);
    for (const record of records) truth.files.set(projectPaths.imageFileStem(projectId, record.id), await hashOf(record.originalImageUri));
  }
}

async function api<T>(emu: RunningEmulator, path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${emu.endpoint}${API}${path}`, { ...init, headers: { 'Training-Key': emu.key, 'Content-Type': 'application/json' } });
  if (!response.ok) throw new Error(`${path} → HTTP ${response.status}`);
  return (await response.json()) as T;
}

async function hashOf(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`blob → HTTP ${response.status}`);
  return createHash('sha256').update(Buffer.from(await response.arrayBuffer())).digest('hex');
}

/** The bundle at `folder` against the truth: what is missing, and what differs. */
export async function compareBundle(folder: string, truth: Truth): Promise<Comparison> {
  const manifest = await readManifest(folder);
  const byStem = new Map<string, string>();
  for (const file of manifest.files) {
    const stem = /\/(images|predictions)\/files\//.test(file.path) ? file.path.replace(/\.[a-z]+$/, '') : file.path;
    byStem.set(stem, file.sha256);
  }
  const lost: string[] = [];
  const wrong: string[] = [];
  for (const [stem, sha] of truth.files) {
    const found = byStem.get(stem);
    if (found === undefined) lost.push(stem);
    else if (found !== sha) wrong.push(stem);
  }
  let checked = truth.files.size;
  for (const [path, ids] of truth.records) {
    const listed = new Set<string>();
    try {
      for await (const record of readJsonl<{ id?: string }>(join(folder, path))) if (record.id) listed.add(record.id.toLowerCase());
    } catch {
      // No records file: every id it should list is lost.
    }
    for (const id of ids) {
      checked += 1;
      if (!listed.has(id.toLowerCase())) lost.push(`${path}#${id}`);
    }
  }
  // The files on disk are the ones listed (a wrong byte there would otherwise hide behind a right manifest).
  for (const file of manifest.files) {
    const bytes = await readFile(join(folder, file.path));
    if (createHash('sha256').update(bytes).digest('hex') !== file.sha256) wrong.push(file.path);
  }
  return { checked, lost, wrong };
}
