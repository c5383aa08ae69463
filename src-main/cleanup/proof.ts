/**
 * The proof (issue 5 §4): after the run, everything in scope is read again and each step
 * is marked verified or not — by what the API answers now, not by what the delete calls
 * said (a 202 is "accepted", not "gone").
 *
 * - A project that answers GetProject with 404 proves every step in it: nothing of a
 *   deleted project can be read through the API any more (one call per project).
 * - deleteProject → GetProject 404; deleteIteration → GetIteration 404; unpublishIteration →
 *   GetIteration 404 or no publish name; deleteTag → GetTag 404.
 * - deleteImages → for a whole workspace: tagged + untagged counts 0, in the workspace and in
 *   every remaining iteration; for a subset: GetImagesByIds returns none of the ids, in the
 *   workspace and in every remaining iteration (images kept only by iterations live there).
 * - deletePredictions → QueryPredictions no longer returns any of the ids.
 */
import type { CleanupPlan, PlanStep, Verification } from '../../shared/model/cleanup';
import type { TrainingClient } from '../customvision';
import type { JobContext } from '../jobs';
import { deletesWholeWorkspace, isFatalError } from './executor';
import { countImages, idsStillPresent, isNotFound } from './poll-images';

const PREDICTION_PAGE = 256;

interface Finding {
  verified: boolean;
  check: string;
  detail?: string;
}

/** One Verification per plan step, in step order. */
export async function provePlan(ctx: JobContext, client: TrainingClient, plan: CleanupPlan): Promise<Verification[]> {
  const prover = new Prover(client, plan, ctx.signal);
  const out: Verification[] = [];
  for (const step of plan.steps) {
    await ctx.checkpoint();
    const finding = await prover.guard(() => prover.prove(step));
    out.push({
      category: step.category,
      projectId: step.projectId,
      check: finding.check,
      targetIds: step.targetIds,
      verified: finding.verified,
      ...(finding.detail === undefined ? {} : { detail: finding.detail }),
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

  /** A read the service refuses (not a network or account problem) leaves the step unverified, with why. */
  async guard(prove: () => Promise<Finding>): Promise<Finding> {
    try {
      return await prove();
    } catch (error) {
      if (isFatalError(error)) throw error;
      return { verified: false, check: 'could not be checked', detail: error instanceof Error ? error.message : String(error) };
    }
  }

  async prove(step: PlanStep): Promise<Finding> {
    const { client, signal } = this;
    const projectId = step.projectId;
    if (await this.isProjectGone(projectId)) {
      return step.kind === 'deleteProject'
        ? { verified: true, check: 'GetProject → 404' }
        : { verified: true, check: 'GetProject → 404', detail: `The project is gone, and with it ${contents(step)}: none can be read through the API any more.` };
    }
    const target = step.targetIds[0] ?? '';
    switch (step.kind) {
      case 'deleteProject':
        return { verified: false, check: 'GetProject → 404', detail: 'GetProject still answers: the project exists.' };
      case 'deleteIteration':
        return gone(() => client.getIteration(projectId, target, { signal }), 'GetIteration → 404', 'GetIteration still answers: the iteration exists.');
      case 'unpublishIteration':
        return this.unpublished(projectId, target);
      case 'deleteTag':
        return gone(() => client.getTag(projectId, target, { signal }), 'GetTag → 404', 'GetTag still answers: the tag exists.');
      case 'deleteImages':
        return deletesWholeWorkspace(this.plan, projectId) ? this.cached(this.wholeImages, projectId, () => this.noImagesLeft(projectId)) : this.noneOfImages(projectId, step.targetIds);
      case 'deletePredictions': {
        const left = await this.cached(this.predictionsLeft, projectId, () => this.storedPredictionIds(projectId));
        const still = step.targetIds.filter((id) => left.has(id)).length;
        return still === 0
          ? { verified: true, check: 'QueryPredictions returns none of the ids' }
          : { verified: false, check: 'QueryPredictions returns none of the ids', detail: `${still} of ${step.targetIds.length} stored predictions are still returned.` };
      }
    }
  }

  private isProjectGone(projectId: string): Promise<boolean> {
    return this.cached(this.projectGone, projectId, async () => {
      try {
        await this.client.getProject(projectId, { signal: this.signal });
        return false;
      } catch (error) {
        if (isNotFound(error)) return true;
        throw error;
      }
    });
  }

  private async unpublished(projectId: string, iterationId: string): Promise<Finding> {
    const check = 'GetIteration → 404 or not published';
    try {
      const iteration = await this.client.getIteration(projectId, iterationId, { signal: this.signal });
      const published = typeof iteration.publishName === 'string' && iteration.publishName !== '';
      return published ? { verified: false, check, detail: `Still published as "${iteration.publishName ?? ''}".` } : { verified: true, check, detail: 'The iteration exists and is not published.' };
    } catch (error) {
      if (isNotFound(error)) return { verified: true, check, detail: 'The iteration is gone.' };
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
        if (isNotFound(error)) return [];
        throw error;
      }
    });
  }

  private async noImagesLeft(projectId: string): Promise<Finding> {
    const check = 'tagged + untagged image counts → 0 (workspace and every remaining iteration)';
    const workspace = await countImages(this.client, projectId, this.signal);
    if (workspace.left > 0) return { verified: false, check, detail: `${workspace.left} images are still in the workspace (perhaps added after the plan was made).` };
    const iterations = await this.remainingIterations(projectId);
    for (const iterationId of iterations) {
      const inIteration = await countImages(this.client, projectId, this.signal, iterationId);
      if (inIteration.left > 0) return { verified: false, check, detail: `${inIteration.left} images are still kept by iteration ${iterationId}.` };
    }
    return { verified: true, check, detail: `No images in the workspace nor in the ${iterations.length} remaining iteration${iterations.length === 1 ? '' : 's'}.${this.deletedIterationsNote(projectId)}` };
  }

  private async noneOfImages(projectId: string, ids: readonly string[]): Promise<Finding> {
    const check = 'GetImagesByIds returns none of the ids (workspace and every remaining iteration)';
    const workspace = await idsStillPresent(this.client, projectId, ids, this.signal);
    if (workspace.present.size > 0) return { verified: false, check, detail: `${workspace.present.size} of ${ids.length} images are still in the workspace.` };
    const iterations = await this.remainingIterations(projectId);
    for (const iterationId of iterations) {
      const kept = await idsStillPresent(this.client, projectId, ids, this.signal, iterationId);
      if (kept.present.size > 0) return { verified: false, check, detail: `${kept.present.size} of ${ids.length} images are still kept by iteration ${iterationId}.` };
    }
    return {
      verified: true,
      check,
      detail: `None of the ${ids.length} images is in the workspace nor in the ${iterations.length} remaining iteration${iterations.length === 1 ? '' : 's'}.${this.deletedIterationsNote(projectId)}`,
    };
  }

  /** Said whenever the plan deleted iterations of the project: what "gone" can mean for their images. */
  private deletedIterationsNote(projectId: string): string {
    const deleted = this.plan.steps.some((step) => step.projectId === projectId && step.kind === 'deleteIteration');
    return deleted ? ' Images that only deleted iterations held cannot be looked up at all any more; the API offers no other place to look for them.' : '';
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

async function gone(read: () => Promise<unknown>, check: string, stillThere: string): Promise<Finding> {
  try {
    await read();
    return { verified: false, check, detail: stillThere };
  } catch (error) {
    if (isNotFound(error)) return { verified: true, check };
    throw error;
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
