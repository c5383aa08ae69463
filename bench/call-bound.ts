/**
 * The API-call bound of figure 1, from the account's shape (bench/README.md, "Calls").
 * Every list of per-image records (an "image set") may cost one call per 256 records;
 * everything else is a small constant per account, project and iteration, each call of
 * which is named below. Nothing may cost one call per image.
 */
import type { AccountShape } from './protocol';

export const PAGE_SIZE = 256;

/** GetDomains, GetProjects. */
export const PER_ACCOUNT = 2;
/** Planning: GetTaggedImageCount, GetUntaggedImageCount, GetTags, GetIterations; walk: GetProject. */
export const PER_PROJECT = 5;
/** GetIteration. */
export const PER_ITERATION = 1;
/**
 * A trained iteration also has: GetExports (planning), GetTags of the iteration, its
 * GetTaggedImageCount and GetUntaggedImageCount (reconciliation), GetIterationPerformance,
 * GetImagePerformanceCount.
 */
export const PER_TRAINED_ITERATION = 6;

/**
 * Calls to walk a set of n records with offset paging: ceil(n / 256); a walk only knows
 * it has ended from a short page, so when n is 0 or a multiple of 256 it needs one more.
 */
export function setCalls(n: number): number {
  return Math.ceil(n / PAGE_SIZE) + (n % PAGE_SIZE === 0 ? 1 : 0);
}

export interface CallBound {
  total: number;
  /** The paged part (sum of setCalls over every image set). */
  lists: number;
  /** The constant part. */
  constant: number;
  imageSets: number;
  projects: number;
  iterations: number;
}

/**
 * Image sets per project: the workspace (GetImages, tagged and untagged in one walk),
 * stored predictions (QueryPredictions), and per trained iteration its tagged images,
 * its untagged images and its per-image performance records.
 */
export function callBound(shape: AccountShape): CallBound {
  let lists = 0;
  let constant = PER_ACCOUNT;
  let imageSets = 0;
  let iterations = 0;
  for (const project of shape.projects) {
    constant += PER_PROJECT;
    const sets = [project.workspace, project.predictions];
    for (const iteration of project.iterations) {
      iterations += 1;
      constant += PER_ITERATION;
      if (!iteration.trained) continue;
      constant += PER_TRAINED_ITERATION;
      sets.push(iteration.tagged, iteration.untagged, iteration.performances);
    }
    imageSets += sets.length;
    lists += sets.reduce((sum, n) => sum + setCalls(n), 0);
  }
  return { total: lists + constant, lists, constant, imageSets, projects: shape.projects.length, iterations };
}

/** Operations that list per-image records (compared with the paged part of the bound). */
export const LIST_OPERATIONS = ['GetImages', 'GetTaggedImages', 'GetUntaggedImages', 'GetImagePerformances', 'QueryPredictions'];
/** Operations that would be per-image if called per image (allowed only to renew expired links). */
export const PER_IMAGE_OPERATIONS = ['GetImagesByIds', 'GetImage'];
