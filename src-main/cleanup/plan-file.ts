/**
 * The plan file: pretty JSON a person can read (and a script can grep) — the header with
 * `confirmText` near the top, then one line per step. Written atomically (tmp → fsync →
 * rename → fsync of the folder), so a crash leaves the old plan or the new one, never
 * half of one. Sealed on the way out (plan-seal.ts; the gate checks the seal before any
 * run). Read back through CleanupPlanSchema plus the consistency checks of
 * plan-check.ts; any problem is PLAN_INVALID naming it.
 */
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileDurably } from '../fs/durable-write';
import { CLEANUP_PLAN_FORMAT, CleanupPlanSchema, type CleanupPlan, type PlanSummary } from '../../shared/model/cleanup';
import { AppError } from '../errors/app-error';
import { planProblem } from './plan-check';
import type { PlanSealer } from './plan-seal';

/** The header in reading order: what to type first, then what and how much; the seal last. */
function header(plan: Omit<CleanupPlan, 'seal'> & { seal?: string }): Omit<CleanupPlan, 'steps'> {
  return {
    format: plan.format,
    version: plan.version,
    confirmText: plan.confirmText,
    scopeText: plan.scopeText,
    ...(plan.scopeNames ? { scopeNames: plan.scopeNames } : {}),
    planId: plan.planId,
    createdAt: plan.createdAt,
    account: plan.account,
    scope: plan.scope,
    counts: plan.counts,
    apiCalls: plan.apiCalls,
    projects: plan.projects,
    ...(plan.seal === undefined ? {} : { seal: plan.seal }),
  };
}

/**
 * The file's text. Steps go one per line: 100 000 image ids stay a few MB and diffable.
 * Without a seal this is also the canonical text the seal covers (plan-seal.ts).
 */
export function planText(plan: Omit<CleanupPlan, 'seal'> & { seal?: string }): string {
  const head = JSON.stringify(header(plan), null, 2);
  const lines = plan.steps.map(({ index, kind, projectId, category, targetIds }) => `    ${JSON.stringify({ index, kind, projectId, category, targetIds })}`);
  const steps = lines.length === 0 ? '[]' : `[\n${lines.join(',\n')}\n  ]`;
  return `${head.slice(0, head.lastIndexOf('}')).trimEnd()},\n  "steps": ${steps}\n}\n`;
}

function errnoCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function writeError(path: string, error: unknown): AppError {
  const code = errnoCode(error);
  if (code === 'ENOSPC') return new AppError('DISK_FULL', `The disk is full: the plan could not be saved to ${path}.`, { cause: error });
  if (code === 'ENOENT') return new AppError('CANNOT_WRITE', `The folder ${dirname(path)} does not exist: the plan could not be saved.`, { cause: error });
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError('CANNOT_WRITE', `CV Steward may not write to ${dirname(path)}: the plan could not be saved.`, { cause: error });
  }
  return new AppError('CANNOT_WRITE', `The plan could not be saved to ${path} (${code ?? 'unknown error'}).`, { cause: error });
}

/**
 * Seals the plan (plan-seal.ts) and writes it; returns the sealed plan, which is the one
 * to show and to run.
 */
export async function savePlan(path: string, plan: CleanupPlan, sealer: PlanSealer): Promise<CleanupPlan> {
  // The same checks loadPlan makes: a plan that could not be run is never written.
  const problem = planProblem(plan);
  if (problem !== undefined) throw new AppError('PLAN_INVALID', `The plan was not saved: ${problem}.`);
  const sealed = await sealer.seal(plan);
  try {
    await writeFileDurably(path, planText(sealed));
  } catch (error) {
    throw writeError(path, error);
  }
  return sealed;
}

function invalid(path: string, problem: string): AppError {
  return new AppError('PLAN_INVALID', `${path} is not a usable cleanup plan: ${problem}. Make a new plan instead of editing this one.`);
}

export async function loadPlan(path: string): Promise<CleanupPlan> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new AppError('PLAN_INVALID', `There is no plan file at ${path}.`);
    if (code === 'EISDIR') throw new AppError('PLAN_INVALID', `${path} is a folder, not a plan file.`);
    throw new AppError('PLAN_INVALID', `The plan file ${path} cannot be read (${code ?? 'unknown error'}).`, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid(path, 'it is not valid JSON (edited, or cut short?)');
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== CLEANUP_PLAN_FORMAT) {
    throw invalid(path, `it is not a CV Steward cleanup plan (no "format": "${CLEANUP_PLAN_FORMAT}")`);
  }
  const parsed = CleanupPlanSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'top level';
    throw invalid(path, `${where}: ${issue?.message ?? 'invalid'}`);
  }
  const problem = planProblem(parsed.data);
  if (problem !== undefined) throw invalid(path, problem);
  return parsed.data;
}

/** Everything but the id lists (and the seal), for the renderer. */
export function summarizePlan(plan: CleanupPlan, planPath: string): PlanSummary {
  const { seal: _seal, ...shown } = header(plan);
  return { ...shown, stepCount: plan.steps.length, planPath };
}
