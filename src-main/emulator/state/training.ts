/**
 * TrainProject and the iteration lifecycle: a new iteration starts as `Training` with a
 * snapshot of the workspace's tagged images and its tags taken at that moment, then turns
 * `Completed` after the configured delay (as recorded traffic shows: `trainedAt` omitted
 * until trained, `exportableTo` null while training).
 */
import { badRequest } from '../errors';
import type { Scheduler } from '../scheduler';
import { findDomain } from './domains';
import type { AccountState } from './account';
import type { IterationRec, ProjectRec, Snapshot } from './types';

/** Iterations per project (Microsoft's limits and quotas page: 20 on F0 and S0). */
export const MAX_ITERATIONS = 20;

export function snapshotWorkspace(project: ProjectRec): Snapshot {
  return {
    images: project.images.copy((image) => image.tags.length > 0),
    tags: [...project.tags.values()],
  };
}

export interface TrainOptions {
  id: string;
  trainingType: 'Regular' | 'Advanced';
  reservedBudgetInHours: number;
  forceTrain: boolean;
}

export function startTraining(
  state: AccountState,
  project: ProjectRec,
  scheduler: Scheduler,
  delayMs: number,
  options: TrainOptions,
): IterationRec {
  const iterations = [...project.iterations.values()];
  if (iterations.some((iteration) => iteration.status === 'Training')) {
    throw badRequest('BadRequestTrainingAlreadyInProgress', 'Training is already in progress for this project');
  }
  if (iterations.length >= MAX_ITERATIONS) {
    throw badRequest('BadRequestExceedIterationPerProjectLimit', `Iteration limit of ${MAX_ITERATIONS} reached for this project`);
  }
  const snapshot = snapshotWorkspace(project);
  if (snapshot.images.size === 0) {
    throw badRequest('BadRequestTrainingValidationFailed', 'Not enough tagged images for training');
  }
  if (!project.dirty && !options.forceTrain && iterations.length > 0) {
    throw badRequest('BadRequestTrainingNotNeeded', 'Nothing changed since the last training');
  }
  project.iterationCounter += 1;
  const now = state.now();
  const iteration: IterationRec = {
    id: options.id,
    projectId: project.id,
    name: `Iteration ${project.iterationCounter}`,
    status: 'Training',
    createdMs: now,
    lastModifiedMs: now,
    trainedAtMs: undefined,
    domainId: project.domainId,
    classificationType: project.classificationType,
    trainingType: options.trainingType,
    reservedBudgetInHours: options.reservedBudgetInHours,
    trainingTimeInMinutes: 0,
    publishName: null,
    publishResourceId: null,
    snapshot,
    exports: new Map(),
  };
  project.iterations.set(iteration.id, iteration);
  project.dirty = false;
  project.lastModifiedMs = now;
  scheduler.after(delayMs, () => {
    // The project or iteration may have been deleted meanwhile.
    if (project.iterations.get(iteration.id) === iteration && iteration.status === 'Training') {
      completeTraining(iteration, state.now());
    }
  });
  return iteration;
}

export function completeTraining(iteration: IterationRec, atMs: number): void {
  iteration.status = 'Completed';
  iteration.trainedAtMs = atMs;
  iteration.lastModifiedMs = atMs;
  iteration.trainingTimeInMinutes = Math.max(1, iteration.trainingTimeInMinutes);
}

export function isExportable(iteration: IterationRec): boolean {
  return iteration.status === 'Completed' && iteration.domainId !== null && findDomain(iteration.domainId)?.exportable === true;
}

/** "Is published" = non-empty publishName (what Microsoft's own SDK tests check). */
export function isPublished(iteration: IterationRec): boolean {
  return typeof iteration.publishName === 'string' && iteration.publishName !== '';
}
