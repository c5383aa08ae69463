/**
 * Runs a plan's steps in order: one delete call per step (more when a batch is split),
 * each journaled and fsynced before the next; targets the journal says are settled are
 * never sent again, so a re-run after a crash, kill, cancel or network loss resumes
 * exactly where it stopped — in the middle of a split batch too.
 *
 * - 204 → done; 202 (DeleteImages with allIterations) → accepted, and after the project's
 *   image steps the executor waits until the images are gone (poll-images.ts).
 * - 404 proves "already gone" only when the service names what is missing (NotFoundImage for
 *   the one image asked about, NotFoundIteration, NotFoundTag, NotFoundProject). A gateway's
 *   404, a proxy's page or an empty body proves nothing: `unverified`, the step stays open,
 *   and the proof says it could not verify.
 * - A batch of image or prediction ids the service refuses (400, 404, or too long a request)
 *   is halved, and halved again, down to single ids: ids deleted elsewhere since the plan
 *   was made must not keep every other id of their batch in place.
 * - Images of a filtered scope (untagged, tagged with, older than) are read again first and
 *   any that left the scope are dropped — left in place, named in the receipt (scope-recheck.ts).
 * - Another step the service refuses (400, 409…) is recorded as failed and the project's
 *   later steps are skipped (they may depend on it: DeleteProject after a failed
 *   DeleteIteration); other projects go on, and the run ends incomplete.
 * - Trouble that would hit every call (wrong key, no network, throttled or failing service
 *   after the client's retries, cancel) is journaled and stops the run.
 */
import { CLEANUP_CATEGORIES, type CallRecord, type CleanupPlan, type PlanStep, type StepOutcome } from '../../shared/model/cleanup';
import { isCustomVisionError, notFoundNames, type DeleteResult, type NotFoundServiceCode, type TrainingClient } from '../customvision';
import { AppError } from '../errors/app-error';
import type { JobContext } from '../jobs';
import type { CleanupJournal } from './cleanup-journal';
import { pollImagesGone } from './poll-images';
import { needsRecheck, recheckScope } from './scope-recheck';
import type { MainText } from '../../shared/model/main-text';

export interface ExecuteOptions {
  plan: CleanupPlan;
  journal: CleanupJournal;
  now: () => Date;
  pollIntervalMs: number;
  pollTimeoutMs: number;
}

export interface ExecuteResult {
  /** Calls sent in this run (skipped finished steps not counted). */
  sent: number;
  /** Steps with targets not settled. */
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
  const counter = { sent: 0 };

  for (const step of plan.steps) {
    if (!journal.isFinished(step)) {
      if (blocked.has(step.projectId)) {
        await journal.recordStep(record(options, step, journal.remaining(step), { status: 0, outcome: 'skipped', message: 'Not sent: an earlier step of this project failed.' }));
        continue;
      }
      await ctx.checkpoint();
      const result = await runStep(ctx, client, options, step, counter);
      if (result.accepted) acceptedNow.add(step.projectId);
      // A batch step's refused ids concern those ids only; any other failed step may be what later ones need.
      if (result.failed && !isBatch(step)) {
        ctx.progress.fail(step.category, result.failed);
        blocked.add(step.projectId);
        continue;
      }
      if (result.failed) ctx.progress.fail(step.category, result.failed);
    }
    if (!blocked.has(step.projectId) && isLastImageStep(plan, step) && needsPoll(plan, journal, step.projectId, acceptedNow)) {
      await pollOrRecord(ctx, client, options, step.projectId);
    }
  }
  const unfinished = plan.steps.filter((step) => !journal.isFinished(step)).map((step) => step.index);
  return { sent: counter.sent, unfinished };
}

interface StepRun {
  /** A 202 was among the answers (the project's images are deleted in the background). */
  accepted: boolean;
  /** The last refusal, in words, when some target could not be deleted. */
  failed?: string;
}

/** One step: the scope re-check where it applies, then its (remaining) targets, halving a refused batch. */
async function runStep(ctx: JobContext, client: TrainingClient, options: ExecuteOptions, step: PlanStep, counter: { sent: number }): Promise<StepRun> {
  const { journal, plan } = options;
  let targets = journal.remaining(step);
  if (needsRecheck(plan, step)) {
    const checked = await recheck(ctx, client, options, step, targets);
    if (checked === undefined) return { accepted: false, failed: 'The scope could not be checked; nothing of this step was deleted.' };
    targets = checked;
  }
  const run: StepRun = { accepted: false };
  if (targets.length > 0) await send(ctx, client, options, step, targets, run, counter);
  return run;
}

/**
 * Reads the targets again and journals those out of scope (dropped) or found nowhere
 * (already gone); returns the ids still to delete, or undefined when the reads failed
 * (then nothing of the step is sent, and the step stays open).
 */
async function recheck(ctx: JobContext, client: TrainingClient, options: ExecuteOptions, step: PlanStep, ids: string[]): Promise<string[] | undefined> {
  const { journal } = options;
  try {
    const result = await recheckScope(client, options.plan, step.projectId, ids, ctx.signal);
    for (const { id, reason, reasonText } of result.dropped) {
      await journal.recordStep(record(options, step, [id], { status: 200, outcome: 'dropped', message: `Left in place: ${reason}`, messageText: [reasonText] }, 'GetImagesByIds'));
    }
    if (result.gone.length > 0) {
      await journal.recordStep(
        record(options, step, result.gone, { status: 200, outcome: 'already-gone', message: 'Not in the workspace nor in any iteration any more: already gone.' }, 'GetImagesByIds'),
      );
      ctx.progress.advance(step.category, { items: result.gone.length });
    }
    return result.kept;
  } catch (error) {
    if (isFatalError(error)) throw error;
    const status = isCustomVisionError(error) ? (error.status ?? 0) : 0;
    await journal.recordStep(
      record(options, step, ids, {
        status,
        outcome: 'unverified',
        message: `The images could not be read again to check they are still in the plan's scope, so none of them was deleted: ${error instanceof Error ? error.message : String(error)}`,
      }, 'GetImagesByIds'),
    );
    return undefined;
  }
}

/** Sends one call for `ids`; a refused batch of two or more is halved and each half sent the same way. */
async function send(ctx: JobContext, client: TrainingClient, options: ExecuteOptions, step: PlanStep, ids: string[], run: StepRun, counter: { sent: number }): Promise<void> {
  const result = await sendOnce(client, step, ids, ctx.signal);
  counter.sent += 1;
  const split = isBatch(step) && ids.length > 1 && result.refusedBatch === true;
  // A refused batch is journaled as such (nothing settled); its halves follow.
  await options.journal.recordStep(record(options, step, ids, split ? { ...result, outcome: 'failed', message: `${result.message ?? 'Refused'} The batch is split in two and sent again.` } : result));
  if (result.fatal) throw result.fatal;
  if (split) {
    const half = Math.ceil(ids.length / 2);
    // Pause and cancel take effect between the halves too: the journal knows what is settled.
    await ctx.checkpoint();
    await send(ctx, client, options, step, ids.slice(0, half), run, counter);
    await ctx.checkpoint();
    await send(ctx, client, options, step, ids.slice(half), run, counter);
    return;
  }
  if (result.outcome === 'failed' || result.outcome === 'unverified') {
    run.failed = result.message ?? `${STEP_OPERATION[step.kind]} failed`;
    return;
  }
  if (result.outcome === 'accepted') run.accepted = true;
  ctx.progress.advance(step.category, { items: step.kind === 'unpublishIteration' ? 0 : ids.length });
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
    await pollImagesGone(ctx, client, imageTargets(options.plan, projectId, options.journal), {
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
    const settled = step.kind === 'unpublishIteration' ? 0 : step.targetIds.length - journal.remaining(step).length;
    if (settled > 0) done.set(step.category, (done.get(step.category) ?? 0) + settled);
  }
  for (const [category, total] of totals) ctx.progress.setTotal(category, total);
  for (const [category, items] of done) if (items > 0) ctx.progress.advance(category, { items });
}

interface StepResult {
  status: number;
  requestId?: string;
  outcome: StepOutcome;
  message?: string;
  /** The message as catalogue codes, for the receipt's language. */
  messageText?: MainText[];
  /** Set when the run must stop after journaling this call. */
  fatal?: unknown;
  /** The service refused the whole batch (400, 404, request too long): it may be halved. */
  refusedBatch?: boolean;
}

async function sendOnce(client: TrainingClient, step: PlanStep, ids: string[], signal: AbortSignal): Promise<StepResult> {
  try {
    const answer = await callFor(client, step, ids, signal);
    return withRequestId({ status: answer.status, outcome: answer.status === 202 ? 'accepted' : 'done' }, answer.requestId);
  } catch (error) {
    return classifyFailure(step, ids, error);
  }
}

function callFor(client: TrainingClient, step: PlanStep, ids: string[], signal: AbortSignal): Promise<DeleteResult> {
  const target = ids[0] ?? '';
  switch (step.kind) {
    case 'unpublishIteration':
      return client.unpublishIteration(step.projectId, target, { signal });
    case 'deleteIteration':
      return client.deleteIteration(step.projectId, target, { signal });
    case 'deleteImages':
      // allIterations always: otherwise images survive inside trained iterations.
      return client.deleteImages(step.projectId, { imageIds: ids, allIterations: true, signal });
    case 'deletePredictions':
      return client.deletePredictions(step.projectId, ids, { signal });
    case 'deleteTag':
      return client.deleteTag(step.projectId, target, { signal });
    case 'deleteProject':
      return client.deleteProject(step.projectId, { signal });
  }
}

/**
 * The 404 codes that prove a step's target absent: the thing itself named, or its project
 * (which takes everything in it along). For a batch of ids none does: a NotFoundImage for
 * a batch does not say which of its ids is missing.
 */
function absenceCodes(step: PlanStep, ids: readonly string[]): readonly NotFoundServiceCode[] {
  switch (step.kind) {
    case 'unpublishIteration':
    case 'deleteIteration':
      return ['NotFoundIteration', 'NotFoundProject'];
    case 'deleteTag':
      return ['NotFoundTag', 'NotFoundProject'];
    case 'deleteProject':
      return ['NotFoundProject'];
    case 'deleteImages':
      return ids.length === 1 ? ['NotFoundImage', 'NotFoundProject'] : ['NotFoundProject'];
    case 'deletePredictions':
      return ['NotFoundProject'];
  }
}

function classifyFailure(step: PlanStep, ids: readonly string[], error: unknown): StepResult {
  if (isCustomVisionError(error)) {
    const base = { status: error.status ?? 0, message: error.message };
    if (absenceCodes(step, ids).some((code) => notFoundNames(error, code))) {
      const lost = error.attempts > 1 ? ' (an earlier attempt most likely deleted it; its answer was lost)' : '';
      return withRequestId({ ...base, outcome: 'already-gone', message: `Already gone: 404 ${error.serviceCode ?? ''}${lost}.` }, error.requestId);
    }
    // Unpublishing what is not published: a previous run's unpublish went through before it was journaled.
    if (step.kind === 'unpublishIteration' && error.serviceCode === 'BadRequestIterationNotPublished') {
      return withRequestId({ ...base, outcome: 'already-gone', message: 'Already unpublished.' }, error.requestId);
    }
    if (FATAL_CODES.has(error.code)) return withRequestId({ ...base, outcome: 'failed', fatal: error }, error.requestId);
    const refused = error.code === 'BAD_REQUEST' || error.code === 'NOT_FOUND' || error.code === 'REQUEST_TOO_LONG';
    if (error.code === 'NOT_FOUND') {
      // A 404 that names nothing (a gateway, a proxy page) or another thing: it proves nothing.
      return withRequestId(
        {
          ...base,
          outcome: 'unverified',
          message: `Could not verify: the service answered 404 without saying what is missing (${error.serviceCode ?? 'no code'}), so it is not known whether this was deleted. ${error.message}`,
          refusedBatch: refused,
        },
        error.requestId,
      );
    }
    return withRequestId({ ...base, outcome: 'failed', refusedBatch: refused }, error.requestId);
  }
  // Refused before sending (e.g. an id that is not a GUID in a hand-edited plan).
  if (error instanceof AppError && error.code === 'INVALID_ARGUMENT') return { status: 0, outcome: 'failed', message: `Not sent: ${error.message}` };
  // A pause/cancel abort or a bug: journal that the call's fate is unknown, then stop.
  return { status: 0, outcome: 'failed', message: 'Stopped before an answer came; the step is sent again on resume.', fatal: error };
}

function withRequestId(result: StepResult, requestId: string | undefined): StepResult {
  return requestId === undefined ? result : { ...result, requestId };
}

function record(options: ExecuteOptions, step: PlanStep, targetIds: readonly string[], result: Omit<StepResult, 'fatal' | 'refusedBatch'>, operation?: string): CallRecord {
  return {
    at: options.now().toISOString(),
    step: step.index,
    operation: operation ?? STEP_OPERATION[step.kind],
    projectId: step.projectId,
    targetIds: [...targetIds],
    status: result.status,
    ...(result.requestId === undefined ? {} : { requestId: result.requestId }),
    outcome: result.outcome,
    ...(result.message === undefined ? {} : { message: result.message }),
    ...(result.messageText === undefined ? {} : { messageText: result.messageText }),
  };
}

/** Steps whose targets are many ids in one call (and may be split). */
function isBatch(step: PlanStep): boolean {
  return step.kind === 'deleteImages' || step.kind === 'deletePredictions';
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
  return plan.steps.some((step) => step.projectId === projectId && step.kind === 'deleteImages' && journal.hadOutcome(step.index, 'accepted'));
}

/** Whether a project's image steps take its whole workspace (then counts prove it). */
export function deletesWholeWorkspace(plan: CleanupPlan, projectId: string): boolean {
  if (plan.projects.some((project) => project.id === projectId && project.deleteProject)) return true;
  return plan.scope.kind === 'part' && plan.scope.projectId === projectId && plan.scope.part.kind === 'allImages';
}

/** The images a project's steps delete — without those the run left in place (out of scope now), which stay by design. */
export function imageTargets(plan: CleanupPlan, projectId: string, journal?: CleanupJournal): { projectId: string; wholeProject: boolean; ids: string[] } {
  const steps = plan.steps.filter((step) => step.projectId === projectId && step.kind === 'deleteImages');
  const left = new Set(steps.flatMap((step) => (journal?.dropped(step.index) ?? []).map((item) => item.id)));
  const ids = steps.flatMap((step) => step.targetIds).filter((id) => !left.has(id));
  return { projectId, wholeProject: deletesWholeWorkspace(plan, projectId), ids };
}
