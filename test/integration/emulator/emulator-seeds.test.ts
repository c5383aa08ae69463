/**
 * Seeds: the demo account is identical on every start and covers every data kind with
 * real, decodable images; a large generated account starts quickly and pages correctly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import type { RunningEmulator } from '../../../src-main/emulator';
import { api, apiJson, must, startTestEmulator, type WireImage, type WireIteration, type WireProject } from '../../support/emulator/emulator-support';

async function allImages(emu: RunningEmulator, projectId: string, iterationId?: string): Promise<WireImage[]> {
  const out: WireImage[] = [];
  const scope = iterationId ? `&iterationId=${iterationId}` : '';
  for (let skip = 0; ; skip += 256) {
    const page = await apiJson<WireImage[]>(emu, `/projects/${projectId}/images?take=256&skip=${skip}${scope}`);
    out.push(...page);
    if (page.length < 256) return out;
  }
}

/** Decodes enough of a PNG to prove it is whole: IHDR size and inflated IDAT length. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const channels = bytes[25] === 6 ? 4 : 3;
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  expect(inflateSync(Buffer.concat(idat)).length).toBe(height * (1 + width * channels));
  return { width, height };
}

describe('demo seed', () => {
  let a: RunningEmulator;
  let b: RunningEmulator;
  let projects: WireProject[];

  beforeAll(async () => {
    [a, b] = await Promise.all([startTestEmulator({ seed: 'demo' }), startTestEmulator({ seed: 'demo' })]);
    projects = await apiJson<WireProject[]>(a, '/projects');
  });

  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  it('gives the same projects, iterations, images and dates on every start', async () => {
    const strip = (images: WireImage[]) => images.map(({ id, created, width, height, tags, metadata }) => ({ id, created, width, height, tags, metadata }));
    expect(await apiJson(b, '/projects').then((list) => (list as WireProject[]).map((p) => p.id))).toEqual(projects.map((p) => p.id));
    for (const project of projects) {
      expect(strip(await allImages(b, project.id))).toEqual(strip(await allImages(a, project.id)));
      const iterations = await apiJson<WireIteration[]>(a, `/projects/${project.id}/iterations`);
      expect(await apiJson<WireIteration[]>(b, `/projects/${project.id}/iterations`)).toEqual(iterations);
    }
  });

  it('gives byte-identical image files on every start', async () => {
    const [imageA] = await apiJson<WireImage[]>(a, `/projects/${must(projects[2]).id}/images?take=1`);
    const [imageB] = await apiJson<WireImage[]>(b, `/projects/${must(projects[2]).id}/images?take=1`);
    const hash = async (url: string) => createHash('sha256').update(Buffer.from(await (await fetch(url)).arrayBuffer())).digest('hex');
    expect(await hash(must(imageB?.originalImageUri))).toBe(await hash(must(imageA?.originalImageUri)));
    expect(await hash(must(imageB?.thumbnailUri))).toBe(await hash(must(imageA?.thumbnailUri)));
  });

  it('covers every data kind: three project types, negative tag, regions, metadata, untagged, iterations, exports, predictions', async () => {
    expect(projects.map((p) => p.settings.classificationType)).toEqual(['Multiclass', 'Multilabel', null]);
    const domains = await apiJson<Array<{ id: string; type: string }>>(a, '/domains');
    expect(domains.find((d) => d.id === must(projects[2]?.settings.domainId))?.type).toBe('ObjectDetection');
    let total = 0;
    for (const project of projects) {
      const workspace = await allImages(a, project.id);
      const iterations = await apiJson<WireIteration[]>(a, `/projects/${project.id}/iterations`);
      expect(iterations.length).toBeGreaterThanOrEqual(2);
      expect(iterations.filter((it) => it.publishName)).toHaveLength(1);
      const ids = new Set(workspace.map((i) => i.id));
      const onlyInIterations = new Set<string>();
      for (const iteration of iterations) for (const image of await allImages(a, project.id, iteration.id)) if (!ids.has(image.id)) onlyInIterations.add(image.id);
      expect(onlyInIterations.size).toBeGreaterThan(0);
      total += workspace.length + onlyInIterations.size;
      expect(workspace.some((i) => !i.tags)).toBe(true);
      expect(workspace.some((i) => i.metadata)).toBe(true);
      expect(workspace.every((i) => i.width >= 256 && i.width <= 1024 && i.height >= 256 && i.height <= 1024)).toBe(true);
      const predictions = (await (await api(a, `/projects/${project.id}/predictions/query`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).json()) as { results: unknown[] };
      expect(predictions.results.length).toBeGreaterThanOrEqual(5);
    }
    expect(total).toBe(300);
    const tags = await apiJson<Array<{ type: string }>>(a, `/projects/${must(projects[0]).id}/tags`);
    expect(tags.some((t) => t.type === 'Negative')).toBe(true);
    const parcels = await allImages(a, must(projects[2]?.id));
    expect(parcels.filter((i) => i.regions?.length).length).toBeGreaterThan(80);
    const published = must((await apiJson<WireIteration[]>(a, `/projects/${projects[0]?.id}/iterations`)).find((it) => it.publishName));
    const exports = await apiJson<Array<{ status: string }>>(a, `/projects/${must(projects[0]).id}/iterations/${published.id}/export`);
    expect(exports.some((e) => e.status === 'Done')).toBe(true);
  });

  it('serves real, decodable PNG and JPEG files with the recorded dimensions', async () => {
    const sample = (await allImages(a, must(projects[1]?.id))).slice(0, 12);
    const seen = new Set<string>();
    for (const image of sample) {
      const response = await fetch(image.originalImageUri);
      const bytes = Buffer.from(await response.arrayBuffer());
      const type = response.headers.get('content-type');
      seen.add(type ?? '');
      if (type === 'image/png') {
        expect(pngSize(bytes)).toEqual({ width: image.width, height: image.height });
      } else {
        expect(type).toBe('image/jpeg');
        expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
        const decoded = jpeg.decode(bytes, { useTArray: true });
        expect({ width: decoded.width, height: decoded.height }).toEqual({ width: image.width, height: image.height });
      }
    }
    expect([...seen].sort()).toEqual(['image/jpeg', 'image/png']);
  });
});

describe('large generated account', () => {
  let emu: RunningEmulator;
  let projectId: string;

  beforeAll(async () => {
    emu = await startTestEmulator({ images: 100_000 });
    [{ id: projectId }] = (await apiJson<WireProject[]>(emu, '/projects')) as [WireProject];
  });

  afterAll(async () => {
    await emu.close();
  });

  it('holds 100 000 images with consistent counts', async () => {
    const count = async (path: string) => Number(await (await api(emu, `/projects/${projectId}${path}`)).text());
    expect(await count('/images/count')).toBe(100_000);
    expect((await count('/images/tagged/count')) + (await count('/images/untagged/count'))).toBe(100_000);
    const tags = await apiJson<Array<{ imageCount: number }>>(emu, `/projects/${projectId}/tags`);
    expect(tags.reduce((sum, t) => sum + t.imageCount, 0)).toBe(await count('/images/tagged/count'));
  });

  it('pages to the very end in both orders', async () => {
    const oldest = await apiJson<WireImage[]>(emu, `/projects/${projectId}/images?take=256&orderBy=Oldest`);
    expect(oldest).toHaveLength(256);
    expect(oldest.map((i) => i.created)).toEqual(oldest.map((i) => i.created).sort());
    const tail = await apiJson<WireImage[]>(emu, `/projects/${projectId}/images?take=256&skip=99990`);
    expect(tail).toHaveLength(10);
    expect(tail.at(-1)?.id).toBe(oldest[0]?.id);
    const middle = await apiJson<WireImage[]>(emu, `/projects/${projectId}/images?take=256&skip=50000&orderBy=Oldest`);
    const next = await apiJson<WireImage[]>(emu, `/projects/${projectId}/images?take=256&skip=50256&orderBy=Oldest`);
    expect(must(middle.at(-1)?.created) < must(next[0]?.created)).toBe(true);
    const response = await fetch(must(tail[0]?.originalImageUri));
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(0);
  });
});
