/**
 * Nothing deleted beyond what was chosen and backed up, and "verified" only with positive
 * evidence — against the real planner, gate, executor and proof, on an emulator showing
 * what the real service can do:
 * - a plan edited after it was made is refused with no call reaching the service;
 * - an iteration cleanup takes along the images only that iteration holds: the plan lists
 *   them and a bundle without them does not cover it;
 * - gateway 404s ("Resource not found", naming nothing) never make anything "verified";
 * - images deleted elsewhere between plan and run: their batch is refused (strict service),
 *   halved down to single ids, every other planned image is deleted, and the run verifies;
 * - an "untagged images" target tagged since the plan was made is left in place and named;
 * - images uploaded after planning do not keep the whole-project wait waiting.
 */
import { describe, expect, it } from 'vitest';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CleanupPlan, CleanupScope } from '../../../shared/model/cleanup';
import { buildPlan, cleanupPaths, loadPlan, runCleanup, savePlan } from '../../../src-main/cleanup';
import type { EmulatorOptions, RunningEmulator, SeedDocument } from '../../../src-main/emulator';
import { runExport } from '../../../src-main/export';
import { testSealer } from '../../support/plan-sealing';
import { ACCOUNT_NAME, cleanupClient, cleanupJob, deleteRequests } from '../../support/cleanup/cleanup-run-support';
import { api, apiJson, must, perTest, type WireImage } from '../../support/emulator/emulator-support';
import { exportOptions, testJob } from '../../support/export/export-support';

const ACCOUNT = { endpointHost: '', keyFingerprint: 'ab12cd34', displayName: ACCOUNT_NAME };
const fast = { pollIntervalMs: 20, pollTimeoutMs: 60_000 };

/** One project: 30 images (every fifth untagged), images 3 and 4 deleted after training (they live only in the iteration). */
function seed(images = 30): SeedDocument {
  return {
    format: 'cv-emulator-seed',
    version: 1,
    projects: [
      {
        key: 'evidence',
        name: 'Evidence',
        domain: 'General (compact)',
        tags: [{ name: 'x' }, { name: 'y' }],
        images: Array.from({ length: images }, (_, i) => ({
          key: `e${i}`,
          width: 30 + (i % 5),
          height: 24,
          format: i % 2 ? 'png' : 'jpeg',
          tags: i % 5 === 4 ? [] : [i % 2 ? 'x' : 'y'],
          created: i,
          deletedFromWorkspace: i === 3 || i === 8,
        })),
        iterations: [{ name: 'Iteration 1', created: images + 5, exports: [{ platform: 'ONNX' }] }],
      },
    ],
  };
}

const each = perTest();

async function setup(options: EmulatorOptions = {}) {
  const emu = await each.emulator({ seed: seed(), ...options });
  const projectId = must([...emu.state.projects.keys()][0]);
  return { emu, dir: await each.folder('cv-cleanup-'), projectId, client: cleanupClient(emu) };
}

/** A plan made and saved as the app makes it: built, sealed, written, read back. */
async function planFile(target: RunningEmulator, dir: string, scope: CleanupScope): Promise<{ plan: CleanupPlan; planPath: string }> {
  const built = await buildPlan(cleanupJob(), cleanupClient(target), { scope, account: { ...ACCOUNT, endpointHost: new URL(target.endpoint).host } });
  const planPath = join(dir, 'plan.json');
  await savePlan(planPath, built, testSealer());
  return { plan: await loadPlan(planPath), planPath };
}

describe('a plan runs only as it was reviewed', () => {
  it('refuses a plan file edited after it was made (three tagged images added to an untagged plan), with no call reaching the service', async () => {
    const { emu, dir, projectId } = await setup();
    const { planPath } = await planFile(emu, dir, { kind: 'part', projectId, part: { kind: 'untaggedImages' } });
    const tagged = [...must(emu.state.projects.get(projectId)).images.all()].filter((image) => image.tags.length > 0).slice(0, 3).map((image) => image.id);
    // The edit a person (or a script) could make: more ids, counts adjusted so the file is consistent.
    const text = JSON.parse(await readFile(planPath, 'utf8')) as CleanupPlan;
    const step = must(text.steps.find((s) => s.kind === 'deleteImages'));
    step.targetIds = [...step.targetIds, ...tagged].sort();
    text.counts.images += 3;
    must(text.projects[0]).counts.images += 3;
    await writeFile(planPath, JSON.stringify(text, null, 2));
    const edited = await loadPlan(planPath);

    emu.resetStats();
    const attempt = runCleanup(cleanupJob(), cleanupClient(emu), { planPath, plan: edited, sealer: testSealer(), confirmText: ACCOUNT_NAME, backup: { kind: 'waived' }, ...fast });
    await expect(attempt).rejects.toMatchObject({ code: 'PLAN_TAMPERED' });
    expect(deleteRequests(emu)).toBe(0);
    expect(Object.keys(emu.stats().requests)).toEqual([]);
    await expect(stat(cleanupPaths(planPath).journal)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(emu.deletions()).toEqual([]);
  });
});

describe('what a deletion takes along is backed up too', () => {
  it('lists the images only the iteration holds, and refuses a bundle without them before any call', async () => {
    const { emu, dir, projectId } = await setup();
    const iterationId = must([...must(emu.state.projects.get(projectId)).iterations.keys()][0]);
    const { plan, planPath } = await planFile(emu, dir, { kind: 'part', projectId, part: { kind: 'iteration', iterationId } });
    const project = must(plan.projects[0]);
    // The plan deletes no image by a step, yet two images go with the iteration: it says so.
    expect(plan.counts.images).toBe(0);
    expect(project.implicit?.imageIds).toHaveLength(2);
    expect(project.implicit?.models).toEqual([{ iterationId, platform: 'ONNX', flavor: null, file: true }]);
    expect(project.implicit?.performance).toEqual([iterationId]);

    // A backup of everything but images: the iteration's only images are not in it.
    const bundle = join(dir, 'bundle');
    await runExport(testJob(), exportOptions(emu, bundle, { selection: { categories: ['projects', 'iterations', 'performance', 'tags', 'models', 'predictions'] } }));
    emu.resetStats();
    const refused = await runCleanup(cleanupJob(), cleanupClient(emu), { planPath, plan, sealer: testSealer(), confirmText: ACCOUNT_NAME, backup: { kind: 'bundle', folder: bundle }, ...fast }).catch(
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: 'BACKUP_NOT_COVERING' });
    expect((refused as Error).message).toMatch(/2 items are not covered/);
    expect(deleteRequests(emu)).toBe(0);

    // With the images in the bundle, the same plan runs and verifies.
    await runExport(testJob(), exportOptions(emu, bundle));
    const outcome = await runCleanup(cleanupJob(), cleanupClient(emu), { planPath, plan, sealer: testSealer(), confirmText: ACCOUNT_NAME, backup: { kind: 'bundle', folder: bundle }, ...fast });
    expect(outcome.complete).toBe(true);
    const gone = emu.deletions().find((record) => record.operation === 'DeleteIteration');
    expect(new Set(gone?.implicitImageIds)).toEqual(new Set(project.implicit?.imageIds));
  }, 60_000);
});

describe('verified means verified', () => {
  it('says "could not verify", never verified, when GetImagesByIds answers only gateway 404s', async () => {
    const { emu, dir, projectId } = await setup();
    const { plan, planPath } = await planFile(emu, dir, { kind: 'part', projectId, part: { kind: 'untaggedImages' } });
    const planned = plan.steps.flatMap((step) => step.targetIds);
    emu.configure({ gateway404Operations: ['GetImagesByIds'] });
    const outcome = await runCleanup(cleanupJob(), cleanupClient(emu), { planPath, plan, sealer: testSealer(), confirmText: ACCOUNT_NAME, backup: { kind: 'waived' }, ...fast });
    expect(outcome.complete).toBe(false);
    expect(outcome.receipt.verifications.every((v) => v.result === 'could-not-verify' && !v.verified)).toBe(true);
    expect(outcome.receipt.verifications[0]?.detail).toMatch(/404 without naming what is missing/);
    // Nothing was deleted on a guess: the targets could not be re-checked against the scope.
    const project = must(emu.state.projects.get(projectId));
    expect(planned.every((id) => project.images.has(id) || [...project.iterations.values()].some((it) => it.snapshot?.images.has(id)))).toBe(true);
  });

  it('does not read a gateway 404 of a delete as "already gone"', async () => {
    const { emu, dir, projectId } = await setup();
    const { plan, planPath } = await planFile(emu, dir, { kind: 'part', projectId, part: { kind: 'allImages' } });
    emu.configure({ gateway404Operations: ['DeleteImages', 'GetImagesByIds'] });
    const outcome = await runCleanup(cleanupJob(), cleanupClient(emu), { planPath, plan, sealer: testSealer(), confirmText: ACCOUNT_NAME, backup: { kind: 'waived' }, ...fast });
    expect(outcome.complete).toBe(false);
    const deletes = outcome.receipt.calls.filter((call) => call.operation === 'DeleteImages');
    expect(deletes.some((call) => call.outcome === 'already-gone')).toBe(false);
    expect(deletes.some((call) => call.outcome === 'unverified')).toBe(true);
    expect(emu.deletions()).toEqual([]);
  });
});

describe('a refused batch is not a deleted batch', () => {
  it('deletes every other planned image when some were deleted elsewhere between plan and run, and verifies', async () => {
    const { emu, dir, projectId } = await setup({ quirks: ['strict-batch-ids'] });
    const { plan, planPath } = await planFile(emu, dir, { kind: 'part', projectId, part: { kind: 'allImages' } });
    const planned = plan.steps.flatMap((step) => step.targetIds);
    const elsewhere = [must(planned[1]), must(planned[17])];
    emu.deleteElsewhere(projectId, elsewhere, { allIterations: true });
    emu.clearDeletions();

    const outcome = await runCleanup(cleanupJob(), cleanupClient(emu), { planPath, plan, sealer: testSealer(), confirmText: ACCOUNT_NAME, backup: { kind: 'waived' }, ...fast });
    expect(outcome.complete).toBe(true);
    // Exactly the other planned images were deleted, each once, and nothing else.
    const deleted = emu.deletions().flatMap((record) => record.ids);
    expect(deleted.sort()).toEqual(planned.filter((id) => !elsewhere.includes(id)).sort());
    const calls = outcome.receipt.calls.filter((call) => call.operation === 'DeleteImages');
    expect(calls[0]).toMatchObject({ outcome: 'failed', status: 400 });
    expect(calls.filter((call) => call.outcome === 'already-gone').flatMap((call) => call.targetIds).sort()).toEqual([...elsewhere].sort());
  });
});

describe('the scope is re-checked before deleting', () => {
  it('leaves in place an "untagged" image tagged since the plan was made, and names it in the receipt', async () => {
    const { emu, dir, projectId } = await setup();
    const { plan, planPath } = await planFile(emu, dir, { kind: 'part', projectId, part: { kind: 'untaggedImages' } });
    const planned = plan.steps.flatMap((step) => step.targetIds);
    const workspace = must(emu.state.projects.get(projectId)).images;
    const nowTagged = must(planned.find((id) => workspace.has(id)));
    const tagId = must([...must(emu.state.projects.get(projectId)).tags.keys()][0]);
    await apiJson(emu, `/projects/${projectId}/images/tags`, { method: 'POST', body: JSON.stringify({ tags: [{ imageId: nowTagged, tagId }] }), headers: { 'Content-Type': 'application/json' } });

    const outcome = await runCleanup(cleanupJob(), cleanupClient(emu), { planPath, plan, sealer: testSealer(), confirmText: ACCOUNT_NAME, backup: { kind: 'waived' }, ...fast });
    expect(outcome.complete).toBe(true);
    expect(workspace.has(nowTagged)).toBe(true);
    expect(outcome.receipt.leftInPlace).toEqual([{ projectId, category: 'images', id: nowTagged, reason: expect.stringMatching(/tagged since the plan was made/) as unknown as string, reasonText: [{ code: 'leftInPlaceTagged' }] }]);
    expect(emu.deletions().flatMap((record) => record.ids)).not.toContain(nowTagged);
    expect(emu.deletions().flatMap((record) => record.ids).sort()).toEqual(planned.filter((id) => id !== nowTagged).sort());
  });
});

describe('waiting for a whole project', () => {
  it('decides from the plan’s ids when images were uploaded after planning, instead of waiting out its timeout', async () => {
    const { emu, dir, projectId } = await setup({ deleteDelayMs: 100 });
    const { plan, planPath } = await planFile(emu, dir, { kind: 'part', projectId, part: { kind: 'allImages' } });
    // An upload after planning: new bytes (an existing image with bytes added after its end).
    const one = must((await apiJson<WireImage[]>(emu, `/projects/${projectId}/images?take=1`))[0]);
    const bytes = Buffer.concat([Buffer.from(await (await fetch(one.originalImageUri)).arrayBuffer()), Buffer.from('added after planning')]);
    const upload = await api(emu, `/projects/${projectId}/images`, { method: 'POST', body: bytes, headers: { 'Content-Type': 'application/octet-stream' } });
    expect(upload.ok).toBe(true);

    const started = Date.now();
    const outcome = await runCleanup(cleanupJob(), cleanupClient(emu), { planPath, plan, sealer: testSealer(), confirmText: ACCOUNT_NAME, backup: { kind: 'waived' }, ...fast });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(outcome.complete).toBe(true);
    expect(must(emu.state.projects.get(projectId)).images.size).toBe(1);
    expect(outcome.receipt.verifications.at(-1)?.detail).toMatch(/1 image in the workspace is not the plan's/);
  }, 40_000);
});

describe('requests fit real servers', () => {
  it('keeps every request line of a 3 000-image cleanup within 8 KB (a front end refusing longer ones is never hit)', async () => {
    const { emu, dir } = await setup({ seed: 'empty', images: 3000, quirks: ['url-limit-414'] });
    const projectId = must([...emu.state.projects.keys()][0]);
    const { plan, planPath } = await planFile(emu, dir, { kind: 'part', projectId, part: { kind: 'allImages' } });
    expect(Math.max(...plan.steps.map((step) => step.targetIds.length))).toBeLessThan(256);
    const outcome = await runCleanup(cleanupJob(), cleanupClient(emu), { planPath, plan, sealer: testSealer(), confirmText: ACCOUNT_NAME, backup: { kind: 'waived' }, ...fast });
    expect(outcome.complete).toBe(true);
    const stats = emu.stats();
    expect(stats.requestLineRefused).toBe(0);
    // The emulator counts the line without its CRLF; Kestrel refuses from 8 191.
    expect(stats.maxRequestLineBytes).toBeLessThanOrEqual(8190);
    expect(stats.maxRequestLineBytes).toBeGreaterThan(7000);
    expect(must(emu.state.projects.get(projectId)).images.size).toBe(0);
  }, 60_000);
});
