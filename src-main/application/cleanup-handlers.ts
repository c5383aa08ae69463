/**
 * The cleanup wizard's channels, and the list of saved plans (`cleanup:plans`) the wizard
 * reopens. The wizard's logic is the cleanup wiring (cleanup-wiring.ts); these only map
 * each request's fields onto it.
 */
import type { HandlersOf } from '../ipc/handler-sets';
import { listSavedPlans, type ReportProblem } from '../resume';
import type { createCleanupWiring } from './cleanup-wiring';

export interface CleanupHandlersDeps {
  cleanup: ReturnType<typeof createCleanupWiring>;
  /** Where the plans are saved (the app's data folder). */
  dataDir: string;
  /** A plan file that cannot be read is reported and left out, not shown as an error. */
  report: ReportProblem;
}

export function cleanupHandlers({ cleanup, dataDir, report }: CleanupHandlersDeps): HandlersOf<'cleanup'> {
  return {
    'cleanup:plan': ({ scope }) => cleanup.plan(scope),
    'cleanup:getPlan': ({ planId, language }) => cleanup.getPlan(planId, language),
    'cleanup:chooseBundle': () => cleanup.chooseBundle(),
    'cleanup:checkBundle': ({ planId, folderId }) => cleanup.checkBundle(planId, folderId),
    'cleanup:coverage': ({ planId }) => cleanup.coverage(planId),
    // Without a language the bundle's own (or English) is kept for the backup's viewer.
    'cleanup:backup': ({ planId, folderId, language }) => cleanup.backup(planId, folderId, language),
    'cleanup:run': ({ planId, confirmText, backup, language }) => cleanup.run(planId, confirmText, backup, language),
    'cleanup:receipt': ({ planId }) => cleanup.receipt(planId),
    'cleanup:openReceipt': ({ planId }) => cleanup.openReceipt(planId),
    'cleanup:plans': ({ language }) => listSavedPlans(dataDir, report, language),
  };
}
