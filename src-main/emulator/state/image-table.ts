/**
 * A set of images kept in `created` order (then insertion order), with id lookup. Both the
 * workspace and every iteration snapshot are ImageTables.
 */
import type { ImageRec } from './types';

export function compareImages(a: ImageRec, b: ImageRec): number {
  return a.created.ms - b.created.ms || a.created.tick - b.created.tick || a.seq - b.seq;
}

export class ImageTable {
  private readonly byId = new Map<string, ImageRec>();
  /** Oldest first. */
  private order: ImageRec[] = [];

  static from(images: Iterable<ImageRec>): ImageTable {
    const table = new ImageTable();
    for (const image of images) table.byId.set(image.id, image);
    table.order = [...table.byId.values()].sort(compareImages);
    return table;
  }

  get size(): number {
    return this.order.length;
  }

  get(id: string): ImageRec | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Oldest first; do not mutate. */
  all(): readonly ImageRec[] {
    return this.order;
  }

  add(image: ImageRec): void {
    if (this.byId.has(image.id)) throw new Error(`duplicate image ${image.id}`);
    this.byId.set(image.id, image);
    const last = this.order[this.order.length - 1];
    if (!last || compareImages(last, image) <= 0) {
      this.order.push(image);
      return;
    }
    this.order.splice(this.lowerBound(image), 0, image);
  }

  /** Replaces a record by a new version with the same id, created and seq. */
  replace(image: ImageRec): void {
    const old = this.byId.get(image.id);
    if (!old) throw new Error(`unknown image ${image.id}`);
    this.byId.set(image.id, image);
    const index = this.lowerBound(old);
    if (this.order[index] !== old) throw new Error('image table out of order');
    this.order[index] = image;
  }

  /** Removes the given ids (unknown ids are ignored); returns how many went. */
  delete(ids: Iterable<string>): number {
    let removed = 0;
    for (const id of ids) if (this.byId.delete(id)) removed += 1;
    if (removed > 0) this.order = this.order.filter((image) => this.byId.get(image.id) === image);
    return removed;
  }

  clear(): void {
    this.byId.clear();
    this.order = [];
  }

  copy(filter: (image: ImageRec) => boolean = () => true): ImageTable {
    const table = new ImageTable();
    for (const image of this.order) {
      if (!filter(image)) continue;
      table.byId.set(image.id, image);
      table.order.push(image);
    }
    return table;
  }

  private lowerBound(image: ImageRec): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const probe = this.order[mid];
      if (probe && compareImages(probe, image) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
