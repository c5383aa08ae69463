/**
 * The backup half of the safety gate (docs/architecture.md, "Cleanup"): does this bundle hold every
 * item of the plan, intact? The bundle is re-verified first (every listed file re-hashed,
 * reusing the export's verifyBundle); then each plan item is looked up: project and
 * iteration records (project.json, iteration.json), tag ids in tags.json, image and
 * prediction records in the .jsonl files (streamed) AND their original files listed in
 * the manifest and found intact by verify. `ok` only when verify is clean, the bundle is
 * of the plan's account, and nothing is uncovered.
 *
 * Progress: category 'files' while re-hashing; then each CLEANUP_CATEGORIES bar is
 * filled with the plan's items checked.
 */
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { CLEANUP_CATEGORIES, type CleanupPlan, type CoverageReport } from '../../shared/model/cleanup';
import type { VerifyReport } from '../../shared/model/bundle';
import { MANIFEST_PATH, readManifest, verifyBundle, type Manifest } from '../export';
import { folderProblem } from '../fs/folder-state';
import { AppError } from '../errors/app-error';
import type { JobContext } from '../jobs';
import { planItems, tallyCoverage, type FileVerdict, type ProjectItems } from './coverage-items';
import { readBundleRecords } from './coverage-records';

/** How many uncovered items and verify lines a report lists (the counts are always complete). */
export const UNCOVERED_LIMIT = 200;
export const PROBLEM_LIMIT = 200;

export interface CoverageOptions {
  now?: () => Date;
}

async function checkFolder(folder: string): Promise<void> {
  // Links are followed (a link to a bundle folder is that bundle), as by export, verify and
  // the command line; a missing folder, a file or a link to nothing is named as such.
  const notAFolder = await folderProblem(folder);
  if (notAFolder !== undefined) throw new AppError('BUNDLE_NOT_FOUND', `${notAFolder} Choose the folder of a finished CV Steward export.`);
  try {
    await lstat(join(folder, MANIFEST_PATH));
  } catch {
    throw new AppError('NOT_A_BUNDLE', `${folder} has no manifest.json: it is not a finished CV Steward export bundle.`);
  }
}

async function verifyWithProgress(ctx: JobContext, folder: string): Promise<VerifyReport> {
  let files = 0;
  let bytes = 0;
  let totalSet = false;
  return verifyBundle(folder, {
    signal: ctx.signal,
    onProgress: (done, total, doneBytes) => {
      if (!totalSet) {
        ctx.progress.setTotal('files', total);
        totalSet = true;
      }
      ctx.progress.advance('files', { items: Math.max(0, done - files), bytes: Math.max(0, doneBytes - bytes) });
      files = done;
      bytes = doneBytes;
    },
  });
}

/**
 * The resource is the account; its endpoint host names it. The key is not compared: a
 * resource has two (Key 1, Key 2) and people rotate them, so a bundle exported with the
 * other key is still a backup of the same data.
 */
function accountProblem(manifest: Manifest, plan: CleanupPlan): string | undefined {
  const source = manifest.source;
  if (source.endpointHost.toLowerCase() === plan.account.endpointHost.toLowerCase()) return undefined;
  return `This bundle was exported from ${source.endpointHost}, not from ${plan.account.endpointHost}: it is not a backup of the account this plan deletes from.`;
}

/** Verify's findings as lines, capped: a bundle missing 100 000 files needs no 100 000-line report. */
function verifyLines(report: VerifyReport): string[] {
  const lines = [
    ...report.problems,
    ...report.missing.map((path) => `missing file: ${path}`),
    ...report.truncated.map((path) => `truncated file: ${path}`),
    ...report.altered.map((path) => `altered file: ${path}`),
    ...report.extra.map((path) => `file not in the manifest: ${path}`),
  ];
  if (lines.length <= PROBLEM_LIMIT) return lines;
  return [...lines.slice(0, PROBLEM_LIMIT), `… and ${lines.length - PROBLEM_LIMIT} more problems`];
}

/** Each listed file's verdict from the verify report (listed and not reported = intact). */
function verdicts(report: VerifyReport): Map<string, FileVerdict> {
  const map = new Map<string, FileVerdict>();
  for (const path of report.missing) map.set(path, 'missing');
  for (const path of [...report.truncated, ...report.altered]) map.set(path, 'altered');
  return map;
}

export async function checkBundleCoverage(ctx: JobContext, plan: CleanupPlan, bundleFolder: string, options: CoverageOptions = {}): Promise<CoverageReport> {
  await checkFolder(bundleFolder);
  const manifest = await readManifest(bundleFolder);
  await ctx.checkpoint();
  const verify = await verifyWithProgress(ctx, bundleFolder);
  await ctx.checkpoint();
  const problems: string[] = [];
  const mismatch = accountProblem(manifest, plan);
  if (mismatch) problems.push(mismatch);
  problems.push(...verifyLines(verify));

  const items = planItems(plan);
  const unreadable = await readBundleRecords(ctx, bundleFolder, manifest, verdicts(verify), items);
  problems.push(...unreadable);
  const tally = tallyCoverage(items.values(), UNCOVERED_LIMIT);
  reportItems(ctx, plan, items);

  return {
    bundleFolder,
    bundleStatus: manifest.status,
    exportedAt: manifest.updatedAt,
    checkedFiles: verify.checkedFiles,
    verifyProblems: problems,
    covered: tally.covered,
    uncoveredCount: tally.uncoveredCount,
    uncovered: tally.uncovered,
    ok: verify.ok && mismatch === undefined && unreadable.length === 0 && tally.uncoveredCount === 0,
    checkedAt: (options.now ?? (() => new Date()))().toISOString(),
  };
}

/** Fills the plan-category bars: every item of the plan was looked up. */
function reportItems(ctx: JobContext, plan: CleanupPlan, items: Map<string, ProjectItems>): void {
  const checked = { iterations: 0, images: 0, predictions: 0, tags: 0, projects: 0 };
  for (const project of items.values()) {
    checked.iterations += project.iterations.size;
    checked.images += project.images.size;
    checked.predictions += project.predictions.size;
    checked.tags += project.tags.size;
    checked.projects += project.project === undefined ? 0 : 1;
  }
  for (const category of CLEANUP_CATEGORIES) {
    ctx.progress.setTotal(category, plan.counts[category]);
    if (checked[category] > 0) ctx.progress.advance(category, { items: checked[category] });
  }
}
