/**
 * The proof: after the run, everything in scope is read again and each step is marked
 * gone, still there, or could not verify — by what the API answers now, not by what the
 * delete calls said (a 202 is "accepted", not "gone"). Only positive evidence counts as
 * gone; an answer that proves nothing either way (a 404 that does not name what is
 * missing — a gateway's, a proxy's page —, a refused read) is "could not verify", said
 * plainly, never "verified".
 *
 * - A project whose GetProject answers 404 NotFoundProject proves every step in it: nothing
 *   of a deleted project can be read through the API any more (one call per project).
 * - deleteProject → GetProject 404 NotFoundProject; deleteIteration → GetIteration 404
 *   NotFoundIteration; unpublishIteration → that, or no publish name; deleteTag → GetTag 404
 *   NotFoundTag.
 * - deleteImages → for a whole workspace: tagged + untagged counts 0, in the workspace and in
 *   every remaining iteration (counts above 0 are looked at by the plan's ids: images
 *   uploaded since the plan was made are not the plan's); for a subset: GetImagesByIds
 *   returns none of the ids, in the workspace and in every remaining iteration (images kept
 *   only by iterations live there). Ids the run left in place (out of scope) are not asked about.
 * - deletePredictions → QueryPredictions no longer returns any of the ids.
 */
import type { CleanupPlan, PlanStep, ProofResult, Verification } from '../../shared/model/cleanup';
import { isCustomVisionError, notFoundNames, type TrainingClient } from '../customvision';
import type { JobContext } from '../jobs';
import type { CleanupJournal } from './cleanup-journal';
import { deletesWholeWorkspace, isFatalError } from './executor';
import { countImages, idsStillPresent, provesIterationGone, provesProjectGone } from './poll-images';
import { mainText, type MainText } from '../../shared/model/main-text';

const PREDICTION_PAGE = 256;

interface Finding {
  result: ProofResult;
  check: string;
  detail?: string;
  /** The same check and detail as catalogue codes, for the receipt's language (absent: the English is shown). */
  checkText?: MainText;
  detailText?: MainText;
  detailNotes?: MainText[];
}

/** Catalogue codes of a finding's check and detail; either may be absent. */
interface FindingTexts {
  check?: MainText;
  detail?: MainText;
  notes?: MainText[];
}

const withTexts = (finding: Finding, texts: FindingTexts = {}): Finding => ({
  ...finding,
  ...(texts.check ? { checkText: texts.check } : {}),
  ...(texts.detail ? { detailText: texts.detail } : {}),
  ...(texts.notes && texts.notes.length > 0 ? { detailNotes: texts.notes } : {}),
});
const gone = (check: string, detail?: string, texts?: FindingTexts): Finding => withTexts({ result: 'gone', check, ...(detail === undefined ? {} : { detail }) }, texts);
const stillThere = (check: string, detail: string, texts?: FindingTexts): Finding => withTexts({ result: 'still-there', check, detail }, texts);

/** One Verification per plan step, in step order. The journal tells which targets were left in place (out of scope). */
export async function provePlan(ctx: JobContext, client: TrainingClient, plan: CleanupPlan, journal?: CleanupJournal): Promise<Verification[]> {
  const prover = new Prover(client, plan, ctx.signal);
  const out: Verification[] = [];
  for (const step of plan.steps) {
    await ctx.checkpoint();
    const dropped = new Set((journal?.dropped(step.index) ?? []).map((item) => item.id));
    const targets = step.targetIds.filter((id) => !dropped.has(id));
    const finding =
      targets.length === 0
        ? gone('nothing to check', 'Every target of this step was left in place: it was no longer in the plan\'s scope.', {
            check: mainText('nothingToCheck'),
            detail: mainText('leftInPlace'),
          })
        : await prover.guard(() => prover.prove(step, targets));
    out.push({
      category: step.category,
      projectId: step.projectId,
      check: finding.check,
      targetIds: targets,
      verified: finding.result === 'gone',
      result: finding.result,
      ...(finding.detail === undefined ? {} : { detail: finding.detail }),
      ...(finding.checkText === undefined ? {} : { checkText: finding.checkText }),
      ...(finding.detailText === undefined ? {} : { detailText: finding.detailText }),
      ...(finding.detailNotes === undefined ? {} : { detailNotes: finding.detailNotes }),
    });
  }
  return out;
}

class Prover {
  private readonly projectGone = new Map<string, Promise<boolean>>();
  private readonly iterations = new Map<string, Promise<string[]>>();
  private readonly wholeImages = new Map<string, Promise<Finding>>();
  private readonly predictionsLeft = new Map<string, Promise<Set<string>>>();

  constructor(
    private readonly client: TrainingClient,
    private readonly plan: CleanupPlan,
    private readonly signal: AbortSignal,
  ) {}

  /**
   * A read the service refuses (not a network or account problem) leaves the step
   * unverified, with why: "could not verify" is said, never "verified".
   */
  async guard(prove: () => Promise<Finding>): Promise<Finding> {
    try {
      return await prove();
    } catch (error) {
      if (isFatalError(error)) throw error;
      return { result: 'could-not-verify', check: 'could not be checked', checkText: mainText('couldNotBeChecked'), detail: unprovenText(error) };
    }
  }

  async prove(step: PlanStep, targets: readonly string[]): Promise<Finding> {
    const { client, signal } = this;
    const projectId = step.projectId;
    if (await this.isProjectGone(projectId)) {
      return step.kind === 'deleteProject'
        ? gone('GetProject → 404 NotFoundProject')
        : gone('GetProject → 404 NotFoundProject', `The project is gone, and with it ${contents(step)}: none can be read through the API any more.`, {
            detail: mainText(`projectGone${contentsCode(step)}`),
          });
    }
    const target = targets[0] ?? '';
    switch (step.kind) {
      case 'deleteProject':
        return stillThere('GetProject → 404 NotFoundProject', 'GetProject still answers: the project exists.');
      case 'deleteIteration':
        return absent(() => client.getIteration(projectId, target, { signal }), provesIterationGone, 'GetIteration → 404 NotFoundIteration', 'GetIteration still answers: the iteration exists.');
      case 'unpublishIteration':
        return this.unpublished(projectId, target);
      case 'deleteTag':
        return absent(
          () => client.getTag(projectId, target, { signal }),
          (error) => notFoundNames(error, 'NotFoundTag') || provesProjectGone(error),
          'GetTag → 404 NotFoundTag',
          'GetTag still answers: the tag exists.',
        );
      case 'deleteImages':
        return deletesWholeWorkspace(this.plan, projectId) ? this.cached(this.wholeImages, projectId, () => this.noImagesLeft(projectId)) : this.noneOfImages(projectId, targets);
      case 'deletePredictions': {
        const left = await this.cached(this.predictionsLeft, projectId, () => this.storedPredictionIds(projectId));
        const still = targets.filter((id) => left.has(id)).length;
        const check = 'QueryPredictions returns none of the ids';
        const checkText = mainText('checkPredictions');
        return still === 0
          ? gone(check, undefined, { check: checkText })
          : stillThere(check, `${still} of ${targets.length} stored predictions are still returned.`, { check: checkText, detail: mainText('predictionsStill', { still, total: targets.length }) });
      }
    }
  }

  private isProjectGone(projectId: string): Promise<boolean> {
    return this.cached(this.projectGone, projectId, async () => {
      try {
        await this.client.getProject(projectId, { signal: this.signal });
        return false;
      } catch (error) {
        if (provesProjectGone(error)) return true;
        throw error;
      }
    });
  }

  private async unpublished(projectId: string, iterationId: string): Promise<Finding> {
    const check = 'GetIteration → 404 NotFoundIteration or not published';
    const checkText = mainText('checkUnpublished');
    try {
      const iteration = await this.client.getIteration(projectId, iterationId, { signal: this.signal });
      const published = typeof iteration.publishName === 'string' && iteration.publishName !== '';
      return published
        ? stillThere(check, `Still published as "${iteration.publishName ?? ''}".`, { check: checkText, detail: mainText('stillPublished', { name: iteration.publishName ?? '' }) })
        : gone(check, 'The iteration exists and is not published.', { check: checkText, detail: mainText('notPublished') });
    } catch (error) {
      if (provesIterationGone(error)) return gone(check, 'The iteration is gone.', { check: checkText, detail: mainText('iterationGone') });
      throw error;
    }
  }

  /** Ids of the project's iterations now (images kept only by iterations live in their snapshots). */
  private remainingIterations(projectId: string): Promise<string[]> {
    return this.cached(this.iterations, projectId, async () => {
      try {
        const iterations = await this.client.getIterations(projectId, { signal: this.signal });
        return iterations.flatMap((iteration) => (typeof iteration.id === 'string' ? [iteration.id] : []));
      } catch (error) {
        if (provesProjectGone(error)) return [];
        throw error;
      }
    });
  }

  private async noImagesLeft(projectId: string): Promise<Finding> {
    const check = 'tagged + untagged image counts → 0 (workspace and every remaining iteration)';
    const checkText = mainText('checkImageCounts');
    const planned = this.plannedImageIds(projectId);
    const workspace = await countImages(this.client, projectId, this.signal);
    let newer = 0;
    if (workspace.left > 0) {
      // Images uploaded after the plan was made are not the plan's: its ids decide.
      const still = await idsStillPresent(this.client, projectId, planned, this.signal);
      if (still.present.size > 0) return stillThere(check, `${still.present.size} of the plan's ${planned.length} images are still in the workspace.`, { check: checkText });
      newer = workspace.left;
    }
    const iterations = await this.remainingIterations(projectId);
    for (const iterationId of iterations) {
      const inIteration = await countImages(this.client, projectId, this.signal, iterationId);
      if (inIteration.left === 0) continue;
      const kept = await idsStillPresent(this.client, projectId, planned, this.signal, iterationId);
      if (kept.present.size > 0) return stillThere(check, `${kept.present.size} of the plan's images are still kept by iteration ${iterationId}.`, { check: checkText });
    }
    const remainder =
      newer > 0 ? ` ${newer} image${newer === 1 ? '' : 's'} in the workspace ${newer === 1 ? 'is' : 'are'} not the plan's (uploaded after it was made) and ${newer === 1 ? 'was' : 'were'} left alone.` : '';
    const note = this.deletedIterationsNote(projectId);
    return gone(check, `None of the plan's images is in the workspace nor in the ${iterations.length} remaining iteration${iterations.length === 1 ? '' : 's'}.${remainder}${note}`, {
      check: checkText,
      detail: mainText('noPlanImagesLeft', { count: iterations.length }),
      notes: [...(newer > 0 ? [mainText('newerImagesLeftAlone', { count: newer })] : []), ...this.deletedIterationsNoteText(projectId)],
    });
  }

  private plannedImageIds(projectId: string): string[] {
    return this.plan.steps.filter((step) => step.projectId === projectId && step.kind === 'deleteImages').flatMap((step) => step.targetIds);
  }

  private async noneOfImages(projectId: string, ids: readonly string[]): Promise<Finding> {
    const check = 'GetImagesByIds returns none of the ids (workspace and every remaining iteration)';
    const checkText = mainText('checkImagesByIds');
    const workspace = await idsStillPresent(this.client, projectId, ids, this.signal);
    if (workspace.present.size > 0) return stillThere(check, `${workspace.present.size} of ${ids.length} images are still in the workspace.`, { check: checkText });
    const iterations = await this.remainingIterations(projectId);
    for (const iterationId of iterations) {
      const kept = await idsStillPresent(this.client, projectId, ids, this.signal, iterationId);
      if (kept.present.size > 0) return stillThere(check, `${kept.present.size} of ${ids.length} images are still kept by iteration ${iterationId}.`, { check: checkText });
    }
    const note = this.deletedIterationsNote(projectId);
    return gone(check, `None of the ${ids.length} images is in the workspace nor in the ${iterations.length} remaining iteration${iterations.length === 1 ? '' : 's'}.${note}`, {
      check: checkText,
      detail: mainText('noneOfImagesLeft', { images: ids.length, count: iterations.length }),
      notes: this.deletedIterationsNoteText(projectId),
    });
  }

  /** Said whenever the plan deleted iterations of the project: what "gone" can mean for their images. */
  private deletedIterationsNote(projectId: string): string {
    const deleted = this.plan.steps.some((step) => step.projectId === projectId && step.kind === 'deleteIteration');
    return deleted ? ' Images that only deleted iterations held cannot be looked up at all any more; the API offers no other place to look for them.' : '';
  }

  /** The same note as a catalogue code, for the receipt's language. */
  private deletedIterationsNoteText(projectId: string): MainText[] {
    return this.deletedIterationsNote(projectId) === '' ? [] : [mainText('deletedIterationsUnreachable')];
  }

  private async storedPredictionIds(projectId: string): Promise<Set<string>> {
    const wanted = new Set(this.plan.steps.filter((step) => step.projectId === projectId && step.kind === 'deletePredictions').flatMap((step) => step.targetIds));
    const left = new Set<string>();
    for await (const prediction of this.client.iteratePredictions(projectId, { maxCount: PREDICTION_PAGE }, { signal: this.signal })) {
      const id = prediction.id?.toLowerCase();
      if (id !== undefined && wanted.has(id)) left.add(id);
    }
    return left;
  }

  private cached<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
    let value = cache.get(key);
    if (!value) {
      value = make();
      cache.set(key, value);
      // A failed read is not remembered: the next step asks again.
      value.catch(() => cache.delete(key));
    }
    return value;
  }
}

/** Gone when the read answers a 404 that `proves` names; still there when it answers. Anything else passes to guard(). */
async function absent(read: () => Promise<unknown>, proves: (error: unknown) => boolean, check: string, stillThereText: string): Promise<Finding> {
  try {
    await read();
    return stillThere(check, stillThereText);
  } catch (error) {
    if (proves(error)) return gone(check);
    throw error;
  }
}

/** Why an answer proves nothing, in words for the receipt. */
function unprovenText(error: unknown): string {
  if (isCustomVisionError(error) && error.code === 'NOT_FOUND') {
    const code = error.serviceCode ? `code ${error.serviceCode}` : 'no code';
    return `Could not verify: ${error.operation} answered 404 without naming what is missing (${code}; a gateway or proxy answers like this), so the absence is not proven.`;
  }
  if (isCustomVisionError(error) && error.code === 'REQUEST_TOO_LONG') return `Could not verify: ${error.operation} was refused as too long, so nothing is known about the items asked about.`;
  return `Could not verify: ${error instanceof Error ? error.message : String(error)}`;
}

/** The code suffix of contents(): projectGoneIterations, projectGoneImages… */
function contentsCode(step: PlanStep): string {
  switch (step.kind) {
    case 'unpublishIteration':
    case 'deleteIteration':
      return 'Iterations';
    case 'deleteImages':
      return 'Images';
    case 'deletePredictions':
      return 'Predictions';
    case 'deleteTag':
      return 'Tags';
    case 'deleteProject':
      return 'Everything';
  }
}

function contents(step: PlanStep): string {
  switch (step.kind) {
    case 'unpublishIteration':
    case 'deleteIteration':
      return 'its iterations, published or not';
    case 'deleteImages':
      return 'its images, including those kept only by iterations';
    case 'deletePredictions':
      return 'its stored predictions';
    case 'deleteTag':
      return 'its tags';
    case 'deleteProject':
      return 'everything in it';
  }
}
