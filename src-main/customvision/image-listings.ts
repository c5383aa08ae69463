/**
 * The complete listings of images (complete-listing.ts) an export or a cleanup plan
 * needs, each with its walks in the order they are tried:
 * - workspace images: GetImages oldest first, then newest first, then each tag with
 *   `tagIds` and the untagged ones separately; count = tagged + untagged counts;
 * - an iteration's images: tagged and untagged (with `iterationId`) oldest first, then
 *   newest first, then tag by tag; count = the same two counts for the iteration;
 * - an iteration's per-image performance: oldest first, newest first, tag by tag;
 *   count = GetImagePerformanceCount.
 * - untagged images, and images carrying one tag (workspace or an iteration's copy): oldest
 *   first, then newest first; count = the matching count call.
 * Later walks cost as much as the first, so they run only while the count is not reached.
 */
import { CompleteListing, type ListingWalk } from './complete-listing';
import type { IdSet } from './id-set';
import type { PagedList } from './paging';
import type { CallOptions, TrainingClient } from './training-client-types';
import type { Image, ImagePerformance, ImageOrderBy } from './wire-types';

const ORDERS: ReadonlyArray<{ orderBy: ImageOrderBy; label: string }> = [
  { orderBy: 'Oldest', label: 'oldest first' },
  { orderBy: 'Newest', label: 'newest first' },
];

export interface ImageListingOptions extends CallOptions {
  /** The service's count when the caller already has it (the first reconciliation then costs no call). */
  knownCount?: number;
  /** Where the union of ids is kept (e.g. the export's set of workspace ids). */
  seen?: IdSet;
  pageSize?: number;
}

/** Every workspace image of a project. */
export function workspaceImageListing(client: TrainingClient, projectId: string, options: ImageListingOptions = {}): CompleteListing<Image> {
  const call = callOnly(options);
  const list = { ...call, pageSize: options.pageSize ?? 256 };
  return new CompleteListing<Image>({
    ...(options.seen ? { seen: options.seen } : {}),
    walks: async function* () {
      for (const order of ORDERS) yield { label: order.label, lists: () => [client.iterateImages(projectId, { ...list, orderBy: order.orderBy })] };
      yield await byTag(client, projectId, undefined, list, (tagId) => client.iterateTaggedImages(projectId, { ...list, tagIds: [tagId] }), () =>
        client.iterateUntaggedImages(projectId, list),
      );
    },
    ...known(options),
    count: async () => (await client.getTaggedImageCount(projectId, call)) + (await client.getUntaggedImageCount(projectId, call)),
  });
}

/** Every image of one trained iteration (its own copy, which may hold images the workspace no longer has). */
export function iterationImageListing(client: TrainingClient, projectId: string, iterationId: string, options: ImageListingOptions = {}): CompleteListing<Image> {
  const call = callOnly(options);
  const list = { ...call, iterationId, pageSize: options.pageSize ?? 256 };
  return new CompleteListing<Image>({
    ...(options.seen ? { seen: options.seen } : {}),
    walks: async function* () {
      for (const order of ORDERS) {
        const ordered = { ...list, orderBy: order.orderBy };
        yield { label: order.label, lists: () => [client.iterateTaggedImages(projectId, ordered), client.iterateUntaggedImages(projectId, ordered)] };
      }
      yield await byTag(client, projectId, iterationId, list, (tagId) => client.iterateTaggedImages(projectId, { ...list, tagIds: [tagId] }), () =>
        client.iterateUntaggedImages(projectId, list),
      );
    },
    ...known(options),
    count: async () =>
      (await client.getTaggedImageCount(projectId, { ...call, iterationId })) + (await client.getUntaggedImageCount(projectId, { ...call, iterationId })),
  });
}

/** The untagged images of the workspace, or of one iteration's copy (`iterationId`). */
export function untaggedImageListing(client: TrainingClient, projectId: string, options: ImageListingOptions & { iterationId?: string } = {}): CompleteListing<Image> {
  const call = callOnly(options);
  const where = options.iterationId === undefined ? {} : { iterationId: options.iterationId };
  const list = { ...call, ...where, pageSize: options.pageSize ?? 256 };
  return new CompleteListing<Image>({
    ...(options.seen ? { seen: options.seen } : {}),
    // No smaller lists exist for untagged images: the two orders are all there is.
    walks: () => ORDERS.map((order) => ({ label: order.label, lists: () => [client.iterateUntaggedImages(projectId, { ...list, orderBy: order.orderBy })] })),
    ...known(options),
    count: () => client.getUntaggedImageCount(projectId, { ...call, ...where }),
  });
}

/** The images carrying one tag, in the workspace or in one iteration's copy (`iterationId`). */
export function taggedWithListing(client: TrainingClient, projectId: string, tagId: string, options: ImageListingOptions & { iterationId?: string } = {}): CompleteListing<Image> {
  const call = callOnly(options);
  const where = options.iterationId === undefined ? {} : { iterationId: options.iterationId };
  const list = { ...call, ...where, tagIds: [tagId], pageSize: options.pageSize ?? 256 };
  return new CompleteListing<Image>({
    ...(options.seen ? { seen: options.seen } : {}),
    walks: () => ORDERS.map((order) => ({ label: order.label, lists: () => [client.iterateTaggedImages(projectId, { ...list, orderBy: order.orderBy })] })),
    ...known(options),
    count: () => client.getTaggedImageCount(projectId, { ...call, ...where, tagIds: [tagId] }),
  });
}

/** Every per-image result of one iteration's performance. */
export function imagePerformanceListing(
  client: TrainingClient,
  projectId: string,
  iterationId: string,
  options: ImageListingOptions = {},
): CompleteListing<ImagePerformance> {
  const call = callOnly(options);
  const list = { ...call, pageSize: options.pageSize ?? 256 };
  return new CompleteListing<ImagePerformance>({
    ...(options.seen ? { seen: options.seen } : {}),
    walks: async function* () {
      for (const order of ORDERS) {
        yield { label: order.label, lists: () => [client.iterateImagePerformances(projectId, iterationId, { ...list, orderBy: order.orderBy })] };
      }
      const tags = await client.getTags(projectId, { ...call, iterationId });
      yield {
        label: 'tag by tag',
        lists: () => tagIdsOf(tags).map((tagId) => client.iterateImagePerformances(projectId, iterationId, { ...list, tagIds: [tagId] })),
      };
    },
    ...known(options),
    count: () => client.getImagePerformanceCount(projectId, iterationId, call),
  });
}

/** The last resort: smaller lists have other page boundaries and fewer equal timestamps. */
async function byTag(
  client: TrainingClient,
  projectId: string,
  iterationId: string | undefined,
  call: CallOptions,
  tagged: (tagId: string) => PagedList<Image>,
  untagged: () => PagedList<Image>,
): Promise<ListingWalk<Image>> {
  const tags = await client.getTags(projectId, { ...callOnly(call), ...(iterationId === undefined ? {} : { iterationId }) });
  return { label: 'tag by tag', lists: () => [...tagIdsOf(tags).map(tagged), untagged()] };
}

function tagIdsOf(tags: ReadonlyArray<{ id?: string | null }>): string[] {
  return tags.map((tag) => tag.id).filter((id): id is string => typeof id === 'string' && id !== '');
}

function known(options: ImageListingOptions): { knownCount?: number } {
  return options.knownCount === undefined ? {} : { knownCount: options.knownCount };
}

function callOnly(options: CallOptions): CallOptions {
  return options.signal ? { signal: options.signal } : {};
}
