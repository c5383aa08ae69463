/**
 * Deleting while knowing exactly which ids existed and went. ImageTable.delete() only
 * counts; the deletion record (deletions.ts), the strict-batch-ids quirk and
 * deleteElsewhere() need the ids themselves.
 */
import type { ProjectRec } from './types';
import { deleteFromIterations, deleteImages } from './workspace';

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/**
 * Whether a delete can find the image: in the workspace, or — for a delete that also
 * reaches iterations (`allIterations`) — in any iteration's snapshot.
 */
export function imageExists(project: ProjectRec, id: string, inIterations: boolean): boolean {
  if (project.images.has(id)) return true;
  if (!inIterations) return false;
  for (const iteration of project.iterations.values()) if (iteration.snapshot?.images.has(id)) return true;
  return false;
}

/** Workspace images (oldest first), then, with `inIterations`, those found only in snapshots. */
export function allImageIds(project: ProjectRec, inIterations: boolean): string[] {
  const ids = project.images.all().map((image) => image.id);
  if (!inIterations) return ids;
  const seen = new Set(ids);
  for (const iteration of project.iterations.values()) {
    for (const image of iteration.snapshot?.images.all() ?? []) {
      if (seen.has(image.id)) continue;
      seen.add(image.id);
      ids.push(image.id);
    }
  }
  return ids;
}

/**
 * Removes the images from the workspace and, with `inIterations`, from every iteration's
 * snapshot (DeleteImages' `allIterations`). Returns the ids that existed there and went,
 * deduplicated, in the order given (`'all'`: the order of allImageIds()).
 */
export function removeImages(project: ProjectRec, ids: readonly string[] | 'all', inIterations: boolean): string[] {
  const removed = ids === 'all' ? allImageIds(project, inIterations) : unique(ids).filter((id) => imageExists(project, id, inIterations));
  if (removed.length === 0) return removed;
  deleteImages(project, ids === 'all' ? project.images.all().map((image) => image.id) : removed);
  if (inIterations) deleteFromIterations(project, ids === 'all' ? 'all' : new Set(removed));
  return removed;
}

/** Removes stored predictions; returns the ids that existed and went, deduplicated, in the order given. */
export function removePredictions(project: ProjectRec, ids: readonly string[]): string[] {
  return unique(ids).filter((id) => project.predictions.delete(id));
}

/**
 * Images that live only in this iteration's snapshot — not in the workspace nor in any
 * other iteration — and so are gone once the iteration is deleted.
 */
export function imagesOnlyIn(project: ProjectRec, iterationId: string): string[] {
  const snapshot = project.iterations.get(iterationId)?.snapshot;
  if (!snapshot) return [];
  return snapshot.images
    .all()
    .filter((image) => {
      if (project.images.has(image.id)) return false;
      for (const other of project.iterations.values()) if (other.id !== iterationId && other.snapshot?.images.has(image.id)) return false;
      return true;
    })
    .map((image) => image.id);
}

/** Everything a project holds, for the DeleteProject record. */
export function projectHoldings(project: ProjectRec): { imageIds: string[]; iterationIds: string[]; tagIds: string[]; predictionIds: string[] } {
  return {
    imageIds: allImageIds(project, true),
    iterationIds: [...project.iterations.keys()],
    tagIds: [...project.tags.keys()],
    predictionIds: [...project.predictions.keys()],
  };
}
