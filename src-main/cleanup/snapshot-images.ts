/**
 * The image ids a plan deletes, from a fresh walk (snapshot first, then delete by id —
 * never page while deleting, or later pages shift and images are skipped). Workspace
 * images come from complete listings (src-main/customvision/image-listings.ts): each
 * reconciled with its count endpoint and walked again other ways while short, since
 * images uploaded together share one timestamp and plain paging can skip some of them.
 * A listing that still cannot reach its count refuses the plan: a plan that might leave
 * images out is not made. Images that live only inside trained iterations come from each
 * iteration's listing, because a workspace listing never shows them and they must go too
 * (DeleteImages without allIterations leaves them in their iterations).
 *
 * Only ids are kept — never records — so 100 000 images cost a few MB.
 */
import {
  iterationImageListing,
  MAX_IMAGE_IDS,
  parseApiDateMs,
  taggedWithListing,
  untaggedImageListing,
  workspaceImageListing,
  type CompleteListing,
  type Image,
  type ListingOutcome,
  type TrainingClient,
} from '../customvision';
import { AppError } from '../errors/app-error';
import type { JobContext } from '../jobs';
import { serviceGuid } from './guid';

/** Which images of a project: all, untagged, carrying a tag, or created before an instant. */
export type ImageSelection =
  | { kind: 'all' }
  | { kind: 'untagged' }
  | { kind: 'taggedWith'; tagId: string }
  | { kind: 'olderThan'; beforeMs: number };

export interface ImageIds {
  /** Sorted, no repeats. */
  ids: string[];
  /** Of those, how many live only inside trained iterations. */
  onlyInIterations: number;
}

/**
 * Whether a record matches beyond what the listing call already filtered. `created` has
 * no zone on the wire and is UTC (api-date.ts); an image whose date cannot be read is not
 * "older than" anything, so it is kept rather than deleted on a guess.
 */
function matches(selection: ImageSelection, image: Image): boolean {
  if (selection.kind !== 'olderThan') return true;
  const created = parseApiDateMs(image.created);
  return created !== undefined && created < selection.beforeMs;
}

/** The complete listing of what `selection` picks, in the workspace or one iteration's copy. */
function listingFor(client: TrainingClient, projectId: string, selection: ImageSelection, signal: AbortSignal, iterationId?: string): CompleteListing<Image> {
  const options = { signal, ...(iterationId === undefined ? {} : { iterationId }) };
  if (selection.kind === 'untagged') return untaggedImageListing(client, projectId, options);
  if (selection.kind === 'taggedWith') return taggedWithListing(client, projectId, selection.tagId, options);
  return iterationId === undefined ? workspaceImageListing(client, projectId, options) : iterationImageListing(client, projectId, iterationId, options);
}

/**
 * Refuses a plan built on a listing that could not be reconciled with its count: missing
 * images (they would silently stay), or a count that could not be read (nothing to
 * reconcile with).
 */
export function refuseIncomplete(outcome: Readonly<ListingOutcome>, what: string): void {
  if (outcome.countProblem !== undefined) throw outcome.countProblem;
  if (outcome.missing === 0) return;
  throw new AppError(
    'PLAN_INCOMPLETE',
    `The service counts ${outcome.expected ?? '?'} ${what}, but only ${outcome.found} could be listed after ${outcome.walks.length} walks (${outcome.walks.join(', ')}). ` +
      'A plan that might leave some of them out is not made: nothing was planned. Try again later; if it keeps happening, the service is listing images inconsistently.',
  );
}

const WHAT: Record<ImageSelection['kind'], string> = {
  all: 'images',
  olderThan: 'images',
  untagged: 'untagged images',
  taggedWith: 'images with the tag',
};

/**
 * Every image id of `projectId` that `selection` picks, in the workspace and only in the
 * given trained iterations. When the workspace listing was filtered (untagged, one tag),
 * an iteration's image that the filter did not return may still be in the workspace, in
 * a state that no longer matches (tagged since, tag removed since): GetImagesByIds tells,
 * and the workspace's current state wins.
 */
export async function collectImageIds(
  ctx: JobContext,
  client: TrainingClient,
  projectId: string,
  selection: ImageSelection,
  trainedIterationIds: readonly string[],
): Promise<ImageIds> {
  const { signal } = ctx;
  const picked = new Set<string>();
  // With an unfiltered listing every workspace id is seen, so no lookup is needed later.
  const fullWalk = selection.kind === 'all' || selection.kind === 'olderThan';
  const workspace = fullWalk ? new Set<string>() : undefined;

  const inWorkspace = listingFor(client, projectId, selection, signal);
  for await (const page of inWorkspace.pages()) {
    let found = 0;
    for (const image of page) {
      const id = serviceGuid('an image', image.id);
      workspace?.add(id);
      if (!matches(selection, image) || picked.has(id)) continue;
      picked.add(id);
      found += 1;
    }
    if (found > 0) ctx.progress.advance('images', { items: found });
    await ctx.checkpoint();
  }
  refuseIncomplete(inWorkspace.outcome, `${WHAT[selection.kind]} in the workspace`);

  const candidates = new Set<string>();
  for (const iterationId of trainedIterationIds) {
    const inIteration = listingFor(client, projectId, selection, signal, iterationId);
    for await (const page of inIteration.pages()) {
      for (const image of page) {
        const id = serviceGuid('an image', image.id);
        if (picked.has(id) || workspace?.has(id) || !matches(selection, image)) continue;
        candidates.add(id);
      }
      await ctx.checkpoint();
    }
    refuseIncomplete(inIteration.outcome, `${WHAT[selection.kind]} in iteration ${iterationId}`);
  }

  const onlyInIterations = workspace ? candidates : await notInWorkspace(ctx, client, projectId, candidates);
  if (onlyInIterations.size > 0) ctx.progress.advance('images', { items: onlyInIterations.size });
  for (const id of onlyInIterations) picked.add(id);
  return { ids: [...picked].sort(), onlyInIterations: onlyInIterations.size };
}

/** The candidates GetImagesByIds does not find in the workspace (≤ 256 ids per call). */
async function notInWorkspace(ctx: JobContext, client: TrainingClient, projectId: string, candidates: ReadonlySet<string>): Promise<Set<string>> {
  const absent = new Set(candidates);
  const ids = [...candidates].sort();
  for (let start = 0; start < ids.length; start += MAX_IMAGE_IDS) {
    const found = await client.getImagesByIds(projectId, ids.slice(start, start + MAX_IMAGE_IDS), { signal: ctx.signal });
    for (const image of found) if (typeof image.id === 'string') absent.delete(image.id.toLowerCase());
    await ctx.checkpoint();
  }
  return absent;
}
