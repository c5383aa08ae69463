/**
 * Helpers for the cleanup executor tests: a plan built straight from the emulator's state
 * (independent of the planner, so these tests check the executor alone), a client not
 * slowed by the shared rate limiter, a JobContext without a JobRunner, coverage doubles,
 * and a fingerprint of the account to prove a refused run left it untouched.
 */
import {
  CLEANUP_CATEGORIES,
  CLEANUP_PLAN_FORMAT,
  type CategoryCounts,
  type CleanupPlan,
  type CleanupScope,
  type CoverageReport,
  type PlanProject,
  type PlanStep,
  type StepKind,
} from '../../../shared/model/cleanup';
import type { RunningEmulator } from '../../../src-main/emulator';
import { sealed } from '../plan-sealing';
import type { JobContext } from '../../../src-main/jobs';
import { fastClient, tempDirectory, testJobContext, type TestJob } from '../test-job';
import type { CoverageCheck } from '../../../src-main/cleanup/gate';

export const ACCOUNT_NAME = 'Demo account';
export { sealed, testSealer } from '../plan-sealing';

export const cleanupClient = fastClient;
export type { TestJob };

export function cleanupJob(): TestJob {
  return testJobContext(CLEANUP_CATEGORIES, 'test-cleanup');
}

export function tempDir(prefix = 'cv-cleanup-'): Promise<{ path: string; remove: () => Promise<void> }> {
  return tempDirectory(prefix);
}

const CATEGORY: Record<StepKind, PlanStep['category']> = {
  unpublishIteration: 'iterations',
  deleteIteration: 'iterations',
  deleteImages: 'images',
  deletePredictions: 'predictions',
  deleteTag: 'tags',
  deleteProject: 'projects',
};

function zero(): CategoryCounts {
  return { projects: 0, iterations: 0, publishedIterations: 0, images: 0, imagesOnlyInIterations: 0, predictions: 0, tags: 0 };
}

function batches(ids: readonly string[], size: number): string[][] {
  const out: string[][] = [];
  for (let start = 0; start < ids.length; start += size) out.push(ids.slice(start, start + size));
  return out;
}

/**
 * The plan the planner should make for deleting whole projects, read from the emulator's
 * state (every id, including images kept only by iterations), in the API's order, sealed
 * as savePlan seals it (testSealer checks it).
 */
export function planFromEmulator(emu: RunningEmulator, options: { projectIds?: string[]; planId?: string } = {}): CleanupPlan {
  const steps: PlanStep[] = [];
  const projects: PlanProject[] = [];
  const total = zero();
  const add = (kind: StepKind, projectId: string, targetIds: string[]): void => {
    steps.push({ index: steps.length, kind, projectId, category: CATEGORY[kind], targetIds });
  };
  const chosen = [...emu.state.projects.values()].filter((project) => !options.projectIds || options.projectIds.includes(project.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const project of chosen) {
    const iterations = [...project.iterations.values()];
    const published = iterations.filter((iteration) => iteration.publishName !== null).map((iteration) => iteration.id).sort();
    const workspace = new Set(project.images.all().map((image) => image.id));
    const all = new Set(workspace);
    for (const iteration of iterations) for (const image of iteration.snapshot?.images.all() ?? []) all.add(image.id);
    const images = [...all].sort();
    const predictions = [...project.predictions.keys()].sort();
    const tags = [...project.tags.keys()].sort();
    for (const id of published) add('unpublishIteration', project.id, [id]);
    for (const id of iterations.map((iteration) => iteration.id).sort()) add('deleteIteration', project.id, [id]);
    for (const batch of batches(images, 256)) add('deleteImages', project.id, batch);
    for (const batch of batches(predictions, 64)) add('deletePredictions', project.id, batch);
    for (const id of tags) add('deleteTag', project.id, [id]);
    add('deleteProject', project.id, [project.id]);
    const counts: CategoryCounts = {
      projects: 1,
      iterations: iterations.length,
      publishedIterations: published.length,
      images: images.length,
      imagesOnlyInIterations: images.length - workspace.size,
      predictions: predictions.length,
      tags: tags.length,
    };
    for (const key of Object.keys(total) as Array<keyof CategoryCounts>) total[key] += counts[key];
    projects.push({ id: project.id, name: project.name, deleteProject: true, counts, modelExports: 0 });
  }
  const scope: CleanupScope = options.projectIds ? { kind: 'projects', projectIds: options.projectIds } : { kind: 'all' };
  return sealed({
    format: CLEANUP_PLAN_FORMAT,
    version: 1,
    planId: options.planId ?? 'plan-test-0001',
    createdAt: '2025-01-01T00:00:00.000Z',
    confirmText: ACCOUNT_NAME,
    account: { endpointHost: new URL(emu.endpoint).host, keyFingerprint: 'ab12cd34', displayName: ACCOUNT_NAME },
    scope,
    scopeText: options.projectIds ? `${options.projectIds.length} projects` : 'The whole account',
    projects,
    counts: total,
    apiCalls: steps.length,
    steps,
  });
}

function report(plan: CleanupPlan, folder: string, ok: boolean): CoverageReport {
  const firstImage = plan.steps.find((step) => step.kind === 'deleteImages');
  const uncovered = ok || !firstImage ? [] : [{ category: 'images' as const, projectId: firstImage.projectId, id: firstImage.targetIds[0] ?? '', reason: 'missing-file' as const }];
  return {
    bundleFolder: folder,
    bundleStatus: 'complete',
    exportedAt: '2025-01-01T00:00:00.000Z',
    checkedFiles: 42,
    verifyProblems: [],
    covered: plan.counts,
    uncoveredCount: uncovered.length,
    uncovered,
    ok,
    checkedAt: '2025-01-01T00:01:00.000Z',
  };
}

/** Stands in for checkBundleCoverage: a bundle that covers everything, or one that lacks one image. */
export function coverageDouble(ok: boolean): CoverageCheck & { calls: number } {
  const check = Object.assign(
    async (ctx: JobContext, plan: CleanupPlan, folder: string): Promise<CoverageReport> => {
      check.calls += 1;
      // Like the real check, it fills the plan-category bars of the context it is given.
      for (const category of CLEANUP_CATEGORIES) ctx.progress.advance(category, { items: plan.counts[category] });
      return report(plan, folder, ok);
    },
    { calls: 0 },
  );
  return check;
}

/** Everything a delete could change, as comparable text. */
export function accountFingerprint(emu: RunningEmulator): string {
  const projects = [...emu.state.projects.values()].map((project) => ({
    id: project.id,
    images: project.images.all().map((image) => image.id),
    tags: [...project.tags.keys()],
    predictions: [...project.predictions.keys()],
    iterations: [...project.iterations.values()].map((iteration) => ({
      id: iteration.id,
      publishName: iteration.publishName,
      images: iteration.snapshot?.images.all().map((image) => image.id) ?? [],
    })),
  }));
  return JSON.stringify(projects);
}

/** Delete calls the emulator has seen since the last resetStats(). */
export function deleteRequests(emu: RunningEmulator): number {
  const requests = emu.stats().requests;
  return ['DeleteProject', 'DeleteIteration', 'UnpublishIteration', 'DeleteTag', 'DeleteImages', 'DeletePrediction'].reduce((sum, op) => sum + (requests[op] ?? 0), 0);
}
