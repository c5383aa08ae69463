/**
 * The executor against a fake client whose answers a test scripts per call: what a
 * refused step does to the rest of its project and to other projects, what counts as
 * already gone, and how a run-wide failure stops and resumes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLEANUP_CATEGORIES, type CleanupPlan, type PlanStep, type StepKind } from '../../../shared/model/cleanup';
import { CleanupJournal } from '../../../src-main/cleanup/cleanup-journal';
import { executePlan } from '../../../src-main/cleanup/executor';
import { CustomVisionError, normalizeEndpoint, type DeleteResult, type TrainingClient } from '../../../src-main/customvision';
import { JobProgress, type JobContext } from '../../../src-main/jobs';
import { planFixture } from '../../support/cleanup-plan-fixture';

const A = 'aaaaaaaa-0000-4000-8000-000000000000';
const B = 'bbbbbbbb-0000-4000-8000-000000000000';
const id = (n: number) => `cccccccc-0000-4000-8000-${String(n).padStart(12, '0')}`;

const CATEGORY: Record<StepKind, PlanStep['category']> = {
  unpublishIteration: 'iterations',
  deleteIteration: 'iterations',
  deleteImages: 'images',
  deletePredictions: 'predictions',
  deleteTag: 'tags',
  deleteProject: 'projects',
};

function makePlan(steps: Array<[StepKind, string, string[]]>): CleanupPlan {
  const counts = { projects: 2, iterations: 0, publishedIterations: 0, images: 0, imagesOnlyInIterations: 0, predictions: 0, tags: 0 };
  return planFixture({
    planId: 'plan-exec',
    account: { endpointHost: '127.0.0.1:1', keyFingerprint: 'f', displayName: 'x' },
    projects: [A, B].map((projectId) => ({ id: projectId, name: projectId, deleteProject: true, counts, modelExports: 0 })),
    counts,
    steps: steps.map(([kind, projectId, targetIds], index) => ({ index, kind, projectId, category: CATEGORY[kind], targetIds })),
  });
}

type Answer = DeleteResult | CustomVisionError;
const http = (status: number, code: CustomVisionError['code'], serviceCode?: string) =>
  new CustomVisionError(`HTTP ${status} ${serviceCode ?? ''}`, { kind: 'http', code, operation: 'Delete', status, serviceCode, requestId: `req-err-${status}` });

/** Records each delete as `<Operation> <target>`; answers from `script` (default 204). */
function fakeClient(script: Map<string, Answer> = new Map()): TrainingClient & { sent: string[] } {
  const sent: string[] = [];
  const answer = async (key: string): Promise<DeleteResult> => {
    sent.push(key);
    const scripted = script.get(key);
    script.delete(key);
    if (scripted instanceof Error) throw scripted;
    return scripted ?? { status: 204, requestId: `req-${sent.length}` };
  };
  const fake = {
    endpoint: normalizeEndpoint('http://127.0.0.1:1'),
    sent,
    unpublishIteration: (_p: string, i: string) => answer(`UnpublishIteration ${i}`),
    deleteIteration: (_p: string, i: string) => answer(`DeleteIteration ${i}`),
    deleteTag: (_p: string, t: string) => answer(`DeleteTag ${t}`),
    deleteProject: (p: string) => answer(`DeleteProject ${p}`),
    deleteImages: (_p: string, o: { imageIds?: readonly string[] }) => answer(`DeleteImages ${o.imageIds?.[0] ?? ''}`),
    deletePredictions: (_p: string, ids: readonly string[]) => answer(`DeletePrediction ${ids[0] ?? ''}`),
  };
  // Only the delete calls are used when nothing answers 202 (no polling).
  return fake as unknown as TrainingClient & { sent: string[] };
}

function job(): JobContext & { progress: JobProgress } {
  return { jobId: 'exec', signal: new AbortController().signal, progress: new JobProgress(CLEANUP_CATEGORIES), checkpoint: async () => undefined };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cv-exec-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const options = (plan: CleanupPlan, journal: CleanupJournal) => ({ plan, journal, now: () => new Date('2025-01-01T00:00:00Z'), pollIntervalMs: 1, pollTimeoutMs: 100 });

const plan = makePlan([
  ['unpublishIteration', A, [id(1)]],
  ['deleteIteration', A, [id(1)]],
  ['deleteTag', A, [id(2)]],
  ['deleteProject', A, [A]],
  ['deleteTag', B, [id(3)]],
  ['deleteProject', B, [B]],
]);

describe('the cleanup executor', () => {
  it('stops a project after a refused step, skips the rest of it, and still finishes other projects', async () => {
    const client = fakeClient(new Map([[`DeleteIteration ${id(1)}`, http(400, 'BAD_REQUEST', 'BadRequestIterationIsPublished')]]));
    const journal = await CleanupJournal.open(join(dir, 'j.jsonl'), plan.planId);
    const ctx = job();
    const result = await executePlan(ctx, client, options(plan, journal));
    expect(client.sent).toEqual([`UnpublishIteration ${id(1)}`, `DeleteIteration ${id(1)}`, `DeleteTag ${id(3)}`, `DeleteProject ${B}`]);
    expect(result.unfinished).toEqual([1, 2, 3]);
    expect(journal.calls().map((call) => [call.step, call.outcome, call.status])).toEqual([
      [0, 'done', 204],
      [1, 'failed', 400],
      [2, 'skipped', 0],
      [3, 'skipped', 0],
      [4, 'done', 204],
      [5, 'done', 204],
    ]);
    expect(journal.calls()[1]?.requestId).toBe('req-err-400');
    const iterations = ctx.progress.snapshot().find((category) => category.category === 'iterations');
    expect(iterations).toMatchObject({ done: 0, total: 1, errors: 1 });
    await journal.close();
  });

  it('counts 404 and "not published" as already gone', async () => {
    const client = fakeClient(
      new Map([
        [`UnpublishIteration ${id(1)}`, http(400, 'BAD_REQUEST', 'BadRequestIterationNotPublished')],
        [`DeleteIteration ${id(1)}`, http(404, 'NOT_FOUND', 'NotFoundIteration')],
      ]),
    );
    const journal = await CleanupJournal.open(join(dir, 'j.jsonl'), plan.planId);
    const result = await executePlan(job(), client, options(plan, journal));
    expect(result.unfinished).toEqual([]);
    expect(journal.calls().slice(0, 2).map((call) => call.outcome)).toEqual(['already-gone', 'already-gone']);
    await journal.close();
  });

  it('stops the whole run on a wrong key after journaling the call, and a re-run resumes from that step', async () => {
    const path = join(dir, 'j.jsonl');
    const first = fakeClient(new Map([[`DeleteTag ${id(2)}`, http(401, 'WRONG_KEY')]]));
    let journal = await CleanupJournal.open(path, plan.planId);
    await expect(executePlan(job(), first, options(plan, journal))).rejects.toMatchObject({ code: 'WRONG_KEY' });
    expect(first.sent).toHaveLength(3);
    await journal.close();

    const second = fakeClient();
    journal = await CleanupJournal.open(path, plan.planId);
    const ctx = job();
    const result = await executePlan(ctx, second, options(plan, journal));
    expect(second.sent).toEqual([`DeleteTag ${id(2)}`, `DeleteProject ${A}`, `DeleteTag ${id(3)}`, `DeleteProject ${B}`]);
    expect(result).toEqual({ sent: 4, unfinished: [] });
    // The bars start from what the first run finished; their totals are the plan's counts.
    expect(ctx.progress.snapshot().find((category) => category.category === 'iterations')).toMatchObject({ done: 1, total: 1 });
    await journal.close();
  });
});
