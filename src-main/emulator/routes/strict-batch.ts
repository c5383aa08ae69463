/**
 * The strict-batch-ids quirk: a DeleteImages (`imageIds`) or DeletePrediction (`ids`) batch
 * naming any id that does not exist — deleted elsewhere since the client listed it — is
 * refused whole and deletes nothing. Without the quirk unknown ids are skipped and the
 * rest deleted. Which of the two the real service does is not documented.
 */
import type { ApiContext } from '../core';
import { badRequest, notFound } from '../errors';
import { hasQuirk } from '../quirks';
import { imageExists } from '../state/removal';
import type { ProjectRec } from '../state/types';

function strict(ctx: ApiContext): boolean {
  return hasQuirk(ctx.core.config, 'strict-batch-ids');
}

/**
 * `inIterations`: the delete also reaches iteration snapshots (`allIterations`), so an image
 * found only there exists for it. One unknown id alone → 404 NotFoundImage, as a lookup of
 * that image would answer; in a batch of several → 400 BadRequestInvalidIds.
 */
export function refuseUnknownImages(ctx: ApiContext, project: ProjectRec, ids: readonly string[], inIterations: boolean): void {
  if (!strict(ctx)) return;
  const distinct = new Set(ids);
  if ([...distinct].every((id) => imageExists(project, id, inIterations))) return;
  if (distinct.size === 1) throw notFound.image();
  throw badRequest('BadRequestInvalidIds', 'Invalid image ids.');
}

/** Any unknown prediction id, alone or in a batch → 400 BadRequestInvalidIds (no NotFound code exists for predictions). */
export function refuseUnknownPredictions(ctx: ApiContext, project: ProjectRec, ids: readonly string[]): void {
  if (!strict(ctx)) return;
  if (ids.every((id) => project.predictions.has(id))) return;
  throw badRequest('BadRequestInvalidIds', 'Invalid prediction ids.');
}
