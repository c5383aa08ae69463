/**
 * The state one export run shares between its parts: the job context, the client, the
 * writer, what was selected, and what has been found so far (counts, problems, the
 * per-project summaries that end up in the manifest).
 */
import type { ExportCategory } from '../../shared/model/bundle';
import type { TrainingClient } from '../customvision';
import type { JobContext } from '../jobs';
import type { BackgroundDownloads } from './background-downloads';
import type { BundleWriter } from './bundle-writer';
import { isFatalExportError, problemText } from './export-errors';
import type { ManifestProblem, ManifestProject } from './manifest';

export interface ExportRun {
  readonly ctx: JobContext;
  readonly client: TrainingClient;
  readonly writer: BundleWriter;
  readonly categories: ReadonlySet<ExportCategory>;
  readonly concurrency: number;
  /** Download pools running alongside the walk, sharing `concurrency` slots. */
  readonly downloads: BackgroundDownloads;
  /** Items exported per category (finished earlier and skipped ones included). */
  readonly items: Record<ExportCategory, number>;
  readonly problems: ManifestProblem[];
  readonly projects: ManifestProject[];
  /** Image totals grow as images only in iterations turn up. */
  imagesTotal: number;
  predictionsTotal: number;
  modelsTotal: number;
}

export function wants(run: ExportRun, category: ExportCategory): boolean {
  return run.categories.has(category);
}

/** Counts finished work for the manifest and the progress bar at once. */
export function advance(run: ExportRun, category: ExportCategory, items: number, bytes = 0): void {
  run.items[category] += items;
  run.ctx.progress.advance(category, { items, bytes });
  // Uploads during the export can outgrow the count the bar started from.
  if (category === 'images' && run.items.images > run.imagesTotal) {
    run.imagesTotal = run.items.images;
    run.ctx.progress.setTotal('images', run.imagesTotal);
  }
}

export function addProblem(run: ExportRun, category: ExportCategory, projectId: string | undefined, message: string): void {
  run.problems.push(projectId === undefined ? { category, message } : { category, projectId, message });
  run.ctx.progress.fail(category, message);
}

/**
 * Runs one step of the walk; a failure that costs only this step becomes a problem (the
 * export goes on without it) and the result is undefined. Fatal failures pass through.
 */
export async function step<T>(run: ExportRun, category: ExportCategory, projectId: string | undefined, what: string, work: () => Promise<T>): Promise<T | undefined> {
  // A pool that hit a full disk (or was cancelled) stops the walk at its next step.
  run.downloads.throwIfFailed();
  try {
    return await work();
  } catch (error) {
    if (isFatalExportError(error) || run.ctx.signal.aborted) throw error;
    addProblem(run, category, projectId, `${what}: ${problemText(error)}`);
    return undefined;
  }
}

/** The signal every request of this run carries. */
export function callOptions(run: ExportRun): { signal: AbortSignal } {
  return { signal: run.ctx.signal };
}

/** Where a download pool lets pause, cancel and a failed walk take effect. */
export async function poolCheckpoint(run: ExportRun): Promise<void> {
  run.downloads.throwIfStopped();
  await run.ctx.checkpoint();
  run.downloads.throwIfStopped();
}
