/**
 * The cleanup channels as the page reaches them (through the dispatcher, so the contract's
 * validation is part of the test), against the demo seed in a local emulator: plans are
 * named only by id, the gate refuses a wrong confirmation and a bundle that does not
 * cover the plan before any delete call, and a confirmed run deletes, proves and writes
 * a receipt the page can open.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoverageReport, PlanSummary, Receipt } from '../../../shared/model/cleanup';
import { createTrainingClient, RateLimiterRegistry } from '../../../src-main/customvision';
import type { RunningEmulator } from '../../../src-main/emulator';
import { readManifest, verifyBundle } from '../../../src-main/export';
import { runExportInProcess } from '../../../src-main/export-worker';
import { EXTERNAL_LINK_URLS } from '../../../src-main/application/external-links';
import { createTestServices, pageCalls } from '../../support/test-services';
import { must, startTestEmulator } from '../../support/emulator/emulator-support';

let emu: RunningEmulator;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo' });
});
afterAll(async () => {
  await emu.close();
});
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

async function tempDir(prefix: string): Promise<string> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  cleanups.push(() => rm(path, { recursive: true, force: true }));
  return path;
}

/** Main as the page sees it: the demo account (our emulator) connected, folders picked from a queue. */
async function setup() {
  const dataDir = await tempDir('cvs-cleanup-data-');
  const picks: string[] = [];
  const opened: string[] = [];
  const services = createTestServices({
    dataDir,
    demo: { start: async () => ({ endpoint: emu.endpoint, key: emu.key }), stop: async () => undefined },
    pickFolder: async () => picks.shift() ?? null,
    openPath: async (path) => void opened.push(`file ${path}`),
    openExternal: async (url) => void opened.push(`url ${url}`),
    // vitest runs the sources: there is no built export-worker.cjs to start.
    exportRunner: runExportInProcess,
  });
  cleanups.push(() => services.dispose());
  await services.accounts.startDemo();
  const { call, value, finished } = pageCalls(services);
  const chooseFolder = async (path: string) => {
    picks.push(path);
    return must(await value<{ folderId: string } | null>('cleanup:chooseBundle'), 'chosen folder').folderId;
  };
  return { services, dataDir, opened, call, value, finished, chooseFolder };
}

type Setup = Awaited<ReturnType<typeof setup>>;

const client = () => createTrainingClient({ endpoint: emu.endpoint, key: emu.key, rateLimit: 1000, rateLimiters: new RateLimiterRegistry() });

async function firstProjectId(): Promise<string> {
  const projects = await client().getProjects();
  return must(projects[0]?.id, 'project id');
}

async function predictionCount(projectId: string): Promise<number> {
  let count = 0;
  for await (const page of client().iteratePredictions(projectId).pages()) count += page.length;
  return count;
}

/** A plan for the stored predictions of one project, built as a job and fetched by id. */
async function predictionsPlan(t: Setup, projectId: string): Promise<PlanSummary & { planId: string }> {
  const { jobId, planId } = await t.value<{ jobId: string; planId: string }>('cleanup:plan', {
    scope: { kind: 'part', projectId, part: { kind: 'predictions' } },
  });
  expect((await t.finished(jobId)).state).toBe('succeeded');
  return { ...(await t.value<PlanSummary>('cleanup:getPlan', { planId })), planId };
}

describe('cleanup plans', () => {
  it('are saved under the data folder and named to the page only by id', async () => {
    const t = await setup();
    const projectId = await firstProjectId();
    const plan = await predictionsPlan(t, projectId);
    expect(plan.planId).toMatch(/^[0-9a-f-]{36}$/);
    expect(plan.planPath).toBe(join(t.dataDir, 'cleanups', plan.planId, 'plan.json'));
    expect((await stat(plan.planPath)).isFile()).toBe(true);
    expect(plan.confirmText).toBe('Demo account');
    expect(plan.counts.predictions).toBeGreaterThan(0);
    expect(plan).not.toHaveProperty('steps');
  });

  it('refuses a path or anything that is not a plan id before main looks for it', async () => {
    const t = await setup();
    for (const planId of ['../../etc/passwd', join(t.dataDir, 'cleanups', 'x', 'plan.json'), 'PLAN', '']) {
      const result = await t.call('cleanup:getPlan', { planId });
      expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
  });

  it('answers an unknown plan id with PLAN_NOT_FOUND on every channel', async () => {
    const t = await setup();
    const planId = '00000000-0000-4000-8000-000000000000';
    for (const [channel, extra] of [
      ['cleanup:getPlan', {}],
      ['cleanup:coverage', {}],
      ['cleanup:receipt', {}],
      ['cleanup:openReceipt', {}],
      ['cleanup:run', { confirmText: 'Demo account', backup: { kind: 'waived' } }],
    ] as const) {
      const result = await t.call(channel, { planId, ...extra });
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'PLAN_NOT_FOUND' } });
      if (!result.ok) expect(result.error.message).toContain('Build the plan again');
    }
    expect(t.opened).toEqual([]);
  });
});

describe('the gate, as main enforces it', () => {
  it('refuses a run whose typed name does not match exactly, and deletes nothing', async () => {
    const t = await setup();
    const projectId = await firstProjectId();
    const before = await predictionCount(projectId);
    const plan = await predictionsPlan(t, projectId);
    for (const confirmText of ['demo account', 'Demo account ', '', 'Demo']) {
      const result = await t.call('cleanup:run', { planId: plan.planId, confirmText, backup: { kind: 'waived' } });
      expect(result).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_MISMATCH' } });
      if (!result.ok) expect(result.error.message).toContain('“Demo account”');
    }
    expect(t.services.jobs.list().filter((job) => job.kind === 'cleanup')).toEqual([]);
    expect(await predictionCount(projectId)).toBe(before);
  });

  it('refuses a bundle that was never checked, or that lacks items of the plan, and deletes nothing', async () => {
    const t = await setup();
    const projectId = await firstProjectId();
    const before = await predictionCount(projectId);
    const plan = await predictionsPlan(t, projectId);

    // A real bundle of the project, but without its stored predictions.
    const folderId = await t.chooseFolder(await tempDir('cvs-cleanup-bundle-'));
    const run = { planId: plan.planId, confirmText: 'Demo account', backup: { kind: 'bundle', folderId } };
    expect(await t.call('cleanup:run', run)).toMatchObject({ ok: false, error: { code: 'BACKUP_NOT_CHECKED' } });

    const exported = await t.value<{ jobId: string }>('export:start', { folderId, projectIds: [projectId], categories: ['projects', 'tags'] });
    const exportJob = await t.finished(exported.jobId);
    expect(exportJob.state, JSON.stringify(exportJob.error)).toBe('succeeded');
    const check = await t.value<{ jobId: string }>('cleanup:checkBundle', { planId: plan.planId, folderId });
    const checkJob = await t.finished(check.jobId);
    expect(checkJob.state).toBe('failed');
    expect(checkJob.error?.code).toBe('BACKUP_NOT_COVERING');

    const coverage = must(await t.value<CoverageReport | null>('cleanup:coverage', { planId: plan.planId }), 'coverage');
    expect(coverage.ok).toBe(false);
    expect(coverage.uncoveredCount).toBe(plan.counts.predictions);
    expect(coverage.uncovered[0]).toMatchObject({ category: 'predictions', projectId });

    const refused = await t.call('cleanup:run', run);
    expect(refused).toMatchObject({ ok: false, error: { code: 'BACKUP_NOT_COVERING' } });
    if (!refused.ok) expect(refused.error.message).toContain(`${plan.counts.predictions} items of the plan are not in the bundle`);
    expect(await predictionCount(projectId)).toBe(before);
  });

  it('knows folders only by the id its own dialog gave out', async () => {
    const t = await setup();
    const plan = await predictionsPlan(t, await firstProjectId());
    const result = await t.call('cleanup:checkBundle', { planId: plan.planId, folderId: '/tmp' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const bad = await t.call('cleanup:run', { planId: plan.planId, confirmText: 'Demo account', backup: { kind: 'bundle', folder: '/tmp' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});

describe('"Back up now" into an earlier, fuller bundle', () => {
  it('adds to the bundle without narrowing what its manifest describes, and the check passes', async () => {
    const t = await setup();
    const projectId = await firstProjectId();
    const folder = await tempDir('cvs-cleanup-full-');
    const folderId = await t.chooseFolder(folder);
    const full = await t.value<{ jobId: string }>('export:start', { folderId, categories: ['projects', 'iterations', 'performance', 'tags', 'images', 'models', 'predictions'] });
    expect((await t.finished(full.jobId)).state).toBe('succeeded');
    const before = await readManifest(folder);

    const plan = await predictionsPlan(t, projectId);
    const backup = await t.value<{ jobId: string }>('cleanup:backup', { planId: plan.planId, folderId });
    expect((await t.finished(backup.jobId)).state).toBe('succeeded');

    const after = await readManifest(folder);
    expect(after.selection).toEqual(before.selection);
    expect(after.projects.map((project) => [project.id, project.counts])).toEqual(before.projects.map((project) => [project.id, project.counts]));
    expect(after.status).toBe('complete');
    expect(after.history?.at(-1)?.selection).toEqual({ projectIds: [projectId], categories: ['projects', 'predictions'] });
    expect(await verifyBundle(folder)).toMatchObject({ ok: true });
    const check = await t.value<{ jobId: string }>('cleanup:checkBundle', { planId: plan.planId, folderId });
    expect((await t.finished(check.jobId)).state).toBe('succeeded');
  }, 120_000);
});

describe('a confirmed cleanup', () => {
  it('backs up what the plan deletes, checks it, deletes, proves it and offers the receipt', async () => {
    const t = await setup();
    const projectId = await firstProjectId();
    const plan = await predictionsPlan(t, projectId);

    const folder = await tempDir('cvs-cleanup-backup-');
    const folderId = await t.chooseFolder(folder);
    const backup = await t.value<{ jobId: string }>('cleanup:backup', { planId: plan.planId, folderId });
    const backupJob = await t.finished(backup.jobId);
    expect(backupJob.state, JSON.stringify(backupJob.error)).toBe('succeeded');
    const check = await t.value<{ jobId: string }>('cleanup:checkBundle', { planId: plan.planId, folderId });
    expect((await t.finished(check.jobId)).state).toBe('succeeded');
    expect(await t.value<CoverageReport | null>('cleanup:coverage', { planId: plan.planId })).toMatchObject({ ok: true, uncoveredCount: 0 });

    const run = await t.value<{ jobId: string }>('cleanup:run', { planId: plan.planId, confirmText: 'Demo account', backup: { kind: 'bundle', folderId } });
    const job = await t.finished(run.jobId);
    expect(job.state, JSON.stringify(job.error)).toBe('succeeded');
    // The bundle's re-check has its bar first (every file hashed again), then the deletions in order.
    expect(job.categories.map((c) => c.category).slice(0, 6)).toEqual(['files', 'iterations', 'images', 'predictions', 'tags', 'projects']);
    const files = must(job.categories.find((c) => c.category === 'files'), 'files bar');
    expect(files.total).toBeGreaterThan(0);
    expect(files.done).toBe(files.total);
    expect(await predictionCount(projectId)).toBe(0);

    const receipt = must(await t.value<Receipt | null>('cleanup:receipt', { planId: plan.planId }), 'receipt');
    expect(receipt.complete).toBe(true);
    expect(receipt.backup).toMatchObject({ kind: 'bundle', folder });
    expect(receipt.calls.length).toBeGreaterThan(0);
    expect(JSON.stringify(receipt)).not.toContain(emu.key);

    expect(await t.value('cleanup:openReceipt', { planId: plan.planId })).toEqual({ opened: true });
    expect(t.opened).toHaveLength(1);
    expect(t.opened[0]).toMatch(new RegExp(`^file ${join(t.dataDir, 'cleanups', plan.planId)}.*receipt.*\\.html$`));
  });
});

describe('app:openExternal', () => {
  it('opens only the allow-listed pages, by id', async () => {
    const t = await setup();
    expect(await t.value('app:openExternal', { link: 'azure-soft-delete' })).toEqual({ opened: true });
    expect(t.opened).toEqual([`url ${EXTERNAL_LINK_URLS['azure-soft-delete']}`]);
    for (const link of ['https://evil.example/', 'javascript:alert(1)', 'toString']) {
      expect(await t.call('app:openExternal', { link })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    expect(t.opened).toHaveLength(1);
    for (const url of Object.values(EXTERNAL_LINK_URLS)) expect(url).toMatch(/^https:\/\/[a-z.]+\.(com|ai)\//);
  });
});
