/**
 * Walking the API's paged lists. Image lists are offset-paged (`skip`/`take` ≤ 256) and
 * computed per request, so an upload or delete between two pages shifts the rest: an image
 * can come twice (or, while deleting, be skipped — callers must not page while deleting:
 * docs/architecture.md, "Cleanup"). The walk therefore drops repeats by id and counts
 * them, so an export can report "N duplicates dropped" instead of writing an image twice.
 * Stored predictions use continuation tokens instead (QueryPredictions,
 * prediction-pages.ts).
 *
 * A PagedList is used either item by item (`for await (const image of list)`) or page by
 * page (`for await (const page of list.pages())`); each walk starts from the beginning
 * and resets `stats`.
 */
import { invalidResponseError } from './errors';

export interface PagingStats {
  /** API calls that returned a page. */
  pages: number;
  /** Items yielded (after dropping repeats). */
  items: number;
  /** Items dropped because an earlier page of the same walk already had their id. */
  duplicatesDropped: number;
}

export interface PagedList<T> extends AsyncIterable<T> {
  /** The same walk, one array per API call (repeats already dropped; may be empty). */
  pages(): AsyncIterable<T[]>;
  /** Counters of the current or most recent walk. */
  readonly stats: Readonly<PagingStats>;
}

/** Something with an id, as every paged record of this API has. */
interface Identified {
  readonly id?: string | null;
}

export type PageSource<T> = () => AsyncGenerator<T[], void, undefined>;

/**
 * The value an offset-paged list is ordered by (an image's `created`). Items with equal
 * values have no defined order between two requests, which paging must allow for.
 */
export type TieKey<T> = (item: T) => string | undefined;

/** How many pages in a row may bring nothing new before the walk is declared stuck. */
const MAX_REPEATED_TIE_PAGES = 3;

/** Wraps a raw page source with de-duplication by id and the two ways to iterate. */
export function pagedList<T extends Identified>(operation: string, source: PageSource<T>, tieKey?: TieKey<T>): PagedList<T> {
  const stats: PagingStats = { pages: 0, items: 0, duplicatesDropped: 0 };

  async function* pages(): AsyncGenerator<T[], void, undefined> {
    stats.pages = 0;
    stats.items = 0;
    stats.duplicatesDropped = 0;
    const seen = new Set<string>();
    let repeatedTiePages = 0;
    for await (const raw of source()) {
      stats.pages += 1;
      const fresh: T[] = [];
      for (const item of raw) {
        const id = item.id;
        if (typeof id === 'string') {
          const key = id.toLowerCase();
          if (seen.has(key)) {
            stats.duplicatesDropped += 1;
            continue;
          }
          seen.add(key);
        }
        fresh.push(item);
      }
      // A non-empty page with nothing new means the service is repeating itself
      // (ignoring skip, or a stuck continuation): stop rather than loop forever. Inside
      // one run of equal sort values that can happen honestly (their order may differ
      // per request), so such pages get a little slack before the walk gives up.
      if (raw.length > 0 && fresh.length === 0) {
        repeatedTiePages = allTied(raw, tieKey) ? repeatedTiePages + 1 : MAX_REPEATED_TIE_PAGES;
        if (repeatedTiePages >= MAX_REPEATED_TIE_PAGES) {
          throw invalidResponseError(operation, 'the service returned a page with only items already seen; stopping instead of looping');
        }
      } else {
        repeatedTiePages = 0;
      }
      stats.items += fresh.length;
      yield fresh;
    }
  }

  return {
    pages,
    get stats() {
      return stats;
    },
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page;
    },
  };
}

function allTied<T>(items: readonly T[], tieKey: TieKey<T> | undefined): boolean {
  if (!tieKey || items.length === 0) return false;
  const first = tieKey(items[0] as T);
  return first !== undefined && items.every((item) => tieKey(item) === first);
}

/**
 * Offset paging: ask for `take` at `skip`, until a page comes back shorter than `take`.
 *
 * With `tieKey`, a run of equal values that straddles a page boundary is fetched again
 * whole. The API orders images by `created` only, and images uploaded together share one
 * value (Microsoft's recorded traffic shows it), so which of them land on either side of
 * a boundary may differ between the two requests: some come twice, others never. A page
 * starting at the run's first position holds the whole run (when it fits in a page), in
 * whatever order; its items are merged into the next page (repeats are dropped by id).
 * Normal data has distinct values at page boundaries and costs no extra call.
 */
export function offsetPages<T>(pageSize: number, fetchPage: (skip: number, take: number) => Promise<T[]>, tieKey?: TieKey<T>): PageSource<T> {
  return async function* () {
    let skip = 0;
    let tail: TailRun | undefined;
    for (;;) {
      const page = await fetchPage(skip, pageSize);
      const first = page[0];
      if (tieKey && tail && first !== undefined && tieKey(first) === tail.key) {
        yield [...page, ...(await fetchPage(tail.position, pageSize))];
      } else {
        yield page;
      }
      if (page.length < pageSize) return;
      tail = tieKey ? tailRun(page, skip, tieKey) : undefined;
      skip += page.length;
    }
  };
}

interface TailRun {
  key: string;
  /** Offset of the run's first item. */
  position: number;
}

/** The run of equal values that ends `page`, if it starts inside it (a run filling the whole page started earlier and cannot be fetched in one page). */
function tailRun<T>(page: readonly T[], skip: number, tieKey: TieKey<T>): TailRun | undefined {
  const last = page[page.length - 1];
  const key = last === undefined ? undefined : tieKey(last);
  if (key === undefined) return undefined;
  let start = page.length - 1;
  while (start > 0 && tieKey(page[start - 1] as T) === key) start -= 1;
  return start === 0 ? undefined : { key, position: skip + start };
}
