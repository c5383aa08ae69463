/**
 * The deletion figure: runCleanup's time for n images against ceil(n / ids per call) calls ÷
 * the rate limit. Ids per call is the API's limit (256) or fewer: 256 GUIDs make a request
 * line of about 10 KB, and front ends refuse lines over 8 KB (Kestrel's default), so the
 * client sends as many as fit (206 on v3.3) — the bound is what any client can do there.
 */
import type { EmulatorStats, RuntimeConfig } from '../src-main/emulator';
import type { DeleteCall, DeletePlanned, DeleteRunResult, EmulatorRemaining } from './protocol';
import { figure, type Figure } from './report';

export const DELETE_SLACK = 1.2;
/** The request line every call must fit, CRLF included (Kestrel's default MaxRequestLineSize). */
export const MAX_REQUEST_LINE_BYTES = 8192;
/**
 * The client's limiter grants at most floor(rate) calls in any window of 1 s plus its 50 ms
 * safety margin (src-main/customvision/rate-limiter.ts): the fastest it lets k calls start.
 */
const LIMITER_WINDOW_MS = 1_050;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const average = (values: readonly number[]): number => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
const ms = (value: number): string => `${value.toFixed(1)} ms`;

/** Earliest time the limiter can grant the k-th call after the first (k ≥ 1). */
export function limiterFloorMs(calls: number, rate: number): number {
  const perWindow = Math.max(1, Math.floor(rate));
  const k = Math.max(0, calls - 1);
  return Math.floor(k / perWindow) * LIMITER_WINDOW_MS + (k % perWindow) * (1000 / rate);
}

interface Phases {
  gateMs: number;
  deletesMs: number;
  pollMs: number;
  proofMs: number;
  afterMs: number;
  pollCalls: number;
  pollRounds: number;
  proofCalls: number;
  /** Per DeleteImages step (its last attempt): limiter wait, the call, journal fsync, executor until the next ask. */
  perStep: { waitMs: number; callMs: number; journalMs: number; loopMs: number; spacingMs: number };
}

/** Splits the run by the request log: gate → deletes → 202 polling → proof → receipt. */
export function phasesOf(result: DeleteRunResult): Phases {
  const calls = result.calls;
  const deletes = calls.filter((call) => call.operation === 'DeleteImages');
  // The last attempt of each step is the one whose journal line follows.
  const finals = deletes.filter((call, i) => (deletes[i + 1]?.attempt ?? 1) === 1);
  const firstDelete = deletes[0];
  const lastJournaled = result.journaledMs[result.journaledMs.length - 1] ?? firstDelete?.endMs ?? 0;
  const proofStart = calls.find((call) => call.operation === 'GetProject');
  const afterDeletes = calls.filter((call) => call.askedMs >= lastJournaled);
  const polls = afterDeletes.filter((call) => proofStart === undefined || call.askedMs < proofStart.askedMs);
  const proof = proofStart === undefined ? [] : calls.filter((call) => call.askedMs >= proofStart.askedMs);
  const lastEnd = Math.max(0, ...calls.map((call) => call.endMs));
  const journal = finals.map((call, i) => (result.journaledMs[i] ?? call.endMs) - call.endMs);
  const loop = finals.slice(1).map((call, i) => call.askedMs - (result.journaledMs[i] ?? call.askedMs));
  const spacing = finals.slice(1).map((call, i) => call.sentMs - (finals[i] as DeleteCall).sentMs);
  return {
    gateMs: firstDelete?.askedMs ?? 0,
    deletesMs: lastJournaled - (firstDelete?.askedMs ?? 0),
    pollMs: (proofStart?.askedMs ?? lastEnd) - lastJournaled,
    proofMs: proofStart === undefined ? 0 : lastEnd - proofStart.askedMs,
    afterMs: result.elapsedMs - lastEnd,
    pollCalls: polls.length,
    pollRounds: polls.filter((call) => call.operation === 'GetTaggedImageCount').length,
    proofCalls: proof.length,
    perStep: {
      waitMs: average(finals.map((call) => call.sentMs - call.askedMs)),
      callMs: average(finals.map((call) => call.endMs - call.sentMs)),
      journalMs: average(journal),
      loopMs: average(loop),
      spacingMs: average(spacing),
    },
  };
}

export interface DeleteInputs {
  planned: DeletePlanned;
  result: DeleteRunResult;
  stats: EmulatorStats;
  remaining: EmulatorRemaining;
  config: RuntimeConfig;
  /** The client's rate (the CLI's --rate default) and the emulator's, calls/s. */
  tps: number;
  emulatorCpuMs: number;
}

function byOperation(calls: readonly DeleteCall[]): string {
  const counts = new Map<string, number>();
  for (const call of calls) counts.set(call.operation, (counts.get(call.operation) ?? 0) + 1);
  return [...counts].map(([op, n]) => `${op} ${n}`).join(', ');
}

export function deleteFigure(input: DeleteInputs): Figure {
  const { planned, result, stats, remaining, tps } = input;
  const n = result.planImages;
  const perCall = planned.idsPerDeleteCall;
  const boundCalls = Math.ceil(n / perCall);
  const bound = boundCalls / tps;
  const phases = phasesOf(result);
  const deleteCalls = result.calls.filter((call) => call.operation === 'DeleteImages');
  const others = result.calls.filter((call) => call.operation !== 'DeleteImages');
  const throttledSeen = result.calls.filter((call) => call.status === 429).length;
  const emulatorDeletes = stats.requests.DeleteImages ?? 0;
  const emulatorTotal = Object.values(stats.requests).reduce((a, b) => a + b, 0);
  const floor = limiterFloorMs(deleteCalls.length, tps);
  const step = phases.perStep;
  const left = remaining.workspaceImages + remaining.iterationImages;
  const f = figure({
    key: 'delete',
    label: `deleting ${n.toLocaleString('en-US')} images`,
    value: result.elapsedMs / 1000,
    unit: 's',
    bound,
    limit: { ratio: DELETE_SLACK, direction: 'at most' },
    details: [
      `bound = ceil(${n} / ${perCall}) = ${boundCalls} DeleteImages calls ÷ ${tps} calls/s (${perCall} ids per call: the API allows 256, a request line within ${MAX_REQUEST_LINE_BYTES} bytes holds ${perCall}); longest request line the emulator received: ${stats.maxRequestLineBytes} bytes; timed: runCleanup from the confirmed plan to its return (gate, every call journaled and fsynced, 202 polling, proof, receipt); planning (${seconds(planned.planMs)}, the snapshot the user reviews before confirming) is not timed`,
      `network: ${input.config.latencyMs} ms on API calls and ${input.config.tps} calls/s at the emulator, DeleteImages answers 202 and finishes ${input.config.deleteDelayMs} ms later; client: createTrainingClient at ${tps} calls/s as the CLI builds it (its limiter grants ≤ ${Math.floor(tps)} calls per ${LIMITER_WINDOW_MS} ms, so the first and last of ${deleteCalls.length} deletes start ≥ ${seconds(floor)} apart)`,
      `calls: DeleteImages ${deleteCalls.length} (plan: ${planned.deleteImagesSteps} steps for ${n} images, ${planned.imagesOnlyInIterations} of them only in iterations), others ${others.length} (${byOperation(others) || 'none'}); emulator saw ${emulatorTotal} requests (DeleteImages ${emulatorDeletes}); 429 answers: ${throttledSeen} seen by the client, ${stats.rateLimited} sent by the emulator`,
      `where the time went: gate and journal start ${seconds(phases.gateMs)}; deletes ${seconds(phases.deletesMs)} (ratio ${(phases.deletesMs / 1000 / bound).toFixed(2)} alone; per call ${ms(step.spacingMs)} apart: limiter wait ${ms(step.waitMs)}, call ${ms(step.callMs)}, journal line fsynced ${ms(step.journalMs)}, executor to the next call ${ms(step.loopMs)}); waiting for the 202s ${seconds(phases.pollMs)} (${phases.pollRounds} rounds, ${phases.pollCalls} calls); proof ${seconds(phases.proofMs)} (${phases.proofCalls} calls); receipt and the rest ${seconds(phases.afterMs)}; all but the deletes: ${seconds(result.elapsedMs - phases.deletesMs)}, about the same whatever n`,
      `receipt: ${result.complete ? 'complete' : 'NOT complete'} (${result.verifications - result.unverified} of ${result.verifications} steps verified, ${result.journaledCalls} calls journaled, ${result.failedCalls} failed; journal ${(result.journalBytes / 1e6).toFixed(1)} MB, receipts ${(result.receiptBytes / 1e6).toFixed(1)} MB); emulator afterwards: ${remaining.workspaceImages} images in the workspace, ${remaining.iterationImages} in iterations; emulator CPU ${seconds(input.emulatorCpuMs)}`,
    ],
    data: {
      elapsedMs: result.elapsedMs,
      images: n,
      boundCalls,
      idsPerCall: perCall,
      maxRequestLineBytes: stats.maxRequestLineBytes,
      deleteCalls: deleteCalls.length,
      otherCalls: others.length,
      emulatorRequests: stats.requests,
      rateLimited: stats.rateLimited,
      throttledSeen,
      complete: result.complete,
      unverified: result.unverified,
      remaining: { workspace: remaining.workspaceImages, iterations: remaining.iterationImages },
      planMs: planned.planMs,
      limiterFloorMs: floor,
      phases,
    },
  });
  const problems: string[] = [];
  if (!result.complete) problems.push(`the receipt is not complete (${result.unverified} of ${result.verifications} steps not verified)`);
  if (left > 0) problems.push(`the emulator still holds ${left} images`);
  // Counted without the CRLF by the emulator: the line may be at most 2 bytes shorter than the budget.
  if (stats.maxRequestLineBytes > MAX_REQUEST_LINE_BYTES - 2) problems.push(`a request line of ${stats.maxRequestLineBytes} bytes was sent (front ends refuse more than ${MAX_REQUEST_LINE_BYTES - 2})`);
  if (problems.length === 0) return f;
  return { ...f, pass: false, details: [...f.details, `FAIL: ${problems.join('; ')}, so this figure does not count`] };
}
