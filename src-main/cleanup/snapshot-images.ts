/**
 * The image ids a plan deletes, from a fresh walk (DESIGN §8: snapshot first, then delete
 * by id — never page while deleting). Workspace images come from GetImages (take 256,
 * oldest first, repeats dropped by the client); images that live only inside trained
 * iterations come from GetTaggedImages/GetUntaggedImages with each iterationId, because a
 * plain workspace listing never shows them and they must go too (reference §1.2 notes).
 *
 * Only ids are kept — never records — so 100 000 images cost a few MB.
 */
import { MAX_IMAGE_IDS, parseApiDateMs, type Image, type PagedList, type TrainingClient } from '../customvision';
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

function workspaceList(client: TrainingClient, projectId: string, selection: ImageSelection, signal: AbortSignal): PagedList<Image> {
  const base = { signal, orderBy: 'Oldest' as const, pageSize: MAX_IMAGE_IDS };
  if (selection.kind === 'untagged') return client.iterateImages(projectId, { ...base, taggingStatus: 'Untagged' });
  if (selection.kind === 'taggedWith') return client.iterateImages(projectId, { ...base, tagIds: [selection.tagId] });
  return client.iterateImages(projectId, base);
}

function iterationLists(client: TrainingClient, projectId: string, iterationId: string, selection: ImageSelection, signal: AbortSignal): PagedList<Image>[] {
  const base = { signal, iterationId, orderBy: 'Oldest' as const, pageSize: MAX_IMAGE_IDS };
  if (selection.kind === 'untagged') return [client.iterateUntaggedImages(projectId, base)];
  if (selection.kind === 'taggedWith') return [client.iterateTaggedImages(projectId, { ...base, tagIds: [selection.tagId] })];
  return [client.iterateTaggedImages(projectId, base), client.iterateUntaggedImages(projectId, base)];
}

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

  for await (const page of workspaceList(client, projectId, selection, signal).pages()) {
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

  const candidates = new Set<string>();
  for (const iterationId of trainedIterationIds) {
    for (const list of iterationLists(client, projectId, iterationId, selection, signal)) {
      for await (const page of list.pages()) {
        for (const image of page) {
          const id = serviceGuid('an image', image.id);
          if (picked.has(id) || workspace?.has(id) || !matches(selection, image)) continue;
          candidates.add(id);
        }
        await ctx.checkpoint();
      }
    }
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
