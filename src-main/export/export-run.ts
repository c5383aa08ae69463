/**
 * The state one export run shares between its parts: the job context, the client, the
 * writer, what was selected, and what has been found so far (counts, problems, the
 * per-project summaries that end up in the manifest).
 */
import type { ExportCategory } from '../../shared/model/bundle';
import type { ListingOutcome, TrainingClient } from '../customvision';
import type { JobContext } from '../jobs';
import type { BackgroundDownloads } from './background-downloads';
import type { BundleWriter } from './bundle-writer';
import { isFatalExportError, problemText } from './export-errors';
import type { ManifestProblem, ManifestProject } from './manifest';
import { mainText, type MainText } from '../../shared/model/main-text';

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

/** `text`: the same as a catalogue code, so the viewer and the interface say it in their language. */
export function addProblem(run: ExportRun, category: ExportCategory, projectId: string | undefined, message: string, text?: MainText): void {
  run.problems.push({ category, ...(projectId === undefined ? {} : { projectId }), message, ...(text ? { text } : {}) });
  run.ctx.progress.fail(category, message, text);
}

/** An error known by its code (WRONG_KEY, THROTTLED…): the interface says the code's sentence, main's English is the detail. */
export function appErrorText(error: unknown): MainText | undefined {
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  return typeof code === 'string' && /^[A-Z][A-Z_]*$/.test(code) ? mainText('appError', { code }) : undefined;
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
    addProblem(run, category, projectId, `${what}: ${problemText(error)}`, appErrorText(error));
    return undefined;
  }
}

/**
 * A listing that could not reach the service's count (complete-listing.ts) leaves
 * images out of the bundle: said plainly, with the number missing, as a problem (which
 * makes the bundle partial).
 */
export function reportListingGap(run: ExportRun, category: ExportCategory, projectId: string, listing: ListingGapOf, outcome: Readonly<ListingOutcome>): void {
  if (outcome.missing === 0) return;
  const walks = outcome.walks.length === 1 ? 'one walk' : `${outcome.walks.length} walks (${outcome.walks.join(', ')})`;
  const what = listing.iteration === undefined ? 'workspace images' : listing.kind === 'images' ? `images in iteration ${listing.iteration}` : `per-image results of iteration ${listing.iteration}`;
  const code = listing.iteration === undefined ? 'listingGapWorkspaceImages' : listing.kind === 'images' ? 'listingGapIterationImages' : 'listingGapPerImageResults';
  addProblem(
    run,
    category,
    projectId,
    `The service counts ${outcome.expected ?? '?'} ${what}, but only ${outcome.found} could be listed after ${walks}: ${outcome.missing} are missing from this bundle. Exporting again into the same folder tries once more.`,
    mainText(code, {
      expected: outcome.expected ?? '?',
      found: outcome.found,
      missing: outcome.missing,
      count: outcome.walks.length,
      ...(listing.iteration === undefined ? {} : { iteration: listing.iteration }),
    }),
  );
}

/** Which listing fell short: the workspace's images, or an iteration's images or per-image results. */
export type ListingGapOf = { kind: 'images'; iteration?: string } | { kind: 'perImageResults'; iteration: string };

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
