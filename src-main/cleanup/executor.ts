/**
 * Runs a plan's steps in order (issue 5 §3): one delete call per step, each journaled
 * and fsynced before the next; steps the journal says are finished are skipped, so a
 * re-run after a crash, kill, cancel or network loss resumes exactly where it stopped.
 *
 * - 204 → done; 202 (DeleteImages with allIterations) → accepted, and after the project's
 *   image steps the executor polls until the images are gone (poll-images.ts).
 * - 404 (NOT_FOUND, also after a retry whose first answer was lost) → already-gone.
 * - A step the service refuses (400, 409…) is recorded as failed and the project's later
 *   steps are skipped (they may depend on it: DeleteProject after a failed
 *   DeleteIteration); other projects go on, and the run ends incomplete.
 * - Trouble that would hit every call (wrong key, no network, throttled or failing
 *   service after the client's retries, cancel) is journaled and stops the run.
 */
import { CLEANUP_CATEGORIES, type CallRecord, type CleanupPlan, type PlanStep, type StepOutcome } from '../../shared/model/cleanup';
import { isCustomVisionError, type DeleteResult, type TrainingClient } from '../customvision';
import { AppError } from '../ipc/app-error';
import type { JobContext } from '../jobs';
import type { CleanupJournal } from './cleanup-journal';
import { pollImagesGone } from './poll-images';

export interface ExecuteOptions {
  plan: CleanupPlan;
  journal: CleanupJournal;
  now: () => Date;
  pollIntervalMs: number;
  pollTimeoutMs: number;
}

export interface ExecuteResult {
  /** Steps sent in this run (skipped finished ones not counted). */
  sent: number;
  /** Steps whose last record is failed or skipped. */
  unfinished: number[];
}

/** The API operation each step kind calls (the client's operation names). */
export const STEP_OPERATION: Record<PlanStep['kind'], string> = {
  unpublishIteration: 'UnpublishIteration',
  deleteIteration: 'DeleteIteration',
  deleteImages: 'DeleteImages',
  deletePredictions: 'DeletePrediction',
  deleteTag: 'DeleteTag',
  deleteProject: 'DeleteProject',
};

/** Error codes that are about the account, network or service, not about one step. */
const FATAL_CODES: ReadonlySet<string> = new Set([
  'WRONG_KEY',
  'FORBIDDEN',
  'UNREACHABLE',
  'DNS_FAILURE',
  'TLS_ERROR',
  'CONNECTION_LOST',
  'TIMEOUT',
  'THROTTLED',
  'SERVICE_ERROR',
  'CANCELLED',
]);

/** Whether an error stops the whole run (journal kept; re-running resumes). */
export function isFatalError(error: unknown): boolean {
  return !isCustomVisionError(error) || FATAL_CODES.has(error.code);
}

export async function executePlan(ctx: JobContext, client: TrainingClient, options: ExecuteOptions): Promise<ExecuteResult> {
  const { plan, journal } = options;
  startProgress(ctx, plan, journal);
  const blocked = new Set<string>();
  const acceptedNow = new Set<string>();
  let sent = 0;

  for (const step of plan.steps) {
    if (!journal.isFinished(step.index)) {
      if (blocked.has(step.projectId)) {
        await journal.recordStep(record(options, step, { status: 0, outcome: 'skipped', message: 'Not sent: an earlier step of this project failed.' }));
        continue;
      }
      await ctx.checkpoint();
      const result = await sendStep(client, step, ctx.signal);
      sent += 1;
      await journal.recordStep(record(options, step, result));
      if (result.fatal) throw result.fatal;
      if (result.outcome === 'failed') {
        ctx.progress.fail(step.category, result.message ?? `${STEP_OPERATION[step.kind]} failed`);
        blocked.add(step.projectId);
        continue;
      }
      ctx.progress.advance(step.category, { items: itemsOf(step) });
      if (result.outcome === 'accepted') acceptedNow.add(step.projectId);
    }
    if (!blocked.has(step.projectId) && isLastImageStep(plan, step) && needsPoll(plan, journal, step.projectId, acceptedNow)) {
      await pollOrRecord(ctx, client, options, step.projectId);
    }
  }
  const unfinished = plan.steps.filter((step) => !journal.isFinished(step.index)).map((step) => step.index);
  return { sent, unfinished };
}

/**
 * Items a step counts for on its category's bar: its target ids, except that unpublishing
 * only prepares the iteration's deletion — so the bars' totals are the plan's counts, the
 * numbers the user reviewed.
 */
function itemsOf(step: PlanStep): number {
  return step.kind === 'unpublishIteration' ? 0 : step.targetIds.length;
}

/**
 * Waits for the project's 202 deletions. A read the service refuses (not a run-wide
 * problem) is journaled and the run goes on: later steps do not need the wait, and the
 * proof reads again.
 */
async function pollOrRecord(ctx: JobContext, client: TrainingClient, options: ExecuteOptions, projectId: string): Promise<void> {
  try {
    await pollImagesGone(ctx, client, imageTargets(options.plan, projectId), {
      intervalMs: options.pollIntervalMs,
      timeoutMs: options.pollTimeoutMs,
      journal: options.journal,
      now: options.now,
    });
  } catch (error) {
    if (isFatalError(error) || !isCustomVisionError(error)) throw error;
    await options.journal.recordPoll({
      at: options.now().toISOString(),
      operation: error.operation,
      projectId,
      targetIds: [],
      status: error.status ?? 0,
      ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
      outcome: 'failed',
      message: `Waiting for the image deletion failed: ${error.message} The proof checks again.`,
    });
  }
}

/** Totals from the plan, and what earlier runs already finished. */
function startProgress(ctx: JobContext, plan: CleanupPlan, journal: CleanupJournal): void {
  const totals = new Map<string, number>(CLEANUP_CATEGORIES.map((category) => [category, 0]));
  const done = new Map<string, number>();
  for (const step of plan.steps) {
    totals.set(step.category, (totals.get(step.category) ?? 0) + itemsOf(step));
    if (journal.isFinished(step.index)) done.set(step.category, (done.get(step.category) ?? 0) + itemsOf(step));
  }
  for (const [category, total] of totals) ctx.progress.setTotal(category, total);
  for (const [category, items] of done) if (items > 0) ctx.progress.advance(category, { items });
}

interface StepResult {
  status: number;
  requestId?: string;
  outcome: StepOutcome;
  message?: string;
  /** Set when the run must stop after journaling this call. */
  fatal?: unknown;
}

async function sendStep(client: TrainingClient, step: PlanStep, signal: AbortSignal): Promise<StepResult> {
  try {
    const answer = await callFor(client, step, signal);
    return withRequestId({ status: answer.status, outcome: answer.status === 202 ? 'accepted' : 'done' }, answer.requestId);
  } catch (error) {
    return classifyFailure(step, error);
  }
}

function callFor(client: TrainingClient, step: PlanStep, signal: AbortSignal): Promise<DeleteResult> {
  const target = step.targetIds[0] ?? '';
  switch (step.kind) {
    case 'unpublishIteration':
      return client.unpublishIteration(step.projectId, target, { signal });
    case 'deleteIteration':
      return client.deleteIteration(step.projectId, target, { signal });
    case 'deleteImages':
      // allIterations always: otherwise images survive inside trained iterations (reference §1.2).
      return client.deleteImages(step.projectId, { imageIds: step.targetIds, allIterations: true, signal });
    case 'deletePredictions':
      return client.deletePredictions(step.projectId, step.targetIds, { signal });
    case 'deleteTag':
      return client.deleteTag(step.projectId, target, { signal });
    case 'deleteProject':
      return client.deleteProject(step.projectId, { signal });
  }
}

function classifyFailure(step: PlanStep, error: unknown): StepResult {
  if (isCustomVisionError(error)) {
    const base = { status: error.status ?? 0, message: error.message };
    if (error.code === 'NOT_FOUND') {
      const lost = error.attempts > 1 ? ' (an earlier attempt most likely deleted it; its answer was lost)' : '';
      return withRequestId({ ...base, outcome: 'already-gone', message: `Already gone: 404${lost}.` }, error.requestId);
    }
    // Unpublishing what is not published: a previous run's unpublish went through before it was journaled.
    if (step.kind === 'unpublishIteration' && error.serviceCode === 'BadRequestIterationNotPublished') {
      return withRequestId({ ...base, outcome: 'already-gone', message: 'Already unpublished.' }, error.requestId);
    }
    if (FATAL_CODES.has(error.code)) return withRequestId({ ...base, outcome: 'failed', fatal: error }, error.requestId);
    return withRequestId({ ...base, outcome: 'failed' }, error.requestId);
  }
  // Refused before sending (e.g. an id that is not a GUID in a hand-edited plan).
  if (error instanceof AppError && error.code === 'INVALID_ARGUMENT') return { status: 0, outcome: 'failed', message: `Not sent: ${error.message}` };
  // A pause/cancel abort or a bug: journal that the call's fate is unknown, then stop.
  return { status: 0, outcome: 'failed', message: 'Stopped before an answer came; the step is sent again on resume.', fatal: error };
}

function withRequestId(result: StepResult, requestId: string | undefined): StepResult {
  return requestId === undefined ? result : { ...result, requestId };
}

function record(options: ExecuteOptions, step: PlanStep, result: Omit<StepResult, 'fatal'>): CallRecord {
  return {
    at: options.now().toISOString(),
    step: step.index,
    operation: STEP_OPERATION[step.kind],
    projectId: step.projectId,
    targetIds: step.targetIds,
    status: result.status,
    ...(result.requestId === undefined ? {} : { requestId: result.requestId }),
    outcome: result.outcome,
    ...(result.message === undefined ? {} : { message: result.message }),
  };
}

function isLastImageStep(plan: CleanupPlan, step: PlanStep): boolean {
  if (step.kind !== 'deleteImages') return false;
  const next = plan.steps[step.index + 1];
  return !(next && next.kind === 'deleteImages' && next.projectId === step.projectId);
}

/** Poll when this run had a 202, or an earlier run had one and its poll did not finish. */
function needsPoll(plan: CleanupPlan, journal: CleanupJournal, projectId: string, acceptedNow: ReadonlySet<string>): boolean {
  if (acceptedNow.has(projectId)) return true;
  if (journal.pollDone(projectId)) return false;
  return plan.steps.some((step) => step.projectId === projectId && step.kind === 'deleteImages' && journal.stepOutcome(step.index) === 'accepted');
}

/** Whether a project's image steps take its whole workspace (then counts prove it). */
export function deletesWholeWorkspace(plan: CleanupPlan, projectId: string): boolean {
  if (plan.projects.some((project) => project.id === projectId && project.deleteProject)) return true;
  return plan.scope.kind === 'part' && plan.scope.projectId === projectId && plan.scope.part.kind === 'allImages';
}

export function imageTargets(plan: CleanupPlan, projectId: string): { projectId: string; wholeProject: boolean; ids: string[] } {
  const ids = plan.steps.filter((step) => step.projectId === projectId && step.kind === 'deleteImages').flatMap((step) => step.targetIds);
  return { projectId, wholeProject: deletesWholeWorkspace(plan, projectId), ids };
}
