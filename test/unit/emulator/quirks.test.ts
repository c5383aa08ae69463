import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../src-main/emulator/cli-args';
import { paddedBody, sliceBody } from '../../../src-main/emulator/deliver';
import { parseConfigChanges } from '../../../src-main/emulator/options';
import { createPrng, type Prng } from '../../../src-main/emulator/prng';
import { quirkListSchema } from '../../../src-main/emulator/quirks';
import { addLargeProject } from '../../../src-main/emulator/seeds/large';
import { loadSeed } from '../../../src-main/emulator/seeds/loader';
import { AccountState } from '../../../src-main/emulator/state/account';
import { imagesByIds, pageImages } from '../../../src-main/emulator/state/image-query';
import { ImageTable } from '../../../src-main/emulator/state/image-table';
import type { ImageRec } from '../../../src-main/emulator/state/types';

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}

/** A PRNG that counts its draws, to prove which requests shuffle. */
function countingPrng(seed: string): Prng & { draws: number } {
  const inner = createPrng(seed);
  const counted = {
    draws: 0,
    next: () => {
      counted.draws += 1;
      return inner.next();
    },
    int: (min: number, max: number) => min + Math.floor(counted.next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => must(items[Math.floor(counted.next() * items.length)]),
  };
  return counted;
}

function image(seq: number, ms: number, tick = 1, tagged = true): ImageRec {
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    seq,
    created: { ms, tick },
    width: 1,
    height: 1,
    format: 'png',
    seed: seq,
    label: undefined,
    bytes: undefined,
    tags: tagged ? [{ tagId: 't', created: { ms, tick } }] : [],
    regions: [],
    metadata: undefined,
  };
}

describe('quirk names', () => {
  it('parse from --quirks and normalise (deduplicated, canonical order)', () => {
    expect(parseCliArgs(['--quirks', 'huge-json, ties,ties'])).toEqual({ kind: 'run', options: { quirks: ['ties', 'huge-json'], seed: 'demo' } });
    expect(parseCliArgs(['--quirks=relative-uris'])).toEqual({ kind: 'run', options: { quirks: ['relative-uris'], seed: 'demo' } });
    expect(parseCliArgs(['--quirks', 'ties,fast'])).toEqual({
      kind: 'error',
      message: '--quirks: unknown quirk "fast"; the quirks are ties, relative-uris, network-rules, prediction-count-limit, other-default-threshold, huge-json, oversize-blobs, url-limit, url-limit-414, strict-batch-ids',
    });
    expect(parseCliArgs(['--quirks'])).toEqual({ kind: 'error', message: '--quirks needs a value' });
    expect(quirkListSchema.parse([])).toEqual([]);
    expect(() => parseConfigChanges({ quirks: ['nope'] })).toThrow('Invalid emulator setting: quirks: unknown quirk "nope"');
  });
});

describe('ties ordering', () => {
  // 40 images: unique stamps except a run of 10 equal ones at positions 20–29 (oldest first).
  const images = Array.from({ length: 40 }, (_, i) => image(i + 1, i >= 20 && i < 30 ? 20_000 : i * 1000));
  const table = ImageTable.from(images);
  const tidy = (skip: number, take: number, order: 'Newest' | 'Oldest' = 'Oldest') => pageImages(table, {}, { order, skip, take }).map((i) => i.seq);

  it('leaves pages that touch no tie group alone and draws nothing for them', () => {
    const prng = countingPrng('a');
    expect(pageImages(table, {}, { order: 'Oldest', skip: 0, take: 20 }, prng).map((i) => i.seq)).toEqual(tidy(0, 20));
    expect(pageImages(table, {}, { order: 'Newest', skip: 0, take: 10 }, prng).map((i) => i.seq)).toEqual(tidy(0, 10, 'Newest'));
    expect(prng.draws).toBe(0);
  });

  it('fills a window cutting a tie group from a fresh permutation of the whole group', () => {
    const prng = countingPrng('b');
    const seen = new Set<string>();
    for (let round = 0; round < 20; round += 1) {
      const page = pageImages(table, {}, { order: 'Oldest', skip: 15, take: 10 }, prng).map((i) => i.seq);
      expect(page.slice(0, 5)).toEqual([16, 17, 18, 19, 20]);
      expect(page.slice(5).every((seq) => seq >= 21 && seq <= 30)).toBe(true);
      expect(new Set(page).size).toBe(10);
      seen.add(page.join(','));
    }
    expect(seen.size).toBeGreaterThan(10);
    // One Fisher–Yates pass over the 10-image group per request.
    expect(prng.draws).toBe(20 * 9);
  });

  it('keeps a page of whole groups the same set and respects filters', () => {
    const prng = countingPrng('c');
    const page = pageImages(table, {}, { order: 'Newest', skip: 10, take: 10 }, prng).map((i) => i.seq);
    expect(new Set(page)).toEqual(new Set(tidy(10, 10, 'Newest')));
    const mixed = ImageTable.from(Array.from({ length: 12 }, (_, i) => image(i + 1, 5000, 7, i % 2 === 0)));
    const tagged = pageImages(mixed, { tagged: true }, { order: 'Oldest', skip: 0, take: 256 }, prng).map((i) => i.seq);
    expect(new Set(tagged)).toEqual(new Set([1, 3, 5, 7, 9, 11]));
    expect(pageImages(mixed, { tagged: true }, { order: 'Oldest', skip: 0, take: 0 }, prng)).toEqual([]);
  });

  it('GetImagesByIds shuffles runs of equal created only', () => {
    const prng = countingPrng('d');
    const ids = images.map((i) => i.id).reverse();
    const result = imagesByIds(table, ids, prng).map((i) => i.seq);
    expect(result.slice(0, 20)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(result.slice(20, 30))).toEqual(new Set(Array.from({ length: 10 }, (_, i) => i + 21)));
    expect(result.slice(30)).toEqual(Array.from({ length: 10 }, (_, i) => i + 31));
    expect(prng.draws).toBe(9);
  });
});

describe('equal created values in seeds and --images', () => {
  it('gives equal written `created` values the same stamp, to the tick', () => {
    const state = new AccountState(() => 0);
    loadSeed(state, {
      format: 'cv-emulator-seed',
      version: 1,
      baseDate: '2024-01-08T09:00:00Z',
      projects: [
        {
          key: 'p',
          name: 'P',
          images: [
            { key: 'a', width: 8, height: 8, created: 10 },
            { key: 'b', width: 8, height: 8, created: '2024-01-08T09:10:00Z' },
            { key: 'c', width: 8, height: 8, created: 10 },
            { key: 'd', width: 8, height: 8, created: 11 },
            { key: 'e', width: 8, height: 8, created: '2020-06-06T16:44:43.2010801Z' },
            { key: 'f', width: 8, height: 8, created: '2020-06-06T16:44:43.2010802Z' },
            { key: 'g', width: 8, height: 8 },
          ],
        },
      ],
    });
    const project = must([...state.projects.values()][0]);
    const created = new Map(project.images.all().map((i) => [i.seq, i.created]));
    expect(created.get(2)).toEqual(created.get(1));
    expect(created.get(3)).toEqual(created.get(1));
    expect(created.get(4)).not.toEqual(created.get(1));
    expect(created.get(5)).toEqual({ ms: Date.parse('2020-06-06T16:44:43.201Z'), tick: 801 });
    expect(created.get(6)).toEqual({ ms: Date.parse('2020-06-06T16:44:43.201Z'), tick: 802 });
  });

  it('--images with batch created: one value per 64 images, in upload order', () => {
    const state = new AccountState(() => 0);
    addLargeProject(state, 200, { batchCreated: true });
    const images = must([...state.projects.values()][0]).images.all();
    const stamps = images.map((i) => `${i.created.ms}.${i.created.tick}`);
    expect(new Set(stamps).size).toBe(4);
    expect(new Set(stamps.slice(0, 64)).size).toBe(1);
    expect(images.map((i) => i.seq)).toEqual([...images.map((i) => i.seq)].sort((a, b) => a - b));
    const plain = new AccountState(() => 0);
    addLargeProject(plain, 200);
    expect(new Set(must([...plain.projects.values()][0]).images.all().map((i) => i.created.ms)).size).toBe(200);
  });
});

describe('padded bodies', () => {
  it('read the real bytes, then the pad byte, in any chunking', () => {
    const real = Buffer.from('[1,2,3]');
    const body = paddedBody(real, 200_000, 0x20);
    expect(body.length).toBe(200_000);
    const whole = Buffer.concat([body.read(0, 5), body.read(5, 70_000), body.read(70_000, 200_000)]);
    expect(whole.subarray(0, real.length).toString()).toBe('[1,2,3]');
    expect(whole.subarray(real.length).every((byte) => byte === 0x20)).toBe(true);
    expect(whole.length).toBe(200_000);
    const range = sliceBody(body, 3, 10);
    expect(range.read(0, 7).toString()).toBe('2,3]   ');
    expect(paddedBody(real, 2, 0).length).toBe(real.length);
  });
});
