/**
 * Listing and counting images (GetImages, GetTaggedImages, GetUntaggedImages and their
 * counts): filters, `orderBy` Newest (default: `created` descending) / Oldest, and offset
 * paging with skip/take computed per request, exactly as loose as the real service
 * (reference §7: deleting between pages shifts later pages).
 */
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

export function pageImages(table: ImageTable, filter: ImageFilter, page: ImagePage): ImageRec[] {
  const all = table.all();
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

/** GetImagesByIds: found images only, in `created` ascending order (reference §7). */
export function imagesByIds(table: ImageTable, ids: readonly string[]): ImageRec[] {
  const found: ImageRec[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    const image = table.get(id);
    if (image && !seen.has(id)) {
      seen.add(id);
      found.push(image);
    }
  }
  return found.sort((a, b) => a.created.ms - b.created.ms || a.created.tick - b.created.tick || a.seq - b.seq);
}

/** Image count per tag (GetTags `imageCount`). */
export function tagImageCounts(table: ImageTable): Map<string, number> {
  const counts = new Map<string, number>();
  for (const image of table.all()) {
    for (const tag of image.tags) counts.set(tag.tagId, (counts.get(tag.tagId) ?? 0) + 1);
  }
  return counts;
}
