import { describe, expect, it } from 'vitest';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { crc32, writeZip } from '../../../src-main/emulator/zip';
import { modelArchive } from '../../../src-main/emulator/model-files';

/** Independent reader: local headers in order, checked against the central directory. */
function entries(zip: Buffer): Array<{ name: string; data: Buffer }> {
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  const count = zip.readUInt16LE(end + 10);
  const out: Array<{ name: string; data: Buffer }> = [];
  let at = 0;
  for (let i = 0; i < count; i += 1) {
    expect(zip.readUInt32LE(at)).toBe(0x04034b50);
    expect(zip.readUInt16LE(at + 8)).toBe(0); // stored
    const size = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const name = zip.toString('utf8', at + 30, at + 30 + nameLength);
    const data = zip.subarray(at + 30 + nameLength, at + 30 + nameLength + size);
    expect(zlibCrc32(data)).toBe(zip.readUInt32LE(at + 14));
    out.push({ name, data });
    at += 30 + nameLength + size;
  }
  expect(zip.readUInt32LE(end + 16)).toBe(at);
  return out;
}

describe('zip writer', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('writes stored entries any unzip tool can read back', () => {
    const zip = writeZip([{ name: 'a.txt', data: Buffer.from('hello\n') }, { name: 'dir/b.bin', data: Buffer.alloc(1000, 7) }], Date.parse('2024-01-02T03:04:06Z'));
    expect(entries(zip).map((e) => [e.name, e.data.length])).toEqual([['a.txt', 6], ['dir/b.bin', 1000]]);
  });

  it('builds a deterministic model archive with the tag names in labels.txt', () => {
    const input = { iterationId: 'it', platform: 'DockerFile', flavor: 'Linux', tagNames: ['rose', 'daisy'], modifiedMs: Date.parse('2024-01-01T00:00:00Z') };
    const zip = modelArchive(input);
    expect(modelArchive(input)).toEqual(zip);
    const files = entries(zip);
    expect(files.map((f) => f.name)).toEqual(['Dockerfile', 'app/labels.txt', 'app/model.pb']);
    expect(files[1]?.data.toString()).toBe('daisy\nrose\n');
  });
});
