/**
 * Test helpers: small bundle folders in temp dirs with hand-written records shaped like the
 * API's (GetImages v3.3 example, regions as the service returns them), and an in-memory
 * BundleFileSink that records what the dataset writers produce.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BundleFileRecord, BundleFileSink } from '../../../../src-main/export/file-sink';

export const GENERAL_CLASSIFICATION = 'ee85a74c-405e-4adc-bb47-ffa8ca0c9f31';
export const GENERAL_DETECTION = 'da2e3a8a-40a5-4171-82f4-58522f70fbc1';

export class MemorySink implements BundleFileSink {
  readonly files = new Map<string, { data: Buffer; mediaType: string }>();
  readonly order: string[] = [];

  async writeFile(relativePath: string, data: string | Uint8Array, mediaType: string): Promise<BundleFileRecord> {
    // The bundle's naming rule: forward slashes, no absolute paths, no climbing out.
    if (relativePath.startsWith('/') || relativePath.includes('\\') || relativePath.split('/').some((part) => part === '..' || part === '.' || part === '')) {
      throw new Error(`unsafe path ${relativePath}`);
    }
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
    this.files.set(relativePath, { data: bytes, mediaType });
    this.order.push(relativePath);
    return { path: relativePath, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), mediaType };
  }

  text(relativePath: string): string {
    const file = this.files.get(relativePath);
    if (!file) throw new Error(`not written: ${relativePath}`);
    return file.data.toString('utf8');
  }

  json<T = unknown>(relativePath: string): T {
    return JSON.parse(this.text(relativePath)) as T;
  }

  paths(prefix = ''): string[] {
    return [...this.files.keys()].filter((p) => p.startsWith(prefix)).sort();
  }
}

/** The first bytes of a PNG: signature and IHDR, enough for any size reader. */
export function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr[16] = 8;
  ihdr[17] = 2; // truecolour
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr]);
}

export interface TagSpec {
  id: string;
  name: string;
  type?: 'Regular' | 'Negative' | 'GeneralProduct';
}

export interface RegionSpec {
  tagId: string;
  left: number;
  top: number;
  width: number;
  height: number;
  regionId?: string;
}

export interface ImageSpec {
  id: string;
  width?: number;
  height?: number;
  tags?: string[];
  regions?: RegionSpec[];
  /** File written as images/files/<id>.png with this header size; false = no file. */
  file?: false | { width: number; height: number };
}

export interface ProjectSpec {
  id: string;
  domainId: string;
  classificationType?: 'Multiclass' | 'Multilabel' | null;
  tags: TagSpec[];
  images: ImageSpec[];
  /** Raw lines appended to images.jsonl (broken records). */
  extraLines?: string[];
}

/** An image record as GetImages returns it; tags/regions keys absent when none, as the service does. */
export function imageRecord(spec: ImageSpec, tags: readonly TagSpec[]): Record<string, unknown> {
  const name = (tagId: string): string => tags.find((t) => t.id === tagId)?.name ?? 'deleted tag';
  const record: Record<string, unknown> = {
    id: spec.id,
    created: '2017-12-19T15:56:10Z',
    width: spec.width ?? 1095,
    height: spec.height ?? 900,
    resizedImageUri: '{Resized Image Uri}',
    originalImageUri: '{Image Uri}',
    thumbnailUri: '{Thumbnail Uri}',
  };
  const tagIds = [...new Set([...(spec.tags ?? []), ...(spec.regions ?? []).map((r) => r.tagId)])];
  if (tagIds.length > 0) record.tags = tagIds.map((tagId) => ({ tagId, created: '2017-12-19T15:56:09Z', tagName: name(tagId) }));
  if (spec.regions && spec.regions.length > 0) {
    record.regions = spec.regions.map((r, i) => ({
      regionId: r.regionId ?? `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      tagName: name(r.tagId),
      created: '2017-12-19T15:56:11Z',
      tagId: r.tagId,
      left: r.left,
      top: r.top,
      width: r.width,
      height: r.height,
    }));
  }
  return record;
}

export function writeProject(bundle: string, spec: ProjectSpec): void {
  const dir = path.join(bundle, 'projects', spec.id);
  mkdirSync(path.join(dir, 'images', 'files'), { recursive: true });
  const project = {
    id: spec.id,
    name: 'My New Project',
    description: 'A test project',
    settings: { domainId: spec.domainId, classificationType: spec.classificationType ?? null, targetExportPlatforms: [], useNegativeSet: true, imageProcessingSettings: null },
    created: '2017-12-18T05:43:18Z',
    lastModified: '2017-12-18T05:43:18Z',
    thumbnailUri: '',
    drModeEnabled: false,
  };
  writeFileSync(path.join(dir, 'project.json'), JSON.stringify(project, null, 2));
  const tags = spec.tags.map((t) => ({ id: t.id, name: t.name, description: null, type: t.type ?? 'Regular', imageCount: 0 }));
  writeFileSync(path.join(dir, 'tags.json'), JSON.stringify(tags, null, 2));
  const lines = spec.images.map((image) => JSON.stringify(imageRecord(image, spec.tags)));
  writeFileSync(path.join(dir, 'images', 'images.jsonl'), [...lines, ...(spec.extraLines ?? [])].map((l) => `${l}\n`).join(''));
  for (const image of spec.images) {
    if (image.file === false) continue;
    const size = image.file ?? { width: image.width ?? 1095, height: image.height ?? 900 };
    writeFileSync(path.join(dir, 'images', 'files', `${image.id}.png`), pngHeader(size.width, size.height));
  }
}

export function writeDomains(bundle: string, domains: Array<{ id: string; type: string }>): void {
  mkdirSync(path.join(bundle, 'account'), { recursive: true });
  writeFileSync(path.join(bundle, 'account', 'domains.json'), JSON.stringify(domains.map((d) => ({ ...d, name: 'x', exportable: false, enabled: true }))));
}

export function makeTempDirs(): { make(): string; cleanup(): void } {
  const dirs: string[] = [];
  return {
    make() {
      const dir = mkdtempSync(path.join(tmpdir(), 'cv-steward-datasets-'));
      dirs.push(dir);
      return dir;
    },
    cleanup() {
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Deterministic ids: uuid-shaped, from a number. */
export function uid(n: number, prefix = '0'): string {
  const hex = n.toString(16).padStart(12, '0');
  return `${prefix.repeat(8)}-0000-4000-8000-${hex}`;
}
