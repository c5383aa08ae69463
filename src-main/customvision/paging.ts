/**
 * Walking the API's paged lists. Image lists are offset-paged (`skip`/`take` ≤ 256) and
 * computed per request, so an upload or delete between two pages shifts the rest: an
 * image can come twice (or, while deleting, be skipped — callers must not page while
 * deleting, DESIGN §8). The walk therefore drops repeats by id and counts them, so an
 * export can report "N duplicates dropped" instead of writing an image twice.
 * Stored predictions use continuation tokens instead (QueryPredictions).
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

/** Wraps a raw page source with de-duplication by id and the two ways to iterate. */
export function pagedList<T extends Identified>(operation: string, source: PageSource<T>): PagedList<T> {
  const stats: PagingStats = { pages: 0, items: 0, duplicatesDropped: 0 };

  async function* pages(): AsyncGenerator<T[], void, undefined> {
    stats.pages = 0;
    stats.items = 0;
    stats.duplicatesDropped = 0;
    const seen = new Set<string>();
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
      // (ignoring skip, or a stuck continuation): stop rather than loop forever.
      if (raw.length > 0 && fresh.length === 0) {
        throw invalidResponseError(operation, 'the service returned a page with only items already seen; stopping instead of looping');
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

/** Offset paging: ask for `take` at `skip`, until a page comes back shorter than `take`. */
export function offsetPages<T>(pageSize: number, fetchPage: (skip: number, take: number) => Promise<T[]>): PageSource<T> {
  return async function* () {
    let skip = 0;
    for (;;) {
      const page = await fetchPage(skip, pageSize);
      yield page;
      if (page.length < pageSize) return;
      skip += page.length;
    }
  };
}

export interface TokenPage<T, Token> {
  items: T[];
  /** The token to send next, or undefined when this was the last page. */
  next: Token | undefined;
}

/** Continuation paging: send the token the previous page returned, until it has none. */
export function tokenPages<T, Token>(first: Token, fetchPage: (token: Token) => Promise<TokenPage<T, Token>>): PageSource<T> {
  return async function* () {
    let token: Token | undefined = first;
    while (token !== undefined) {
      const page: TokenPage<T, Token> = await fetchPage(token);
      yield page.items;
      token = page.next;
    }
  };
}
