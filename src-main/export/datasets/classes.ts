/**
 * The class list of a project's dataset views. Ids must not change between runs or with
 * the order of the records (a peer that numbered classes by first appearance produced
 * different ids on every export), so classes are the project's non-Negative tags sorted by
 * tag id — immutable, unlike names, which users rename. Tags that images reference but
 * tags.json lacks (deleted meanwhile) join the same sorted list.
 *   COCO category id = position + 1 (COCO reserves 0); YOLO class = position (0-based).
 */
import type { ImageRecord, TagRecord } from './records';

export const NEGATIVE_TAG_TYPE = 'Negative';

export interface DatasetClass {
  tagId: string;
  name: string;
  type: string;
}

export interface ClassList {
  classes: DatasetClass[];
  /** tag id → 0-based position. */
  index: ReadonlyMap<string, number>;
  negativeTagIds: ReadonlySet<string>;
}

/**
 * Collects tags that images name but tags.json does not hold. Called for every image in a
 * first pass; when such a tag has several names, the smallest wins so the result does not
 * depend on record order.
 */
export class UnknownTagCollector {
  private readonly known: ReadonlySet<string>;
  readonly names = new Map<string, string>();

  constructor(tags: readonly TagRecord[]) {
    this.known = new Set(tags.map((tag) => tag.id));
  }

  add(image: ImageRecord): void {
    for (const ref of [...image.tags, ...image.regions]) {
      if (ref.tagId === '' || this.known.has(ref.tagId)) continue;
      const seen = this.names.get(ref.tagId);
      if (seen === undefined || ref.tagName < seen) this.names.set(ref.tagId, ref.tagName);
    }
  }
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function buildClassList(tags: readonly TagRecord[], unknownTags: ReadonlyMap<string, string>): ClassList {
  const all: DatasetClass[] = [
    ...tags.map((tag) => ({ tagId: tag.id, name: tag.name, type: tag.type })),
    ...[...unknownTags].map(([tagId, name]) => ({ tagId, name, type: 'Regular' })),
  ];
  const negativeTagIds = new Set(all.filter((tag) => tag.type === NEGATIVE_TAG_TYPE).map((tag) => tag.tagId));
  const seen = new Set<string>();
  const classes = all
    .filter((tag) => tag.type !== NEGATIVE_TAG_TYPE && !seen.has(tag.tagId) && seen.add(tag.tagId))
    .sort((a, b) => byCodeUnits(a.tagId, b.tagId));
  return { classes, index: new Map(classes.map((c, i) => [c.tagId, i])), negativeTagIds };
}
