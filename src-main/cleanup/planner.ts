/**
 * buildPlan: a fresh id snapshot of everything the scope names, then the ordered steps
 * that delete exactly those ids (docs/architecture.md, "Cleanup"). The plan is data: nothing here
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
import { AppError } from '../errors/app-error';
import type { JobContext } from '../jobs';
import { takeIdSnapshot } from './id-snapshot';
import { API_BATCH_SIZES, planSteps, type BatchSizes } from './plan-steps';
import { checkScope, describeScope, type ScopeNames } from './scope';
import type { Language } from '../../shared/model/preferences';

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

/**
 * Ids per delete call: the API's limits, or fewer where the request line would pass 8 KB
 * (256 GUIDs make about 10 KB). Every project id is a GUID of the same length, so one
 * project's sizes are every project's.
 */
function batchSizes(client: TrainingClient, projectId: string | undefined): BatchSizes {
  if (projectId === undefined) return API_BATCH_SIZES;
  return {
    images: client.maxIdsPerCall('DeleteImages', projectId, { allIterations: true }),
    predictions: client.maxIdsPerCall('DeletePrediction', projectId),
  };
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
  const { steps, projects, counts } = planSteps(snapshot.projects, batchSizes(client, snapshot.projects[0]?.id));
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
    ...scopeNamesOf(scope, snapshot.names),
    projects,
    counts,
    apiCalls: steps.length,
    steps,
  };
}

/** The name of the tag or iteration a part scope refers to, kept so the scope can be described again in another language. */
function scopeNamesOf(scope: CleanupScope, names: ScopeNames): { scopeNames?: NonNullable<CleanupPlan['scopeNames']> } {
  if (scope.kind !== 'part') return {};
  const { part } = scope;
  const tag = part.kind === 'tag' || part.kind === 'taggedWith' ? names.tags?.get(part.tagId) : undefined;
  const iteration = part.kind === 'iteration' ? names.iterations?.get(part.iterationId) : undefined;
  if (tag === undefined && iteration === undefined) return {};
  return { scopeNames: { ...(tag === undefined ? {} : { tag }), ...(iteration === undefined ? {} : { iteration }) } };
}

/** The plan's scope in `language`: English is the plan file's own text; other languages are put together from the names it kept. */
export function planScopeText(plan: CleanupPlan, language: Language = 'en'): string {
  if (language === 'en') return plan.scopeText;
  const projectNames = new Map(plan.projects.map((project) => [project.id, project.name]));
  const { scope } = plan;
  const names: ScopeNames = {};
  if (scope.kind === 'part') {
    const { part } = scope;
    if ((part.kind === 'tag' || part.kind === 'taggedWith') && plan.scopeNames?.tag !== undefined) names.tags = new Map([[part.tagId, plan.scopeNames.tag]]);
    if (part.kind === 'iteration' && plan.scopeNames?.iteration !== undefined) names.iterations = new Map([[part.iterationId, plan.scopeNames.iteration]]);
  }
  return describeScope(scope, projectNames, names, language);
}
