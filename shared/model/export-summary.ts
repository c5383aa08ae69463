/**
 * The summary a person reads when an export ends, as one catalogue code (`exportSummary`)
 * whose parameters are the export's facts. The app (src-renderer/i18n, `mainText.exportSummary`)
 * and the CLI (src-main/i18n/locales/<language>/cli.json, `exportSummary`) say it in their
 * language with the same sentences, in the same order, as main's English summary
 * (src-main/export/export-summary.ts), which stays the logs' text and the fallback.
 */
import { joinSentences } from './join-sentences';
import { mainText, type MainText } from './main-text';

export const EXPORT_SUMMARY_CODE = 'exportSummary';

/** How the bundle ended: complete; partial only through earlier runs' gaps; partial through this run's. */
export type ExportSummaryOutcome = 'complete' | 'partialEarlier' | 'partial';

export interface ExportSummaryFacts {
  folder: string;
  projects: number;
  images: number;
  imageBytes: number;
  iterations: number;
  models: number;
  predictions: number;
  /** Saved files found altered and fetched again in this run. */
  repaired: number;
  outcome: ExportSummaryOutcome;
  /** Problems earlier runs recorded that still stand, and earlier runs that did not finish. */
  earlierProblems: number;
  earlierUnfinished: number;
  /** This run's problems, the first one's message (the service's or the system's words), and the counts that differ. */
  problems: number;
  firstProblem?: string;
  differences: number;
  zipPath?: string;
  zipBytes?: number;
  /** Why the zip archive could not be written (the system's words). */
  zipProblem?: string;
  /** The worker ran out of memory at its first limit and was restarted with more. */
  firstHeapMb?: number;
  heapMb?: number;
}

/** The English summary and the same as a catalogue code: the job runner's translatable summary. */
export interface ExportSummary {
  summary: string;
  summaryText: MainText;
}

export function exportSummaryText(facts: ExportSummaryFacts): MainText {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(facts)) if (typeof value === 'string' || typeof value === 'number') params[name] = value;
  return mainText(EXPORT_SUMMARY_CODE, params);
}

/** The sentences of the summary: keys of its catalogue block (`mainText.exportSummary` in the app, `exportSummary` in the CLI). */
export type ExportSummaryKey =
  | 'exported'
  | 'repaired'
  | 'complete'
  | 'partialEarlier'
  | 'earlierProblems'
  | 'earlierUnfinished'
  | 'earlierSeeManifest'
  | 'listSeparator'
  | 'partial'
  | 'problems'
  | 'differences'
  | 'zip'
  | 'zipFailed'
  | 'restarted';

type Params = Record<string, string | number>;

function num(params: Params, name: string): number {
  const value = params[name];
  return typeof value === 'number' ? value : 0;
}

function str(params: Params, name: string): string | undefined {
  const value = params[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The whole summary from the code's parameters, in the order of main's English. `say` gives
 * a key's text in the reader's language (numbers arrive raw, for each side to format its way;
 * `count` is for plural forms).
 */
export function sayExportSummary(params: Params, say: (key: ExportSummaryKey, params: Params) => string): string {
  const sentences: string[] = [];
  const counts = ['projects', 'images', 'imageBytes', 'iterations', 'models', 'predictions'].map((name) => [name, num(params, name)]);
  sentences.push(say('exported', { folder: str(params, 'folder') ?? '', ...Object.fromEntries(counts) }));
  if (num(params, 'repaired') > 0) sentences.push(say('repaired', { count: num(params, 'repaired') }));
  const outcome = str(params, 'outcome');
  if (outcome === 'complete') sentences.push(say('complete', {}));
  else if (outcome === 'partialEarlier') {
    const gaps = [
      ...(num(params, 'earlierProblems') > 0 ? [say('earlierProblems', { count: num(params, 'earlierProblems') })] : []),
      ...(num(params, 'earlierUnfinished') > 0 ? [say('earlierUnfinished', { count: num(params, 'earlierUnfinished') })] : []),
    ];
    sentences.push(say('partialEarlier', { gaps: gaps.length > 0 ? gaps.join(say('listSeparator', {})) : say('earlierSeeManifest', {}) }));
  } else {
    sentences.push(say('partial', {}));
    if (num(params, 'problems') > 0) sentences.push(say('problems', { count: num(params, 'problems'), first: str(params, 'firstProblem') ?? '' }));
    if (num(params, 'differences') > 0) sentences.push(say('differences', { count: num(params, 'differences') }));
  }
  const zipPath = str(params, 'zipPath');
  if (zipPath !== undefined) sentences.push(say('zip', { path: zipPath, zipBytes: num(params, 'zipBytes') }));
  const zipProblem = str(params, 'zipProblem');
  if (zipProblem !== undefined) sentences.push(say('zipFailed', { problem: zipProblem }));
  if (num(params, 'heapMb') > 0) sentences.push(say('restarted', { firstHeapMb: num(params, 'firstHeapMb'), heapMb: num(params, 'heapMb') }));
  return joinSentences(sentences);
}
