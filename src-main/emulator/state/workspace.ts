/**
 * Changes to a project's workspace (its current training set). Every change replaces
 * records instead of editing them, so iteration snapshots keep what they saw.
 */
import type { ImageTable } from './image-table';
import type { ImageRec, ImageTagRec, ProjectRec, RegionRec, Stamp, TagRec } from './types';

const EMPTY: readonly never[] = Object.freeze([]);

export function emptyList<T>(): readonly T[] {
  return EMPTY;
}

export function touch(project: ProjectRec): void {
  project.dirty = true;
}

/** Removes a tag from the workspace and from every workspace image (tags and regions). */
export function deleteTag(project: ProjectRec, tagId: string): void {
  project.tags.delete(tagId);
  for (const image of [...project.images.all()]) {
    const hasTag = image.tags.some((tag) => tag.tagId === tagId);
    const hasRegion = image.regions.some((region) => region.tagId === tagId);
    if (!hasTag && !hasRegion) continue;
    project.images.replace({
      ...image,
      tags: hasTag ? image.tags.filter((tag) => tag.tagId !== tagId) : image.tags,
      regions: hasRegion ? image.regions.filter((region) => region.tagId !== tagId) : image.regions,
    });
  }
  touch(project);
}

export type TagAddResult = 'created' | 'duplicated' | 'exceeded';

/** Max tags per image for classification (Microsoft's limits and quotas page). */
const MAX_TAGS_PER_IMAGE = 100;
/** Max regions per image for object detection (Microsoft's limits and quotas page). */
const MAX_REGIONS_PER_IMAGE = 300;

export function addImageTag(project: ProjectRec, imageId: string, tagId: string, created: Stamp): TagAddResult {
  const image = project.images.get(imageId);
  if (!image) throw new Error(`unknown image ${imageId}`);
  if (image.tags.some((tag) => tag.tagId === tagId)) return 'duplicated';
  if (image.tags.length >= MAX_TAGS_PER_IMAGE) return 'exceeded';
  const tag: ImageTagRec = { tagId, created };
  project.images.replace({ ...image, tags: [...image.tags, tag] });
  touch(project);
  return 'created';
}

export function addRegion(
  project: ProjectRec,
  imageId: string,
  region: RegionRec,
): { result: TagAddResult; region?: RegionRec } {
  const image = project.images.get(imageId);
  if (!image) throw new Error(`unknown image ${imageId}`);
  const same = image.regions.find(
    (r) => r.tagId === region.tagId && r.left === region.left && r.top === region.top && r.width === region.width && r.height === region.height,
  );
  if (same) return { result: 'duplicated' };
  if (image.regions.length >= MAX_REGIONS_PER_IMAGE) return { result: 'exceeded' };
  // A region's tag also shows in the image's `tags` (inferred: OD images are "tagged").
  const tags = image.tags.some((tag) => tag.tagId === region.tagId)
    ? image.tags
    : [...image.tags, { tagId: region.tagId, created: region.created }];
  project.images.replace({ ...image, tags, regions: [...image.regions, region] });
  touch(project);
  return { result: 'created', region };
}

/** Metadata limits from UpdateImageMetadata's description in the v3.3 spec. */
export const METADATA_LIMITS = { pairs: 50, keyLength: 256, valueLength: 512 } as const;

export function mergeMetadata(
  project: ProjectRec,
  imageId: string,
  metadata: Record<string, string>,
): { status: 'OK' | 'ErrorImageNotFound' | 'ErrorLimitExceed'; metadata: Record<string, string> | null } {
  const image = project.images.get(imageId);
  if (!image) return { status: 'ErrorImageNotFound', metadata: null };
  const merged = { ...(image.metadata ?? {}), ...metadata };
  if (Object.keys(merged).length > METADATA_LIMITS.pairs) return { status: 'ErrorLimitExceed', metadata: null };
  project.images.replace({ ...image, metadata: merged });
  touch(project);
  return { status: 'OK', metadata: merged };
}

export function addImage(project: ProjectRec, image: ImageRec): void {
  project.images.add(image);
  touch(project);
}

/** Workspace delete by id; returns the number removed. */
export function deleteImages(project: ProjectRec, ids: Iterable<string>): number {
  const removed = project.images.delete(ids);
  if (removed > 0) touch(project);
  return removed;
}

/** allIterations: the images also leave every iteration's snapshot. */
export function deleteFromIterations(project: ProjectRec, ids: ReadonlySet<string> | 'all'): void {
  for (const iteration of project.iterations.values()) {
    const table: ImageTable | undefined = iteration.snapshot?.images;
    if (!table) continue;
    if (ids === 'all') table.clear();
    else table.delete(ids);
  }
}

export function tagNameLookup(tags: Iterable<TagRec>): (id: string) => string {
  const names = new Map<string, string>();
  for (const tag of tags) names.set(tag.id, tag.name);
  return (id) => names.get(id) ?? '';
}
