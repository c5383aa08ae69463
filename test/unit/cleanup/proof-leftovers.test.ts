/**
 * The proof reads the account again and does not trust the delete calls: whatever is
 * still readable — an image kept by a trained iteration, a stored prediction, a tag —
 * leaves its step unverified, with a detail a person can act on.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLEANUP_CATEGORIES, CLEANUP_PLAN_FORMAT, type CleanupPlan, type PlanStep } from '../../../shared/model/cleanup';
import { provePlan } from '../../../src-main/cleanup/proof';
import { createTrainingClient, RateLimiterRegistry, type TrainingClient } from '../../../src-main/customvision';
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator';
import { JobProgress, type JobContext } from '../../../src-main/jobs';

let emu: RunningEmulator;
let client: TrainingClient;
beforeEach(async () => {
  emu = await startEmulator({ seed: 'demo', tps: 0, deleteDelayMs: 0 });
  client = createTrainingClient({ endpoint: emu.endpoint, key: emu.key, rateLimiters: new RateLimiterRegistry(), rateLimit: 1000 });
});
afterEach(async () => {
  await emu.close();
});

const ctx: JobContext = { jobId: 'proof', signal: new AbortController().signal, progress: new JobProgress(CLEANUP_CATEGORIES), checkpoint: async () => undefined };

function partPlan(projectId: string, part: CleanupPlan['scope'], steps: Array<Omit<PlanStep, 'index'>>): CleanupPlan {
  const counts = { projects: 0, iterations: 0, publishedIterations: 0, images: 0, imagesOnlyInIterations: 0, predictions: 0, tags: 0 };
  return {
    format: CLEANUP_PLAN_FORMAT,
    version: 1,
    planId: 'proof',
    createdAt: '2025-01-01T00:00:00.000Z',
    confirmText: 'x',
    account: { endpointHost: new URL(emu.endpoint).host, keyFingerprint: 'f', displayName: 'x' },
    scope: part,
    scopeText: 'part',
    projects: [{ id: projectId, name: 'p', deleteProject: false, counts, modelExports: 0 }],
    counts,
    apiCalls: steps.length,
    steps: steps.map((step, index) => ({ ...step, index })),
  };
}

async function call(method: string, path: string): Promise<number> {
  const response = await fetch(`${emu.endpoint}/customvision/v3.3/training${path}`, { method, headers: { 'Training-Key': emu.key } });
  await response.arrayBuffer();
  return response.status;
}

describe('the proof', () => {
  it('finds images a workspace-only delete left inside a trained iteration, and passes once allIterations removed them', async () => {
    const project = [...emu.state.projects.values()].find((p) => [...p.iterations.values()].some((it) => (it.snapshot?.images.size ?? 0) > 0));
    if (!project) throw new Error('the demo has a trained project');
    const iteration = [...project.iterations.values()].find((it) => (it.snapshot?.images.size ?? 0) > 0);
    const ids = (iteration?.snapshot?.images.all() ?? []).filter((image) => project.images.has(image.id)).slice(0, 5).map((image) => image.id);
    expect(ids).toHaveLength(5);
    const plan = partPlan(project.id, { kind: 'part', projectId: project.id, part: { kind: 'untaggedImages' } }, [{ kind: 'deleteImages', projectId: project.id, category: 'images', targetIds: ids }]);

    // Without allIterations the service removes them from the workspace only (204).
    expect(await call('DELETE', `/projects/${project.id}/images?imageIds=${ids.join(',')}`)).toBe(204);
    const [left] = await provePlan(ctx, client, plan);
    expect(left?.verified).toBe(false);
    expect(left?.detail).toContain(`still kept by iteration ${iteration?.id ?? ''}`);

    expect(await call('DELETE', `/projects/${project.id}/images?imageIds=${ids.join(',')}&allIterations=true`)).toBe(202);
    // The 202 finishes on the emulator's next timer tick.
    while (ids.some((id) => iteration?.snapshot?.images.has(id))) await new Promise((resolve) => setTimeout(resolve, 5));
    const [gone] = await provePlan(ctx, client, plan);
    expect(gone).toMatchObject({ verified: true, check: expect.stringContaining('GetImagesByIds') });
    expect(gone?.detail).toMatch(/remaining iterations?\./);
  });

  it('gives the note on deleted iterations a code too, for the receipt’s language', async () => {
    const project = [...emu.state.projects.values()].find((p) => p.images.size >= 2 && p.iterations.size > 0);
    if (!project) throw new Error('the demo has a project with images and iterations');
    const ids = project.images.all().slice(0, 2).map((image) => image.id);
    const iterationId = [...project.iterations.keys()][0] ?? '';
    const plan = partPlan(project.id, { kind: 'part', projectId: project.id, part: { kind: 'untaggedImages' } }, [
      { kind: 'deleteImages', projectId: project.id, category: 'images', targetIds: ids },
      { kind: 'deleteIteration', projectId: project.id, category: 'iterations', targetIds: [iterationId] },
    ]);
    expect(await call('DELETE', `/projects/${project.id}/images?imageIds=${ids.join(',')}&allIterations=true`)).toBe(202);
    while (ids.some((id) => project.images.has(id))) await new Promise((resolve) => setTimeout(resolve, 5));
    const [images] = await provePlan(ctx, client, plan);
    expect(images?.detail).toContain('Images that only deleted iterations held cannot be looked up');
    expect(images?.detailText?.code).toMatch(/^(noneOfImagesLeft|noPlanImagesLeft)$/);
    expect(images?.detailNotes).toEqual([{ code: 'deletedIterationsUnreachable' }]);
  });

  it('marks a tag, a stored prediction and an unpublish that did not happen as not verified', async () => {
    const project = [...emu.state.projects.values()].find((p) => p.predictions.size > 0 && [...p.iterations.values()].some((it) => it.publishName !== null));
    if (!project) throw new Error('the demo has predictions and a published iteration');
    const tagId = [...project.tags.keys()][0] ?? '';
    const predictionIds = [...project.predictions.keys()].slice(0, 3);
    const published = [...project.iterations.values()].find((it) => it.publishName !== null);
    const plan = partPlan(project.id, { kind: 'part', projectId: project.id, part: { kind: 'predictions' } }, [
      { kind: 'unpublishIteration', projectId: project.id, category: 'iterations', targetIds: [published?.id ?? ''] },
      { kind: 'deletePredictions', projectId: project.id, category: 'predictions', targetIds: predictionIds },
      { kind: 'deleteTag', projectId: project.id, category: 'tags', targetIds: [tagId] },
    ]);
    const result = await provePlan(ctx, client, plan);
    expect(result.map((v) => v.verified)).toEqual([false, false, false]);
    expect(result[0]?.detail).toContain(`Still published as "${published?.publishName ?? ''}"`);
    expect(result[1]?.detail).toBe('3 of 3 stored predictions are still returned.');
    expect(result[2]?.detail).toContain('the tag exists');

    expect(await call('DELETE', `/projects/${project.id}/tags/${tagId}`)).toBe(204);
    expect(await call('DELETE', `/projects/${project.id}/predictions?ids=${predictionIds.join(',')}`)).toBe(204);
    expect(await call('DELETE', `/projects/${project.id}/iterations/${published?.id ?? ''}/publish`)).toBe(204);
    expect((await provePlan(ctx, client, plan)).map((v) => v.verified)).toEqual([true, true, true]);
  });
});
