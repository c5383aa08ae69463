/**
 * How uncovered plan items are named: the reason a user can act on (a damaged original,
 * a missing record, a missing file), in plan order, capped for display while the count
 * stays complete.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CleanupPlan } from '../../../shared/model/cleanup';
import { FILE_ALTERED, FILE_MISSING, FILE_OK, IN_WORKSPACE, planItems, RECORD, tallyCoverage } from '../../../src-main/cleanup/coverage-items';
import { planSteps } from '../../../src-main/cleanup/plan-steps';
import { planFixture } from '../../support/cleanup-plan-fixture';

function planFor(images: number, predictions = 0): CleanupPlan {
  const projectId = randomUUID();
  const iteration = randomUUID();
  const { steps, projects, counts } = planSteps([
    {
      id: projectId,
      name: 'P',
      deleteProject: true,
      unpublishIterationIds: [iteration],
      iterationIds: [iteration],
      imageIds: Array.from({ length: images }, () => randomUUID()),
      imagesOnlyInIterations: 0,
      predictionIds: Array.from({ length: predictions }, () => randomUUID()),
      tagIds: [randomUUID()],
      modelExports: 0,
      implicit: { imageIds: [], models: [], performance: [] },
    },
  ]);
  return planFixture({ projects, counts, steps });
}

describe('tallyCoverage', () => {
  it('covers items with a record and an intact file, and tells iteration-only images apart', () => {
    const plan = planFor(3);
    const items = planItems(plan);
    const project = [...items.values()][0];
    if (!project) throw new Error('no project');
    const [a, b, c] = [...project.images.keys()];
    project.images.set(a ?? '', RECORD | IN_WORKSPACE | FILE_OK);
    project.images.set(b ?? '', RECORD | FILE_OK);
    project.images.set(c ?? '', RECORD | IN_WORKSPACE | FILE_OK);
    for (const id of project.tags.keys()) project.tags.set(id, RECORD);
    for (const id of project.iterations.keys()) project.iterations.set(id, 'ok');
    project.project = 'ok';
    const tally = tallyCoverage(items.values(), 200);
    expect(tally.uncoveredCount).toBe(0);
    expect(tally.covered).toEqual({ projects: 1, iterations: 1, publishedIterations: 1, images: 3, imagesOnlyInIterations: 1, predictions: 0, tags: 1 });
  });

  it('names the reason: altered bytes, no record, no file', () => {
    const plan = planFor(4);
    const items = planItems(plan);
    const project = [...items.values()][0];
    if (!project) throw new Error('no project');
    const ids = [...project.images.keys()].sort();
    project.images.set(ids[0] ?? '', RECORD | FILE_ALTERED);
    project.images.set(ids[1] ?? '', 0);
    project.images.set(ids[2] ?? '', RECORD | FILE_MISSING);
    project.images.set(ids[3] ?? '', RECORD);
    project.iterations.set([...project.iterations.keys()][0] ?? '', 'altered');
    project.damagedRecords.add('tags');
    const tally = tallyCoverage(items.values(), 200);
    expect(tally.uncovered.map((item) => [item.category, item.reason])).toEqual([
      ['iterations', 'altered-file'],
      ['images', 'altered-file'],
      ['images', 'missing-record'],
      ['images', 'missing-file'],
      ['images', 'missing-file'],
      ['tags', 'altered-file'],
      ['projects', 'missing-record'],
    ]);
    expect(tally.covered.publishedIterations).toBe(0);
  });

  it('lists at most the limit but counts everything', () => {
    const plan = planFor(500, 100);
    const tally = tallyCoverage(planItems(plan).values(), 200);
    expect(tally.uncoveredCount).toBe(1 + 500 + 100 + 1 + 1);
    expect(tally.uncovered).toHaveLength(200);
    expect(tally.uncovered[0]?.category).toBe('iterations');
    const images = tally.uncovered.filter((item) => item.category === 'images').map((item) => item.id);
    expect(images).toEqual([...images].sort());
  });
});
