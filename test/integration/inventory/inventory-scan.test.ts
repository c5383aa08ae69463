/**
 * The inventory scan against the real emulator: what a user sees on the Inventory page —
 * exact counts of everything the demo account holds, a failing project that leaves the
 * others complete, Retry merging just that project back in, and no image ever downloaded.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../src-main/emulator';
import { INVENTORY_CATEGORIES, InventorySnapshotSchema } from '../../../shared/model/inventory';
import { AVERAGE_IMAGE_BYTES, IMAGE_RECORD_BYTES, PUBLISHED_LIMITS } from '../../../src-main/inventory';
import { startTestEmulator } from '../../support/emulator/emulator-support';
import { emulatorClient, expectedCounts, projectCounts, row, runScan, withTamperedProject, type ExpectedCounts } from '../../support/inventory/inventory-support';

let emu: RunningEmulator;
let expected: Map<string, ExpectedCounts>;

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo' });
  expected = expectedCounts(emu.state);
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => {
  emu.configure({ failRate: 0 });
  emu.resetStats();
});

const sum = (pick: (counts: ExpectedCounts) => number) => [...expected.values()].reduce((total, counts) => total + pick(counts), 0);

/** The project a test breaks: the first one (the demo's multiclass project). */
const brokenProjectId = () => [...expected.keys()][0] ?? '';

describe('scanning the demo account', () => {
  let full: Awaited<ReturnType<typeof runScan>>;
  beforeAll(async () => {
    emu.resetStats();
    full = await runScan(emulatorClient(emu));
  });

  it('finds every project with exactly the counts the service holds', () => {
    const { last } = full;
    expect(last.state).toBe('done');
    expect(last.projects.map((p) => p.id).sort()).toEqual([...expected.keys()].sort());
    for (const [projectId, want] of expected) {
      const project = projectCounts(last, projectId);
      expect(project.name).toBe(want.name);
      expect(project.problems).toEqual([]);
      expect(project.counts).toMatchObject({
        iterations: want.iterations,
        trainedIterations: want.trainedIterations,
        publishedIterations: want.publishedIterations,
        performance: want.trainedIterations,
        tags: want.tags,
        taggedImages: want.taggedImages,
        untaggedImages: want.untaggedImages,
        imagesOnlyInIterations: want.imagesOnlyInIterations,
        models: want.models,
        predictions: want.predictions,
      });
      expect(project.iterations).toHaveLength(want.iterations);
      expect(project.tags).toHaveLength(want.tags);
      expect(project.models).toHaveLength(want.models);
    }
    // The demo deletes some trained images from the workspace: they must be found.
    expect(sum((c) => c.imagesOnlyInIterations)).toBeGreaterThan(0);
  });

  it('totals every category row, with a size estimate for the images', () => {
    const { last } = full;
    expect(last.categories.map((r) => r.category)).toEqual([...INVENTORY_CATEGORIES]);
    const images = sum((c) => c.taggedImages + c.untaggedImages + c.imagesOnlyInIterations);
    expect(row(last, 'projects').count).toBe(expected.size);
    expect(row(last, 'iterations').count).toBe(sum((c) => c.iterations));
    expect(row(last, 'performance').count).toBe(sum((c) => c.trainedIterations));
    expect(row(last, 'tags').count).toBe(sum((c) => c.tags));
    expect(row(last, 'images').count).toBe(images);
    expect(row(last, 'images').bytesEstimate).toBe(images * (AVERAGE_IMAGE_BYTES + IMAGE_RECORD_BYTES));
    expect(row(last, 'models').count).toBe(sum((c) => c.models));
    expect(row(last, 'predictions').count).toBe(sum((c) => c.predictions));
    for (const category of INVENTORY_CATEGORIES) {
      expect(row(last, category)).toMatchObject({ state: 'done', problems: [] });
    }
    expect(row(last, 'tags')).toMatchObject({ done: expected.size, total: expected.size });
  });

  it('describes the account without the key, with the published limits', () => {
    const { last } = full;
    expect(last.account).toMatchObject({ displayName: 'Test resource', keyFingerprint: 'ab12cd34', resourceName: null, region: null });
    expect(last.account.quotas).toEqual(PUBLISHED_LIMITS);
    expect(last.account.quotas).toContainEqual(expect.objectContaining({ what: 'Projects', whatText: { code: 'limitProjects' }, free: '2', standard: '100' }));
    for (const snapshot of full.snapshots) expect(JSON.stringify(snapshot)).not.toContain(emu.key);
  });

  it('streams growing snapshots that match the IPC schema, ending when the job succeeds', () => {
    const { snapshots, job } = full;
    expect(job.state).toBe('succeeded');
    expect(job.summary).toMatch(/^Scanned 3 projects: \d+ images/);
    // At least one snapshot per project step, so the page fills in while the scan runs.
    expect(snapshots.length).toBeGreaterThan(expected.size * 6);
    expect(snapshots.slice(0, -1).every((s) => s.state === 'scanning')).toBe(true);
    let tagsDone = 0;
    for (const snapshot of snapshots) {
      expect(InventorySnapshotSchema.safeParse(snapshot).success).toBe(true);
      const done = row(snapshot, 'tags').done;
      expect(done).toBeGreaterThanOrEqual(tagsDone);
      tagsDone = done;
    }
    // Job progress, per category: projects visited.
    expect(job.categories.find((c) => c.category === 'images')).toMatchObject({ done: expected.size, total: expected.size, errors: 0 });
  });

  it('downloads no image, thumbnail or model', () => {
    const stats = emu.stats();
    expect(stats.blobDownloads).toEqual({});
    expect(stats.blobBytes).toBe(0);
    // Workspace images are counted, never paged: only iterations' copies are listed (ids).
    expect(stats.requests.GetTaggedImages ?? 0).toBe(0);
    expect(stats.requests.GetUntaggedImages ?? 0).toBe(0);
  });
});

describe('a project that fails', () => {
  let broken: Awaited<ReturnType<typeof runScan>>;
  beforeAll(async () => {
    broken = await runScan(withTamperedProject(emulatorClient(emu), brokenProjectId()));
  });

  it('gets a problem on every row it affects, with the service error, and the others complete', () => {
    const { last, job } = broken;
    expect(last.state).toBe('partial');
    expect(job.state).toBe('succeeded');
    expect(job.summary).toMatch(/Incomplete: 6 problems; use Retry/);
    const failing = projectCounts(last, brokenProjectId());
    expect(failing.problems.map((p) => p.category).sort()).toEqual(['images', 'iterations', 'models', 'performance', 'predictions', 'tags']);
    for (const problem of failing.problems) {
      expect(problem.code).toBe('NOT_FOUND');
      expect(problem.message).toContain('NotFoundProject');
      expect(problem.projectId).toBe(brokenProjectId());
    }
    expect(failing.counts.tags).toBeNull();
    expect(failing.counts.taggedImages).toBeNull();
    for (const category of ['iterations', 'performance', 'tags', 'images', 'models', 'predictions'] as const) {
      expect(row(last, category).state).toBe('failed');
      expect(row(last, category).problems).toHaveLength(1);
    }
    expect(row(last, 'projects').state).toBe('done');
    for (const [projectId, want] of expected) {
      if (projectId === brokenProjectId()) continue;
      expect(projectCounts(last, projectId).counts).toMatchObject({ tags: want.tags, taggedImages: want.taggedImages, predictions: want.predictions });
    }
    // Rows count what could be counted.
    expect(row(last, 'tags').count).toBe(sum((c) => c.tags) - (expected.get(brokenProjectId())?.tags ?? 0));
  });

  it('Retry of one category for that project fixes just that row', async () => {
    emu.resetStats();
    const { last } = await runScan(emulatorClient(emu), { previous: broken.last, projectIds: [brokenProjectId()], categories: ['tags'] });
    expect(emu.stats().requests).toEqual({ GetProjects: 1, GetDomains: 1, GetTags: 1 });
    expect(row(last, 'tags')).toMatchObject({ state: 'done', problems: [], count: sum((c) => c.tags) });
    expect(row(last, 'images').state).toBe('failed');
    expect(last.state).toBe('partial');
  });

  it('Retry of that project merges it back: everything complete, the other projects untouched', async () => {
    emu.resetStats();
    const { last, job } = await runScan(emulatorClient(emu), { previous: broken.last, projectIds: [brokenProjectId()] });
    expect(job.summary).toMatch(/^Scanned 1 project again\. The account now holds/);
    expect(last.state).toBe('done');
    expect(emu.stats().requests.GetProjects).toBe(1);
    expect(emu.stats().requests.GetTags).toBe(1);
    const want = expected.get(brokenProjectId());
    expect(projectCounts(last, brokenProjectId()).counts).toMatchObject({
      iterations: want?.iterations,
      tags: want?.tags,
      taggedImages: want?.taggedImages,
      imagesOnlyInIterations: want?.imagesOnlyInIterations,
      models: want?.models,
      predictions: want?.predictions,
    });
    for (const project of broken.last.projects) {
      if (project.id !== brokenProjectId()) expect(projectCounts(last, project.id)).toEqual(project);
    }
    for (const category of INVENTORY_CATEGORIES) expect(row(last, category)).toMatchObject({ state: 'done', problems: [] });
    expect(row(last, 'images').count).toBe(sum((c) => c.taggedImages + c.untaggedImages + c.imagesOnlyInIterations));
  });
});

describe('when the project list cannot be read', () => {
  it('the job fails with the service error and the Projects row offers the retry', async () => {
    emu.configure({ failRate: 1 });
    const { last, job } = await runScan(emulatorClient(emu, { maxAttempts: 1 }));
    emu.configure({ failRate: 0 });
    expect(job.state).toBe('failed');
    expect(job.error?.code).toBe('SERVICE_ERROR');
    expect(last.state).toBe('partial');
    expect(row(last, 'projects')).toMatchObject({ state: 'failed', count: null });
    expect(row(last, 'projects').problems).toEqual([expect.objectContaining({ category: 'projects', code: 'SERVICE_ERROR' })]);
    expect(row(last, 'projects').problems[0]?.projectId).toBeUndefined();
    expect(row(last, 'tags').state).toBe('waiting');

    // Retry of the Projects row = the whole scan again, merged over the failed one.
    const retried = await runScan(emulatorClient(emu), { previous: last, categories: ['projects'] });
    expect(retried.last.state).toBe('done');
    expect(row(retried.last, 'projects')).toMatchObject({ state: 'done', count: expected.size, problems: [] });
    expect(row(retried.last, 'tags').count).toBe(sum((c) => c.tags));
  });
});

describe('cancelling a scan', () => {
  it('stops at the next step and says the inventory is incomplete', async () => {
    let cancelled = false;
    const { last, job, snapshots } = await runScan(emulatorClient(emu), {}, (snapshot, control) => {
      if (!cancelled && row(snapshot, 'tags').done === 1) {
        cancelled = true;
        control.cancel();
      }
    });
    expect(job.state).toBe('cancelled');
    expect(last.state).toBe('cancelled');
    expect(last.finishedAt).toBeDefined();
    expect(row(last, 'tags').done).toBe(1);
    expect(row(last, 'tags').state).toBe('waiting');
    // Nothing after the cancel except the final "cancelled" snapshot.
    const cancelAt = snapshots.findIndex((s) => row(s, 'tags').done === 1);
    expect(snapshots).toHaveLength(cancelAt + 2);
  });
});
