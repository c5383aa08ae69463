/**
 * The backup half of the safety gate: a verified export of the demo account covers a plan
 * to delete all of it; a bundle that lacks one image, holds one altered byte, covers only
 * one project, or belongs to another account does not — and says exactly which items.
 */
import { cp, mkdir, readFile, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CleanupPlan, CleanupScope } from '../../../shared/model/cleanup';
import { buildPlan, checkBundleCoverage } from '../../../src-main/cleanup';
import type { RunningEmulator } from '../../../src-main/emulator';
import { readManifest, runExport, type Manifest } from '../../../src-main/export';
import { must, startTestEmulator } from '../../support/emulator/emulator-support';
import { exportClient, exportOptions, tempFolder, testJob } from '../../support/export/export-support';

let emu: RunningEmulator;
let root: { path: string; remove: () => Promise<void> };
let full: string;
let single: string;
let manifest: Manifest;
let whole: CleanupPlan;
let account: CleanupPlan['account'];
let copies = 0;

async function planOf(scope: CleanupScope, planAccount = account): Promise<CleanupPlan> {
  return buildPlan(testJob(), exportClient(emu), { scope, account: planAccount });
}

/** A scratch copy of the full bundle to damage. */
async function copyOfFull(): Promise<string> {
  copies += 1;
  const folder = join(root.path, `copy-${copies}`);
  await cp(full, folder, { recursive: true });
  return folder;
}

function fileOf(pattern: RegExp): string {
  return must(manifest.files.find((file) => pattern.test(file.path)), `a file like ${pattern}`).path;
}

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo' });
  root = await tempFolder('cv-coverage-');
  full = join(root.path, 'full');
  single = join(root.path, 'single');
  const options = exportOptions(emu, full);
  account = { endpointHost: options.account.endpointHost, keyFingerprint: options.account.keyFingerprint, displayName: 'Demo account' };
  await runExport(testJob(), options);
  manifest = await readManifest(full);
  whole = await planOf({ kind: 'all' });
  const flowers = must(manifest.projects.find((p) => p.name.startsWith('Flower')));
  await runExport(testJob(), exportOptions(emu, single, { selection: { projectIds: [flowers.id], categories: [...new Set(manifest.selection.categories)] } }));
}, 90_000);

afterAll(async () => {
  await emu.close();
  await root.remove();
});

describe('a verified full export', () => {
  it('covers a plan to delete the whole account', async () => {
    const job = testJob();
    const report = await checkBundleCoverage(job, whole, full);
    expect(report.verifyProblems).toEqual([]);
    expect(report).toMatchObject({ ok: true, uncoveredCount: 0, uncovered: [], bundleStatus: 'complete', bundleFolder: full });
    expect(report.covered).toEqual(whole.counts);
    expect(report.covered.imagesOnlyInIterations).toBeGreaterThan(0);
    expect(report.checkedFiles).toBe(manifest.files.length);
    const files = job.progress.snapshot().find((bar) => bar.category === 'files');
    expect(files).toMatchObject({ done: manifest.files.length, total: manifest.files.length });
  });

  it('reads a bundle through a link to its folder, and names a link to nothing with where it points', async () => {
    const link = join(root.path, 'link-to-full');
    await symlink(full, link);
    expect(await checkBundleCoverage(testJob(), whole, link)).toMatchObject({ ok: true, uncoveredCount: 0, bundleFolder: link });
    const dangling = join(root.path, 'link-to-nothing');
    await symlink(join(root.path, 'moved-away'), dangling);
    await expect(checkBundleCoverage(testJob(), whole, dangling)).rejects.toMatchObject({
      code: 'BUNDLE_NOT_FOUND',
      message: expect.stringContaining(`${dangling} is a link to ${join(root.path, 'moved-away')}, which does not exist`),
    });
  });

  it.each<[string, (ids: { project: string; tag: string; iteration: string }) => CleanupScope]>([
    ['untagged images', ({ project }) => ({ kind: 'part', projectId: project, part: { kind: 'untaggedImages' } })],
    ['one tag', ({ project, tag }) => ({ kind: 'part', projectId: project, part: { kind: 'tag', tagId: tag } })],
    ['one iteration', ({ project, iteration }) => ({ kind: 'part', projectId: project, part: { kind: 'iteration', iterationId: iteration } })],
    ['stored predictions', ({ project }) => ({ kind: 'part', projectId: project, part: { kind: 'predictions' } })],
  ])('covers a plan for %s', async (_what, scope) => {
    const project = must(manifest.projects[0]).id;
    const tags = JSON.parse(await readFile(join(full, `projects/${project}/tags.json`), 'utf8')) as Array<{ id: string }>;
    const iteration = must(fileOf(new RegExp(`^projects/${project}/iterations/[^/]+/iteration\\.json$`)).split('/')[3]);
    const plan = await planOf(scope({ project, tag: must(tags[0]).id, iteration }));
    expect(plan.steps.length).toBeGreaterThan(0);
    const report = await checkBundleCoverage(testJob(), plan, full);
    expect(report).toMatchObject({ ok: true, uncoveredCount: 0 });
  });
});

describe('bundles that do not cover the plan', () => {
  it('refuses a folder that does not exist, a file, and a folder that is not a bundle', async () => {
    await expect(checkBundleCoverage(testJob(), whole, join(root.path, 'nowhere'))).rejects.toMatchObject({ code: 'BUNDLE_NOT_FOUND', message: expect.stringContaining('does not exist') });
    const file = join(root.path, 'a-file');
    await writeFile(file, 'x');
    await expect(checkBundleCoverage(testJob(), whole, file)).rejects.toMatchObject({ code: 'BUNDLE_NOT_FOUND' });
    const empty = join(root.path, 'empty');
    await mkdir(empty);
    await expect(checkBundleCoverage(testJob(), whole, empty)).rejects.toMatchObject({ code: 'NOT_A_BUNDLE', message: expect.stringContaining('no manifest.json') });
  });

  it('lists the one image whose file was deleted', async () => {
    const folder = await copyOfFull();
    const path = fileOf(/\/images\/files\//);
    const imageId = must(path.split('/').pop()).replace(/\.[a-z]+$/, '');
    await unlink(join(folder, path));
    const report = await checkBundleCoverage(testJob(), whole, folder);
    expect(report.ok).toBe(false);
    expect(report.uncoveredCount).toBe(1);
    expect(report.uncovered).toEqual([{ category: 'images', projectId: path.split('/')[1], id: imageId, reason: 'missing-file' }]);
    expect(report.verifyProblems).toContain(`missing file: ${path}`);
    expect(report.covered.images).toBe(whole.counts.images - 1);
  });

  it('lists an image whose bytes were altered (one byte flipped)', async () => {
    const folder = await copyOfFull();
    const path = fileOf(/\/images\/files\/.*\.png$/);
    const bytes = await readFile(join(folder, path));
    bytes[bytes.length - 5] = (bytes[bytes.length - 5] ?? 0) ^ 0xff;
    await writeFile(join(folder, path), bytes);
    const report = await checkBundleCoverage(testJob(), whole, folder);
    expect(report.ok).toBe(false);
    expect(report.uncovered).toEqual([expect.objectContaining({ category: 'images', reason: 'altered-file', id: must(path.split('/').pop()).replace(/\.png$/, '') })]);
    expect(report.verifyProblems).toContain(`altered file: ${path}`);
  });

  it('does not trust the tags of an altered tags.json', async () => {
    const folder = await copyOfFull();
    const path = fileOf(/^projects\/[^/]+\/tags\.json$/);
    const text = await readFile(join(folder, path), 'utf8');
    await writeFile(join(folder, path), text.replace('"name"', '"Name"'));
    const report = await checkBundleCoverage(testJob(), whole, folder);
    const projectId = path.split('/')[1];
    const project = must(whole.projects.find((p) => p.id === projectId));
    expect(report.ok).toBe(false);
    expect(report.uncovered.filter((item) => item.category === 'tags')).toHaveLength(project.counts.tags);
    expect(report.uncovered.every((item) => item.reason === 'altered-file' && item.projectId === projectId)).toBe(true);
  });

  it('a bundle of one project does not cover the whole account, but covers that project', async () => {
    const report = await checkBundleCoverage(testJob(), whole, single);
    expect(report.verifyProblems).toEqual([]);
    expect(report.ok).toBe(false);
    const singleManifest = await readManifest(single);
    const kept = must(singleManifest.projects[0]).id;
    const others = whole.projects.filter((p) => p.id !== kept);
    // Every item of the other projects, and what their deleted iterations take along: model files and performance.
    const takenAlong = (p: (typeof others)[number]) => (p.implicit?.models.filter((model) => model.file).length ?? 0) + (p.implicit?.performance.length ?? 0);
    const expected = others.reduce((sum, p) => sum + p.counts.iterations + p.counts.images + p.counts.predictions + p.counts.tags + 1 + takenAlong(p), 0);
    expect(others.some((p) => takenAlong(p) > 0)).toBe(true);
    expect(report.uncoveredCount).toBe(expected);
    expect(report.uncovered).toHaveLength(Math.min(200, expected));
    expect(report.uncovered.every((item) => item.projectId !== kept && item.reason === 'missing-record')).toBe(true);
    expect(report.covered.projects).toBe(1);

    const onlyThat = await planOf({ kind: 'projects', projectIds: [kept] });
    expect(await checkBundleCoverage(testJob(), onlyThat, single)).toMatchObject({ ok: true, uncoveredCount: 0 });
  });

  it('a bundle of another resource is not a backup for this plan; one made with the other key of the same resource is', async () => {
    const plan = await planOf({ kind: 'all' });
    const elsewhere = { ...plan, account: { ...plan.account, endpointHost: 'other.cognitiveservices.azure.com' } };
    const report = await checkBundleCoverage(testJob(), elsewhere, full);
    expect(report.ok).toBe(false);
    expect(report.verifyProblems[0]).toMatch(/exported from .* not from other\.cognitiveservices\.azure\.com: it is not a backup/);
    const otherKey = await planOf({ kind: 'all' }, { ...account, keyFingerprint: 'ffff0000' });
    expect((await checkBundleCoverage(testJob(), otherKey, full)).ok).toBe(true);
  });

  afterAll(async () => {
    for (let i = 1; i <= copies; i += 1) await rm(join(root.path, `copy-${i}`), { recursive: true, force: true });
  });
});
