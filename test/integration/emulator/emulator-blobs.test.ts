/**
 * Blob URLs behave like Azure Blob SAS URLs: they work until `se`, then 403 with the
 * storage XML; a changed signature, path or expiry fails; Range requests resume
 * downloads; exports are real ZIP files; blob downloads are not rate-limited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc32 } from 'node:zlib';
import type { RunningEmulator } from '../../../src-main/emulator';
import { api, apiJson, must, startTestEmulator, type WireImage, type WireIteration, type WireProject } from '../../support/emulator/emulator-support';

let emu: RunningEmulator;
let clock = Date.parse('2026-03-01T12:00:00Z');
let projects: WireProject[];

function jpegSize(bytes: Buffer): { width: number; height: number } {
  let i = 2;
  while (i < bytes.length) {
    const marker = bytes[i + 1] ?? 0;
    if (marker >= 0xc0 && marker <= 0xc3) return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    i += 2 + bytes.readUInt16BE(i + 2);
  }
  throw new Error('no SOF marker');
}

/** Reads a ZIP's central directory and checks every stored entry's CRC. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + size);
    expect(crc32(data)).toBe(crc);
    files.set(name, data);
    at += 46 + nameLength;
  }
  return files;
}

async function firstImage(): Promise<WireImage> {
  const [image] = await apiJson<WireImage[]>(emu, `/projects/${must(projects[0]).id}/images/tagged?take=1`);
  return must(image);
}

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo', now: () => clock, sasTtlSeconds: 60 });
  projects = await apiJson<WireProject[]>(emu, '/projects');
});

afterAll(async () => {
  await emu.close();
});

describe('emulator blobs', () => {
  it('mints SAS-shaped URLs with se = now + ttl and original == resized', async () => {
    const image = await firstImage();
    expect(image.originalImageUri).toBe(image.resizedImageUri);
    const url = new URL(image.originalImageUri);
    expect(url.pathname).toMatch(/^\/__blob\/i-[0-9a-f]{32}\/i-[0-9a-f]{32}$/);
    expect(url.search).toMatch(/^\?sv=2017-04-17&sr=b&sig=[^&]+&se=2026-03-01T12%3A01%3A00Z&sp=r$/);
    expect(new URL(image.thumbnailUri).pathname).toMatch(/\/t-[0-9a-f]{32}$/);
  });

  it('serves the bytes with type, length, ETag and single ranges', async () => {
    const image = await firstImage();
    const full = await fetch(image.originalImageUri);
    const bytes = Buffer.from(await full.arrayBuffer());
    expect(full.status).toBe(200);
    expect(['image/png', 'image/jpeg']).toContain(full.headers.get('content-type'));
    expect(Number(full.headers.get('content-length'))).toBe(bytes.length);
    const etag = full.headers.get('etag');
    expect(etag).toMatch(/^"0x8D[0-9A-F]+"$/);
    const part = await fetch(image.originalImageUri, { headers: { Range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(bytes.subarray(100, 200));
    const rest = await fetch(image.originalImageUri, { headers: { Range: 'bytes=200-' } });
    expect(Buffer.from(await rest.arrayBuffer())).toEqual(bytes.subarray(200));
    expect(rest.headers.get('etag')).toBe(etag);
    const beyond = await fetch(image.originalImageUri, { headers: { Range: `bytes=${bytes.length}-` } });
    expect(beyond.status).toBe(416);
    expect(emu.stats().blobDownloads[image.id]?.bytes).toBe(bytes.length + 100 + (bytes.length - 200));
  });

  it('serves a smaller JPEG thumbnail of the same shape', async () => {
    const image = await firstImage();
    const thumb = Buffer.from(await (await fetch(image.thumbnailUri)).arrayBuffer());
    const size = jpegSize(thumb);
    expect(Math.max(size.width, size.height)).toBe(200);
    expect(Math.abs(size.width / size.height - image.width / image.height)).toBeLessThan(0.02);
    expect(emu.stats().blobDownloads[`${image.id}/thumbnail`]).toEqual({ count: 1, bytes: thumb.length });
  });

  it('expires: 403 AuthenticationFailed with the storage XML once se has passed', async () => {
    emu.configure({ sasTtlSeconds: 1 });
    const image = await firstImage();
    expect((await fetch(image.originalImageUri)).status).toBe(200);
    clock += 2_000;
    const expired = await fetch(image.originalImageUri);
    expect(expired.status).toBe(403);
    expect(expired.headers.get('x-ms-error-code')).toBe('AuthenticationFailed');
    expect(expired.headers.get('content-type')).toBe('application/xml');
    const xml = await expired.text();
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?><Error><Code>AuthenticationFailed<\/Code><Message>Server failed to authenticate the request\./);
    expect(xml).toContain('<AuthenticationErrorDetail>Signed expiry time [Sun, 01 Mar 2026 12:00:01 GMT] must be after signed start time [Sun, 01 Mar 2026 12:00:02 GMT]</AuthenticationErrorDetail>');
    const fresh = await apiJson<WireImage[]>(emu, `/projects/${must(projects[0]).id}/images/id?imageIds=${image.id}`);
    expect((await fetch(must(fresh[0]?.originalImageUri))).status).toBe(200);
    emu.configure({ sasTtlSeconds: 60 });
  });

  it('refuses a tampered signature, path or expiry', async () => {
    const image = await firstImage();
    const url = new URL(image.originalImageUri);
    const sig = must(url.searchParams.get('sig'));
    const forged = new URL(url);
    forged.searchParams.set('sig', (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1));
    const otherBlob = new URL(image.originalImageUri.replace(/\/i-([0-9a-f]{32})\?/, '/t-$1?'));
    const later = new URL(url);
    later.searchParams.set('se', '2099-01-01T00:00:00Z');
    for (const bad of [forged, otherBlob, later]) {
      const response = await fetch(bad);
      expect(response.status).toBe(403);
      expect(response.headers.get('x-ms-error-code')).toBe('AuthenticationFailed');
    }
    const anonymous = await fetch(`${url.origin}${url.pathname}`);
    expect(anonymous.status).toBe(404);
  });

  it('serves finished model exports as real ZIP files with the iteration labels', async () => {
    const flowers = must(projects[0]?.id);
    const iteration = must((await apiJson<WireIteration[]>(emu, `/projects/${flowers}/iterations`)).find((it) => it.publishName));
    const exports = await apiJson<Array<{ platform: string; status: string; downloadUri: string; flavor: string | null }>>(emu, `/projects/${flowers}/iterations/${iteration.id}/export`);
    expect(exports.map((e) => [e.platform, e.status, e.flavor])).toEqual([['TensorFlow', 'Done', null], ['ONNX', 'Done', 'ONNX12']]);
    expect(new URL(must(exports[0]?.downloadUri)).pathname).toMatch(/^\/__blob\/m-[0-9a-f]{32}\/[0-9a-f]{32}\.TensorFlow\.zip$/);
    const zip = Buffer.from(await (await fetch(must(exports[0]?.downloadUri))).arrayBuffer());
    const files = unzip(zip);
    expect([...files.keys()]).toEqual(['labels.txt', 'model.pb']);
    expect(files.get('labels.txt')?.toString()).toBe('Daisy\nNot a flower\nRose\nSunflower\nTulip\n');
  });

  it('does not count blob downloads or /__emulator calls against the API rate limit', async () => {
    const image = await firstImage();
    emu.configure({ tps: 1 });
    try {
      emu.resetStats();
      expect((await api(emu, '/domains')).status).toBe(200);
      for (let i = 0; i < 5; i += 1) expect((await fetch(image.originalImageUri)).status).toBe(200);
      for (let i = 0; i < 3; i += 1) expect((await fetch(`${emu.endpoint}/__emulator/stats`)).status).toBe(200);
      expect((await api(emu, '/domains')).status).toBe(429);
      const stats = emu.stats();
      expect(stats.rateLimited).toBe(1);
      expect(stats.blobDownloads[image.id]?.count).toBe(5);
      expect(stats.requests).toEqual({ GetDomains: 2 });
    } finally {
      emu.configure({ tps: 0 });
    }
  });
});
