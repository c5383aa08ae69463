/**
 * buildPlan: a fresh id snapshot of everything the scope names, then the ordered steps
 * that delete exactly those ids (DESIGN §8, issue 5). The plan is data: nothing here
 * deletes anything, and the executor never pages while deleting — it uses these ids.
 *
 * Progress (job kind 'cleanup-plan', categories CLEANUP_CATEGORIES): each bar counts ids
 * as they are found; once the snapshot is complete every total is set to what the plan
 * holds, so the bars end full.
 */
import { randomUUID } from 'node:crypto';
import {
  CLEANUP_CATEGORIES,
  CLEANUP_PLAN_FORMAT,
  PlanAccountSchema,
  type CategoryCounts,
  type CleanupPlan,
  type CleanupScope,
  type PlanAccount,
} from '../../shared/model/cleanup';
import type { TrainingClient } from '../customvision';
import { AppError } from '../ipc/app-error';
import type { JobContext } from '../jobs';
import { takeIdSnapshot } from './id-snapshot';
import { planSteps } from './plan-steps';
import { checkScope, describeScope } from './scope';

export interface PlanInput {
  scope: CleanupScope;
  account: PlanAccount;
  planId?: string;
  now?: () => Date;
}

function checkAccount(input: unknown): PlanAccount {
  const parsed = PlanAccountSchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID_ARGUMENT', 'The account of the plan is incomplete (endpoint host, key fingerprint and name are needed).');
  if (parsed.data.displayName.trim() === '') {
    throw new AppError('INVALID_ARGUMENT', 'The account has no name, and a cleanup plan needs one: it is the text the user types to confirm. Give the account a name first.');
  }
  return parsed.data;
}

/** Totals per progress bar: what the plan deletes in each category. */
function categoryTotals(counts: CategoryCounts): Record<(typeof CLEANUP_CATEGORIES)[number], number> {
  return { iterations: counts.iterations, images: counts.images, predictions: counts.predictions, tags: counts.tags, projects: counts.projects };
}

export async function buildPlan(ctx: JobContext, client: TrainingClient, input: PlanInput): Promise<CleanupPlan> {
  const scope = checkScope(input.scope);
  const account = checkAccount(input.account);
  const createdAt = (input.now ?? (() => new Date()))().toISOString();
  const snapshot = await takeIdSnapshot(ctx, client, scope);
  const { steps, projects, counts } = planSteps(snapshot.projects);
  const totals = categoryTotals(counts);
  for (const category of CLEANUP_CATEGORIES) ctx.progress.setTotal(category, totals[category]);
  // Key order is the file's order (savePlan keeps it): what to type comes first.
  return {
    format: CLEANUP_PLAN_FORMAT,
    version: 1,
    planId: input.planId ?? randomUUID(),
    confirmText: account.displayName,
    createdAt,
    account,
    scope,
    scopeText: describeScope(scope, snapshot.projectNames, snapshot.names),
    projects,
    counts,
    apiCalls: steps.length,
    steps,
  };
}
