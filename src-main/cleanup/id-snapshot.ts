/**
 * The fresh id snapshot a plan is built from (docs/architecture.md, "Cleanup"): which
 * projects the scope names, and in each the ids of what goes — iterations (and which are
 * published), images (workspace and iteration-only), stored predictions, tags — plus how
 * many model exports vanish with the iterations. Unknown ids in the scope are refused
 * here, before a plan exists. Every call carries the job's signal; the job can pause
 * between pages.
 */
import type { CleanupScope, ImplicitLoss, ProjectPart } from '../../shared/model/cleanup';
import { isCustomVisionError, iterationImageListing, type Iteration, type Project, type TrainingClient } from '../customvision';
import { AppError } from '../errors/app-error';
import type { JobContext } from '../jobs';
import { serviceGuid } from './guid';
import type { ScopeNames } from './scope';
import { collectImageIds, refuseIncomplete, type ImageSelection } from './snapshot-images';

/** What one project of the plan deletes, by id (sorted later by plan-steps). */
export interface ProjectTargets {
  id: string;
  name: string;
  deleteProject: boolean;
  /** Published iterations among iterationIds: unpublished first (the API refuses otherwise). */
  unpublishIterationIds: string[];
  iterationIds: string[];
  imageIds: string[];
  imagesOnlyInIterations: number;
  predictionIds: string[];
  tagIds: string[];
  modelExports: number;
  /** What the deleted iterations (or the project) take along without a step naming it. */
  implicit: ImplicitLoss;
}

export interface IdSnapshot {
  projects: ProjectTargets[];
  /** Every project of the scope by id, for describeScope. */
  projectNames: Map<string, string>;
  names: ScopeNames;
}

interface IterationInfo {
  id: string;
  name: string;
  published: boolean;
  trained: boolean;
}

function notFound(message: string): AppError {
  return new AppError('SCOPE_NOT_FOUND', `${message} Nothing was planned.`);
}

const nameOf = (record: { name?: string | null }): string => (typeof record.name === 'string' ? record.name : '');

/** "Is published" = a non-empty publishName (what Microsoft's own SDK tests check). */
function iterationInfo(iteration: Iteration): IterationInfo {
  const trainedAt = iteration.trainedAt;
  return {
    id: serviceGuid('an iteration', iteration.id),
    name: nameOf(iteration),
    published: typeof iteration.publishName === 'string' && iteration.publishName !== '',
    // Same rule as the export: only trained iterations have images and exports to list.
    trained: iteration.status === 'Completed' || (typeof trainedAt === 'string' && trainedAt !== '' && iteration.status !== 'Training'),
  };
}

/** A project of the plan that deletes nothing yet; the scope fills in what goes. */
export function emptyTargets(id: string, name: string, deleteProject: boolean): ProjectTargets {
  return {
    id,
    name,
    deleteProject,
    unpublishIterationIds: [],
    iterationIds: [],
    imageIds: [],
    imagesOnlyInIterations: 0,
    predictionIds: [],
    tagIds: [],
    modelExports: 0,
    implicit: { imageIds: [], models: [], performance: [] },
  };
}

async function chooseProjects(ctx: JobContext, client: TrainingClient, scope: CleanupScope): Promise<Array<{ id: string; name: string }>> {
  const options = { signal: ctx.signal };
  if (scope.kind === 'part') {
    let project: Project;
    try {
      project = await client.getProject(scope.projectId, options);
    } catch (error) {
      if (isCustomVisionError(error) && error.code === 'NOT_FOUND') throw notFound(`Project ${scope.projectId} is not in this account (deleted already, or from another account?).`);
      throw error;
    }
    return [{ id: serviceGuid('a project', project.id), name: nameOf(project) }];
  }
  const all = (await client.getProjects(options)).map((project) => ({ id: serviceGuid('a project', project.id), name: nameOf(project) }));
  if (scope.kind === 'all') return all;
  const byId = new Map(all.map((project) => [project.id, project]));
  const missing = scope.projectIds.filter((id) => !byId.has(id));
  if (missing.length > 0) {
    throw notFound(`${missing.length === 1 ? 'Project' : 'Projects'} ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in this account (deleted already, or from another account?).`);
  }
  return scope.projectIds.map((id) => byId.get(id)).filter((project) => project !== undefined);
}

export async function takeIdSnapshot(ctx: JobContext, client: TrainingClient, scope: CleanupScope): Promise<IdSnapshot> {
  const chosen = await chooseProjects(ctx, client, scope);
  chosen.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const projectNames = new Map(chosen.map((project) => [project.id, project.name]));
  const names: ScopeNames = {};
  const projects: ProjectTargets[] = [];
  const deleteProject = scope.kind !== 'part';
  ctx.progress.setTotal('projects', deleteProject ? chosen.length : 0);
  for (const project of chosen) {
    await ctx.checkpoint();
    const targets = emptyTargets(project.id, project.name, deleteProject);
    if (scope.kind === 'part') await snapshotPart(ctx, client, targets, scope.part, names);
    else {
      await snapshotWholeProject(ctx, client, targets);
      ctx.progress.advance('projects');
    }
    projects.push(targets);
  }
  return { projects, projectNames, names };
}

async function listIterations(ctx: JobContext, client: TrainingClient, projectId: string): Promise<IterationInfo[]> {
  return (await client.getIterations(projectId, { signal: ctx.signal })).map(iterationInfo);
}

/**
 * Iterations to delete: their ids, the published ones, and what they take along — their
 * model exports and, when trained, their performance.
 */
async function addIterations(ctx: JobContext, client: TrainingClient, targets: ProjectTargets, iterations: readonly IterationInfo[]): Promise<void> {
  for (const iteration of iterations) {
    targets.iterationIds.push(iteration.id);
    if (iteration.published) targets.unpublishIterationIds.push(iteration.id);
    if (!iteration.trained) continue;
    targets.implicit.performance.push(iteration.id);
    const exports = await client.getExports(targets.id, iteration.id, { signal: ctx.signal });
    targets.modelExports += exports.length;
    for (const record of exports) {
      const file = record.status === 'Done' && typeof record.downloadUri === 'string' && record.downloadUri !== '';
      const flavor = typeof record.flavor === 'string' && record.flavor !== '' ? record.flavor : null;
      targets.implicit.models.push({ iterationId: iteration.id, platform: String(record.platform ?? ''), flavor, file });
    }
  }
  if (iterations.length > 0) ctx.progress.advance('iterations', { items: iterations.length });
}

/**
 * Images that only `iteration` holds — in neither the workspace nor another trained
 * iteration that stays — are deleted with it: the plan lists them so the backup must hold
 * them. Its images are listed completely (reconciled with its counts) or the plan is refused.
 */
async function addImagesOnlyIn(ctx: JobContext, client: TrainingClient, targets: ProjectTargets, iteration: IterationInfo, others: readonly IterationInfo[]): Promise<void> {
  const listing = iterationImageListing(client, targets.id, iteration.id, { signal: ctx.signal });
  let open = new Set<string>();
  for await (const page of listing.pages()) {
    for (const image of page) open.add(serviceGuid('an image', image.id));
    await ctx.checkpoint();
  }
  refuseIncomplete(listing.outcome, `images of iteration ${JSON.stringify(iteration.name)}`);
  const drop = (found: ReadonlyArray<{ id?: string | null }>): void => {
    for (const image of found) if (typeof image.id === 'string') open.delete(image.id.toLowerCase());
  };
  if (open.size > 0) drop(await client.getImagesByIds(targets.id, [...open], { signal: ctx.signal }));
  for (const other of others) {
    if (open.size === 0) break;
    if (other.id === iteration.id || !other.trained) continue;
    drop(await client.getImagesByIds(targets.id, [...open], { signal: ctx.signal, iterationId: other.id }));
  }
  open = new Set([...open].sort());
  targets.implicit.imageIds = [...open];
}

async function addImages(ctx: JobContext, client: TrainingClient, targets: ProjectTargets, selection: ImageSelection, iterations: readonly IterationInfo[]): Promise<void> {
  const trained = iterations.filter((iteration) => iteration.trained).map((iteration) => iteration.id);
  const found = await collectImageIds(ctx, client, targets.id, selection, trained);
  targets.imageIds = found.ids;
  targets.imagesOnlyInIterations = found.onlyInIterations;
}

/** Stored predictions, 256 per QueryPredictions page (the largest maxCount the service takes). */
async function addPredictions(ctx: JobContext, client: TrainingClient, targets: ProjectTargets): Promise<void> {
  const ids = new Set<string>();
  const list = client.iteratePredictions(targets.id, { maxCount: 256, orderBy: 'Oldest' }, { signal: ctx.signal });
  for await (const page of list.pages()) {
    for (const prediction of page) ids.add(serviceGuid('a stored prediction', prediction.id));
    if (page.length > 0) ctx.progress.advance('predictions', { items: page.length });
    await ctx.checkpoint();
  }
  targets.predictionIds = [...ids];
}

async function listTags(ctx: JobContext, client: TrainingClient, projectId: string): Promise<Array<{ id: string; name: string }>> {
  return (await client.getTags(projectId, { signal: ctx.signal })).map((tag) => ({ id: serviceGuid('a tag', tag.id), name: nameOf(tag) }));
}

async function snapshotWholeProject(ctx: JobContext, client: TrainingClient, targets: ProjectTargets): Promise<void> {
  const iterations = await listIterations(ctx, client, targets.id);
  await addIterations(ctx, client, targets, iterations);
  await ctx.checkpoint();
  // Deleting the iterations would take iteration-only images along, but listing and
  // deleting them explicitly lets the proof check images per category (cleanup-api.md).
  await addImages(ctx, client, targets, { kind: 'all' }, iterations);
  await addPredictions(ctx, client, targets);
  const tags = await listTags(ctx, client, targets.id);
  targets.tagIds = tags.map((tag) => tag.id);
  if (tags.length > 0) ctx.progress.advance('tags', { items: tags.length });
}

async function snapshotPart(ctx: JobContext, client: TrainingClient, targets: ProjectTargets, part: ProjectPart, names: ScopeNames): Promise<void> {
  const project = `project ${JSON.stringify(targets.name)} (${targets.id})`;
  const knownTag = async (tagId: string): Promise<void> => {
    const tags = await listTags(ctx, client, targets.id);
    names.tags = new Map(tags.map((tag) => [tag.id, tag.name]));
    if (!names.tags.has(tagId)) throw notFound(`Tag ${tagId} is not in ${project}.`);
  };
  switch (part.kind) {
    case 'tag':
      await knownTag(part.tagId);
      targets.tagIds = [part.tagId];
      ctx.progress.advance('tags');
      return;
    case 'iteration': {
      const iterations = await listIterations(ctx, client, targets.id);
      names.iterations = new Map(iterations.map((iteration) => [iteration.id, iteration.name]));
      const iteration = iterations.find((candidate) => candidate.id === part.iterationId);
      if (!iteration) throw notFound(`Iteration ${part.iterationId} is not in ${project}.`);
      await addIterations(ctx, client, targets, [iteration]);
      if (iteration.trained) await addImagesOnlyIn(ctx, client, targets, iteration, iterations);
      return;
    }
    case 'predictions':
      await addPredictions(ctx, client, targets);
      return;
    case 'taggedWith':
      await knownTag(part.tagId);
      await addImages(ctx, client, targets, { kind: 'taggedWith', tagId: part.tagId }, await listIterations(ctx, client, targets.id));
      return;
    case 'untaggedImages':
      await addImages(ctx, client, targets, { kind: 'untagged' }, await listIterations(ctx, client, targets.id));
      return;
    case 'allImages':
      await addImages(ctx, client, targets, { kind: 'all' }, await listIterations(ctx, client, targets.id));
      return;
    case 'imagesOlderThan': {
      const beforeMs = Date.parse(part.before);
      if (Number.isNaN(beforeMs)) throw new AppError('INVALID_ARGUMENT', `The date ${JSON.stringify(part.before)} is not a valid instant.`);
      await addImages(ctx, client, targets, { kind: 'olderThan', beforeMs }, await listIterations(ctx, client, targets.id));
      return;
    }
  }
}
