/**
 * The safety gate, checked in the main process before any delete call of every run,
 * resumed ones included: the plan is sealed and unchanged since it was made, it is whole,
 * it was made for this account, the typed text matches, and a verified bundle covers
 * every item — or the backup was explicitly waived, which the journal and the receipt
 * record.
 */
import type { CleanupPlan, CoverageReport, PlanStep, UncoveredItem } from '../../shared/model/cleanup';
import type { TrainingClient } from '../customvision';
import { AppError } from '../errors/app-error';
import type { JobContext } from '../jobs';
import type { BackupRecord } from './cleanup-journal';
import type { PlanSealer } from './plan-seal';

export type CoverageCheck = (ctx: JobContext, plan: CleanupPlan, bundleFolder: string) => Promise<CoverageReport>;

export type BackupChoice = { kind: 'bundle'; folder: string } | { kind: 'waived' };

export interface GateInput {
  plan: CleanupPlan;
  /** Checks the plan is the one that was sealed when it was saved (and so reviewed). */
  sealer: PlanSealer;
  confirmText: string;
  backup: BackupChoice;
  checkCoverage: CoverageCheck;
  now: () => Date;
}

/** How many uncovered items and verify problems an error message names. */
const SHOWN = 5;

/**
 * Ids per call the API takes (the v3.3 spec's parameter descriptions): 256 images, 64
 * predictions, one of the rest.
 */
const MAX_TARGETS: Record<PlanStep['kind'], number> = {
  unpublishIteration: 1,
  deleteIteration: 1,
  deleteImages: 256,
  deletePredictions: 64,
  deleteTag: 1,
  deleteProject: 1,
};

/**
 * Passes or throws (PLAN_UNSEALED, PLAN_SEALED_ELSEWHERE, PLAN_TAMPERED, CONFIRMATION_MISMATCH,
 * PLAN_ACCOUNT_MISMATCH, PLAN_INVALID, BACKUP_NOT_COVERING).
 */
export async function passGate(ctx: JobContext, client: Pick<TrainingClient, 'endpoint'>, input: GateInput): Promise<BackupRecord> {
  const { plan } = input;
  // First of all: only the plan the user reviewed may run, whatever else is right about it.
  await input.sealer.check(plan);
  checkPlanShape(plan);
  // Exactly as typed: no trimming or case folding, like GitHub's repository deletion.
  if (input.confirmText !== plan.confirmText) {
    throw new AppError('CONFIRMATION_MISMATCH', `The confirmation does not match. Type the account's name exactly as shown: "${plan.confirmText}". Nothing was deleted.`);
  }
  if (plan.account.endpointHost.toLowerCase() !== client.endpoint.host.toLowerCase()) {
    throw new AppError(
      'PLAN_ACCOUNT_MISMATCH',
      `This plan was made for ${plan.account.endpointHost} ("${plan.account.displayName}"), but the account in use is ${client.endpoint.host}. Nothing was deleted; make a new plan for this account.`,
    );
  }
  if (input.backup.kind === 'waived') return { kind: 'waived', waivedAt: input.now().toISOString() };

  const report = await input.checkCoverage(ctx, plan, input.backup.folder);
  if (!report.ok) throw new AppError('BACKUP_NOT_COVERING', notCoveringMessage(report));
  return {
    kind: 'bundle',
    folder: report.bundleFolder,
    ...(report.exportedAt === undefined ? {} : { exportedAt: report.exportedAt }),
    checkedFiles: report.checkedFiles,
    checkedAt: report.checkedAt,
  };
}

/** Step numbers are what the journal refers to; a plan whose numbers are off would resume wrongly. */
function checkPlanShape(plan: CleanupPlan): void {
  const projects = new Set(plan.projects.map((project) => project.id));
  plan.steps.forEach((step, position) => {
    if (step.index !== position) throw new AppError('PLAN_INVALID', `Step ${position} of the plan is numbered ${step.index}; the plan file was changed. Make a new plan.`);
    if (!projects.has(step.projectId)) throw new AppError('PLAN_INVALID', `Step ${position} of the plan names project ${step.projectId}, which the plan does not list. Make a new plan.`);
    const max = MAX_TARGETS[step.kind];
    if (step.targetIds.length < 1 || step.targetIds.length > max) {
      throw new AppError('PLAN_INVALID', `Step ${position} of the plan (${step.kind}) has ${step.targetIds.length} targets; it may have 1 to ${max}. Make a new plan.`);
    }
    if (step.kind === 'deleteProject' && step.targetIds[0] !== step.projectId) {
      throw new AppError('PLAN_INVALID', `Step ${position} of the plan deletes project ${step.targetIds[0] ?? ''} under project ${step.projectId}. Make a new plan.`);
    }
  });
}

const REASON_TEXT: Record<UncoveredItem['reason'], string> = {
  'missing-record': 'not in the bundle',
  'missing-file': 'file missing',
  'altered-file': 'file altered',
};

const SINGULAR: Record<UncoveredItem['category'], string> = {
  iterations: 'iteration',
  images: 'image',
  predictions: 'prediction',
  tags: 'tag',
  projects: 'project',
};

export function notCoveringMessage(report: CoverageReport): string {
  const parts: string[] = [`The backup at ${report.bundleFolder} does not cover this plan.`];
  if (report.uncoveredCount > 0) {
    const first = report.uncovered.slice(0, SHOWN).map((item) => `${SINGULAR[item.category]} ${item.id} (${REASON_TEXT[item.reason]})`);
    const more = report.uncoveredCount > first.length ? `, and ${report.uncoveredCount - first.length} more` : '';
    parts.push(`${report.uncoveredCount} item${report.uncoveredCount === 1 ? ' is' : 's are'} not covered: ${first.join(', ')}${more}.`);
  }
  if (report.verifyProblems.length > 0) {
    const first = report.verifyProblems.slice(0, SHOWN);
    const more = report.verifyProblems.length > first.length ? `, and ${report.verifyProblems.length - first.length} more` : '';
    parts.push(`Verifying the bundle found ${report.verifyProblems.length} problem${report.verifyProblems.length === 1 ? '' : 's'}: ${first.join(', ')}${more}.`);
  }
  if (report.uncoveredCount === 0 && report.verifyProblems.length === 0) parts.push(`The bundle's status is "${report.bundleStatus}".`);
  parts.push('Back up the missing items (or choose a bundle that holds them) and run the plan again. Nothing was deleted.');
  return parts.join(' ');
}
