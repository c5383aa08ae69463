/**
 * Cleanup (a domain, docs/architecture.md, "Layers"): the one deletion path — scope, id snapshot, plan,
 * seal, backup coverage gate, journaled executor, proof and receipt; see
 * docs/architecture.md, "Cleanup", and src-main/cleanup/README.md.
 * May import the leaves, the platform (customvision, secrets, jobs, fs, locks, i18n) and
 * export's verifyBundle (the coverage check re-verifies the bundle); never application/,
 * services.ts or a front end. Other main-process modules import from here only.
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
