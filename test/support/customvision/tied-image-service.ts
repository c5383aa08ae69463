/**
 * A fake of the image listing endpoints over a fixed set of images, for the paging and
 * complete-listing tests: orders by `created` only and lets a test decide how images with
 * equal `created` are ordered in each request (the real service does not define it), and
 * which images a listing never shows (a service that loses some, whatever one asks).
 */
import { json, type Sent } from './fake-fetch';

export interface FakeImage {
  id: string;
  created: string;
  /** Tag ids; none = untagged. */
  tags: string[];
}

export interface TiedServiceOptions {
  /** Order of one run of equal `created` values for the request numbered `request` (0-based). Default: as given. */
  tieOrder?: (run: FakeImage[], request: number) => FakeImage[];
  /** Never listed by these lists (counts still include them). */
  hidden?: (image: FakeImage, list: { tagIds: string[]; status: 'all' | 'tagged' | 'untagged' }) => boolean;
  /** Added to what the count endpoints say (images deleted since, or counted twice). */
  countOffset?: number;
  /** The count endpoints fail with 503 when true. */
  countsFail?: boolean;
}

export function tiedImageService(images: FakeImage[], options: TiedServiceOptions = {}) {
  let requests = 0;
  const listCalls: string[] = [];
  const handler = (sent: Sent): Response => {
    const path = sent.url.pathname.replace(/^.*\/projects\/[^/]+/, '');
    const q = sent.url.searchParams;
    const tagIds = (q.get('tagIds') ?? '').split(',').filter((id) => id !== '');
    if (path.endsWith('/count')) {
      if (options.countsFail) return json({ error: { code: '503', message: 'unavailable' } }, 503);
      const status = path === '/images/tagged/count' ? 'tagged' : path === '/images/untagged/count' ? 'untagged' : 'all';
      return json(select(images, status, tagIds).length + (status === 'untagged' ? 0 : (options.countOffset ?? 0)));
    }
    if (path === '/tags') {
      const all = [...new Set(images.flatMap((image) => image.tags))].sort();
      return json(all.map((id) => ({ id, name: id, description: null, type: 'Regular', imageCount: 0 })));
    }
    const status = path === '/images/tagged' ? 'tagged' : path === '/images/untagged' ? 'untagged' : 'all';
    const skip = Number(q.get('skip') ?? 0);
    const take = Number(q.get('take') ?? 50);
    const newest = q.get('orderBy') !== 'Oldest';
    listCalls.push(`${status}${tagIds.length ? `[${tagIds.join(',')}]` : ''} ${newest ? 'Newest' : 'Oldest'} skip=${skip}`);
    const request = requests;
    requests += 1;
    const listed = select(images, status, tagIds).filter((image) => !options.hidden?.(image, { tagIds, status }));
    const ordered = orderWithTies(listed, newest, (run) => options.tieOrder?.(run, request) ?? run);
    return json(ordered.slice(skip, skip + take).map((image) => ({ id: image.id, created: image.created, ...(image.tags.length ? { tags: image.tags.map((tagId) => ({ tagId })) } : {}) })));
  };
  return { handler, listCalls };
}

function select(images: FakeImage[], status: 'all' | 'tagged' | 'untagged', tagIds: string[]): FakeImage[] {
  return images.filter((image) => {
    if (status === 'tagged' && image.tags.length === 0) return false;
    if (status === 'untagged' && image.tags.length > 0) return false;
    return tagIds.length === 0 || image.tags.some((tag) => tagIds.includes(tag));
  });
}

function orderWithTies(images: FakeImage[], newest: boolean, tieOrder: (run: FakeImage[]) => FakeImage[]): FakeImage[] {
  const sorted = [...images].sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0));
  if (newest) sorted.reverse();
  const out: FakeImage[] = [];
  for (let start = 0; start < sorted.length; ) {
    let end = start + 1;
    while (end < sorted.length && sorted[end]?.created === sorted[start]?.created) end += 1;
    out.push(...tieOrder(sorted.slice(start, end)));
    start = end;
  }
  return out;
}

export const TAG_A = 'aaaaaaaa-0000-4000-8000-000000000001';
export const TAG_B = 'bbbbbbbb-0000-4000-8000-000000000002';

/** `count` images; every `runLength` of them share one `created` value (uploaded together). */
export function imagesInRuns(count: number, runLength: number, tagOf: (n: number) => string[] = () => [TAG_A]): FakeImage[] {
  return Array.from({ length: count }, (_, n) => ({
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    created: `2020-06-06T16:${String(Math.floor(n / runLength) % 60).padStart(2, '0')}:${String(Math.floor(n / runLength / 60)).padStart(2, '0')}.3417089`,
    tags: tagOf(n),
  }));
}

/** Reverses every run on odd requests: the two sides of a page boundary then see different halves. */
export const flipOnOddRequests = (run: FakeImage[], request: number): FakeImage[] => (request % 2 === 1 ? [...run].reverse() : run);
