/**
 * Workspace images: every record (tagged and untagged, oldest first, repeats dropped by
 * the client) streamed to images.jsonl, then the original bytes of each, read back from
 * that file so no more than a page of records is ever in memory. Images that live only
 * in iterations use the same download path (export-iterations.ts) and the same files/.
 */
import { join } from 'node:path';
import { workspaceImageListing, type Image } from '../customvision';
import { isBundleId, projectPaths } from './bundle-paths';
import { runDownloads, type DownloadTask } from './download-pool';
import { addProblem, advance, callOptions, poolCheckpoint, reportListingGap, step, type ExportRun } from './export-run';
import type { ProjectPlan } from './export-plan';
import { IdSet } from '../customvision';
import { readJsonl } from './jsonl';
import { writeRecords } from './records-file';
import { saveDownload } from './save-download';
import { mainText } from '../../shared/model/main-text';

export interface WorkspaceImages {
  tagged: number;
  untagged: number;
  /** Every workspace image id (to tell which iteration images exist only there). */
  ids: IdSet;
}

/** How many image records could be downloaded, and how many files are now in the bundle. */
export interface ImageFileTally {
  expected: number;
  present: number;
}

/** What the parts of one project's export share about its images. */
export interface ProjectImageState {
  /** Workspace ids, or undefined when the workspace could not be listed. */
  workspaceIds: IdSet | undefined;
  /** Ids found only in iterations so far (each downloaded once). */
  onlyInIterations: IdSet;
  tally: ImageFileTally;
  /** This project's image downloads, running alongside the walk (the tally is final once they end). */
  downloads: Array<Promise<void>>;
}

export function isTaggedImage(image: Image): boolean {
  return Array.isArray(image.tags) && image.tags.length > 0;
}

/**
 * Lists the workspace images completely (reconciled with the counts of the planning
 * pass; walked again other ways when short), then starts downloading their bytes in
 * the background.
 */
export async function exportWorkspaceImages(run: ExportRun, plan: ProjectPlan, images: ProjectImageState): Promise<WorkspaceImages | undefined> {
  const projectId = plan.id;
  const result: WorkspaceImages = { tagged: 0, untagged: 0, ids: new IdSet() };
  const path = projectPaths.images(projectId);
  const knownCount = plan.taggedCount !== undefined && plan.untaggedCount !== undefined ? plan.taggedCount + plan.untaggedCount : undefined;
  const listing = workspaceImageListing(run.client, projectId, { ...callOptions(run), seen: result.ids, ...(knownCount === undefined ? {} : { knownCount }) });
  const written = await step(run, 'images', projectId, 'Listing images', () =>
    writeRecords(run, path, [listing], (image) => {
      if (isTaggedImage(image)) result.tagged += 1;
      else result.untagged += 1;
    }),
  );
  if (!written) return undefined;
  reportListingGap(run, 'images', projectId, { kind: 'images' }, listing.outcome);
  images.downloads.push(downloadImageFiles(run, projectId, readJsonl<Image>(join(run.writer.folder, path)), undefined, images.tally));
  return result;
}

interface ImageTask extends DownloadTask {
  stem: string;
}

/**
 * Downloads the originals of `records` into images/files/ (skipping finished files and
 * records `accept` turns down); `iterationId` says where fresh links come from. Runs in
 * the background (tracked by run.downloads); the promise ends when the last file does.
 */
export function downloadImageFiles(
  run: ExportRun,
  projectId: string,
  records: AsyncIterable<Image>,
  iterationId: string | undefined,
  tally: ImageFileTally,
  accept: (imageId: string) => boolean = () => true,
): Promise<void> {
  const { writer, client } = run;
  async function* tasks(): AsyncGenerator<ImageTask> {
    for await (const image of records) {
      if (!isBundleId(image.id)) {
        addProblem(run, 'images', projectId, 'An image record has no usable id, so its bytes could not be saved (the record is in images.jsonl).', mainText('imageWithoutId'));
        continue;
      }
      const id = image.id.toLowerCase();
      if (!accept(id)) continue;
      tally.expected += 1;
      const stem = projectPaths.imageFileStem(projectId, id);
      const finished = writer.finishedStem(stem);
      if (finished) {
        tally.present += 1;
        advance(run, 'images', 1, finished.bytes);
        continue;
      }
      yield { id, url: image.originalImageUri, stem, ...(iterationId === undefined ? {} : { scope: iterationId }) };
    }
  }
  const pool = runDownloads(tasks(), {
    concurrency: run.concurrency,
    slot: run.downloads.slot,
    signal: run.ctx.signal,
    checkpoint: () => poolCheckpoint(run),
    download: (task, url) => saveDownload(run, projectId, url, 'image', { path: task.stem, sniff: true }),
    refresh: async (scope, batch) => {
      const ids = batch.map((task) => task.id);
      const fresh = await client.getImagesByIds(projectId, ids, { ...callOptions(run), ...(scope === undefined ? {} : { iterationId: scope }) });
      return new Map(fresh.map((image) => [String(image.id).toLowerCase(), image.originalImageUri]));
    },
    onDone: (_task, record) => {
      tally.present += 1;
      advance(run, 'images', 1, record.bytes);
    },
    onFailed: (task, message) => addProblem(run, 'images', projectId, `Image ${task.id}: ${message}`, mainText('imageFileFailed', { image: task.id, detail: message })),
  });
  return run.downloads.track(pool.then(() => undefined));
}
