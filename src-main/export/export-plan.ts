/**
 * The first pass of an export: which projects, and how much of each, using only cheap
 * list and count calls, so every progress bar has a real total before any image is
 * downloaded. Tags, iterations and export lists fetched here are reused by the walk.
 */
import type { ExportModel, Iteration, Project, Tag } from '../customvision';
import { isBundleId } from './bundle-paths';
import { addProblem, callOptions, step, wants, type ExportRun } from './export-run';
import { mainText } from '../../shared/model/main-text';

export interface ProjectPlan {
  /** Lower-case project id, checked to be a GUID. */
  id: string;
  name: string;
  taggedCount?: number;
  untaggedCount?: number;
  tags?: Tag[];
  iterations: Iteration[];
  /** GetExports per trained iteration id (when models are selected). */
  exports: Map<string, ExportModel[]>;
}

export function isTrained(iteration: Iteration): boolean {
  const trainedAt = iteration.trainedAt;
  return iteration.status === 'Completed' || (typeof trainedAt === 'string' && trainedAt !== '' && iteration.status !== 'Training');
}

export function isDownloadableExport(record: ExportModel): boolean {
  return record.status === 'Done' && typeof record.downloadUri === 'string' && record.downloadUri !== '';
}

/** `all`: the account's projects (GetProjects, listed once by the engine before anything was written). */
export async function planExport(run: ExportRun, all: readonly Project[], projectIds: readonly string[] | undefined): Promise<ProjectPlan[]> {
  const { client } = run;
  const chosen = selectProjects(run, all, projectIds);
  const plans: ProjectPlan[] = [];
  const needIterations = wants(run, 'iterations') || wants(run, 'performance') || wants(run, 'models') || wants(run, 'images');
  for (const project of chosen) {
    await run.ctx.checkpoint();
    const id = (project.id ?? '').toLowerCase();
    const plan: ProjectPlan = { id, name: typeof project.name === 'string' ? project.name : '', iterations: [], exports: new Map() };
    if (wants(run, 'images')) {
      plan.taggedCount = await step(run, 'images', id, 'Counting tagged images', () => client.getTaggedImageCount(id, callOptions(run)));
      plan.untaggedCount = await step(run, 'images', id, 'Counting untagged images', () => client.getUntaggedImageCount(id, callOptions(run)));
    }
    if (wants(run, 'tags')) plan.tags = await step(run, 'tags', id, 'Listing tags', () => client.getTags(id, callOptions(run)));
    if (needIterations) {
      plan.iterations = (await step(run, 'iterations', id, 'Listing iterations', () => client.getIterations(id, callOptions(run)))) ?? [];
    }
    if (wants(run, 'models')) {
      for (const iteration of plan.iterations) {
        if (!isTrained(iteration) || !isBundleId(iteration.id)) continue;
        const iterationId = iteration.id.toLowerCase();
        const list = await step(run, 'models', id, `Listing model exports of iteration ${iterationId}`, () =>
          client.getExports(id, iterationId, callOptions(run)),
        );
        if (list) plan.exports.set(iterationId, list);
      }
    }
    plans.push(plan);
  }
  setTotals(run, plans);
  return plans;
}

function selectProjects(run: ExportRun, all: readonly Project[], projectIds: readonly string[] | undefined): Project[] {
  const usable = all.filter((project) => {
    if (isBundleId(project.id)) return true;
    addProblem(run, 'projects', undefined, 'The service listed a project whose id is not a GUID; it was not exported.', mainText('projectIdNotGuid'));
    return false;
  });
  if (projectIds === undefined) return usable;
  const wanted = new Set(projectIds.map((id) => id.toLowerCase()));
  const found = new Set<string>();
  const chosen = usable.filter((project) => {
    const id = (project.id ?? '').toLowerCase();
    if (!wanted.has(id)) return false;
    found.add(id);
    return true;
  });
  for (const id of wanted) {
    if (!found.has(id)) addProblem(run, 'projects', isBundleId(id) ? id : undefined, `Project ${id} was not found in this account (deleted since it was chosen?).`, mainText('projectNotFound', { project: id }));
  }
  return chosen;
}

function setTotals(run: ExportRun, plans: readonly ProjectPlan[]): void {
  const { progress } = run.ctx;
  const sum = (value: (plan: ProjectPlan) => number): number => plans.reduce((total, plan) => total + value(plan), 0);
  progress.setTotal('projects', plans.length);
  if (wants(run, 'tags')) progress.setTotal('tags', sum((plan) => plan.tags?.length ?? 0));
  if (wants(run, 'iterations')) progress.setTotal('iterations', sum((plan) => plan.iterations.length));
  if (wants(run, 'performance')) progress.setTotal('performance', sum((plan) => plan.iterations.filter(isTrained).length));
  if (wants(run, 'images')) {
    run.imagesTotal = sum((plan) => (plan.taggedCount ?? 0) + (plan.untaggedCount ?? 0));
    progress.setTotal('images', run.imagesTotal);
  }
  if (wants(run, 'models')) {
    run.modelsTotal = sum((plan) => [...plan.exports.values()].reduce((total, list) => total + list.filter(isDownloadableExport).length, 0));
    progress.setTotal('models', run.modelsTotal);
  }
}
