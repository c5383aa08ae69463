/**
 * What an export runner resolves with, for tests that fake the engine: the English summary
 * and its `exportSummary` code, with the facts of a small complete export unless given.
 */
import { exportSummaryText, type ExportSummary, type ExportSummaryFacts } from '../../shared/model/export-summary';

export function exportSummaryOf(english: string, facts: Partial<ExportSummaryFacts> = {}): ExportSummary {
  return {
    summary: english,
    summaryText: exportSummaryText({
      folder: '/bundle',
      projects: 1,
      images: 3,
      imageBytes: 3000,
      iterations: 1,
      models: 0,
      predictions: 0,
      repaired: 0,
      outcome: 'complete',
      earlierProblems: 0,
      earlierUnfinished: 0,
      problems: 0,
      differences: 0,
      ...facts,
    }),
  };
}
