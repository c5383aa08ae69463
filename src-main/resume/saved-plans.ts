/**
 * The cleanup plans saved in the data folder (`<dataDir>/cleanups/<planId>/plan.json`),
 * for the wizard's "Saved plans" list, so a plan can be found again after a restart.
 * Only folders named like a plan id main made are read (the same rule cleanup-plans.ts
 * uses); a plan file that does not load is skipped and reported, never a failure of the
 * whole list.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PlanIdSchema } from '../../shared/ipc/contract';
import { type Language } from '../../shared/model/preferences';
import { type SavedPlan } from '../../shared/model/resume';
import { ReceiptSchema, type CategoryCounts } from '../../shared/model/cleanup';
import { cleanupPaths, loadPlan, planScopeText } from '../cleanup';
import type { ReportProblem } from './record-files';

/** `language`: the wizard's, for each plan's scope sentence (the plan file keeps English). */
export async function listSavedPlans(dataDir: string, report: ReportProblem = () => undefined, language: Language = 'en'): Promise<SavedPlan[]> {
  const root = join(dataDir, 'cleanups');
  let names: string[];
  try {
    names = await readdir(root);
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) report('saved cleanup plans', error);
    return [];
  }
  const plans: SavedPlan[] = [];
  for (const planId of names) {
    if (!PlanIdSchema.safeParse(planId).success) continue;
    const planPath = join(root, planId, 'plan.json');
    if (!(await isFile(planPath))) continue; // being built, or building failed: nothing to reopen
    try {
      const plan = await loadPlan(planPath);
      if (plan.planId !== planId) throw new Error(`${planPath} holds the plan ${plan.planId}, not ${planId}`);
      plans.push({
        planId,
        createdAt: plan.createdAt,
        accountName: plan.account.displayName,
        state: await planState(planPath),
        totalItems: totalItems(plan.counts),
        scopeText: planScopeText(plan, language),
      });
    } catch (error) {
      report(`saved cleanup plan ${planId}`, error);
    }
  }
  return plans.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** What the user would delete, item by item (published iterations and iteration-only images are already counted). */
export function totalItems(counts: CategoryCounts): number {
  return counts.projects + counts.iterations + counts.images + counts.predictions + counts.tags;
}

/**
 * 'done' when the receipt says every step was verified gone; 'incomplete' when a run
 * started (its journal exists) and did not get there; 'planned' when it never ran.
 */
async function planState(planPath: string): Promise<SavedPlan['state']> {
  const paths = cleanupPaths(planPath);
  const receipt = ReceiptSchema.safeParse(await readJson(paths.receiptJson));
  if (receipt.success && receipt.data.complete) return 'done';
  if (receipt.success || (await isFile(paths.journal))) return 'incomplete';
  return 'planned';
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Whether a plan with this id is saved in the data folder (an id that is not one main made: no). */
export async function planFileExists(dataDir: string, planId: string): Promise<boolean> {
  if (!PlanIdSchema.safeParse(planId).success) return false;
  return isFile(join(dataDir, 'cleanups', planId, 'plan.json'));
}
