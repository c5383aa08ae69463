/**
 * Images deleted from a project's workspace (without `allIterations`) stay inside every
 * trained iteration that used them (DeleteImages' `allIterations`: "Removes these images from all
 * iterations, not just the current workspace"). Users do not see them in the
 * portal, but the service still holds them, so the inventory counts them.
 *
 * Counts cannot give this number: an iteration holding 100 images while the workspace
 * holds 100 says nothing about whether they are the same 100. An exact figure needs ids:
 *
 *   1. list the ids of each trained iteration's copy that holds any image
 *      (GetImages with iterationId, 256 per call; only the ids are kept, in one Set);
 *   2. ask the workspace which of those ids it still has
 *      (GetImagesByIds without iterationId, 256 ids per call; it answers with found images only).
 *   Images only in iterations = ids of step 1 that step 2 did not return.
 *
 * API cost per project: Σ ⌈nᵢ / 256⌉ GetImages calls over trained iterations holding nᵢ
 * images, plus ⌈u / 256⌉ GetImagesByIds calls for the u distinct ids found (none when
 * the workspace is empty). The workspace itself is never paged, and no image bytes are
 * downloaded. E.g. 3 iterations of 5 000 images each, mostly the same ones: 60 + ~20 calls,
 * about 8 s at the default 10 calls/s. Memory: one id string per distinct image.
 */
import { MAX_IMAGE_IDS, MAX_PAGE_SIZE, type TrainingClient } from '../customvision';

export interface IterationImages {
  iterationId: string;
  /** Images in the iteration's copy (its tagged + untagged counts). */
  count: number;
}

export interface WalkOptions {
  signal: AbortSignal;
  checkpoint(): Promise<void>;
}

export async function countImagesOnlyInIterations(
  client: Pick<TrainingClient, 'iterateImages' | 'getImagesByIds'>,
  projectId: string,
  iterations: readonly IterationImages[],
  /** Workspace images (tagged + untagged counts); null when unknown. */
  workspaceImages: number | null,
  options: WalkOptions,
): Promise<number> {
  const ids = new Set<string>();
  for (const { iterationId, count } of iterations) {
    if (count === 0) continue;
    const list = client.iterateImages(projectId, { iterationId, pageSize: MAX_PAGE_SIZE, signal: options.signal });
    for await (const page of list.pages()) {
      for (const image of page) if (typeof image.id === 'string') ids.add(image.id.toLowerCase());
      await options.checkpoint();
    }
  }
  if (ids.size === 0) return 0;
  // Nothing in the workspace: every id found is only in iterations, no need to ask.
  if (workspaceImages === 0) return ids.size;

  let stillInWorkspace = 0;
  const all = [...ids];
  for (let start = 0; start < all.length; start += MAX_IMAGE_IDS) {
    await options.checkpoint();
    const batch = all.slice(start, start + MAX_IMAGE_IDS);
    const wanted = new Set(batch);
    const found = await client.getImagesByIds(projectId, batch, { signal: options.signal });
    // Matched by id (the answer is not in request order) and counted once each.
    const seen = new Set<string>();
    for (const image of found) {
      const id = typeof image.id === 'string' ? image.id.toLowerCase() : '';
      if (wanted.has(id) && !seen.has(id)) seen.add(id);
    }
    stillInWorkspace += seen.size;
  }
  return ids.size - stillInWorkspace;
}
