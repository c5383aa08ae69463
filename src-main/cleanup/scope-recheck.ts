/**
 * Before a batch of images is deleted, each target is read again and must still be in the
 * plan's scope: an "untagged images" target must still be untagged and in that project, a
 * "tagged with T" target must still carry T, an "older than" target must still be there
 * (its date does not change). A target outside the scope now — tagged since it was
 * planned, its tag removed — is dropped: left in place, never deleted, and named in the
 * receipt. Scopes that take every image of a project (all images, whole projects) need no
 * re-read: the delete call names the project in its path, so it cannot reach anything else.
 *
 * Images that live only inside trained iterations are looked up there (GetImagesByIds with
 * `iterationId`); an image found nowhere is already gone (the service answered, and did not
 * list it). A read the service refuses leaves the batch unchecked: it is not deleted, and
 * the run says so.
 */
import type { CleanupPlan, PlanStep } from '../../shared/model/cleanup';
import { parseApiDateMs, type Image, type TrainingClient } from '../customvision';
import { mainText, type MainText } from '../../shared/model/main-text';

export interface RecheckResult {
  /** Still in scope: these may be deleted. */
  kept: string[];
  /** Out of scope now: left in place, with why. */
  dropped: Array<{ id: string; reason: string; reasonText: MainText }>;
  /** Found neither in the workspace nor in any iteration: nothing left to delete. */
  gone: string[];
}

/** Whether the plan's scope can tell in-scope images from others (the filtered image scopes). */
export function needsRecheck(plan: CleanupPlan, step: PlanStep): boolean {
  if (step.kind !== 'deleteImages' || plan.scope.kind !== 'part') return false;
  const kind = plan.scope.part.kind;
  return kind === 'untaggedImages' || kind === 'taggedWith' || kind === 'imagesOlderThan';
}

/**
 * Why `image` is not (any more) in the plan's scope, or undefined when it is: in English and
 * as the receipt's code (`texts.leftInPlace…` in receipt.json) of the whole call message.
 */
function outOfScope(plan: CleanupPlan, image: Image): { reason: string; reasonText: MainText } | undefined {
  if (plan.scope.kind !== 'part') return undefined;
  const part = plan.scope.part;
  const tags = (image.tags ?? []).map((tag) => String(tag.tagId ?? '').toLowerCase());
  if (part.kind === 'untaggedImages' && tags.length > 0) {
    return { reason: 'It has been tagged since the plan was made, so it is no longer an untagged image.', reasonText: mainText('leftInPlaceTagged') };
  }
  if (part.kind === 'taggedWith' && !tags.includes(part.tagId)) {
    return { reason: 'It no longer carries the tag the plan deletes images of.', reasonText: mainText('leftInPlaceTagRemoved') };
  }
  if (part.kind === 'imagesOlderThan') {
    const created = parseApiDateMs(image.created);
    const before = Date.parse(part.before);
    if (created === undefined || !(created < before)) {
      return { reason: 'Its date is not before the date the plan deletes images older than.', reasonText: mainText('leftInPlaceNotOlder') };
    }
  }
  return undefined;
}

export async function recheckScope(client: TrainingClient, plan: CleanupPlan, projectId: string, ids: readonly string[], signal: AbortSignal): Promise<RecheckResult> {
  const result: RecheckResult = { kept: [], dropped: [], gone: [] };
  const judge = (image: Image): void => {
    const id = String(image.id).toLowerCase();
    const why = outOfScope(plan, image);
    if (why === undefined) result.kept.push(id);
    else result.dropped.push({ id, ...why });
  };
  const asked = new Set(ids);
  let open = new Set(ids);
  for (const image of await client.getImagesByIds(projectId, [...open], { signal })) {
    const id = String(image.id).toLowerCase();
    if (!asked.has(id) || !open.has(id)) continue;
    open.delete(id);
    judge(image);
  }
  if (open.size > 0) {
    // Not in the workspace: images the plan found only inside trained iterations.
    const iterations = await client.getIterations(projectId, { signal });
    for (const iteration of iterations) {
      if (open.size === 0) break;
      if (typeof iteration.id !== 'string') continue;
      const found = await client.getImagesByIds(projectId, [...open], { signal, iterationId: iteration.id });
      const still = new Set(open);
      for (const image of found) {
        const id = String(image.id).toLowerCase();
        if (!still.has(id)) continue;
        still.delete(id);
        judge(image);
      }
      open = still;
    }
  }
  result.gone = [...open];
  return result;
}
