/**
 * The export's warnings carry their catalogue code into the manifest (problems[].text,
 * docs/bundle-format.md), so the viewer can say them in the bundle's language: a listing that
 * falls short of the service's count.
 */
import { describe, expect, it } from 'vitest';
import { readManifest, runExport } from '../../../src-main/export';
import type { TrainingClient } from '../../../src-main/customvision';
import { perTest } from '../../support/emulator/emulator-support';
import { exportClient, exportOptions, smallProjectSeed, testJob } from '../../support/export/export-support';

const each = perTest();

describe('export problems as codes', () => {
  it('stores a listing that fell short with its code and numbers', async () => {
    const emu = await each.emulator({ seed: smallProjectSeed(4) });
    const folder = await each.folder('cv-export-codes-');
    const client = exportClient(emu);
    // One image more than can ever be listed: the listing falls short by one.
    const overCount: TrainingClient['getTaggedImageCount'] = async (...args) => (await client.getTaggedImageCount(...args)) + 1;
    await runExport(testJob(), { ...exportOptions(emu, folder, { selection: { categories: ['projects', 'images'] } }), client: { ...client, getTaggedImageCount: overCount } });
    const manifest = await readManifest(folder);
    const gap = manifest.problems.find((problem) => problem.text?.code === 'listingGapWorkspaceImages');
    expect(gap?.text?.params).toMatchObject({ missing: 1 });
    expect(gap?.message).toMatch(/could be listed after/);
  }, 40_000);
});
