/**
 * A refused batch is not a deleted batch. When DeleteImages refuses a batch because some
 * of its ids were deleted elsewhere (400 for the batch, 404 NotFoundImage for a single id),
 * or because the request was too long, the executor halves it down to single ids so every
 * id that still exists is deleted, each id's outcome journaled — and a run killed in the
 * middle of a split resumes with exactly the ids still open.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLEANUP_CATEGORIES, CLEANUP_PLAN_FORMAT, type CleanupPlan } from '../../../shared/model/cleanup';
import { CleanupJournal } from '../../../src-main/cleanup/cleanup-journal';
import { executePlan } from '../../../src-main/cleanup/executor';
import { CustomVisionError, normalizeEndpoint, type TrainingClient } from '../../../src-main/customvision';
import { JobProgress, type JobContext } from '../../../src-main/jobs';

const P = 'aaaaaaaa-0000-4000-8000-000000000000';
const id = (n: number) => `cccccccc-0000-4000-8000-${String(n).padStart(12, '0')}`;

function plan(ids: string[]): CleanupPlan {
  const counts = { projects: 0, iterations: 0, publishedIterations: 0, images: ids.length, imagesOnlyInIterations: 0, predictions: 0, tags: 0 };
  return {
    format: CLEANUP_PLAN_FORMAT,
    version: 1,
    planId: 'plan-halving',
    createdAt: '2025-01-01T00:00:00.000Z',
    confirmText: 'x',
    account: { endpointHost: '127.0.0.1:1', keyFingerprint: 'f', displayName: 'x' },
    scope: { kind: 'part', projectId: P, part: { kind: 'allImages' } },
    scopeText: 'all images',
    projects: [{ id: P, name: 'p', deleteProject: false, counts, modelExports: 0 }],
    counts,
    apiCalls: 1,
    steps: [{ index: 0, kind: 'deleteImages', projectId: P, category: 'images', targetIds: ids }],
  };
}

const error = (status: number, code: CustomVisionError['code'], serviceCode?: string) =>
  new CustomVisionError(`HTTP ${status} ${serviceCode ?? ''}`, { kind: 'http', code, operation: 'DeleteImages', status, ...(serviceCode ? { serviceCode } : {}) });

/**
 * A strict service: it holds `existing`; a batch naming any other id is refused whole (400),
 * a single missing id is 404 NotFoundImage; batches over `maxIds` are refused as too long.
 */
function strictService(existing: Set<string>, maxIds = 256) {
  const deleted: string[] = [];
  const calls: number[] = [];
  const client = {
    endpoint: normalizeEndpoint('http://127.0.0.1:1'),
    deleteImages: async (_p: string, o: { imageIds?: readonly string[] }) => {
      const ids = [...(o.imageIds ?? [])];
      calls.push(ids.length);
      if (ids.length > maxIds) throw error(404, 'REQUEST_TOO_LONG');
      const missing = ids.filter((candidate) => !existing.has(candidate));
      if (missing.length > 0) throw ids.length === 1 ? error(404, 'NOT_FOUND', 'NotFoundImage') : error(400, 'BAD_REQUEST', 'BadRequestInvalidIds');
      for (const candidate of ids) {
        existing.delete(candidate);
        deleted.push(candidate);
      }
      return { status: 204 };
    },
  };
  return { client: client as unknown as TrainingClient, deleted, calls };
}

function job(stopAfter = Infinity): JobContext & { progress: JobProgress } {
  const controller = new AbortController();
  let checkpoints = 0;
  return {
    jobId: 'halving',
    signal: controller.signal,
    progress: new JobProgress(CLEANUP_CATEGORIES),
    checkpoint: async () => {
      checkpoints += 1;
      if (checkpoints > stopAfter) throw new Error('killed');
    },
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cv-halving-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(target: CleanupPlan, client: TrainingClient, ctx = job()) {
  const journal = await CleanupJournal.open(join(dir, 'plan.journal.jsonl'), target.planId);
  try {
    return { result: await executePlan(ctx, client, { plan: target, journal, now: () => new Date('2025-01-01T00:00:00Z'), pollIntervalMs: 1, pollTimeoutMs: 10 }), journal };
  } finally {
    await journal.close();
  }
}

describe('a refused batch', () => {
  it('is halved down to single ids: every id that still exists is deleted, the ones gone elsewhere are proven gone', async () => {
    const ids = Array.from({ length: 40 }, (_, n) => id(n));
    const goneElsewhere = new Set([id(3), id(29)]);
    const service = strictService(new Set(ids.filter((candidate) => !goneElsewhere.has(candidate))));
    const { result, journal } = await run(plan(ids), service.client);
    expect(result.unfinished).toEqual([]);
    expect(service.deleted.sort()).toEqual(ids.filter((candidate) => !goneElsewhere.has(candidate)).sort());
    // Each id's outcome is journaled; the two gone elsewhere were proven gone by a 404 naming them.
    const records = journal.calls();
    const settled = records.filter((record) => record.outcome === 'done' || record.outcome === 'already-gone').flatMap((record) => record.targetIds);
    expect(new Set(settled)).toEqual(new Set(ids));
    expect(records.filter((record) => record.outcome === 'already-gone').flatMap((record) => record.targetIds).sort()).toEqual([...goneElsewhere].sort());
    // Halving, not one call per id: far fewer calls than ids.
    expect(service.calls.length).toBeLessThan(20);
  });

  it('is halved when the request is refused as too long, and no id is reported gone for it', async () => {
    const ids = Array.from({ length: 200 }, (_, n) => id(n));
    const service = strictService(new Set(ids), 60);
    const { result, journal } = await run(plan(ids), service.client);
    expect(result.unfinished).toEqual([]);
    expect(service.deleted).toHaveLength(200);
    expect(journal.calls().filter((record) => record.outcome === 'already-gone')).toEqual([]);
  });

  it('resumes a split stopped in the middle with exactly the ids still open: none is sent twice after it was deleted', async () => {
    const ids = Array.from({ length: 32 }, (_, n) => id(n));
    const existing = new Set(ids.filter((candidate) => candidate !== id(5)));
    const service = strictService(existing);
    // Killed after a few halves have been sent.
    await expect(run(plan(ids), service.client, job(4))).rejects.toThrow('killed');
    const firstRun = [...service.deleted];
    expect(firstRun.length).toBeGreaterThan(0);
    expect(firstRun.length).toBeLessThan(31);
    const { result } = await run(plan(ids), service.client);
    expect(result.unfinished).toEqual([]);
    // Every id deleted exactly once over both runs.
    expect(service.deleted.sort()).toEqual(ids.filter((candidate) => candidate !== id(5)).sort());
    expect(new Set(service.deleted).size).toBe(service.deleted.length);
  });
});
