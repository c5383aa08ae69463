/**
 * A bundle is described as everything it holds, not as the last run's view of it
 * (docs/bundle-format.md, "Several runs into one bundle"). An export into a folder that
 * already holds a bundle may ask for less — fewer projects, fewer kinds of data (the
 * cleanup's "Back up now", `cv-steward export --categories images`) — while the files of
 * the earlier runs stay. So the manifest merges the earlier description with this run's:
 * what this run re-exported replaces the earlier account of it, everything else keeps it,
 * and the status is complete only if the union is.
 */
import { join } from 'node:path';
import { EXPORT_CATEGORIES, type ExportCategory } from '../../shared/model/bundle';
import { MANIFEST_PATH, categoryOfPath } from './bundle-paths';
import type { BundleFileRecord } from './file-sink';
import {
  ManifestHeaderSchema,
  type ManifestHeader,
  type ManifestProblem,
  type ManifestProject,
  type ManifestProjectCounts,
  type ManifestRun,
  type ManifestSelection,
  type Reconciliation,
} from './manifest';
import { readManifestHead } from './manifest-head';
import { byReadingOrder, mismatches } from './reconcile';

/**
 * The manifest the folder held before this run started, without its file list (the
 * journal has the files). Undefined for a new bundle, and for a manifest that cannot be
 * read as one: this run then describes only what it exported itself.
 */
export async function readEarlierManifest(folder: string): Promise<ManifestHeader | undefined> {
  try {
    const parsed = ManifestHeaderSchema.safeParse(await readManifestHead(join(folder, MANIFEST_PATH)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** This run, as far as it has got. */
export interface RunDescription {
  run: ManifestRun;
  projects: readonly ManifestProject[];
  problems: readonly ManifestProblem[];
}

export interface BundleDescription {
  status: 'complete' | 'partial';
  selection: ManifestSelection;
  history: ManifestRun[];
  projects: ManifestProject[];
  problems: ManifestProblem[];
}

/** The union of the earlier description (if any) and this run's. */
export function describeUnion(earlier: ManifestHeader | undefined, current: RunDescription): BundleDescription {
  const history = [...(earlier ? earlierHistory(earlier) : []), current.run];
  const redone = (category: string, projectId: string | undefined): boolean => covers(current.run.selection, category, projectId);
  const problems = [
    // Derived views are written again by every run that gets that far; the others stand until their data is exported again.
    ...(earlier?.problems ?? []).filter((problem) => !isDerivedView(problem.category) && !redone(problem.category, problem.projectId)),
    ...current.problems,
  ];
  const projects = mergeProjects(earlier?.projects ?? [], current.projects, current.run.selection.categories);
  const clean =
    current.run.outcome !== 'stopped' &&
    problems.length === 0 &&
    projects.every((project) => mismatches(project.reconciliation).length === 0) &&
    unfinishedRuns(history).length === 0;
  return { status: clean ? 'complete' : 'partial', selection: unionSelection(history), history, projects, problems };
}

/**
 * A bundle written before `history` existed is one run: its own selection and status. A
 * partial one may have been cut short (its gaps are then not all named), so it counts as
 * stopped: only a later finished run that asked for at least as much makes the union whole.
 */
function earlierHistory(earlier: ManifestHeader): ManifestRun[] {
  if (earlier.history && earlier.history.length > 0) return earlier.history;
  return [{ startedAt: earlier.createdAt, updatedAt: earlier.updatedAt, selection: earlier.selection, outcome: earlier.status === 'complete' ? 'complete' : 'stopped' }];
}

/** Runs that stopped and that no later finished run repeated in full: what they did not save is unknown. */
export function unfinishedRuns(history: readonly ManifestRun[]): ManifestRun[] {
  return history.filter((run, index) => run.outcome === 'stopped' && !history.slice(index + 1).some((later) => later.outcome !== 'stopped' && includes(later.selection, run.selection)));
}

/** Whether `outer` asked for everything `inner` did. */
function includes(outer: ManifestSelection, inner: ManifestSelection): boolean {
  if (!inner.categories.every((category) => outer.categories.includes(category))) return false;
  if (outer.projectIds === 'all') return true;
  if (inner.projectIds === 'all') return false;
  const ids = new Set(outer.projectIds.map((id) => id.toLowerCase()));
  return inner.projectIds.every((id) => ids.has(id.toLowerCase()));
}

/** Whether a run with `selection` exported again what a problem of `category` (and project) was about. */
function covers(selection: ManifestSelection, category: string, projectId: string | undefined): boolean {
  if (!(selection.categories as readonly string[]).includes(category)) return false;
  if (selection.projectIds === 'all') return true;
  // A problem about no one project (a listing of the account) is covered only by a run over all of them.
  return projectId !== undefined && selection.projectIds.some((id) => id.toLowerCase() === projectId.toLowerCase());
}

function isDerivedView(category: string): boolean {
  return category === 'datasets' || category === 'viewer';
}

function unionSelection(history: readonly ManifestRun[]): ManifestSelection {
  const categories = new Set<ExportCategory>(history.flatMap((run) => run.selection.categories));
  const all = history.some((run) => run.selection.projectIds === 'all');
  const ids = new Set(history.flatMap((run) => (run.selection.projectIds === 'all' ? [] : run.selection.projectIds.map((id) => id.toLowerCase()))));
  return { projectIds: all ? 'all' : [...ids].sort(), categories: EXPORT_CATEGORIES.filter((category) => categories.has(category)) };
}

/**
 * Which kind of data each per-project count belongs to. The iteration list is fetched for
 * any of iterations, performance, models or images (export-plan.ts), so a run that asked
 * for one of those counted the iterations afresh.
 */
const COUNT_SOURCES: Record<keyof ManifestProjectCounts, readonly ExportCategory[]> = {
  taggedImages: ['images'],
  untaggedImages: ['images'],
  imagesOnlyInIterations: ['images'],
  iterations: ['iterations', 'performance', 'models', 'images'],
  tags: ['tags'],
  exports: ['models'],
  predictions: ['predictions'],
};

/** The kind of data a reconciliation check is about; undefined for a check this version does not know. */
function reconciliationCategory(what: string): ExportCategory | undefined {
  if (what === 'taggedImages' || what === 'untaggedImages' || what === 'imageFiles') return 'images';
  if (what === 'imagePerformances') return 'performance';
  if (what === 'predictionFiles') return 'predictions';
  return undefined;
}

/**
 * Projects of earlier runs that this run did not touch stay as they were; a project this
 * run exported takes this run's counts and checks for the kinds of data it selected, and
 * keeps the earlier ones for the rest. Earlier order first, new projects after.
 */
function mergeProjects(earlier: readonly ManifestProject[], current: readonly ManifestProject[], categories: readonly ExportCategory[]): ManifestProject[] {
  const fresh = new Map(current.map((project) => [project.id.toLowerCase(), project]));
  const merged = earlier.map((old) => {
    const now = fresh.get(old.id.toLowerCase());
    if (!now) return old;
    fresh.delete(old.id.toLowerCase());
    return mergeProject(old, now, categories);
  });
  return [...merged, ...fresh.values()];
}

function mergeProject(old: ManifestProject, now: ManifestProject, categories: readonly ExportCategory[]): ManifestProject {
  const selected = (sources: readonly ExportCategory[]): boolean => sources.some((category) => categories.includes(category));
  const counts = { ...now.counts };
  for (const key of Object.keys(COUNT_SOURCES) as Array<keyof ManifestProjectCounts>) {
    if (!selected(COUNT_SOURCES[key])) counts[key] = old.counts[key];
  }
  const kept = old.reconciliation.filter((item) => {
    const category = reconciliationCategory(item.what);
    return category !== undefined && !categories.includes(category);
  });
  const reconciliation: Reconciliation[] = [...kept, ...now.reconciliation].sort(byReadingOrder);
  return { id: now.id, name: now.name, counts, reconciliation };
}

/**
 * Items per kind of data, counted in what the bundle holds (the journal's files, the
 * projects' tag counts), so that data of earlier runs is counted as well as this run's.
 * Each matches what a single run counts as it goes (docs/bundle-format.md).
 */
export function heldItems(files: Iterable<BundleFileRecord>, projects: readonly ManifestProject[]): Record<ExportCategory, number> {
  const items = Object.fromEntries(EXPORT_CATEGORIES.map((category) => [category, 0])) as Record<ExportCategory, number>;
  const performanceParts = new Map<string, number>();
  const tagFiles = new Set<string>();
  for (const file of files) {
    const category = categoryOfPath(file.path);
    if (category === undefined) continue;
    const parts = file.path.split('/');
    const projectId = parts[1] ?? '';
    const name = parts.at(-1) ?? '';
    if (category === 'projects') items.projects += 1;
    else if (category === 'iterations') items.iterations += 1;
    else if (category === 'tags' && parts.length === 3) tagFiles.add(projectId);
    else if (category === 'images' && parts[3] === 'files') items.images += 1;
    else if (category === 'predictions' && parts[3] === 'files') items.predictions += 1;
    else if (category === 'models' && parts[4] === 'models') items.models += 1;
    else if (category === 'performance' && (name === 'performance.json' || name === 'image-performances.jsonl')) {
      const iteration = parts.slice(0, 4).join('/');
      performanceParts.set(iteration, (performanceParts.get(iteration) ?? 0) + 1);
    }
  }
  for (const parts of performanceParts.values()) if (parts === 2) items.performance += 1;
  for (const project of projects) if (tagFiles.has(project.id.toLowerCase())) items.tags += project.counts.tags;
  return items;
}
