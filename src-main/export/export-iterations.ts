/**
 * One iteration: its record and tags, the images it was trained on (some of which may no
 * longer be in the workspace: their bytes go to the same images/files/ pool, once per
 * id), its performance, and its model exports.
 */
import { join } from 'node:path';
import { DEFAULT_PERFORMANCE_THRESHOLD, imagePerformanceListing, iterationImageListing, type Image, type ImagePerformance, type Iteration } from '../customvision';
import { bundleId, isBundleId, iterationPaths } from './bundle-paths';
import { advance, addProblem, callOptions, reportListingGap, step, wants, type ExportRun } from './export-run';
import { downloadImageFiles, isTaggedImage, type ProjectImageState } from './export-images';
import { exportModels } from './export-models';
import { isTrained, type ProjectPlan } from './export-plan';
import { readJsonl } from './jsonl';
import type { Reconciliation } from './manifest';
import { writeRecords } from './records-file';
import { countCheck } from './reconcile';
import { mainText } from '../../shared/model/main-text';

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
    addProblem(run, 'iterations', p, 'An iteration has an id that is not a GUID; it was not exported.', mainText('iterationIdNotGuid'));
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
  // Counted first: the listing reconciles against them, and the checks below reuse them.
  const taggedCount = await step(run, 'images', p, `Counting tagged images of iteration ${i}`, () => client.getTaggedImageCount(p, { ...callOptions(run), iterationId: i }));
  const untaggedCount = await step(run, 'images', p, `Counting untagged images of iteration ${i}`, () =>
    client.getUntaggedImageCount(p, { ...callOptions(run), iterationId: i }),
  );
  const knownCount = taggedCount !== undefined && untaggedCount !== undefined ? taggedCount + untaggedCount : undefined;
  // Tagged and untagged are separate lists (an image re-tagged between them would come twice): the listing keeps one of each id.
  const listing = iterationImageListing(client, p, i, { ...callOptions(run), ...(knownCount === undefined ? {} : { knownCount }) });
  let tagged = 0;
  let untagged = 0;
  const path = iterationPaths.images(p, i);
  const written = await step(run, 'images', p, `Images of iteration ${i}`, () =>
    writeRecords<Image>(run, path, [listing], (image) => {
      if (isTaggedImage(image)) tagged += 1;
      else untagged += 1;
    }),
  );
  if (!written) return;
  reportListingGap(run, 'images', p, { kind: 'images', iteration: i }, listing.outcome);
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
  await countCheck(run, p, reconciliation, { what: 'taggedImages', iterationId: i, exported: tagged, ...planned(taggedCount) }, () =>
    client.getTaggedImageCount(p, { ...callOptions(run), iterationId: i }),
  );
  await countCheck(run, p, reconciliation, { what: 'untaggedImages', iterationId: i, exported: untagged, ...planned(untaggedCount) }, () =>
    client.getUntaggedImageCount(p, { ...callOptions(run), iterationId: i }),
  );
}

async function exportPerformance(run: ExportRun, p: string, i: string, reconciliation: Reconciliation[]): Promise<void> {
  const { client, writer } = run;
  const summary = await step(run, 'performance', p, `Performance of iteration ${i}`, async () =>
    // At the portal's default probability threshold, sent explicitly: the API declares no default (docs/bundle-format.md).
    writer.writeJson(iterationPaths.performance(p, i), await client.getIterationPerformance(p, i, { ...callOptions(run), threshold: DEFAULT_PERFORMANCE_THRESHOLD })),
  );
  const expected = await step(run, 'performance', p, `Counting per-image performance of iteration ${i}`, () => client.getImagePerformanceCount(p, i, callOptions(run)));
  const listing = imagePerformanceListing(client, p, i, { ...callOptions(run), ...(expected === undefined ? {} : { knownCount: expected }) });
  let count = 0;
  const perImage = await step(run, 'performance', p, `Per-image performance of iteration ${i}`, () =>
    writeRecords<ImagePerformance>(run, iterationPaths.imagePerformances(p, i), [listing], () => {
      count += 1;
    }),
  );
  if (perImage) {
    reportListingGap(run, 'performance', p, { kind: 'perImageResults', iteration: i }, listing.outcome);
    await countCheck(run, p, reconciliation, { what: 'imagePerformances', iterationId: i, exported: count, category: 'performance', ...planned(expected) }, () =>
      client.getImagePerformanceCount(p, i, callOptions(run)),
    );
  }
  if (summary && perImage) advance(run, 'performance', 1);
}

/** A count already read, for countCheck (which then asks again only if it differs). */
function planned(count: number | undefined): { planned?: number } {
  return count === undefined ? {} : { planned: count };
}
