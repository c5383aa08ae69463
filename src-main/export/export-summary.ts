/**
 * The one-paragraph job summary a person sees when an export finishes: in English (the logs,
 * and the fallback) and as the `exportSummary` code with the same facts, which the app and
 * the CLI say in the reader's language (shared/model/export-summary.ts).
 */
import type { ExportRun } from './export-run';
import type { BundleStatus } from './write-manifest';
import type { ZipResult } from './zip-bundle';
import { mismatches } from './reconcile';
import { formatBytes, formatCount } from '../../shared/model/plain-numbers';
import { exportSummaryText, type ExportSummary, type ExportSummaryOutcome } from '../../shared/model/export-summary';

// Grouped the way every other number next to it is written ("3,300 images", "3,003 files").
const plural = (count: number, word: string): string => `${formatCount(count)} ${word}${count === 1 ? '' : 's'}`;

/** Gaps the bundle has from earlier runs into it, which this run did not redo (manifest-union.ts). */
export interface EarlierGaps {
  /** Problems recorded by earlier runs that still stand. */
  problems: number;
  /** Earlier runs that stopped and were not repeated in full since. */
  unfinishedRuns: number;
}

export function summarize(
  run: ExportRun,
  result: { folder: string; status: BundleStatus; zip: ZipResult | undefined; zipProblem?: string; earlier?: EarlierGaps },
): ExportSummary {
  const bytes = { images: 0 };
  for (const file of run.writer.files()) if (file.path.includes('/images/files/')) bytes.images += file.bytes;
  const parts = [
    plural(run.projects.length, 'project'),
    `${plural(run.items.images, 'image')} (${formatBytes(bytes.images)})`,
    plural(run.items.iterations, 'iteration'),
    plural(run.items.models, 'model'),
    plural(run.items.predictions, 'prediction'),
  ];
  const sentences = [`Exported ${parts.join(', ')} into ${result.folder}.`];
  const repaired = run.writer.damaged.length - run.writer.unrepaired().length;
  if (repaired > 0) {
    sentences.push(`${plural(repaired, 'saved file')} had been altered since ${repaired === 1 ? 'it was' : 'they were'} saved and ${repaired === 1 ? 'was' : 'were'} fetched again (the damaged copies are in .cv-steward/damaged).`);
  }
  const differences = run.projects.flatMap((project) =>
    mismatches(project.reconciliation).map(
      (item) => `${project.name || project.id}: ${item.what}${item.iterationId ? ` (iteration ${item.iterationId})` : ''} ${item.api} expected, ${item.exported} exported`,
    ),
  );
  let outcome: ExportSummaryOutcome = 'partial';
  if (result.status === 'complete') {
    outcome = 'complete';
    sentences.push('Everything was saved and every count matches the service.');
  } else if (run.problems.length === 0 && differences.length === 0) {
    outcome = 'partialEarlier';
    // This run is whole; the gaps are earlier runs' data, which asking for this run's selection again would not fill.
    sentences.push(`Everything this run was asked for was saved, but the bundle is PARTIAL because of earlier exports into this folder (${earlierText(result.earlier)}): export those projects and kinds of data into it again to fill the gaps.`);
  } else {
    sentences.push('The bundle is PARTIAL: export again into the same folder to fill the gaps.');
    if (run.problems.length > 0) sentences.push(`${plural(run.problems.length, 'problem')}, first: ${run.problems[0]?.message ?? ''}`);
    if (differences.length > 0) sentences.push(`Counts differ: ${differences.slice(0, 3).join('; ')}${differences.length > 3 ? ` and ${differences.length - 3} more` : ''}.`);
  }
  if (result.zip) sentences.push(`Zip archive: ${result.zip.path} (${formatBytes(result.zip.bytes)}).`);
  if (result.zipProblem) sentences.push(`The zip archive could not be written: ${result.zipProblem}`);
  const summaryText = exportSummaryText({
    folder: result.folder,
    projects: run.projects.length,
    images: run.items.images,
    imageBytes: bytes.images,
    iterations: run.items.iterations,
    models: run.items.models,
    predictions: run.items.predictions,
    repaired,
    outcome,
    earlierProblems: result.earlier?.problems ?? 0,
    earlierUnfinished: result.earlier?.unfinishedRuns ?? 0,
    problems: run.problems.length,
    ...(run.problems[0] ? { firstProblem: run.problems[0].message } : {}),
    differences: differences.length,
    ...(result.zip ? { zipPath: result.zip.path, zipBytes: result.zip.bytes } : {}),
    ...(result.zipProblem ? { zipProblem: result.zipProblem } : {}),
  });
  return { summary: sentences.join(' '), summaryText };
}

function earlierText(earlier: EarlierGaps | undefined): string {
  const parts = [
    ...(earlier && earlier.problems > 0 ? [`${plural(earlier.problems, 'problem')} recorded then`] : []),
    ...(earlier && earlier.unfinishedRuns > 0 ? [`${plural(earlier.unfinishedRuns, 'export')} that did not finish`] : []),
  ];
  return parts.length > 0 ? parts.join(', ') : 'see manifest.json';
}
