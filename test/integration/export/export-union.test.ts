/**
 * A narrower export into a bundle that already holds more (the cleanup's "Back up now",
 * `cv-steward export --projects X --categories images`) must not make the bundle describe
 * only the narrower run: the manifest, the offline viewer's counts and verify go on
 * describing everything the folder holds, and each run's selection is kept in the history.
 */
import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { readManifest, runExport, verifyBundle, type Manifest } from '../../../src-main/export';
import type { ViewerBundle } from '../../../src-main/export/viewer/viewer-data';
import { perTest } from '../../support/emulator/emulator-support';
import { ALL_CATEGORIES, exportOptions, testJob } from '../../support/export/export-support';

const each = perTest();

async function viewerBundle(folder: string): Promise<ViewerBundle> {
  const received: unknown[] = [];
  runInNewContext(await readFile(join(folder, 'viewer/data/bundle.js'), 'utf8'), { window: { cvSteward: { receive: (value: unknown) => received.push(value) } } });
  return received[0] as ViewerBundle;
}

/** Per project: the counts the viewer shows, by name. */
function viewerCounts(bundle: ViewerBundle): Record<string, Record<string, number>> {
  return Object.fromEntries(bundle.projects.map((project) => [project.id, Object.fromEntries(project.counts.map((count) => [count.what, count.value]))]));
}

function itemsOf(manifest: Manifest): Record<string, number | undefined> {
  return Object.fromEntries(Object.entries(manifest.counts).map(([category, count]) => [category, count.items]));
}

describe('a narrower export into a fuller bundle', () => {
  it('keeps the manifest, the viewer and verify describing everything the bundle holds', async () => {
    const emu = await each.emulator({ seed: 'demo' });
    const folder = await each.folder('cv-union-');
    await runExport(testJob(), exportOptions(emu, folder));
    const full = await readManifest(folder);
    const fullViewer = viewerCounts(await viewerBundle(folder));
    expect(full.status).toBe('complete');
    const target = full.projects.find((project) => project.counts.exports > 0 && project.counts.predictions > 0);
    if (!target) throw new Error('the demo account has a project with model exports and predictions');

    await runExport(testJob(), exportOptions(emu, folder, { selection: { projectIds: [target.id], categories: ['images'] } }));
    const after = await readManifest(folder);

    // The description is the union: every project, every kind of data, the same counts.
    expect(after.selection).toEqual({ projectIds: 'all', categories: ALL_CATEGORIES });
    expect(after.projects.map((project) => project.id)).toEqual(full.projects.map((project) => project.id));
    for (const project of full.projects) {
      const now = after.projects.find((candidate) => candidate.id === project.id);
      expect(now?.counts, project.name).toEqual(project.counts);
      expect(now?.reconciliation.map((item) => item.what).sort(), project.name).toEqual(project.reconciliation.map((item) => item.what).sort());
    }
    expect(itemsOf(after)).toEqual(itemsOf(full));
    expect(after.status).toBe('complete');
    expect(after.problems).toEqual([]);
    expect(after.createdAt).toBe(full.createdAt);

    // Each run's own selection is in the history, oldest first.
    expect(after.history?.map((run) => ({ selection: run.selection, outcome: run.outcome }))).toEqual([
      { selection: { projectIds: 'all', categories: ALL_CATEGORIES }, outcome: 'complete' },
      { selection: { projectIds: [target.id], categories: ['images'] }, outcome: 'complete' },
    ]);

    // What the viewer shows: still complete, the same model exports and predictions.
    const viewer = await viewerBundle(folder);
    expect(viewer.summary.status).toBe('complete');
    expect(viewerCounts(viewer)).toEqual(fullViewer);
    expect(viewerCounts(viewer)[target.id]?.exports).toBe(target.counts.exports);
    expect(viewerCounts(viewer)[target.id]?.predictions).toBe(target.counts.predictions);

    expect(await verifyBundle(folder)).toMatchObject({ ok: true, problems: [], missing: [], extra: [] });
  }, 120_000);

  it('stays partial for an earlier gap the narrower run did not redo, says so, and is whole once a run redoes it', async () => {
    const emu = await each.emulator({ seed: 'demo' });
    const folder = await each.folder('cv-union-');
    await runExport(testJob(), exportOptions(emu, folder));
    const full = await readManifest(folder);
    const target = full.projects.find((project) => project.counts.exports > 0);
    if (!target) throw new Error('the demo account has a project with model exports');
    // As an earlier run that could not fetch a model would have left it.
    const gap = { category: 'models', projectId: target.id, message: 'Model export ONNX of iteration x: the service answered 500.' };
    const text = await readFile(join(folder, 'manifest.json'), 'utf8');
    await writeFile(join(folder, 'manifest.json'), text.replace('"status": "complete"', '"status": "partial"').replace('"outcome": "complete"', '"outcome": "partial"').replace('"problems": []', `"problems": [${JSON.stringify(gap)}]`));

    const { summary: narrow } = await runExport(testJob(), exportOptions(emu, folder, { selection: { projectIds: [target.id], categories: ['images'] } }));
    const after = await readManifest(folder);
    expect(after.status).toBe('partial');
    expect(after.problems).toEqual([gap]);
    expect(narrow).toContain('Everything this run was asked for was saved, but the bundle is PARTIAL because of earlier exports into this folder (1 problem recorded then)');
    expect((await viewerBundle(folder)).summary.status).toBe('partial');
    expect((await verifyBundle(folder)).problems.join(' ')).toContain('partial');

    const { summary: models } = await runExport(testJob(), exportOptions(emu, folder, { selection: { projectIds: [target.id], categories: ['models'] } }));
    expect(models).toContain('Everything was saved');
    const whole = await readManifest(folder);
    expect(whole.status).toBe('complete');
    expect(whole.problems).toEqual([]);
    expect(whole.history?.map((run) => run.outcome)).toEqual(['partial', 'complete', 'complete']);
  }, 120_000);
});
