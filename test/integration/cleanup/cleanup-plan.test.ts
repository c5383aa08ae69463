/**
 * Planning cleanups of the demo account against the emulator: the plan targets exactly
 * what the service holds (images that live only in iterations included), in the order
 * the API needs, batched within its limits, for every kind of scope — and a scope naming
 * something that is not there is refused before anything could be deleted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STEP_KINDS, type CleanupPlan, type CleanupScope, type PlanStep } from '../../../shared/model/cleanup';
import { buildPlan, planScopeText } from '../../../src-main/cleanup';
import { planProblem } from '../../../src-main/cleanup/plan-check';
import type { TrainingClient } from '../../../src-main/customvision';
import type { RunningEmulator, SeedDocument } from '../../../src-main/emulator';
import { apiJson, must, startTestEmulator, waitFor, type WireImage, type WireIteration, type WireProject } from '../../support/emulator/emulator-support';
import { exportClient, testJob } from '../../support/export/export-support';

const ACCOUNT = { endpointHost: 'demo.cognitiveservices.azure.com', keyFingerprint: 'ab12cd34', displayName: 'Demo account' };

let emu: RunningEmulator;
let client: TrainingClient;
let projects: WireProject[];

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo' });
  client = exportClient(emu);
  projects = await apiJson<WireProject[]>(emu, '/projects');
}, 30_000);

afterAll(async () => {
  await emu.close();
});

function plan(scope: CleanupScope, target: TrainingClient = client) {
  const job = testJob();
  return { job, promise: buildPlan(job, target, { scope, account: ACCOUNT, now: () => new Date('2026-02-03T04:05:06Z') }) };
}

/** A plan, checked the way loadPlan checks a plan file: every plan built here is one the executor accepts. */
async function planOf(scope: CleanupScope): Promise<CleanupPlan> {
  const built = await plan(scope).promise;
  expect(planProblem(built)).toBeUndefined();
  return built;
}

function projectNamed(prefix: string): WireProject {
  return must(projects.find((p) => p.name.startsWith(prefix)), `project ${prefix}`);
}

/** Every image of a project (workspace and trained iterations) by id, fetched independently of the planner. */
async function imagesOf(projectId: string): Promise<Map<string, { created: string; tagIds: string[]; workspace: boolean }>> {
  const out = new Map<string, { created: string; tagIds: string[]; workspace: boolean }>();
  const add = (list: WireImage[], workspace: boolean): void => {
    for (const image of list) if (!out.has(image.id)) out.set(image.id, { created: image.created, tagIds: (image.tags ?? []).map((t) => t.tagId), workspace });
  };
  for (let skip = 0; ; skip += 256) {
    const page = await apiJson<WireImage[]>(emu, `/projects/${projectId}/images?take=256&skip=${skip}`);
    add(page, true);
    if (page.length < 256) break;
  }
  const iterations = await apiJson<WireIteration[]>(emu, `/projects/${projectId}/iterations`);
  for (const iteration of iterations.filter((it) => it.status === 'Completed')) {
    for (const kind of ['tagged', 'untagged']) {
      for (let skip = 0; ; skip += 256) {
        const page = await apiJson<WireImage[]>(emu, `/projects/${projectId}/images/${kind}?iterationId=${iteration.id}&take=256&skip=${skip}`);
        add(page, false);
        if (page.length < 256) break;
      }
    }
  }
  return out;
}

const targets = (steps: readonly PlanStep[], kind: PlanStep['kind'], projectId?: string): string[] =>
  steps.filter((s) => s.kind === kind && (projectId === undefined || s.projectId === projectId)).flatMap((s) => s.targetIds);

const deleteCalls = (): number => Object.entries(emu.stats().requests).reduce((sum, [op, n]) => sum + (/^(Delete|Unpublish)/.test(op) ? n : 0), 0);

describe('planning the whole demo account', () => {
  let whole: CleanupPlan;
  let job: ReturnType<typeof testJob>;

  beforeAll(async () => {
    const started = plan({ kind: 'all' });
    job = started.job;
    whole = await started.promise;
    expect(planProblem(whole)).toBeUndefined();
  }, 30_000);

  it('orders each project: unpublish → iterations → images → predictions → tags → project, one project after another', () => {
    expect(whole.projects).toHaveLength(3);
    const order = new Map(STEP_KINDS.map((kind, i) => [kind, i]));
    const seen: string[] = [];
    for (const [i, step] of whole.steps.entries()) {
      expect(step.index).toBe(i);
      const previous = whole.steps[i - 1];
      if (previous && previous.projectId === step.projectId) expect(order.get(step.kind) ?? -1).toBeGreaterThanOrEqual(order.get(previous.kind) ?? 99);
      if (seen.at(-1) !== step.projectId) {
        expect(seen).not.toContain(step.projectId);
        seen.push(step.projectId);
      }
    }
    for (const project of whole.projects) {
      const own = whole.steps.filter((s) => s.projectId === project.id);
      expect(own.at(-1)).toMatchObject({ kind: 'deleteProject', targetIds: [project.id] });
    }
  });

  it('unpublishes every published iteration before deleting it', async () => {
    let published = 0;
    for (const project of projects) {
      const iterations = await apiJson<WireIteration[]>(emu, `/projects/${project.id}/iterations`);
      for (const iteration of iterations) {
        const remove = whole.steps.findIndex((s) => s.kind === 'deleteIteration' && s.targetIds[0] === iteration.id);
        const unpublish = whole.steps.findIndex((s) => s.kind === 'unpublishIteration' && s.targetIds[0] === iteration.id);
        expect(remove).toBeGreaterThanOrEqual(0);
        if (iteration.publishName) {
          published += 1;
          expect(unpublish).toBeGreaterThanOrEqual(0);
          expect(unpublish).toBeLessThan(remove);
        } else expect(unpublish).toBe(-1);
      }
    }
    expect(published).toBe(3);
    expect(whole.counts.publishedIterations).toBe(3);
  });

  it('targets every image the service holds, including the ones that live only in iterations', async () => {
    let onlyInIterations = 0;
    for (const project of projects) {
      const expected = await imagesOf(project.id);
      onlyInIterations += [...expected.values()].filter((image) => !image.workspace).length;
      expect(targets(whole.steps, 'deleteImages', project.id).sort()).toEqual([...expected.keys()].sort());
    }
    expect(onlyInIterations).toBeGreaterThan(0);
    expect(whole.counts).toMatchObject({ projects: 3, iterations: 6, images: 300, imagesOnlyInIterations: onlyInIterations, predictions: 17, tags: 12 });
    expect(whole.projects.reduce((sum, p) => sum + p.modelExports, 0)).toBe(3);
  });

  it('states what to type, the scope in words and the calls it will make', () => {
    expect(whole).toMatchObject({ format: 'cv-steward-cleanup-plan', confirmText: 'Demo account', account: ACCOUNT, createdAt: '2026-02-03T04:05:06.000Z' });
    expect(whole.scopeText).toBe('Everything in the account: 3 projects and all their data');
    expect(whole.apiCalls).toBe(whole.steps.length);
    for (const step of whole.steps) for (const id of step.targetIds) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('fills a progress bar per category with what it found', () => {
    const bars = new Map(job.progress.snapshot().map((bar) => [bar.category, bar]));
    for (const [category, count] of [
      ['iterations', 6],
      ['images', 300],
      ['predictions', 17],
      ['tags', 12],
      ['projects', 3],
    ] as const) {
      expect(bars.get(category)).toMatchObject({ done: count, total: count });
    }
  });

  it('plans the same steps again for the same data, and never deletes while planning', async () => {
    const again = await planOf({ kind: 'all' });
    expect(again.steps).toEqual(whole.steps);
    expect(again.planId).not.toBe(whole.planId);
    expect(deleteCalls()).toBe(0);
  });
});

describe('planning one category of a project', () => {
  it('untagged images: only those, no project deletion', async () => {
    const flowers = projectNamed('Flower');
    const result = await planOf({ kind: 'part', projectId: flowers.id, part: { kind: 'untaggedImages' } });
    const untagged = await apiJson<WireImage[]>(emu, `/projects/${flowers.id}/images/untagged?take=256`);
    expect(untagged.length).toBeGreaterThan(0);
    expect(result.steps.every((s) => s.kind === 'deleteImages')).toBe(true);
    expect(targets(result.steps, 'deleteImages').sort()).toEqual(untagged.map((i) => i.id).sort());
    expect(result.projects[0]).toMatchObject({ deleteProject: false, counts: { projects: 0, images: untagged.length } });
    expect(result.scopeText).toBe('Untagged images of project "Flower shop (demo)"');
  });

  it('all images: the workspace and the iteration-only ones', async () => {
    const flowers = projectNamed('Flower');
    const result = await planOf({ kind: 'part', projectId: flowers.id, part: { kind: 'allImages' } });
    const expected = await imagesOf(flowers.id);
    expect(targets(result.steps, 'deleteImages').sort()).toEqual([...expected.keys()].sort());
    expect(result.counts.imagesOnlyInIterations).toBe([...expected.values()].filter((i) => !i.workspace).length);
    expect(result.counts.imagesOnlyInIterations).toBeGreaterThan(0);
  });

  it('images older than an instant: compared as UTC whatever the local zone', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati'; // UTC+14: a local-time reading would be 14 hours off
    try {
      const flowers = projectNamed('Flower');
      const before = '2024-01-08T15:00:00.000Z';
      const result = await planOf({ kind: 'part', projectId: flowers.id, part: { kind: 'imagesOlderThan', before } });
      const expected = [...(await imagesOf(flowers.id)).entries()].filter(([, image]) => Date.parse(`${image.created}Z`) < Date.parse(before)).map(([id]) => id);
      expect(expected.length).toBeGreaterThan(10);
      expect(expected.length).toBeLessThan(110);
      expect(targets(result.steps, 'deleteImages').sort()).toEqual(expected.sort());
      expect(result.scopeText).toContain('created before 2024-01-08T15:00:00.000Z');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('images carrying a tag, including iteration-only ones that carried it', async () => {
    const flowers = projectNamed('Flower');
    const tags = await apiJson<Array<{ id: string; name: string }>>(emu, `/projects/${flowers.id}/tags`);
    const daisy = must(tags.find((t) => t.name === 'Daisy'));
    const result = await planOf({ kind: 'part', projectId: flowers.id, part: { kind: 'taggedWith', tagId: daisy.id } });
    const expected = [...(await imagesOf(flowers.id)).entries()].filter(([, image]) => image.tagIds.includes(daisy.id));
    expect(expected.some(([, image]) => !image.workspace)).toBe(true);
    expect(targets(result.steps, 'deleteImages').sort()).toEqual(expected.map(([id]) => id).sort());
    expect(result.scopeText).toBe('Images of project "Flower shop (demo)" carrying tag "Daisy"');
  });

  it('one tag: DeleteTag only', async () => {
    const streets = projectNamed('Street');
    const tags = await apiJson<Array<{ id: string; name: string }>>(emu, `/projects/${streets.id}/tags`);
    const car = must(tags.find((t) => t.name === 'Car'));
    const result = await planOf({ kind: 'part', projectId: streets.id, part: { kind: 'tag', tagId: car.id } });
    expect(result.steps).toEqual([{ index: 0, kind: 'deleteTag', projectId: streets.id, category: 'tags', targetIds: [car.id] }]);
    expect(result.scopeText).toBe('Tag "Car" of project "Street scenes (demo)" (its images stay)');
    // The plan keeps the tag's name, so the wizard and the receipt can say it in Chinese too.
    expect(result.scopeNames).toEqual({ tag: 'Car' });
    expect(planScopeText(result, 'zh-TW')).toBe('專案 "Street scenes (demo)"的標籤 "Car"（其影像保留）');
  });

  it('one published iteration: unpublished, then deleted, with its model exports counted', async () => {
    const flowers = projectNamed('Flower');
    const iterations = await apiJson<WireIteration[]>(emu, `/projects/${flowers.id}/iterations`);
    const published = must(iterations.find((it) => it.publishName));
    const result = await planOf({ kind: 'part', projectId: flowers.id, part: { kind: 'iteration', iterationId: published.id } });
    expect(result.steps.map((s) => [s.kind, s.targetIds])).toEqual([
      ['unpublishIteration', [published.id]],
      ['deleteIteration', [published.id]],
    ]);
    expect(result.counts).toMatchObject({ iterations: 1, publishedIterations: 1, images: 0 });
    expect(result.projects[0]?.modelExports).toBe(2);
  });

  it('stored predictions', async () => {
    const parcels = projectNamed('Parcel');
    const result = await planOf({ kind: 'part', projectId: parcels.id, part: { kind: 'predictions' } });
    expect(result.steps).toHaveLength(1);
    expect(result.steps[0]).toMatchObject({ kind: 'deletePredictions', category: 'predictions' });
    expect(result.counts.predictions).toBe(6);
  });
});

describe('scopes naming something that is not there', () => {
  const ghost = '0b8a3d2e-1f4c-4a5b-9c6d-7e8f9a0b1c2d';

  it.each<[string, () => CleanupScope, RegExp]>([
    ['an unknown project', () => ({ kind: 'part', projectId: ghost, part: { kind: 'predictions' } }), /Project 0b8a3d2e-.* is not in this account/],
    ['an unknown project in a list', () => ({ kind: 'projects', projectIds: [projectNamed('Flower').id, ghost] }), /Project 0b8a3d2e-.* is not in this account/],
    ['an unknown tag', () => ({ kind: 'part', projectId: projectNamed('Flower').id, part: { kind: 'tag', tagId: ghost } }), /Tag 0b8a3d2e-.* is not in project "Flower shop \(demo\)"/],
    ['an unknown tag filter', () => ({ kind: 'part', projectId: projectNamed('Flower').id, part: { kind: 'taggedWith', tagId: ghost } }), /Tag 0b8a3d2e-.* is not in project/],
    ['an unknown iteration', () => ({ kind: 'part', projectId: projectNamed('Flower').id, part: { kind: 'iteration', iterationId: ghost } }), /Iteration 0b8a3d2e-.* is not in project/],
  ])('refuses %s with a specific message and deletes nothing', async (_what, scope, message) => {
    await expect(planOf(scope())).rejects.toMatchObject({ code: 'SCOPE_NOT_FOUND', message: expect.stringMatching(message) });
    expect(deleteCalls()).toBe(0);
  });

  it('refuses a malformed id before any call', async () => {
    emu.resetStats();
    await expect(planOf({ kind: 'part', projectId: 'x/../y', part: { kind: 'predictions' } })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(Object.keys(emu.stats().requests)).toEqual([]);
  });

  it('refuses an account without a name to type', async () => {
    const job = testJob();
    await expect(buildPlan(job, client, { scope: { kind: 'all' }, account: { ...ACCOUNT, displayName: ' ' } })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('batching and deleting by the planned ids', () => {
  const seed: SeedDocument = {
    format: 'cv-emulator-seed',
    version: 1,
    projects: [
      {
        key: 'big',
        name: 'Big project',
        tags: [{ name: 'A' }],
        images: Array.from({ length: 600 }, (_, i) => ({ key: `img-${i}`, width: 256, height: 256, created: i, tags: i < 20 ? ['A'] : [], deletedFromWorkspace: i < 5 })),
        iterations: [{ name: 'Iteration 1', created: 700, published: { name: 'big-prod' } }],
        predictions: Array.from({ length: 130 }, (_, i) => ({ key: `p-${i}`, iteration: 'Iteration 1', created: 800 + i, width: 256, height: 256, results: [{ tag: 'A', probability: 0.9 }] })),
      },
    ],
  };
  let big: RunningEmulator;

  beforeAll(async () => {
    big = await startTestEmulator({ seed });
  });
  afterAll(async () => {
    await big.close();
  });

  it('cuts 600 images into batches whose request line fits 8 KB (206/206/188) and 130 predictions into 64/64/2', async () => {
    const result = await plan({ kind: 'all' }, exportClient(big)).promise;
    const sizes = (kind: PlanStep['kind']) => result.steps.filter((s) => s.kind === kind).map((s) => s.targetIds.length);
    // 256 GUIDs would make a 10 KB request line, which front ends refuse (Kestrel at 8 KB).
    expect(sizes('deleteImages')).toEqual([206, 206, 188]);
    expect(sizes('deletePredictions')).toEqual([64, 64, 2]);
    expect(result.counts).toMatchObject({ images: 600, imagesOnlyInIterations: 5, predictions: 130 });
  });

  it('plans iteration-only images that the emulator then really deletes with allIterations', async () => {
    const target = exportClient(big);
    const project = must((await target.getProjects())[0]);
    const projectId = must(project.id);
    const iteration = must((await target.getIterations(projectId))[0]);
    const result = await plan({ kind: 'part', projectId, part: { kind: 'allImages' } }, target).promise;
    const workspace = new Set<string>();
    for await (const image of target.iterateImages(projectId)) workspace.add(must(image.id));
    const onlyInIterations = targets(result.steps, 'deleteImages').filter((id) => !workspace.has(id));
    expect(onlyInIterations).toHaveLength(5);
    const answer = await target.deleteImages(projectId, { imageIds: onlyInIterations, allIterations: true });
    expect(answer.status).toBe(202);
    const inIteration = async (): Promise<string[]> => {
      const ids: string[] = [];
      for await (const image of target.iterateTaggedImages(projectId, { iterationId: must(iteration.id) })) ids.push(must(image.id));
      return ids;
    };
    await waitFor(async () => (await inIteration()).every((id) => !onlyInIterations.includes(id)));
    expect((await inIteration()).filter((id) => onlyInIterations.includes(id))).toEqual([]);
  });
});
