/**
 * Jobs interrupted by quitting CV Steward, offered again on the next start,
 * against the emulator: an export stopped by a quit mid-download resumes into the same
 * bundle after a restart and finishes complete and intact, fetching nothing it already
 * had; a cleanup stopped by a quit comes back as its plan id, and runs to the end only
 * after the typed confirmation; saved plans are listed with their state.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InterruptedJob, SavedPlan } from '../../../shared/model/resume';
import type { PlanSummary } from '../../../shared/model/cleanup';
import { cleanupPaths } from '../../../src-main/cleanup';
import type { RunningEmulator } from '../../../src-main/emulator';
import { readManifest, verifyBundle } from '../../../src-main/export';
import { must, startTestEmulator } from '../../support/emulator/emulator-support';
import { bundleReleased, exists, journaledImageFiles, newMachine, smallSeed, startApp, waitFor, type Machine } from '../../support/resume/resume-support';

let slow: RunningEmulator;
let fast: RunningEmulator;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  // Slow enough that a quit lands mid-download (≈ 2 s for all the image bytes); the
  // cleanup's emulator answers every call late.
  [slow, fast] = await Promise.all([startTestEmulator({ seed: smallSeed(60) }), startTestEmulator({ seed: 'demo', latencyMs: 40 })]);
});
afterAll(async () => {
  await Promise.all([slow.close(), fast.close()]);
});
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

async function tempDir(prefix: string): Promise<string> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  cleanups.push(() => rm(path, { recursive: true, force: true }));
  return path;
}

function app(machine: Machine) {
  const started = startApp(machine);
  cleanups.push(() => started.services.dispose());
  return started;
}

/** The user connects the emulator as a saved account named "Lab". */
async function connectLab(t: ReturnType<typeof app>, emu: RunningEmulator): Promise<string> {
  const summary = await t.value<{ accountId: string }>('accounts:connect', { endpoint: emu.endpoint, key: emu.key, displayName: 'Lab' });
  return summary.accountId;
}

/** Starts an export of everything into a new folder and quits once some image files are in. */
async function exportThenQuit(machine: Machine) {
  slow.configure({ bandwidthKbps: 1_600 });
  const before = app(machine);
  const accountId = await connectLab(before, slow);
  const folder = await tempDir('cvs-resume-bundle-');
  machine.picks.push(folder);
  const { folderId } = must(await before.value<{ folderId: string } | null>('export:chooseFolder'), 'folder');
  const { jobId } = await before.value<{ jobId: string }>('export:start', { folderId, categories: ['projects', 'tags', 'images'] });
  await waitFor(async () => (await journaledImageFiles(folder)) >= 10, 'ten image files in the bundle');
  expect(before.services.jobs.get(jobId)?.state).toBe('running');
  await before.services.dispose();
  // The quit cancelled the job; its work lets go of the bundle before the next start uses it.
  await bundleReleased(folder);
  // The rest may go at full speed.
  slow.configure({ bandwidthKbps: 0 });
  return { folder, accountId };
}

describe('an export interrupted by quitting', () => {
  it('is offered on the next start and resumes into the same bundle, which ends complete with every file once', async () => {
    const machine = newMachine(await tempDir('cvs-resume-data-'));
    const { folder } = await exportThenQuit(machine);
    const partial = await readManifest(folder);
    expect(partial.status).toBe('partial');
    const alreadyThere = partial.files.filter((file) => file.path.includes('/images/files/')).map((file) => file.path);
    expect(alreadyThere.length).toBeGreaterThanOrEqual(10);

    const after = app(machine);
    const interrupted = await after.value<InterruptedJob[]>('jobs:interrupted');
    expect(interrupted).toEqual([expect.objectContaining({ kind: 'export', accountName: 'Lab', folderPath: folder, resumable: true })]);

    slow.resetStats();
    const resumed = await after.value<{ kind: string; jobId: string }>('jobs:resumeInterrupted', { id: interrupted[0]?.id });
    expect(resumed.kind).toBe('export');
    const job = await after.finished(resumed.jobId);
    expect(job.state, JSON.stringify(job.error)).toBe('succeeded');

    const manifest = await readManifest(folder);
    expect(manifest.status).toBe('complete');
    const paths = manifest.files.map((file) => file.path);
    expect(new Set(paths).size).toBe(paths.length);
    // One file per image: no image stored twice under two names.
    const imageStems = paths.filter((path) => path.includes('/images/files/')).map((path) => path.replace(/\.[a-z]+$/, ''));
    expect(new Set(imageStems).size).toBe(imageStems.length);
    expect(await verifyBundle(folder)).toMatchObject({ ok: true, missing: [], extra: [], altered: [], truncated: [] });
    // What the first run finished was not fetched again.
    const downloads = slow.stats().blobDownloads;
    for (const path of alreadyThere) {
      const id = must(/([0-9a-f-]{36})\.[a-z]+$/.exec(path)?.[1], 'image id');
      expect(downloads[id], `${path} was downloaded again`).toBeUndefined();
    }
    // Nothing is left to offer: the old record was taken over, the new one ended.
    expect(await after.value('jobs:interrupted')).toEqual([]);
    expect(after.problems).toEqual([]);
  }, 60_000);

  it('can only be dismissed once its account is forgotten', async () => {
    const machine = newMachine(await tempDir('cvs-resume-data-'));
    const { accountId } = await exportThenQuit(machine);
    const after = app(machine);
    await after.value('accounts:forget', { accountId });
    const [job] = await after.value<InterruptedJob[]>('jobs:interrupted');
    expect(job).toMatchObject({ kind: 'export', accountName: 'Lab', resumable: false });

    const refused = await after.call('jobs:resumeInterrupted', { id: job?.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'ACCOUNT_NOT_SAVED' } });
    if (!refused.ok) expect(refused.error.message).toContain('“Lab”');
    expect(after.services.jobs.list()).toEqual([]);

    expect(await after.value('jobs:dismissInterrupted', { id: job?.id })).toEqual({ dismissed: true });
    expect(await after.value('jobs:interrupted')).toEqual([]);
    expect(await after.value('jobs:dismissInterrupted', { id: job?.id })).toEqual({ dismissed: false });
  }, 60_000);

  it('is not offered when the user cancelled it', async () => {
    const machine = newMachine(await tempDir('cvs-resume-data-'));
    const before = app(machine);
    await connectLab(before, slow);
    const folder = await tempDir('cvs-resume-bundle-');
    machine.picks.push(folder);
    const { folderId } = must(await before.value<{ folderId: string } | null>('export:chooseFolder'), 'folder');
    const { jobId } = await before.value<{ jobId: string }>('export:start', { folderId, categories: ['projects', 'images'] });
    await before.value('jobs:cancel', { jobId });
    await before.services.dispose();
    await bundleReleased(folder);
    expect(await app(machine).value('jobs:interrupted')).toEqual([]);
  });
});

describe('a cleanup interrupted by quitting', () => {
  it('hands its plan back after a restart, and runs on only with the typed confirmation', async () => {
    const machine = newMachine(await tempDir('cvs-resume-data-'));
    const before = app(machine);
    await connectLab(before, fast);
    const projectId = must([...fast.state.projects.keys()][0], 'project');
    const { jobId: planJob, planId } = await before.value<{ jobId: string; planId: string }>('cleanup:plan', { scope: { kind: 'part', projectId, part: { kind: 'allImages' } } });
    expect((await before.finished(planJob)).state).toBe('succeeded');
    const plan = await before.value<PlanSummary>('cleanup:getPlan', { planId });
    expect(await before.value<SavedPlan[]>('cleanup:plans')).toEqual([
      { planId, createdAt: plan.createdAt, accountName: 'Lab', state: 'planned', totalItems: plan.counts.images, scopeText: plan.scopeText },
    ]);
    // Each plan's scope sentence in the wizard's language: two plans of one account are told apart by it.
    const [zh] = await before.value<SavedPlan[]>('cleanup:plans', { language: 'zh-TW' });
    expect(zh?.scopeText).toMatch(/的所有影像$/);
    expect(zh?.scopeText).not.toBe(plan.scopeText);

    const { jobId: runJob } = await before.value<{ jobId: string }>('cleanup:run', { planId, confirmText: 'Lab', backup: { kind: 'waived' } });
    const journal = cleanupPaths(plan.planPath).journal;
    await waitFor(() => exists(journal), 'the run to start its journal');
    expect(before.services.jobs.get(runJob)?.state).toBe('running');
    await before.services.dispose();
    await waitFor(async () => !(await exists(`${journal}.lock`)), 'the stopped run to let go of its plan');

    const after = app(machine);
    const interrupted = await after.value<InterruptedJob[]>('jobs:interrupted');
    expect(interrupted).toEqual([expect.objectContaining({ kind: 'cleanup', accountName: 'Lab', planId, resumable: true })]);
    expect(interrupted[0]).not.toHaveProperty('folderPath');
    expect(await after.value<SavedPlan[]>('cleanup:plans')).toEqual([expect.objectContaining({ planId, state: 'incomplete' })]);

    // Resuming deletes nothing by itself: it gives the wizard the plan.
    const deletesBefore = fast.stats();
    expect(await after.value('jobs:resumeInterrupted', { id: interrupted[0]?.id })).toEqual({ kind: 'cleanup', planId });
    expect(after.services.jobs.list()).toEqual([]);
    expect(fast.stats()).toEqual(deletesBefore);
    expect((await after.value<PlanSummary>('cleanup:getPlan', { planId })).confirmText).toBe('Lab');

    expect(await after.call('cleanup:run', { planId, confirmText: 'lab', backup: { kind: 'waived' } })).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_MISMATCH' } });
    const { jobId } = await after.value<{ jobId: string }>('cleanup:run', { planId, confirmText: 'Lab', backup: { kind: 'waived' } });
    const run = await after.finished(jobId);
    expect(run.state, JSON.stringify(run.error)).toBe('succeeded');
    expect(await after.value('jobs:interrupted')).toEqual([]);
    expect(await after.value<SavedPlan[]>('cleanup:plans')).toEqual([expect.objectContaining({ planId, state: 'done' })]);
  }, 60_000);
});

describe('a backup started from the cleanup wizard', () => {
  it('is an export like any other: a quit leaves it to resume', async () => {
    const machine = newMachine(await tempDir('cvs-resume-data-'));
    const before = app(machine);
    await connectLab(before, fast);
    const projectId = must([...fast.state.projects.keys()][2], 'project');
    const { jobId: planJob, planId } = await before.value<{ jobId: string; planId: string }>('cleanup:plan', { scope: { kind: 'part', projectId, part: { kind: 'predictions' } } });
    expect((await before.finished(planJob)).state).toBe('succeeded');
    const folder = await tempDir('cvs-resume-backup-');
    machine.picks.push(folder);
    const { folderId } = must(await before.value<{ folderId: string } | null>('cleanup:chooseBundle'), 'folder');
    const { jobId } = await before.value<{ jobId: string }>('cleanup:backup', { planId, folderId });
    expect(before.services.jobs.get(jobId)?.kind).toBe('export');
    await before.services.dispose();
    await bundleReleased(folder);

    const after = app(machine);
    expect(await after.value<InterruptedJob[]>('jobs:interrupted')).toEqual([expect.objectContaining({ kind: 'export', accountName: 'Lab', folderPath: folder, resumable: true })]);
  });
});

describe('saved plans', () => {
  it('lists only the plans of the data folder that load, newest first, and skips a damaged one', async () => {
    const machine = newMachine(await tempDir('cvs-resume-data-'));
    const t = app(machine);
    await connectLab(t, fast);
    const projectId = must([...fast.state.projects.keys()][1], 'project');
    const ids: string[] = [];
    for (const part of [{ kind: 'predictions' }, { kind: 'untaggedImages' }] as const) {
      const { jobId, planId } = await t.value<{ jobId: string; planId: string }>('cleanup:plan', { scope: { kind: 'part', projectId, part } });
      expect((await t.finished(jobId)).state).toBe('succeeded');
      ids.push(planId);
    }
    const damaged = join(machine.dataDir, 'cleanups', '11111111-2222-4333-8444-555555555555');
    await mkdir(damaged, { recursive: true });
    await writeFile(join(damaged, 'plan.json'), '{"format":"cv-steward-cleanup-plan","version":1,"planId":');
    await mkdir(join(machine.dataDir, 'cleanups', 'not-a-plan'), { recursive: true });

    const plans = await t.value<SavedPlan[]>('cleanup:plans');
    expect(plans.map((plan) => plan.planId)).toEqual([...ids].reverse());
    expect(plans.every((plan) => plan.state === 'planned' && plan.accountName === 'Lab')).toBe(true);
    expect(t.problems.join('\n')).toContain('11111111-2222-4333-8444-555555555555');
    expect((await readdir(join(machine.dataDir, 'cleanups'))).length).toBe(4);
  });
});
