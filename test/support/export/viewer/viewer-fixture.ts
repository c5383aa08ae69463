/**
 * Test helpers for the viewer: small bundle folders written in temp dirs from hand-written
 * records shaped like the API's (GetImages/GetIteration/GetExports/QueryPredictions), and
 * sinks that keep what writeViewer produces in memory or write it to disk.
 * Used by the unit tests here and by test/e2e/viewer.spec.ts.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BundleFileRecord, BundleFileSink } from '../../../../src-main/export/file-sink';

/** A deterministic id of the bundle's id shape: uuid(7) → 00000007-0000-4000-8000-000000000007. */
export function uuid(n: number, group = 0): string {
  const hex = n.toString(16).padStart(8, '0');
  return `${hex}-${group.toString(16).padStart(4, '0')}-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

function checkPath(relativePath: string): void {
  if (relativePath.startsWith('/') || relativePath.includes('\\') || relativePath.split('/').some((part) => part === '..' || part === '.' || part === '')) {
    throw new Error(`unsafe path ${relativePath}`);
  }
}

function record(relativePath: string, bytes: Buffer, mediaType: string): BundleFileRecord {
  return { path: relativePath, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), mediaType };
}

export class MemorySink implements BundleFileSink {
  readonly files = new Map<string, { text: string; mediaType: string }>();

  async writeFile(relativePath: string, data: string | Uint8Array, mediaType: string): Promise<BundleFileRecord> {
    checkPath(relativePath);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
    this.files.set(relativePath, { text: bytes.toString('utf8'), mediaType });
    return record(relativePath, bytes, mediaType);
  }

  text(relativePath: string): string {
    const file = this.files.get(relativePath);
    if (!file) throw new Error(`not written: ${relativePath}`);
    return file.text;
  }
}

/** Writes into the bundle folder itself, as the export engine's sink ends up doing. */
export class DiskSink implements BundleFileSink {
  readonly written: string[] = [];

  constructor(private readonly root: string) {}

  async writeFile(relativePath: string, data: string | Uint8Array, mediaType: string): Promise<BundleFileRecord> {
    checkPath(relativePath);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
    const target = path.join(this.root, relativePath);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    this.written.push(relativePath);
    return record(relativePath, bytes, mediaType);
  }
}

export interface TagFixture {
  id: string;
  name: string;
  type?: 'Regular' | 'Negative' | 'GeneralProduct';
  imageCount?: number;
}

export interface RegionFixture {
  tag: TagFixture;
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface ImageFixture {
  id: string;
  width: number;
  height: number;
  tags?: TagFixture[];
  regions?: RegionFixture[];
  metadata?: Record<string, string>;
  /** File bytes, written as images/files/<id>.<ext>; absent = no file in the bundle. */
  file?: { ext: string; bytes: Buffer };
}

export interface IterationFixture {
  id: string;
  name: string;
  status?: string;
  publishName?: string | null;
  trainedAt?: string;
  created?: string;
  /** Image records of the iteration (images only here are "only in iterations"). */
  images?: ImageFixture[];
  performance?: unknown;
  exports?: unknown[];
  /** Model file names written under models/. */
  models?: string[];
}

export interface PredictionFixture {
  id: string;
  iteration: string;
  created: string;
  predictions: Array<{ tag: TagFixture; probability: number; box?: { left: number; top: number; width: number; height: number } }>;
  file?: { ext: string; bytes: Buffer };
}

export interface ProjectFixture {
  id: string;
  name: string;
  domainId?: string;
  tags: TagFixture[];
  images: ImageFixture[];
  iterations?: IterationFixture[];
  predictions?: PredictionFixture[];
}

export interface BundleFixture {
  manifest?: unknown;
  account?: unknown;
  domains?: unknown;
  projects: ProjectFixture[];
}

function put(root: string, relativePath: string, data: string | Buffer): void {
  const target = path.join(root, relativePath);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, data);
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const CREATED = '2026-11-01T10:00:00.1234567';

/** An Image record as GetImages returns it (regions/metadata keys absent when empty). */
export function imageRecord(image: ImageFixture): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: image.id,
    created: CREATED,
    width: image.width,
    height: image.height,
    resizedImageUri: 'https://irisprodeutraining.blob.core.windows.net/resized',
    thumbnailUri: 'https://irisprodeutraining.blob.core.windows.net/thumb',
    originalImageUri: 'https://irisprodeutraining.blob.core.windows.net/original',
  };
  const tags = [...(image.tags ?? []), ...(image.regions ?? []).map((region) => region.tag)];
  const unique = tags.filter((tag, i) => tags.findIndex((other) => other.id === tag.id) === i);
  if (unique.length > 0) out.tags = unique.map((tag) => ({ tagId: tag.id, tagName: tag.name, created: CREATED }));
  if (image.regions?.length) {
    out.regions = image.regions.map((region, i) => ({ regionId: uuid(i + 1, 0xeeee), tagName: region.tag.name, created: CREATED, tagId: region.tag.id, left: region.left, top: region.top, width: region.width, height: region.height }));
  }
  if (image.metadata) out.metadata = image.metadata;
  return out;
}

const tagRecord = (tag: TagFixture): unknown => ({ id: tag.id, name: tag.name, description: null, type: tag.type ?? 'Regular', imageCount: tag.imageCount ?? 0 });

export function writeBundleFixture(root: string, bundle: BundleFixture): void {
  if (bundle.manifest !== undefined) put(root, 'manifest.json', json(bundle.manifest));
  if (bundle.account !== undefined) put(root, 'account/account.json', json(bundle.account));
  if (bundle.domains !== undefined) put(root, 'account/domains.json', json(bundle.domains));
  for (const project of bundle.projects) {
    const dir = `projects/${project.id}`;
    put(root, `${dir}/project.json`, json({ id: project.id, name: project.name, description: '', settings: { domainId: project.domainId ?? null, classificationType: null, targetExportPlatforms: [] }, created: '2026-10-01T08:00:00.84Z', lastModified: '2026-10-02T08:00:00Z' }));
    put(root, `${dir}/tags.json`, json(project.tags.map(tagRecord)));
    put(root, `${dir}/images/images.jsonl`, project.images.map((image) => `${JSON.stringify(imageRecord(image))}\n`).join(''));
    const files = [...project.images, ...(project.iterations ?? []).flatMap((iteration) => iteration.images ?? [])];
    for (const image of files) if (image.file) put(root, `${dir}/images/files/${image.id}.${image.file.ext}`, image.file.bytes);
    for (const iteration of project.iterations ?? []) {
      const idir = `${dir}/iterations/${iteration.id}`;
      put(root, `${idir}/iteration.json`, json({ id: iteration.id, name: iteration.name, status: iteration.status ?? 'Completed', created: iteration.created ?? '2026-10-05T09:00:00Z', lastModified: '2026-10-05T09:10:00Z', ...(iteration.trainedAt ? { trainedAt: iteration.trainedAt } : {}), projectId: project.id, exportable: true, exportableTo: ['ONNX'], domainId: null, classificationType: null, trainingType: 'Regular', reservedBudgetInHours: 0, trainingTimeInMinutes: 4, publishName: iteration.publishName ?? null, originalPublishResourceId: null }));
      put(root, `${idir}/tags.json`, json(project.tags.map(tagRecord)));
      if (iteration.images) put(root, `${idir}/images.jsonl`, iteration.images.map((image) => `${JSON.stringify(imageRecord(image))}\n`).join(''));
      if (iteration.performance !== undefined) put(root, `${idir}/performance.json`, json(iteration.performance));
      put(root, `${idir}/exports.json`, json(iteration.exports ?? []));
      for (const model of iteration.models ?? []) put(root, `${idir}/models/${model}`, Buffer.from('PK\u0005\u0006'.padEnd(22, '\u0000'), 'latin1'));
    }
    if (project.predictions) {
      put(root, `${dir}/predictions/predictions.jsonl`, project.predictions.map((p) => `${JSON.stringify({
        resizedImageUri: 'https://x/resized', thumbnailUri: 'https://x/thumb', originalImageUri: 'https://x/original', domain: project.domainId ?? null, id: p.id, project: project.id, iteration: p.iteration, created: p.created,
        predictions: p.predictions.map((q) => ({ probability: q.probability, tagId: q.tag.id, tagName: q.tag.name, ...(q.box ? { boundingBox: q.box } : {}), tagType: q.tag.type ?? 'Regular' })),
      })}\n`).join(''));
      for (const p of project.predictions) if (p.file) put(root, `${dir}/predictions/files/${p.id}.${p.file.ext}`, p.file.bytes);
    }
  }
}
