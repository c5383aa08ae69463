/**
 * Listing and counting images (GetImages, GetTaggedImages, GetUntaggedImages and their
 * counts): filters, `orderBy` Newest (default: `created` descending) / Oldest, and offset
 * paging with skip/take computed per request, exactly as loose as the real service
 * (deleting between pages shifts later pages).
 *
 * Images with equal `created` are normally kept in insertion order. With the `ties` quirk
 * the caller passes a PRNG and each request sees every tie group that touches its window
 * in a freshly drawn order, as SQL's ORDER BY … OFFSET/FETCH may over equal keys.
 */
import type { Prng } from '../prng';
import type { ImageTable } from './image-table';
import type { MetadataPredicate } from './metadata-filter';
import type { ImageRec } from './types';

export interface ImageFilter {
  /** undefined = all, true = tagged only, false = untagged only. */
  tagged?: boolean | undefined;
  /** OR filter: images carrying any of these tags. */
  tagIds?: ReadonlySet<string> | undefined;
  metadata?: MetadataPredicate | undefined;
}

export interface ImagePage {
  order: 'Newest' | 'Oldest';
  skip: number;
  take: number;
}

export function matchesFilter(image: ImageRec, filter: ImageFilter): boolean {
  const isTagged = image.tags.length > 0;
  if (filter.tagged === true && !isTagged) return false;
  if (filter.tagged === false && isTagged) return false;
  if (filter.tagIds && filter.tagIds.size > 0) {
    const wanted = filter.tagIds;
    if (!image.tags.some((tag) => wanted.has(tag.tagId))) return false;
  }
  if (filter.metadata && !filter.metadata(image.metadata)) return false;
  return true;
}

export function countImages(table: ImageTable, filter: ImageFilter): number {
  if (filter.tagged === undefined && !filter.tagIds?.size && !filter.metadata) return table.size;
  let count = 0;
  for (const image of table.all()) if (matchesFilter(image, filter)) count += 1;
  return count;
}

function sameCreated(a: ImageRec, b: ImageRec): boolean {
  return a.created.ms === b.created.ms && a.created.tick === b.created.tick;
}

/** Fisher–Yates over items[from, to). */
function shuffleRange<T>(items: T[], prng: Prng, from = 0, to = items.length): void {
  for (let i = to - 1; i > from; i -= 1) {
    const j = from + Math.floor(prng.next() * (i - from + 1));
    const swap = items[i] as T;
    items[i] = items[j] as T;
    items[j] = swap;
  }
}

/**
 * pageImages with ties shuffled: walks the filtered images in order, holding only the
 * current run of equal `created` values; a run is shuffled (one PRNG draw per member)
 * only when it overlaps [skip, skip + take), so paging a 100 000-image project costs the
 * same walk as without the quirk plus the few runs at the window.
 */
function pageWithShuffledTies(all: readonly ImageRec[], filter: ImageFilter, page: ImagePage, ties: Prng): ImageRec[] {
  const out: ImageRec[] = [];
  const end = page.skip + page.take;
  const group: ImageRec[] = [];
  let groupStart = 0;
  /** Emits the run's part inside the window; false once the window is complete. */
  const flush = (): boolean => {
    const groupEnd = groupStart + group.length;
    if (groupEnd > page.skip) {
      shuffleRange(group, ties);
      const to = Math.min(end, groupEnd) - groupStart;
      for (let i = Math.max(page.skip, groupStart) - groupStart; i < to; i += 1) out.push(group[i] as ImageRec);
    }
    groupStart = groupEnd;
    group.length = 0;
    return groupEnd < end;
  };
  const newest = page.order === 'Newest';
  for (let n = 0; n < all.length; n += 1) {
    const image = all[newest ? all.length - 1 - n : n] as ImageRec;
    if (!matchesFilter(image, filter)) continue;
    const first = group[0];
    if (first && !sameCreated(first, image) && !flush()) return out;
    group.push(image);
  }
  if (group.length > 0) flush();
  return out;
}

/** One page; with `ties` (the quirk's PRNG stream) equal `created` values come in a fresh random order. */
export function pageImages(table: ImageTable, filter: ImageFilter, page: ImagePage, ties?: Prng): ImageRec[] {
  const all = table.all();
  if (ties && page.take > 0) return pageWithShuffledTies(all, filter, page, ties);
  const out: ImageRec[] = [];
  if (page.take === 0) return out;
  let skipped = 0;
  const visit = (image: ImageRec): boolean => {
    if (!matchesFilter(image, filter)) return true;
    if (skipped < page.skip) {
      skipped += 1;
      return true;
    }
    out.push(image);
    return out.length < page.take;
  };
  if (page.order === 'Oldest') {
    for (let i = 0; i < all.length; i += 1) if (!visit(all[i] as ImageRec)) break;
  } else {
    for (let i = all.length - 1; i >= 0; i -= 1) if (!visit(all[i] as ImageRec)) break;
  }
  return out;
}

/**
 * GetImagesByIds: found images only, in `created` ascending order (as Microsoft's recorded
 * GetImagesByIds traffic answers, not in request order); with
 * `ties`, each run of equal `created` values in a fresh random order.
 */
export function imagesByIds(table: ImageTable, ids: readonly string[], ties?: Prng): ImageRec[] {
  const found: ImageRec[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    const image = table.get(id);
    if (image && !seen.has(id)) {
      seen.add(id);
      found.push(image);
    }
  }
  found.sort((a, b) => a.created.ms - b.created.ms || a.created.tick - b.created.tick || a.seq - b.seq);
  if (ties) {
    let start = 0;
    for (let i = 1; i <= found.length; i += 1) {
      const head = found[start] as ImageRec;
      const here = found[i];
      if (here && sameCreated(head, here)) continue;
      if (i - start > 1) shuffleRange(found, ties, start, i);
      start = i;
    }
  }
  return found;
}

/** Image count per tag (GetTags `imageCount`). */
export function tagImageCounts(table: ImageTable): Map<string, number> {
  const counts = new Map<string, number>();
  for (const image of table.all()) {
    for (const tag of image.tags) counts.set(tag.tagId, (counts.get(tag.tagId) ?? 0) + 1);
  }
  return counts;
}
