/**
 * Checks a plan read back from disk beyond its schema. A plan file is something a person
 * can open and edit, and whatever it says is deleted; so it must be internally consistent:
 * steps numbered 0..n-1, in the API's order per project, within the batch limits, on
 * lower-case GUIDs, doing only what its scope allows, and adding up to the counts the user
 * reviewed. The first problem found is returned in words (undefined when none).
 */
import { STEP_KINDS, type CategoryCounts, type CleanupPlan, type PlanStep } from '../../shared/model/cleanup';
import { isPlanGuid } from './guid';
import { addCounts, IMAGE_BATCH, PREDICTION_BATCH, STEP_CATEGORY, zeroCounts } from './plan-steps';

const ORDER = new Map(STEP_KINDS.map((kind, position) => [kind, position]));

function stepName(step: PlanStep): string {
  return `step ${step.index} (${step.kind})`;
}

function targetProblem(step: PlanStep): string | undefined {
  const count = step.targetIds.length;
  if (step.kind === 'deleteImages' && count > IMAGE_BATCH) return `${stepName(step)} has ${count} image ids; at most ${IMAGE_BATCH} per call`;
  if (step.kind === 'deletePredictions' && count > PREDICTION_BATCH) return `${stepName(step)} has ${count} prediction ids; at most ${PREDICTION_BATCH} per call`;
  if (step.kind !== 'deleteImages' && step.kind !== 'deletePredictions' && count !== 1) return `${stepName(step)} must have exactly one target id, not ${count}`;
  const bad = step.targetIds.find((id) => !isPlanGuid(id));
  if (bad !== undefined) return `${stepName(step)} has a target ${JSON.stringify(bad.slice(0, 60))} that is not a lower-case GUID`;
  if (new Set(step.targetIds).size !== count) return `${stepName(step)} lists the same id twice`;
  if (step.kind === 'deleteProject' && step.targetIds[0] !== step.projectId) return `${stepName(step)} targets another project than its own`;
  return undefined;
}

/** What the scope allows a step to do, or a reason it may not. */
function scopeProblem(plan: CleanupPlan, step: PlanStep): string | undefined {
  const scope = plan.scope;
  if (scope.kind === 'all') return undefined;
  if (scope.kind === 'projects') return scope.projectIds.includes(step.projectId) ? undefined : `${stepName(step)} is in project ${step.projectId}, which the scope does not name`;
  if (step.projectId !== scope.projectId) return `${stepName(step)} is in project ${step.projectId}, not the scope's project ${scope.projectId}`;
  const part = scope.part;
  const allowed =
    part.kind === 'tag'
      ? step.kind === 'deleteTag' && step.targetIds[0] === part.tagId
      : part.kind === 'iteration'
        ? (step.kind === 'unpublishIteration' || step.kind === 'deleteIteration') && step.targetIds[0] === part.iterationId
        : part.kind === 'predictions'
          ? step.kind === 'deletePredictions'
          : step.kind === 'deleteImages';
  return allowed ? undefined : `${stepName(step)} does more than the scope "${plan.scopeText}" allows`;
}

interface Tally {
  counts: CategoryCounts;
  seen: Map<string, Set<string>>;
  deletedIterations: Set<string>;
  unpublished: Set<string>;
}

function tally(project: Map<string, Tally>, step: PlanStep): string | undefined {
  let entry = project.get(step.projectId);
  if (!entry) {
    entry = { counts: zeroCounts(), seen: new Map(), deletedIterations: new Set(), unpublished: new Set() };
    project.set(step.projectId, entry);
  }
  const key = step.kind === 'unpublishIteration' ? 'unpublish' : step.category;
  let ids = entry.seen.get(key);
  if (!ids) entry.seen.set(key, (ids = new Set()));
  for (const id of step.targetIds) {
    if (ids.has(id)) return `${stepName(step)} repeats ${id}, already targeted by an earlier step`;
    ids.add(id);
  }
  const n = step.targetIds.length;
  const counts = entry.counts;
  if (step.kind === 'unpublishIteration') {
    counts.publishedIterations += n;
    for (const id of step.targetIds) entry.unpublished.add(id);
  } else if (step.kind === 'deleteIteration') {
    counts.iterations += n;
    for (const id of step.targetIds) entry.deletedIterations.add(id);
  } else if (step.kind === 'deleteImages') counts.images += n;
  else if (step.kind === 'deletePredictions') counts.predictions += n;
  else if (step.kind === 'deleteTag') counts.tags += n;
  else counts.projects += n;
  return undefined;
}

const COUNTED: Array<keyof CategoryCounts> = ['projects', 'iterations', 'publishedIterations', 'images', 'predictions', 'tags'];

function countsProblem(what: string, stated: CategoryCounts, actual: CategoryCounts): string | undefined {
  for (const key of COUNTED) {
    if (stated[key] !== actual[key]) return `${what} states ${stated[key]} ${key} but its steps target ${actual[key]}`;
  }
  if (stated.imagesOnlyInIterations > stated.images) return `${what} states more iteration-only images than images`;
  return undefined;
}

export function planProblem(plan: CleanupPlan): string | undefined {
  if (plan.planId.trim() === '') return 'the plan has no id';
  if (plan.confirmText !== plan.account.displayName) return 'confirmText is not the account name the plan was made for';
  if (plan.apiCalls !== plan.steps.length) return `apiCalls says ${plan.apiCalls} but the plan has ${plan.steps.length} steps`;
  const projects = new Map(plan.projects.map((project) => [project.id, project]));
  if (projects.size !== plan.projects.length) return 'a project is listed twice';
  for (const project of plan.projects) {
    if (!isPlanGuid(project.id)) return `project id ${JSON.stringify(project.id.slice(0, 60))} is not a lower-case GUID`;
    if (project.deleteProject !== (plan.scope.kind !== 'part')) return `project ${project.id} ${project.deleteProject ? 'is' : 'is not'} deleted, which its scope contradicts`;
    if (project.counts.projects !== (project.deleteProject ? 1 : 0)) return `project ${project.id} states ${project.counts.projects} projects to delete`;
    const scope = plan.scope;
    const named = scope.kind === 'all' || (scope.kind === 'projects' ? scope.projectIds.includes(project.id) : scope.projectId === project.id);
    if (!named) return `project ${project.id} is listed but the scope does not name it`;
  }
  const tallies = new Map<string, Tally>();
  const finished = new Set<string>();
  let previous: PlanStep | undefined;
  for (const [position, step] of plan.steps.entries()) {
    if (step.index !== position) return `step ${position} is numbered ${step.index}; steps must be numbered 0, 1, 2, … in order`;
    if (STEP_CATEGORY[step.kind] !== step.category) return `${stepName(step)} is filed under ${step.category}, not ${STEP_CATEGORY[step.kind]}`;
    if (!projects.has(step.projectId)) return `${stepName(step)} is in project ${step.projectId}, which the plan does not list`;
    if (previous && previous.projectId !== step.projectId) {
      finished.add(previous.projectId);
      if (finished.has(step.projectId)) return `${stepName(step)} returns to project ${step.projectId} after another project's steps`;
    } else if (previous && (ORDER.get(step.kind) ?? 0) < (ORDER.get(previous.kind) ?? 0)) {
      return `${stepName(step)} comes after a ${previous.kind} step; the order per project is ${STEP_KINDS.join(' → ')}`;
    }
    const problem = targetProblem(step) ?? scopeProblem(plan, step) ?? tally(tallies, step);
    if (problem) return problem;
    previous = step;
  }
  let total = zeroCounts();
  for (const project of plan.projects) {
    const entry = tallies.get(project.id);
    const implicitProblem = implicitLossProblem(project, entry);
    if (implicitProblem) return implicitProblem;
    const actual = entry?.counts ?? zeroCounts();
    const unpublishedOnly = entry ? [...entry.unpublished].find((id) => !entry.deletedIterations.has(id)) : undefined;
    if (unpublishedOnly) return `iteration ${unpublishedOnly} is unpublished but not deleted`;
    const problem = countsProblem(`project ${project.id}`, project.counts, { ...actual, imagesOnlyInIterations: project.counts.imagesOnlyInIterations });
    if (problem) return problem;
    total = addCounts(total, project.counts);
  }
  return countsProblem('the plan', plan.counts, total) ?? (plan.counts.imagesOnlyInIterations === total.imagesOnlyInIterations ? undefined : 'the plan\'s iteration-only image count does not add up');
}

/**
 * What a project's deletions take along must belong to what they delete: images only in
 * the iterations deleted (never also named by a DeleteImages step), the deleted
 * iterations' model exports and performance.
 */
function implicitLossProblem(project: CleanupPlan['projects'][number], entry: Tally | undefined): string | undefined {
  const implicit = project.implicit;
  if (!implicit) return undefined;
  const deleted = entry?.deletedIterations ?? new Set<string>();
  const named = entry?.seen.get('images') ?? new Set<string>();
  const where = `project ${project.id}`;
  if (implicit.imageIds.length > 0 && deleted.size === 0) return `${where} lists images deleted with iterations, but deletes no iteration`;
  for (const id of implicit.imageIds) {
    if (!isPlanGuid(id)) return `${where} lists an image ${JSON.stringify(id.slice(0, 60))} deleted with its iteration that is not a lower-case GUID`;
    if (named.has(id)) return `${where} lists image ${id} both as deleted by a step and as deleted with an iteration`;
  }
  if (new Set(implicit.imageIds).size !== implicit.imageIds.length) return `${where} lists an image deleted with its iteration twice`;
  for (const model of implicit.models) if (!deleted.has(model.iterationId)) return `${where} lists a model export of iteration ${model.iterationId}, which it does not delete`;
  for (const id of implicit.performance) if (!deleted.has(id)) return `${where} lists the performance of iteration ${id}, which it does not delete`;
  return undefined;
}
