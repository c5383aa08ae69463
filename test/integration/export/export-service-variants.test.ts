/**
 * Exports against what the real service can do that the tidy emulator does not by
 * default (its quirks): a resource behind a private network (relative links fetched
 * with GetArtifact), an undocumented page-size limit on stored predictions, no default
 * performance threshold, a firewall that refuses this computer, and answers far larger
 * than any real one. Each ends as a complete bundle, or with the cause said plainly and
 * nothing unbounded written or held.
 */
import { describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EmulatorOptions, SeedDocument } from '../../../src-main/emulator';
import { iterationPaths, readManifest, runExport } from '../../../src-main/export';
import { apiJson, perTest } from '../../support/emulator/emulator-support';
import { exportOptions, expectFaithful, smallProjectSeed, testJob } from '../../support/export/export-support';

const each = perTest();

async function setup(seedDoc: SeedDocument, quirks: EmulatorOptions['quirks']) {
  const emu = await each.emulator({ seed: seedDoc, quirks });
  return { emu, folder: await each.folder('cv-export-') };
}

describe('export against service variants', () => {
  it('fetches every file of a private-network resource through GetArtifact (relative links)', async () => {
    const { emu, folder } = await setup(smallProjectSeed(20, { predictions: 3 }), ['relative-uris']);
    await runExport(testJob(), exportOptions(emu, folder));
    await expectFaithful(emu, folder);
    // Every file came through the API: storage refused the direct links.
    expect(emu.stats().requests.GetArtifact).toBeGreaterThanOrEqual(20 + 3 + 1);
  });

  it('gets every stored prediction when the service allows smaller pages than asked', async () => {
    const { emu, folder } = await setup(smallProjectSeed(4, { predictions: 70 }), ['prediction-count-limit']);
    await runExport(testJob(), exportOptions(emu, folder));
    await expectFaithful(emu, folder);
    expect((await readManifest(folder)).projects[0]?.counts.predictions).toBe(70);
  });

  it('saves iteration performance at the stated threshold, whatever the service would default to', async () => {
    const { emu, folder } = await setup(smallProjectSeed(12, { predictions: 3 }), ['other-default-threshold']);
    await runExport(testJob(), exportOptions(emu, folder));
    const manifest = await readManifest(folder);
    const project = manifest.projects[0]?.id ?? '';
    const iterations = await apiJson<Array<{ id: string }>>(emu, `/projects/${project}/iterations`);
    const iteration = iterations[0]?.id ?? '';
    const saved: unknown = JSON.parse(await readFile(join(folder, iterationPaths.performance(project, iteration)), 'utf8'));
    const atHalf = await apiJson(emu, `/projects/${project}/iterations/${iteration}/performance?threshold=0.5`);
    const atDefault = await apiJson(emu, `/projects/${project}/iterations/${iteration}/performance`);
    expect(saved).toEqual(atHalf);
    expect(saved).not.toEqual(atDefault);
  });

  it('stops at once, naming the network rules, when the resource’s firewall refuses this computer', async () => {
    const { emu, folder } = await setup(smallProjectSeed(4, { predictions: 3 }), ['network-rules']);
    const attempt = runExport(testJob(), exportOptions(emu, folder));
    await expect(attempt).rejects.toMatchObject({ code: 'NETWORK_RULES' });
    await expect(attempt).rejects.toThrow(/network rules/i);
    // Refused before anything was written, and after one call: retrying cannot help.
    expect(await readdir(folder)).toEqual([]);
    expect(emu.stats().trafficDenied).toBe(1);
  });

  it('refuses files far larger than the service allows, saves nothing of them, and says so', async () => {
    const { emu, folder } = await setup(smallProjectSeed(3, { predictions: 0 }), ['oversize-blobs']);
    const { summary } = await runExport(testJob(), exportOptions(emu, folder, { selection: { categories: ['projects', 'images'] } }));
    expect(summary).toMatch(/PARTIAL/);
    const manifest = await readManifest(folder);
    const imageProblems = manifest.problems.filter((problem) => problem.category === 'images');
    expect(imageProblems.length).toBe(3);
    for (const problem of imageProblems) expect(problem.message).toMatch(/larger than 64 MB.*6 MB.*nothing was saved/);
    expect(manifest.files.some((file) => file.path.includes('/images/files/'))).toBe(false);
    // Nothing half-written is left behind, and the client stopped reading near the cap.
    expect(await readdir(join(folder, '.cv-steward/tmp'))).toEqual([]);
    expect(emu.stats().paddedBytesSent).toBeLessThan(3 * 80 * 1024 * 1024);
  });

  it('stops reading an image list answer far larger than any real page, and names it', async () => {
    const { emu, folder } = await setup(smallProjectSeed(6, { predictions: 0 }), ['huge-json']);
    const before = process.memoryUsage().rss;
    const { summary } = await runExport(testJob(), exportOptions(emu, folder, { selection: { categories: ['projects', 'images'] } }));
    expect(summary).toMatch(/PARTIAL/);
    const manifest = await readManifest(folder);
    expect(manifest.problems.map((problem) => problem.message).join('\n')).toMatch(/Listing images: .*larger than any answer of this call should be/);
    expect(emu.stats().paddedBytesSent).toBeLessThan(96 * 1024 * 1024);
    // Bounded: far from the gigabyte the server announced.
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
  });
});
