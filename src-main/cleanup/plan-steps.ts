/**
 * From the id snapshot to the ordered steps, counts and project entries of a plan. Pure:
 * the same snapshot always gives the same steps (projects, ids and batches sorted), so two
 * plans of unchanged data are identical apart from their id and date.
 *
 * Order per project (docs/architecture.md, "Cleanup"): unpublish published iterations → delete
 * iterations → delete images (≤ 256 per call, allIterations) → delete stored predictions
 * (≤ 64 per call) → delete tags → delete the project.
 */
import type { CategoryCounts, CleanupCategory, PlanProject, PlanStep, StepKind } from '../../shared/model/cleanup';
import { MAX_IMAGE_IDS, MAX_PREDICTION_IDS } from '../customvision';
import type { ProjectTargets } from './id-snapshot';

export const IMAGE_BATCH = MAX_IMAGE_IDS;
export const PREDICTION_BATCH = MAX_PREDICTION_IDS;

/** The category each kind of step counts under (and the executor's progress bar). */
export const STEP_CATEGORY: Readonly<Record<StepKind, CleanupCategory>> = {
  unpublishIteration: 'iterations',
  deleteIteration: 'iterations',
  deleteImages: 'images',
  deletePredictions: 'predictions',
  deleteTag: 'tags',
  deleteProject: 'projects',
};

export function zeroCounts(): CategoryCounts {
  return { projects: 0, iterations: 0, publishedIterations: 0, images: 0, imagesOnlyInIterations: 0, predictions: 0, tags: 0 };
}

export function addCounts(total: CategoryCounts, more: CategoryCounts): CategoryCounts {
  const sum = zeroCounts();
  for (const key of Object.keys(sum) as Array<keyof CategoryCounts>) sum[key] = total[key] + more[key];
  return sum;
}

/** Sorted, without repeats: the canonical form of a step's targets. */
function sortedUnique(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort();
}

function batches(ids: readonly string[], size: number): string[][] {
  const out: string[][] = [];
  for (let start = 0; start < ids.length; start += size) out.push(ids.slice(start, start + size));
  return out;
}

export interface PlannedSteps {
  steps: PlanStep[];
  projects: PlanProject[];
  counts: CategoryCounts;
}

/** Ids per delete call: the API's count limits, or fewer so the request line fits (client.maxIdsPerCall). */
export interface BatchSizes {
  images: number;
  predictions: number;
}

export const API_BATCH_SIZES: BatchSizes = { images: IMAGE_BATCH, predictions: PREDICTION_BATCH };

export function planSteps(targets: readonly ProjectTargets[], sizes: BatchSizes = API_BATCH_SIZES): PlannedSteps {
  const steps: PlanStep[] = [];
  const projects: PlanProject[] = [];
  let counts = zeroCounts();
  const add = (kind: StepKind, projectId: string, targetIds: string[]): void => {
    steps.push({ index: steps.length, kind, projectId, category: STEP_CATEGORY[kind], targetIds });
  };
  const ordered = [...targets].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const project of ordered) {
    const iterations = sortedUnique(project.iterationIds);
    const deleting = new Set(iterations);
    // Only iterations the plan deletes are unpublished: unpublishing one that stays would
    // take a model offline for nothing.
    const published = sortedUnique(project.unpublishIterationIds).filter((id) => deleting.has(id));
    const images = sortedUnique(project.imageIds);
    const predictions = sortedUnique(project.predictionIds);
    const tags = sortedUnique(project.tagIds);
    for (const id of published) add('unpublishIteration', project.id, [id]);
    for (const id of iterations) add('deleteIteration', project.id, [id]);
    for (const batch of batches(images, Math.min(IMAGE_BATCH, sizes.images))) add('deleteImages', project.id, batch);
    for (const batch of batches(predictions, Math.min(PREDICTION_BATCH, sizes.predictions))) add('deletePredictions', project.id, batch);
    for (const id of tags) add('deleteTag', project.id, [id]);
    if (project.deleteProject) add('deleteProject', project.id, [project.id]);
    const projectCounts: CategoryCounts = {
      projects: project.deleteProject ? 1 : 0,
      iterations: iterations.length,
      publishedIterations: published.length,
      images: images.length,
      imagesOnlyInIterations: Math.min(project.imagesOnlyInIterations, images.length),
      predictions: predictions.length,
      tags: tags.length,
    };
    projects.push({
      id: project.id,
      name: project.name,
      deleteProject: project.deleteProject,
      counts: projectCounts,
      modelExports: project.modelExports,
      implicit: {
        imageIds: sortedUnique(project.implicit.imageIds).filter((id) => !images.includes(id)),
        models: [...project.implicit.models].sort((a, b) => (a.iterationId + a.platform + (a.flavor ?? '') < b.iterationId + b.platform + (b.flavor ?? '') ? -1 : 1)),
        performance: sortedUnique(project.implicit.performance),
      },
    });
    counts = addCounts(counts, projectCounts);
  }
  return { steps, projects, counts };
}
