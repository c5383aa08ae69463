/**
 * From an id snapshot to steps: the API's order per project, batches within its limits,
 * counts that add up, and the same plan for the same data however the ids arrived.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { emptyTargets, type ProjectTargets } from '../../../src-main/cleanup/id-snapshot';
import { planSteps } from '../../../src-main/cleanup/plan-steps';

const ids = (n: number): string[] => Array.from({ length: n }, () => randomUUID());

function project(overrides: Partial<ProjectTargets> = {}): ProjectTargets {
  return { ...emptyTargets(randomUUID(), 'Project', true), ...overrides };
}

describe('planSteps', () => {
  it('orders each project: unpublish → iterations → images → predictions → tags → project', () => {
    const iterations = ids(2);
    const published = iterations[1] ?? '';
    const input = project({ iterationIds: iterations, unpublishIterationIds: [published], imageIds: ids(3), predictionIds: ids(2), tagIds: ids(2) });
    const { steps } = planSteps([input]);
    expect(steps.map((step) => step.kind)).toEqual([
      'unpublishIteration',
      'deleteIteration',
      'deleteIteration',
      'deleteImages',
      'deletePredictions',
      'deleteTag',
      'deleteTag',
      'deleteProject',
    ]);
    expect(steps[0]?.targetIds).toEqual([published]);
    expect(steps.map((step) => step.index)).toEqual(steps.map((_, position) => position));
    expect(steps.at(-1)).toMatchObject({ kind: 'deleteProject', category: 'projects', targetIds: [input.id], projectId: input.id });
  });

  it('cuts 600 images into 256/256/88 and 130 predictions into 64/64/2, ids sorted', () => {
    const { steps, counts } = planSteps([project({ imageIds: ids(600), predictionIds: ids(130), deleteProject: false })]);
    const images = steps.filter((step) => step.kind === 'deleteImages');
    const predictions = steps.filter((step) => step.kind === 'deletePredictions');
    expect(images.map((step) => step.targetIds.length)).toEqual([256, 256, 88]);
    expect(predictions.map((step) => step.targetIds.length)).toEqual([64, 64, 2]);
    const all = images.flatMap((step) => step.targetIds);
    expect(all).toEqual([...all].sort());
    expect(counts).toMatchObject({ images: 600, predictions: 130, projects: 0 });
  });

  it('gives the same steps for the same data in any order', () => {
    const a = project({ imageIds: ids(300), tagIds: ids(4), iterationIds: ids(3) });
    const b = project({ predictionIds: ids(70) });
    const shuffled = (p: ProjectTargets): ProjectTargets => ({
      ...p,
      imageIds: [...p.imageIds].reverse(),
      tagIds: [...p.tagIds].reverse(),
      iterationIds: [...p.iterationIds].reverse(),
      predictionIds: [...p.predictionIds].reverse(),
    });
    expect(planSteps([a, b])).toEqual(planSteps([shuffled(b), shuffled(a)]));
  });

  it('keeps projects apart, in id order, and sums the counts', () => {
    const first = project({ id: '00000000-0000-4000-8000-000000000001', tagIds: ids(1), imagesOnlyInIterations: 1, imageIds: ids(2) });
    const second = project({ id: '00000000-0000-4000-8000-000000000002', iterationIds: ids(1), modelExports: 2 });
    const { steps, projects, counts } = planSteps([second, first]);
    expect(steps.map((step) => step.projectId)).toEqual([first.id, first.id, first.id, second.id, second.id]);
    expect(projects.map((p) => p.id)).toEqual([first.id, second.id]);
    expect(projects[1]).toMatchObject({ modelExports: 2, counts: { iterations: 1, projects: 1 } });
    expect(counts).toEqual({ projects: 2, iterations: 1, publishedIterations: 0, images: 2, imagesOnlyInIterations: 1, predictions: 0, tags: 1 });
  });

  it('never unpublishes an iteration it does not delete', () => {
    const { steps, counts } = planSteps([project({ unpublishIterationIds: ids(1), iterationIds: [] })]);
    expect(steps.some((step) => step.kind === 'unpublishIteration')).toBe(false);
    expect(counts.publishedIterations).toBe(0);
  });
});
