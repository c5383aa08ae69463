/**
 * The items of a plan, per project, as the coverage check tracks them: which ids it
 * deletes in each category, and for each what the bundle was found to hold — a record
 * in an intact records file, and (images, predictions) an intact original file. Only
 * the plan's ids are held, with a few bits each, whatever the size of the bundle.
 */
import type { CleanupCategory, CleanupPlan, UncoveredItem } from '../../shared/model/cleanup';
import { iterationPaths } from '../export';

/** Bits per item. */
export const RECORD = 1;
export const IN_WORKSPACE = 2;
export const FILE_OK = 4;
export const FILE_MISSING = 8;
export const FILE_ALTERED = 16;

export type FileVerdict = 'ok' | 'missing' | 'altered';

export const verdictBit = (verdict: FileVerdict): number => (verdict === 'ok' ? FILE_OK : verdict === 'missing' ? FILE_MISSING : FILE_ALTERED);

export interface ProjectItems {
  id: string;
  /** The project record itself (deleteProject), as a verdict on project.json. */
  project?: FileVerdict | 'unlisted';
  /** Iteration id → verdict on its iteration.json. */
  iterations: Map<string, FileVerdict | 'unlisted'>;
  /** Of those, the ones the plan unpublishes first. */
  published: Set<string>;
  tags: Map<string, number>;
  images: Map<string, number>;
  /** Images the deleted iterations take along (plan.implicit): the backup must hold them like the rest. */
  implicitImages: Map<string, number>;
  /** Bundle path of each deleted iteration's finished model export → verdict on its file. */
  models: Map<string, { iterationId: string; platform: string; verdict: FileVerdict | 'unlisted' }>;
  /** Deleted trained iteration → verdicts on performance.json and image-performances.jsonl. */
  performance: Map<string, { summary: FileVerdict | 'unlisted'; perImage: FileVerdict | 'unlisted' }>;
  predictions: Map<string, number>;
  /** Records files of a category that verify found damaged: their ids cannot be trusted. */
  damagedRecords: Set<'tags' | 'images' | 'predictions'>;
}

/** The plan's targets, grouped by project in plan order. */
export function planItems(plan: CleanupPlan): Map<string, ProjectItems> {
  const projects = new Map<string, ProjectItems>();
  for (const project of plan.projects) {
    const items: ProjectItems = {
      id: project.id,
      iterations: new Map(),
      published: new Set(),
      tags: new Map(),
      images: new Map(),
      implicitImages: new Map(),
      models: new Map(),
      performance: new Map(),
      predictions: new Map(),
      damagedRecords: new Set(),
    };
    const implicit = project.implicit;
    for (const id of implicit?.imageIds ?? []) items.implicitImages.set(id, 0);
    for (const model of implicit?.models ?? []) {
      // Only a finished export has a file to hold; the others are lost with nothing to back up.
      if (!model.file) continue;
      const path = iterationPaths.model(project.id, model.iterationId, model.platform, model.flavor);
      items.models.set(path ?? `${model.iterationId}/models/${model.platform}`, { iterationId: model.iterationId, platform: model.platform, verdict: 'unlisted' });
    }
    for (const id of implicit?.performance ?? []) items.performance.set(id, { summary: 'unlisted', perImage: 'unlisted' });
    projects.set(project.id, items);
  }
  for (const step of plan.steps) {
    const items = projects.get(step.projectId);
    if (!items) continue;
    for (const id of step.targetIds) {
      if (step.kind === 'unpublishIteration') items.published.add(id);
      else if (step.kind === 'deleteIteration') items.iterations.set(id, 'unlisted');
      else if (step.kind === 'deleteImages') items.images.set(id, 0);
      else if (step.kind === 'deletePredictions') items.predictions.set(id, 0);
      else if (step.kind === 'deleteTag') items.tags.set(id, 0);
      else items.project = 'unlisted';
    }
  }
  return projects;
}

/** Why a one-file record (project.json, iteration.json) is not covered, or undefined. */
function fileReason(verdict: FileVerdict | 'unlisted'): UncoveredItem['reason'] | undefined {
  if (verdict === 'ok') return undefined;
  if (verdict === 'unlisted') return 'missing-record';
  return verdict === 'missing' ? 'missing-file' : 'altered-file';
}

/**
 * Why a record-plus-file item is not covered, or undefined. Damaged bytes come first (the
 * loss a user would notice); an item the bundle has no record of is missing as a whole;
 * a record without its original is a missing file.
 */
function itemReason(state: number, needsFile: boolean, recordsDamaged: boolean): UncoveredItem['reason'] | undefined {
  if (needsFile && state & FILE_ALTERED) return 'altered-file';
  if (!(state & RECORD)) return recordsDamaged ? 'altered-file' : 'missing-record';
  if (needsFile && !(state & FILE_OK)) return 'missing-file';
  return undefined;
}

export interface CoverageTally {
  covered: Record<'projects' | 'iterations' | 'publishedIterations' | 'images' | 'imagesOnlyInIterations' | 'predictions' | 'tags', number>;
  uncoveredCount: number;
  uncovered: UncoveredItem[];
}

/** Counts what is covered and lists the first `limit` uncovered items (plan order, ids sorted). */
export function tallyCoverage(projects: Iterable<ProjectItems>, limit: number): CoverageTally {
  const tally: CoverageTally = {
    covered: { projects: 0, iterations: 0, publishedIterations: 0, images: 0, imagesOnlyInIterations: 0, predictions: 0, tags: 0 },
    uncoveredCount: 0,
    uncovered: [],
  };
  const miss = (category: CleanupCategory, projectId: string, id: string, reason: UncoveredItem['reason'], extra: Pick<UncoveredItem, 'part' | 'detail'> = {}): void => {
    tally.uncoveredCount += 1;
    if (tally.uncovered.length < limit) tally.uncovered.push({ category, projectId, id, reason, ...extra });
  };
  const sortedKeys = <T>(map: Map<string, T>): string[] => [...map.keys()].sort();
  for (const items of projects) {
    for (const id of sortedKeys(items.iterations)) {
      const reason = fileReason(items.iterations.get(id) ?? 'unlisted');
      if (reason) miss('iterations', items.id, id, reason);
      else {
        tally.covered.iterations += 1;
        if (items.published.has(id)) tally.covered.publishedIterations += 1;
      }
    }
    for (const [category, map, needsFile] of [
      ['images', items.images, true],
      ['predictions', items.predictions, true],
      ['tags', items.tags, false],
    ] as const) {
      for (const id of sortedKeys(map)) {
        const state = map.get(id) ?? 0;
        const reason = itemReason(state, needsFile, items.damagedRecords.has(category));
        if (reason) miss(category, items.id, id, reason);
        else {
          tally.covered[category] += 1;
          if (category === 'images' && !(state & IN_WORKSPACE)) tally.covered.imagesOnlyInIterations += 1;
        }
      }
    }
    // What the deleted iterations take along: held like the rest, or the plan is not covered.
    for (const id of sortedKeys(items.implicitImages)) {
      const reason = itemReason(items.implicitImages.get(id) ?? 0, true, items.damagedRecords.has('images'));
      if (reason) miss('images', items.id, id, reason, { part: 'implicit-image' });
    }
    for (const path of sortedKeys(items.models)) {
      const model = items.models.get(path);
      const reason = model ? fileReason(model.verdict) : 'missing-record';
      if (model && reason) miss('iterations', items.id, model.iterationId, reason, { part: 'model', detail: model.platform });
    }
    for (const id of sortedKeys(items.performance)) {
      const files = items.performance.get(id);
      const reason = files ? (fileReason(files.summary) ?? fileReason(files.perImage)) : 'missing-record';
      if (reason) miss('iterations', items.id, id, reason, { part: 'performance' });
    }
    if (items.project !== undefined) {
      const reason = fileReason(items.project);
      if (reason) miss('projects', items.id, items.id, reason);
      else tally.covered.projects += 1;
    }
  }
  return tally;
}
