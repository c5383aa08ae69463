import { describe, expect, it } from 'vitest';
import { generateImage } from '../../../src-main/emulator/images';
import { sniffImage } from '../../../src-main/emulator/image-info';
import { boundaryOf, parseMultipart } from '../../../src-main/emulator/multipart';
import { parseMetadataFilter } from '../../../src-main/emulator/state/metadata-filter';
import { parseUuid, stableUuid } from '../../../src-main/emulator/ids';

describe('upload parsing', () => {
  it('recognises every accepted format and reads its dimensions', () => {
    for (const format of ['png', 'jpeg', 'bmp', 'gif'] as const) {
      const bytes = generateImage({ seed: 3, width: 300, height: 260, format });
      expect(sniffImage(bytes)).toEqual({ format, width: 300, height: 260 });
    }
    expect(sniffImage(Buffer.from('not an image at all, just text'))).toBeUndefined();
  });

  it('splits multipart/form-data into files, keeping the raw filename', () => {
    const boundary = '----abc123';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="imageData"; filename="cat.png"\r\nContent-Type: image/png\r\n\r\n`),
      Buffer.from([1, 2, 3, 13, 10, 4]),
      Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="imageData"\r\n\r\nxyz\r\n--${boundary}--\r\n`),
    ]);
    expect(boundaryOf(`multipart/form-data; boundary=${boundary}`)).toBe(boundary);
    const parts = parseMultipart(body, boundary);
    expect(parts?.map((p) => [p.name, p.rawFilename, [...p.data]])).toEqual([
      ['imageData', '"cat.png"', [1, 2, 3, 13, 10, 4]],
      ['imageData', undefined, [120, 121, 122]],
    ]);
    expect(parseMultipart(Buffer.from('garbage'), boundary)).toBeUndefined();
  });
});

describe('metadata $filter', () => {
  const match = (expression: string, metadata?: Record<string, string>) => parseMetadataFilter(expression)(metadata);

  it('supports eq, ne, and, or and parentheses', () => {
    const m = { key1: 'value1', key2: 'x' };
    expect(match("metadata=key1 eq 'value1' and key2 ne 'value2'", m)).toBe(true);
    expect(match("key1 eq 'nope' or key2 eq 'x'", m)).toBe(true);
    expect(match("key1 eq 'value1' and (key2 eq 'y' or key2 eq 'z')", m)).toBe(false);
    expect(match("key3 ne 'a'", m)).toBe(true);
    expect(match("key1 eq 'value1'", undefined)).toBe(false);
  });

  it('rejects malformed expressions with a 400 BadRequest', () => {
    expect(() => parseMetadataFilter("key1 eq value1")).toThrow(expect.objectContaining({ status: 400, code: 'BadRequest' }));
    expect(() => parseMetadataFilter("key1 gt 'a'")).toThrow(/eq or ne/);
  });
});

describe('ids', () => {
  it('accepts GUIDs as .NET does and derives stable ones from names', () => {
    expect(parseUuid('A6AB1C2D-0000-4000-8000-000000000001')).toBe('a6ab1c2d-0000-4000-8000-000000000001');
    expect(parseUuid('a6ab1c2d000040008000000000000001')).toBe('a6ab1c2d-0000-4000-8000-000000000001');
    expect(parseUuid('{a6ab1c2d-0000-4000-8000-000000000001}')).toBe('a6ab1c2d-0000-4000-8000-000000000001');
    expect(parseUuid('123')).toBeUndefined();
    expect(stableUuid('demo/project')).toBe(stableUuid('demo/project'));
    expect(stableUuid('demo/project')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
