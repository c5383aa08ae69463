/**
 * A listing that does not lose images. The API's image lists are offset-paged and
 * ordered by `created` alone; images uploaded together share that value and the order of
 * equal values is not defined between two calls, so a walk can skip some images and
 * repeat others (offsetPages repairs runs that straddle one page boundary, not runs
 * longer than a page). Deletes and uploads during a walk shift pages too.
 *
 * So every listing reconciles the set of ids it found with the service's count and,
 * while it is short, walks again another way — the other order, then tag by tag and the
 * untagged separately (smaller lists, other page boundaries) — and unions the results.
 * If the count is still not reached, the outcome says how many are missing: a gap is
 * always said, never silent. Records are yielded once each (the first time they are
 * seen), page by page, so callers can stream them to disk.
 */
import { isCustomVisionError } from './errors';
import { IdSet } from './id-set';
import type { PagedList } from './paging';

/** One way of walking the list: one or more paged lists whose union is the whole list. */
export interface ListingWalk<T> {
  /** For the outcome and messages: "oldest first", "newest first", "tag by tag". */
  label: string;
  lists: () => ReadonlyArray<PagedList<T>>;
}

export interface ListingOutcome {
  /** What the service counted after the last walk; undefined when the count could not be read. */
  expected: number | undefined;
  /** Distinct ids found by all walks together. */
  found: number;
  /** The walks made, in order. */
  walks: string[];
  /** expected − found when the walks could not reach the count; 0 otherwise. */
  missing: number;
  /** Why the count could not be read, when it could not (the listing itself stands). */
  countProblem?: unknown;
}

export interface CompleteListingOptions<T> {
  /** Tried in order until the count is reached; produced lazily (later walks may need extra calls). */
  walks: () => AsyncIterable<ListingWalk<T>> | Iterable<ListingWalk<T>>;
  /** The service's count, asked after each walk (it may move while the walks run). */
  count: () => Promise<number>;
  /**
   * The count the caller already has (from a planning pass): the first check uses it and
   * costs no call. Only when it is not reached is the service asked again.
   */
  knownCount?: number;
  /** Where the union of ids is kept; pass one to share it (default a new set). */
  seen?: IdSet;
}

interface Identified {
  readonly id?: string | null;
}

export class CompleteListing<T extends Identified> {
  readonly seen: IdSet;
  private readonly options: CompleteListingOptions<T>;
  private result: ListingOutcome = { expected: undefined, found: 0, walks: [], missing: 0 };

  constructor(options: CompleteListingOptions<T>) {
    this.options = options;
    this.seen = options.seen ?? new IdSet();
  }

  /** Final once pages() has been read to its end. */
  get outcome(): Readonly<ListingOutcome> {
    return this.result;
  }

  /** New records only, page by page, over every walk needed. */
  async *pages(): AsyncGenerator<T[], void, undefined> {
    const walks: string[] = [];
    let expected: number | undefined;
    let countProblem: unknown;
    let walkNumber = 0;
    for await (const walk of this.options.walks()) {
      walkNumber += 1;
      walks.push(walk.label);
      for (const list of walk.lists()) {
        for await (const page of list.pages()) {
          const fresh = page.filter((record) => typeof record.id !== 'string' || this.seen.add(record.id));
          if (fresh.length > 0) yield fresh;
        }
      }
      try {
        const known = walkNumber === 1 ? this.options.knownCount : undefined;
        expected = known ?? (await this.options.count());
        // A count from before the walk may be stale (deletes since): ask before walking again.
        if (known !== undefined && this.seen.size < known) expected = await this.options.count();
      } catch (error) {
        // Without a count nothing can be reconciled; what was listed still stands, and
        // the caller reports the failed count like any other.
        if (isCustomVisionError(error) && error.code === 'CANCELLED') throw error;
        expected = undefined;
        countProblem = error;
        break;
      }
      if (this.seen.size >= expected) break;
    }
    const found = this.seen.size;
    this.result = {
      expected,
      found,
      walks,
      missing: expected === undefined ? 0 : Math.max(0, expected - found),
      ...(countProblem === undefined ? {} : { countProblem }),
    };
  }
}
