/**
 * Waiting for 202 image deletions (DeleteImages with allIterations answers 202 and
 * finishes in the background): once per project, after its image steps, the executor
 * re-reads until the planned images are gone. When the project's whole workspace goes,
 * counts are the cheap check; if they are not 0 (images uploaded after planning, or the
 * deletion still running) the plan's own ids decide — images the plan never named are not
 * waited for. A subset is checked by its ids (GetImagesByIds, as many calls as the request
 * line allows). Every read is journaled; the round that sees nothing left is marked done.
 *
 * A 404 of a read proves the project (or the iteration read) gone only when the service
 * names it (NotFoundProject, NotFoundIteration); any other 404 — a gateway's, a proxy's
 * page — is an error like any other: it proves nothing.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { CallRecord } from '../../shared/model/cleanup';
import { isCustomVisionError, MAX_IMAGE_IDS, notFoundNames, type TrainingClient } from '../customvision';
import type { JobContext } from '../jobs';
import type { CleanupJournal } from './cleanup-journal';
import { mainText, type MainText } from '../../shared/model/main-text';

export interface ImageTargets {
  projectId: string;
  /** The project's whole workspace goes: counts are the cheap, complete check. */
  wholeProject: boolean;
  ids: readonly string[];
}

/** One read made while checking; becomes a poll record of the journal. */
export interface ReadCall {
  operation: string;
  status: number;
  requestId?: string;
  message: string;
  /** The message as catalogue codes, for the receipt's language. */
  messageText?: MainText[];
}

export interface ImagesLeft {
  left: number;
  /** False when the project itself is gone (404), which takes its images with it. */
  projectExists: boolean;
  calls: ReadCall[];
}

/** A read's 404 that names the project: the project is gone, and everything in it. */
export function provesProjectGone(error: unknown): boolean {
  return notFoundNames(error, 'NotFoundProject');
}

/** A read's 404 that names the iteration asked about (or its project). */
export function provesIterationGone(error: unknown): boolean {
  return notFoundNames(error, 'NotFoundIteration') || provesProjectGone(error);
}

/** Whether a 404 of a read in `iterationId` (or the workspace) proves the place read is gone. */
function provesPlaceGone(error: unknown, iterationId: string | undefined): boolean {
  return iterationId === undefined ? provesProjectGone(error) : provesIterationGone(error);
}

/** Tagged + untagged images in the workspace, or in one iteration. */
export async function countImages(client: TrainingClient, projectId: string, signal: AbortSignal, iterationId?: string): Promise<ImagesLeft> {
  const where = iterationId === undefined ? 'workspace' : `iteration ${iterationId}`;
  const place = (code: string, count: number) => (iterationId === undefined ? mainText(`${code}Workspace`, { count }) : mainText(`${code}Iteration`, { count, iteration: iterationId }));
  const calls: ReadCall[] = [];
  try {
    const options = iterationId === undefined ? { signal } : { signal, iterationId };
    const tagged = await client.getTaggedImageCount(projectId, options);
    calls.push({ operation: 'GetTaggedImageCount', status: 200, message: `${tagged} tagged images in the ${where}`, messageText: [place('taggedImages', tagged)] });
    const untagged = await client.getUntaggedImageCount(projectId, options);
    calls.push({ operation: 'GetUntaggedImageCount', status: 200, message: `${untagged} untagged images in the ${where}`, messageText: [place('untaggedImages', untagged)] });
    return { left: tagged + untagged, projectExists: true, calls };
  } catch (error) {
    if (!provesPlaceGone(error, iterationId)) throw error;
    const projectGone = provesProjectGone(error);
    calls.push(
      notFoundCall(error, calls.length === 0 ? 'GetTaggedImageCount' : 'GetUntaggedImageCount', projectGone ? 'the project is gone' : `the ${where} is gone`, goneText(projectGone, iterationId)),
    );
    return { left: 0, projectExists: !projectGone, calls };
  }
}

/**
 * Which of `ids` GetImagesByIds still returns (in the workspace, or one iteration), in
 * batches of ≤ 256. The answer is not in request order, so ids are matched, not counted.
 */
export async function idsStillPresent(
  client: TrainingClient,
  projectId: string,
  ids: readonly string[],
  signal: AbortSignal,
  iterationId?: string,
): Promise<{ present: Set<string>; projectExists: boolean; calls: ReadCall[] }> {
  const where = iterationId === undefined ? 'workspace' : `iteration ${iterationId}`;
  const inPlace = (found: number, total: number) =>
    iterationId === undefined ? mainText('idsStillWorkspace', { found, total }) : mainText('idsStillIteration', { found, total, iteration: iterationId });
  const present = new Set<string>();
  const calls: ReadCall[] = [];
  // Read in slices of the API's limit; the client splits each further to fit the request line.
  for (let start = 0; start < ids.length; start += MAX_IMAGE_IDS) {
    const batch = ids.slice(start, start + MAX_IMAGE_IDS);
    const asked = new Set(batch);
    try {
      const answer = await client.getImagesByIds(projectId, batch, iterationId === undefined ? { signal } : { signal, iterationId });
      const found = answer.map((image) => (typeof image.id === 'string' ? image.id.toLowerCase() : '')).filter((id) => asked.has(id));
      for (const id of found) present.add(id);
      calls.push({ operation: 'GetImagesByIds', status: 200, message: `${found.length} of ${batch.length} ids still in the ${where}`, messageText: [inPlace(found.length, batch.length)] });
    } catch (error) {
      if (!provesPlaceGone(error, iterationId)) throw error;
      const projectGone = provesProjectGone(error);
      calls.push(notFoundCall(error, 'GetImagesByIds', projectGone ? 'the project is gone' : `the ${where} is gone`, goneText(projectGone, iterationId)));
      return { present: new Set(), projectExists: !projectGone, calls };
    }
  }
  return { present, projectExists: true, calls };
}

/** "404: the project is gone" / "…the workspace…" / "…iteration X is gone", as a catalogue code. */
function goneText(projectGone: boolean, iterationId: string | undefined): MainText {
  if (projectGone) return mainText('notFoundProjectGone');
  return iterationId === undefined ? mainText('notFoundWorkspaceGone') : mainText('notFoundIterationGone', { iteration: iterationId });
}

function notFoundCall(error: unknown, operation: string, what: string, whatText: MainText): ReadCall {
  const requestId = isCustomVisionError(error) ? error.requestId : undefined;
  return { operation, status: 404, ...(requestId === undefined ? {} : { requestId }), message: `404: ${what}`, messageText: [whatText] };
}

export interface PollOptions {
  intervalMs: number;
  timeoutMs: number;
  journal: CleanupJournal;
  now: () => Date;
}

/**
 * Re-reads until the targets are gone or `timeoutMs` passed; pauses and cancels between
 * rounds. True when gone. A timeout is journaled as a failed poll: the run goes on (the
 * later steps do not depend on it) and the proof checks again.
 */
export async function pollImagesGone(ctx: JobContext, client: TrainingClient, targets: ImageTargets, options: PollOptions): Promise<boolean> {
  const started = Date.now();
  let remaining: readonly string[] = targets.ids;
  let previousCount: number | undefined;
  let byIds = false;
  for (;;) {
    let left = 0;
    const calls: ReadCall[] = [];
    if (targets.wholeProject && !byIds) {
      const counted = await countImages(client, targets.projectId, ctx.signal);
      calls.push(...counted.calls);
      left = counted.left;
      // Counts that stop going down while not 0 include images the plan never named
      // (uploaded since it was made): from then on its own ids decide. While they still
      // fall, the background deletion is simply not done yet, and counts stay the cheap check.
      if (left > 0 && previousCount !== undefined && left >= previousCount) byIds = true;
      previousCount = left;
    }
    if (!targets.wholeProject || byIds) {
      const result = await idsStillPresent(client, targets.projectId, remaining, ctx.signal);
      remaining = remaining.filter((id) => result.present.has(id));
      calls.push(...result.calls);
      left = remaining.length;
    }
    const timedOut = left > 0 && Date.now() - started >= options.timeoutMs;
    await journalRound(options, targets.projectId, calls, left === 0 ? 'done' : timedOut ? 'failed' : undefined, left, Date.now() - started);
    if (left === 0) return true;
    if (timedOut) return false;
    await ctx.checkpoint();
    await sleep(options.intervalMs, undefined, { signal: ctx.signal });
  }
}

async function journalRound(options: PollOptions, projectId: string, calls: ReadCall[], outcome: CallRecord['outcome'], left: number, elapsedMs: number): Promise<void> {
  for (const [index, call] of calls.entries()) {
    const last = index === calls.length - 1;
    let message = call.message;
    let messageText = call.messageText;
    if (last && outcome === 'done') {
      message += '; the deleted images are gone';
      messageText = messageText && [...messageText, mainText('deletedImagesGone')];
    }
    if (last && outcome === 'failed') message += `; ${left} images still present after ${Math.round(elapsedMs / 1000)} s (the proof checks again)`;
    await options.journal.recordPoll({
      at: options.now().toISOString(),
      operation: call.operation,
      projectId,
      targetIds: [],
      status: call.status,
      ...(call.requestId === undefined ? {} : { requestId: call.requestId }),
      ...(last && outcome !== undefined ? { outcome } : {}),
      message,
      // A failed round's English adds what the codes do not say: then the English alone is kept.
      ...(messageText && !(last && outcome === 'failed') ? { messageText } : {}),
    });
  }
}
