/**
 * The canonical records a dataset view needs, read leniently from what the bundle holds
 * (the API's JSON as returned). Bundles are data from disk: a field of the wrong type is
 * treated as absent rather than trusted, and the writers decide what to skip and count.
 */

/** Paths inside a bundle are built only from ids of this shape (docs/bundle-format.md). */
export const ID_PATTERN = /^[0-9a-f-]{36}$/;

export interface TagRecord {
  id: string;
  name: string;
  /** Regular | Negative | GeneralProduct (open enum: kept as given). */
  type: string;
}

export interface ImageTagRecord {
  tagId: string;
  tagName: string;
}

/** Coordinates are NaN when missing or not numbers, so the region rules can skip them. */
export interface RegionRecord {
  regionId: string;
  tagId: string;
  tagName: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface ImageRecord {
  id: string;
  /** 0 when missing or not a positive integer. */
  width: number;
  height: number;
  tags: ImageTagRecord[];
  regions: RegionRecord[];
}

export interface ProjectRecord {
  id: string;
  domainId: string;
  /** Multiclass | Multilabel | '' (object detection projects have none). */
  classificationType: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function num(value: unknown): number {
  return typeof value === 'number' ? value : Number.NaN;
}

function dimension(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}

export function parseProject(value: unknown): ProjectRecord | undefined {
  if (!isObject(value)) return undefined;
  const settings = isObject(value.settings) ? value.settings : {};
  return { id: text(value.id), domainId: text(settings.domainId).toLowerCase(), classificationType: text(settings.classificationType) };
}

export function parseTags(value: unknown): TagRecord[] {
  if (!Array.isArray(value)) return [];
  const tags: TagRecord[] = [];
  for (const item of value) {
    if (!isObject(item) || text(item.id) === '') continue;
    tags.push({ id: text(item.id).toLowerCase(), name: text(item.name), type: text(item.type) || 'Regular' });
  }
  return tags;
}

/** Domain id → type (Classification | ObjectDetection), from the bundle's GetDomains. */
export function parseDomainTypes(value: unknown): Map<string, string> {
  const types = new Map<string, string>();
  if (!Array.isArray(value)) return types;
  for (const item of value) {
    if (isObject(item) && text(item.id) !== '') types.set(text(item.id).toLowerCase(), text(item.type));
  }
  return types;
}

export function parseImage(value: unknown): ImageRecord | undefined {
  if (!isObject(value) || text(value.id) === '') return undefined;
  const tags: ImageTagRecord[] = [];
  for (const tag of Array.isArray(value.tags) ? value.tags : []) {
    if (isObject(tag) && text(tag.tagId) !== '') tags.push({ tagId: text(tag.tagId).toLowerCase(), tagName: text(tag.tagName) });
  }
  const regions: RegionRecord[] = [];
  for (const region of Array.isArray(value.regions) ? value.regions : []) {
    // A malformed entry is kept as an all-invalid region so that it is counted as skipped.
    if (!isObject(region)) {
      regions.push({ regionId: '', tagId: '', tagName: '', left: Number.NaN, top: Number.NaN, width: Number.NaN, height: Number.NaN });
      continue;
    }
    regions.push({
      regionId: text(region.regionId),
      tagId: text(region.tagId).toLowerCase(),
      tagName: text(region.tagName),
      left: num(region.left),
      top: num(region.top),
      width: num(region.width),
      height: num(region.height),
    });
  }
  return { id: text(value.id), width: dimension(value.width), height: dimension(value.height), tags, regions };
}
