/**
 * Stored predictions (kept 30 days by the service): every QueryPredictions record to
 * predictions.jsonl, then each prediction's original image. There is no by-id call for
 * predictions, so expired links are renewed by querying again and picking the ids needed.
 */
import { join } from 'node:path';
import type { StoredImagePrediction } from '../customvision';
import { isBundleId, projectPaths } from './bundle-paths';
import { runDownloads, type DownloadTask } from './download-pool';
import { addProblem, advance, callOptions, poolCheckpoint, step, type ExportRun } from './export-run';
import { readJsonl } from './jsonl';
import type { Reconciliation } from './manifest';
import { selfCheck } from './reconcile';
import { writeRecords } from './records-file';
import { saveDownload } from './save-download';
import { mainText } from '../../shared/model/main-text';

interface PredictionTask extends DownloadTask {
  stem: string;
}

/** Oldest first (new predictions land at the end), 256 a page like every other list (the service's default page is 50). */
const QUERY = { orderBy: 'Oldest', maxCount: 256 } as const;

export interface PredictionsOutcome {
  records: number;
  /** The image downloads, running alongside the walk; `predictionFiles` is checked when they end. */
  files: Promise<void>;
}

/** Lists the stored predictions and starts their downloads; undefined if they could not be listed. */
export async function exportPredictions(run: ExportRun, projectId: string, reconciliation: Reconciliation[]): Promise<PredictionsOutcome | undefined> {
  const { client, writer } = run;
  const path = projectPaths.predictions(projectId);
  let records = 0;
  const written = await step(run, 'predictions', projectId, 'Listing stored predictions', () =>
    writeRecords(run, path, [client.iteratePredictions(projectId, QUERY, callOptions(run))], () => {
      records += 1;
    }),
  );
  if (!written) return undefined;
  run.predictionsTotal += records;
  run.ctx.progress.setTotal('predictions', run.predictionsTotal);

  let expected = 0;
  let present = 0;
  async function* tasks(): AsyncGenerator<PredictionTask> {
    for await (const record of readJsonl<StoredImagePrediction>(join(writer.folder, path))) {
      if (!isBundleId(record.id)) {
        addProblem(run, 'predictions', projectId, 'A stored prediction has no usable id, so its image could not be saved (the record is in predictions.jsonl).', mainText('predictionWithoutId'));
        continue;
      }
      expected += 1;
      const id = record.id.toLowerCase();
      const stem = projectPaths.predictionFileStem(projectId, id);
      const finished = writer.finishedStem(stem);
      if (finished) {
        present += 1;
        advance(run, 'predictions', 1, finished.bytes);
        continue;
      }
      yield { id, url: record.originalImageUri, stem };
    }
  }
  const pool = runDownloads(tasks(), {
    concurrency: run.concurrency,
    slot: run.downloads.slot,
    signal: run.ctx.signal,
    checkpoint: () => poolCheckpoint(run),
    download: (task, url) => saveDownload(run, projectId, url, 'prediction', { path: task.stem, sniff: true }),
    refresh: async (_scope, batch) => {
      const wanted = new Set(batch.map((task) => task.id));
      const fresh = new Map<string, string | null | undefined>();
      for await (const record of client.iteratePredictions(projectId, QUERY, callOptions(run))) {
        const id = String(record.id).toLowerCase();
        if (wanted.has(id)) fresh.set(id, record.originalImageUri);
      }
      return fresh;
    },
    onDone: (_task, record) => {
      present += 1;
      advance(run, 'predictions', 1, record.bytes);
    },
    onFailed: (task, message) => addProblem(run, 'predictions', projectId, `Prediction ${task.id}: ${message}`, mainText('predictionFileFailed', { prediction: task.id, detail: message })),
  });
  const files = run.downloads.track(pool.then(() => selfCheck(reconciliation, 'predictionFiles', expected, present)));
  return { records, files };
}
