/**
 * One iteration: its record and tags, the images it was trained on (some of which may no
 * longer be in the workspace: their bytes go to the same images/files/ pool, once per
 * id), its performance, and its model exports.
 */
import { join } from 'node:path';
import type { Image, ImagePerformance, Iteration } from '../customvision';
import { bundleId, isBundleId, iterationPaths } from './bundle-paths';
import { advance, addProblem, callOptions, step, wants, type ExportRun } from './export-run';
import { downloadImageFiles, isTaggedImage, type ProjectImageState } from './export-images';
import { exportModels } from './export-models';
import { isTrained, type ProjectPlan } from './export-plan';
import { IdSet } from './id-set';
import { readJsonl } from './jsonl';
import type { Reconciliation } from './manifest';
import { writeRecords } from './records-file';
import { countCheck } from './reconcile';

export interface IterationOutcome {
  exports: number;
}

export async function exportIteration(
  run: ExportRun,
  plan: ProjectPlan,
  iteration: Iteration,
  images: ProjectImageState,
  reconciliation: Reconciliation[],
): Promise<IterationOutcome> {
  const p = plan.id;
  const outcome: IterationOutcome = { exports: 0 };
  if (!isBundleId(iteration.id)) {
    addProblem(run, 'iterations', p, 'An iteration has an id that is not a GUID; it was not exported.');
    return outcome;
  }
  const i = bundleId('iteration', iteration.id);
  const options = callOptions(run);
  if (wants(run, 'iterations')) {
    const done = await step(run, 'iterations', p, `Iteration ${i}`, async () =>
      run.writer.writeJson(iterationPaths.iteration(p, i), await run.client.getIteration(p, i, options)),
    );
    if (done) advance(run, 'iterations', 1);
  }
  if (!isTrained(iteration)) return outcome;
  if (wants(run, 'tags')) {
    await step(run, 'tags', p, `Tags of iteration ${i}`, async () =>
      run.writer.writeJson(iterationPaths.tags(p, i), await run.client.getTags(p, { ...options, iterationId: i })),
    );
  }
  if (wants(run, 'images')) await exportIterationImages(run, p, i, images, reconciliation);
  if (wants(run, 'performance')) await exportPerformance(run, p, i, reconciliation);
  if (wants(run, 'models')) outcome.exports = await exportModels(run, plan, i);
  return outcome;
}

async function exportIterationImages(run: ExportRun, p: string, i: string, images: ProjectImageState, reconciliation: Reconciliation[]): Promise<void> {
  const { client } = run;
  const options = { ...callOptions(run), iterationId: i, pageSize: 256 };
  const seen = new IdSet();
  let tagged = 0;
  let untagged = 0;
  const path = iterationPaths.images(p, i);
  const written = await step(run, 'images', p, `Images of iteration ${i}`, () =>
    writeRecords<Image>(run, path, [client.iterateTaggedImages(p, options), client.iterateUntaggedImages(p, options)], (image) => {
      // Tagged and untagged are two walks: an image re-tagged between them would come twice.
      if (typeof image.id === 'string' && !seen.add(image.id)) return false;
      if (isTaggedImage(image)) tagged += 1;
      else untagged += 1;
      return true;
    }),
  );
  if (!written) return;
  const { workspaceIds, onlyInIterations } = images;
  images.downloads.push(
    downloadImageFiles(run, p, readJsonl<Image>(join(run.writer.folder, path)), i, images.tally, (id) => {
      if (workspaceIds?.has(id) || !onlyInIterations.add(id)) return false;
      // Not counted by the workspace counts the images bar started from.
      run.imagesTotal += 1;
      run.ctx.progress.setTotal('images', run.imagesTotal);
      return true;
    }),
  );
  await countCheck(run, p, reconciliation, { what: 'taggedImages', iterationId: i, exported: tagged }, () => client.getTaggedImageCount(p, { ...callOptions(run), iterationId: i }));
  await countCheck(run, p, reconciliation, { what: 'untaggedImages', iterationId: i, exported: untagged }, () =>
    client.getUntaggedImageCount(p, { ...callOptions(run), iterationId: i }),
  );
}

async function exportPerformance(run: ExportRun, p: string, i: string, reconciliation: Reconciliation[]): Promise<void> {
  const { client, writer } = run;
  const summary = await step(run, 'performance', p, `Performance of iteration ${i}`, async () =>
    writer.writeJson(iterationPaths.performance(p, i), await client.getIterationPerformance(p, i, callOptions(run))),
  );
  let count = 0;
  const perImage = await step(run, 'performance', p, `Per-image performance of iteration ${i}`, () =>
    writeRecords<ImagePerformance>(run, iterationPaths.imagePerformances(p, i), [client.iterateImagePerformances(p, i, { ...callOptions(run), pageSize: 256 })], () => {
      count += 1;
    }),
  );
  if (perImage) {
    await countCheck(run, p, reconciliation, { what: 'imagePerformances', iterationId: i, exported: count, category: 'performance' }, () =>
      client.getImagePerformanceCount(p, i, callOptions(run)),
    );
  }
  if (summary && perImage) advance(run, 'performance', 1);
}
