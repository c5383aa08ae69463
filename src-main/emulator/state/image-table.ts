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

  /**
   * Removes the given ids (unknown ids are ignored); returns how many went. Each image is
   * found by binary search and the order is compacted in one pass: a DeleteImages
   * batch of 256 in a 100 000-image project (and its iteration snapshots) costs well under
   * a millisecond, where re-filtering every table took 35–95 ms of the event loop per
   * batch and delayed the next API answer (the bench's deletion figure).
   */
  delete(ids: Iterable<string>): number {
    const positions: number[] = [];
    let consistent = true;
    for (const id of ids) {
      const image = this.byId.get(id);
      if (!image) continue;
      this.byId.delete(id);
      // The order array is untouched until the end, so the search still finds each image.
      const at = this.lowerBound(image);
      if (this.order[at] !== image) consistent = false;
      positions.push(at);
    }
    if (positions.length === 0) return 0;
    if (!consistent) {
      this.order = this.order.filter((image) => this.byId.get(image.id) === image);
      return positions.length;
    }
    positions.sort((a, b) => a - b);
    // One pass from the first removed position, skipping the removed ones.
    const order = this.order;
    let write = positions[0] ?? 0;
    let next = 0;
    for (let read = write; read < order.length; read += 1) {
      if (read === positions[next]) {
        next += 1;
        continue;
      }
      order[write] = order[read] as ImageRec;
      write += 1;
    }
    order.length = write;
    return positions.length;
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
