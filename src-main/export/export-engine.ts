/**
 * runExport: the whole export job (docs/architecture.md, "Export"; docs/bundle-format.md).
 * Plans (counts for the progress bars), walks every selected project, writes the derived
 * views (datasets, viewer), then the manifest, then optionally a zip. Re-running into the
 * same folder resumes: journaled files are skipped, records files are rewritten. A
 * cancelled or failed run still leaves a `partial` manifest describing what is there.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { LanguageSchema, type Language } from '../../shared/model/preferences';
import { EXPORT_CATEGORIES, SAVED_FILES_CATEGORY, type ExportCategory } from '../../shared/model/bundle';
import type { Project, TrainingClient } from '../customvision';
import { AppError } from '../errors/app-error';
import type { JobContext } from '../jobs';
import { JOURNAL_PATH, MANIFEST_PATH, STATE_DIR, accountPaths, categoryOfPath, isSystemClutter } from './bundle-paths';
import { readBundleSource, refuseOtherResource } from './bundle-source';
import type { JournalCheckOptions } from './journal';
import { BackgroundDownloads } from './background-downloads';
import type { BundleFs } from './bundle-fs';
import { BundleWriter } from './bundle-writer';
import { writeDatasets } from './datasets';
import { isDiskError } from './disk-errors';
import { readManifestHead } from './manifest-head';
import { problemText } from './export-errors';
import { planExport } from './export-plan';
import { exportProject } from './export-project';
import { callOptions, step, type ExportRun } from './export-run';
import { summarize, type EarlierGaps } from './export-summary';
import type { ExportSummary } from '../../shared/model/export-summary';
import { unfinishedRuns } from './manifest-union';
import { writeManifest, type ManifestContext } from './write-manifest';
import { writeViewer } from './viewer';
import { zipBundle, type ZipResult } from './zip-bundle';

export interface ExportAccount {
  endpointHost: string;
  resourceName?: string;
  region?: string;
  keyFingerprint: string;
  displayName: string;
}

export interface ExportOptions {
  client: TrainingClient;
  /** The bundle folder (created if needed; an earlier bundle there is resumed). */
  folder: string;
  selection: { projectIds?: string[]; categories: ExportCategory[] };
  account: ExportAccount;
  toolVersion: string;
  /** Parallel blob downloads (all pools together). Default DEFAULT_CONCURRENCY. */
  concurrency?: number;
  /** Also write `<folder>.zip` once the bundle is finished. */
  zip?: boolean;
  /** The offline viewer's language. Absent: the language an earlier run of this bundle recorded, else 'en'. */
  language?: Language;
  /** The disk the bundle is written through; tests pass one that fills up (default node:fs). */
  fs?: BundleFs;
}

/**
 * Blob links answer after a round trip and most images are small, so one download is
 * mostly waiting: at 50 ms a request and ~10 KB an image, about 8 in flight keep an
 * 11 Mbit/s line busy. 16 leaves room for slower links without flooding storage.
 */
export const DEFAULT_CONCURRENCY = 16;

export async function runExport(ctx: JobContext, options: ExportOptions): Promise<ExportSummary> {
  const categories = new Set(options.selection.categories);
  if (categories.size === 0) throw new AppError('INVALID_ARGUMENT', 'Choose at least one kind of data to export.');
  const concurrency = Math.max(1, Math.min(32, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY)));
  const startedAt = new Date();
  await refuseForeignFolder(options.folder);
  // Before anything is written: the account must be the one the bundle was made from.
  const projects = await options.client.getProjects({ signal: ctx.signal });
  await refuseOtherResourceBundle(options, projects);
  const language = options.language ?? (await recordedLanguage(options.folder)) ?? 'en';
  const writer = await BundleWriter.open(options.folder, { check: savedFilesCheck(ctx), ...(options.fs ? { fs: options.fs } : {}) });
  const run: ExportRun = {
    ctx,
    client: options.client,
    writer,
    categories,
    concurrency,
    downloads: new BackgroundDownloads(concurrency),
    items: Object.fromEntries(EXPORT_CATEGORIES.map((category) => [category, 0])) as Record<ExportCategory, number>,
    problems: [],
    projects: [],
    imagesTotal: 0,
    predictionsTotal: 0,
    modelsTotal: 0,
  };
  const manifest: ManifestContext = { run, account: options.account, toolVersion: options.toolVersion, language, selection: options.selection, startedAt };
  let zip: ZipResult | undefined;
  try {
    try {
      // From here until the end the folder says "partial": a kill leaves no stale "complete".
      await writeManifest(writer, manifest, 'stopped');
      await writeAccount(run, options, startedAt);
      const plans = await planExport(run, projects, options.selection.projectIds);
      for (const plan of plans) {
        await ctx.checkpoint();
        run.downloads.throwIfFailed();
        await exportProject(run, plan);
      }
      // The walk is done; its downloads may still be running.
      await run.downloads.drain();
      // The viewer shows the manifest's status and counts: give it the walk's result first.
      await writeManifest(writer, manifest, 'walked');
      await derived(run, 'datasets', () => writeDatasets(options.folder, writer, { signal: ctx.signal }));
      await derived(run, 'viewer', () => writeViewer(options.folder, writer, { toolVersion: options.toolVersion, language, signal: ctx.signal }));
    } catch (error) {
      // Nothing may still be writing when the folder is described and the writer closed.
      run.downloads.stop(error);
      await run.downloads.settle();
      reportUnrepaired(run);
      // Whatever is in the folder is described, as partial, so verify and a resume can use it.
      await writeManifest(writer, manifest, 'stopped').catch(() => undefined);
      throw error;
    }
    reportUnrepaired(run);
    const status = await writeManifest(writer, manifest, 'finished');
    await writer.close();
    let zipProblem: string | undefined;
    if (options.zip === true) {
      try {
        zip = await zipBundle(options.folder, { signal: ctx.signal });
      } catch (error) {
        // The bundle itself is finished and described; only the extra copy is missing.
        if (ctx.signal.aborted) throw error;
        zipProblem = problemText(error);
      }
    }
    return summarize(run, { folder: options.folder, status, zip, zipProblem, earlier: earlierGaps(run, manifest) });
  } finally {
    await writer.close().catch(() => undefined);
  }
}

/**
 * The progress categories of an export job: the chosen kinds of data, after the re-check
 * of saved files when the folder already holds a bundle (so that bar comes first).
 */
export function exportJobCategories(folder: string, categories: readonly ExportCategory[]): string[] {
  const chosen = EXPORT_CATEGORIES.filter((category) => categories.includes(category));
  return existsSync(join(folder, JOURNAL_PATH)) ? [SAVED_FILES_CATEGORY, ...chosen] : chosen;
}

function savedFilesCheck(ctx: JobContext): JournalCheckOptions {
  let reported = 0;
  let reportedBytes = 0;
  return {
    signal: ctx.signal,
    onProgress: (done, total, bytes) => {
      if (done === 0) ctx.progress.setTotal(SAVED_FILES_CATEGORY, total);
      ctx.progress.advance(SAVED_FILES_CATEGORY, { items: done - reported, bytes: Math.max(0, bytes - reportedBytes) });
      reported = done;
      reportedBytes = Math.max(reportedBytes, bytes);
    },
  };
}

/** A saved file found altered and not fetched again in this run is missing from the bundle: said, by path. */
function reportUnrepaired(run: ExportRun): void {
  for (const file of run.writer.unrepaired()) {
    run.problems.push({
      category: categoryOfPath(file.path) ?? 'files',
      message: `${file.path} had been altered since it was saved (its bytes no longer match the SHA-256 recorded then) and could not be fetched again in this run; the damaged copy was moved to ${file.movedTo}.`,
    });
  }
}

function earlierGaps(run: ExportRun, manifest: ManifestContext): EarlierGaps {
  const described = manifest.described;
  if (!described) return { problems: 0, unfinishedRuns: 0 };
  return { problems: described.problems.length - run.problems.length, unfinishedRuns: unfinishedRuns(described.history).length };
}

async function refuseOtherResourceBundle(options: ExportOptions, projects: readonly Project[]): Promise<void> {
  const bundle = await readBundleSource(options.folder);
  if (!bundle) return;
  const ids = new Set(projects.map((project) => String(project.id ?? '').toLowerCase()));
  const { endpointHost, resourceName, displayName } = options.account;
  refuseOtherResource(options.folder, bundle, { endpointHost, displayName, ...(resourceName === undefined ? {} : { resourceName }) }, ids);
}

async function writeAccount(run: ExportRun, options: ExportOptions, startedAt: Date): Promise<void> {
  const { account, client } = options;
  const record = {
    endpointHost: account.endpointHost,
    ...(account.resourceName === undefined ? {} : { resourceName: account.resourceName }),
    ...(account.region === undefined ? {} : { region: account.region }),
    keyFingerprint: account.keyFingerprint,
    displayName: account.displayName,
    exportedAt: startedAt.toISOString(),
    apiVersion: client.apiVersion,
  };
  await run.writer.writeJson(accountPaths.account, record);
  await step(run, 'projects', undefined, 'Listing domains', async () => run.writer.writeJson(accountPaths.domains, await client.getDomains(callOptions(run))));
}

/** The viewer language an earlier run wrote into the bundle's manifest, if any (a resume keeps it). */
async function recordedLanguage(folder: string): Promise<Language | undefined> {
  try {
    const parsed = LanguageSchema.safeParse((await readManifestHead(join(folder, MANIFEST_PATH)))?.language);
    return parsed.success ? parsed.data : undefined;
  } catch {
    // An unreadable manifest is rewritten by this run anyway.
    return undefined;
  }
}

/**
 * A bundle goes into an empty folder, or resumes one: never into a folder of other
 * things (a home folder chosen by mistake), whose files would all become "extra".
 */
async function refuseForeignFolder(folder: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  if (names.includes(STATE_DIR) || names.includes(MANIFEST_PATH)) return;
  if (names.every(isSystemClutter)) return;
  throw new AppError(
    'FOLDER_NOT_EMPTY',
    `${folder} already holds other files. Choose an empty folder for a new export, or the folder of an earlier CV Steward export to continue it.`,
  );
}

/**
 * Datasets and viewer are derived from records already saved: if one fails (even from a
 * bug), the export it derives from is still good, so that is a problem, not a failure.
 * Cancel and a full or read-only disk still stop everything.
 */
async function derived(run: ExportRun, what: 'datasets' | 'viewer', work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (run.ctx.signal.aborted || isDiskError(error)) throw error;
    run.problems.push({ category: what, message: `The ${what === 'datasets' ? 'dataset views' : 'offline viewer'} could not be written: ${problemText(error)}` });
  }
}
