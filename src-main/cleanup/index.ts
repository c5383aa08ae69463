/**
 * The cleanup module's public API (docs/architecture.md, "Cleanup"; src-main/cleanup/README.md):
 * other main-process modules import from here only.
 */
// Planner, plan file and the backup-coverage half of the safety gate.
export { buildPlan, planScopeText, type PlanInput } from './planner';
export { savePlan, loadPlan, summarizePlan, planText } from './plan-file';
export { keychainPlanSealer, PLAN_SEAL_ACCOUNT, type PlanSealer } from './plan-seal';
export { parseScopeArg, describeScope, checkScope, parseBeforeDate, type ScopeNames } from './scope';
export { checkBundleCoverage, UNCOVERED_LIMIT, type CoverageOptions } from './coverage';
export { cleanupPaths, type CleanupPaths } from './cleanup-paths';
export { IMAGE_BATCH, PREDICTION_BATCH, STEP_CATEGORY } from './plan-steps';

// The gate's confirmation half, the executor, the proof and the receipt.
export { runCleanup, DEFAULT_POLL_INTERVAL_MS, DEFAULT_POLL_TIMEOUT_MS, type RunCleanupOptions, type CleanupOutcome } from './run-cleanup';
export { NOT_DELETABLE } from './not-deletable';
export type { BackupChoice, CoverageCheck } from './gate';
