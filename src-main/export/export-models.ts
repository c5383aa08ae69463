/**
 * Model exports of one trained iteration: exports.json as GetExports returned it, and
 * the zip of every finished (`Done`) export under models/<platform>[.<flavor>].zip.
 * Export links expire like image links; fresh ones come from GetExports again.
 */
import type { ExportModel } from '../customvision';
import { iterationPaths } from './bundle-paths';
import { runDownloads, type DownloadTask } from './download-pool';
import { addProblem, advance, callOptions, poolCheckpoint, step, type ExportRun } from './export-run';
import { isDownloadableExport, type ProjectPlan } from './export-plan';
import { saveDownload } from './save-download';
import { mainText } from '../../shared/model/main-text';

interface ModelTask extends DownloadTask {
  path: string;
}

function exportKey(record: ExportModel): string {
  return `${String(record.platform)}|${record.flavor === null || record.flavor === undefined ? '' : String(record.flavor)}`;
}

/**
 * Writes exports.json and starts downloading the finished model files in the background
 * (run.downloads waits for them); returns how many exports there are.
 */
export async function exportModels(run: ExportRun, plan: ProjectPlan, iterationId: string): Promise<number> {
  const p = plan.id;
  const { client, writer } = run;
  const planned = plan.exports.get(iterationId);
  const list = planned ?? (await step(run, 'models', p, `Listing model exports of iteration ${iterationId}`, () => client.getExports(p, iterationId, callOptions(run))));
  if (!list) return 0;
  await step(run, 'models', p, `Model exports of iteration ${iterationId}`, () => writer.writeJson(iterationPaths.exports(p, iterationId), list));
  if (!planned) {
    // Not counted in the planning pass (its GetExports failed): the total grows now.
    run.modelsTotal += list.filter(isDownloadableExport).length;
    run.ctx.progress.setTotal('models', run.modelsTotal);
  }

  const tasks: ModelTask[] = [];
  const usedPaths = new Set<string>();
  list.forEach((record, index) => {
    if (!isDownloadableExport(record)) return;
    let path = iterationPaths.model(p, iterationId, record.platform, record.flavor);
    // Unusual platform words, or the same platform twice: a numbered name, never a clash.
    if (path === undefined || usedPaths.has(path.toLowerCase())) path = iterationPaths.modelFallback(p, iterationId, index);
    usedPaths.add(path.toLowerCase());
    const finished = writer.finished(path);
    if (finished) {
      advance(run, 'models', 1, finished.bytes);
      return;
    }
    tasks.push({ id: exportKey(record), url: record.downloadUri, path });
  });

  async function* source(): AsyncGenerator<ModelTask> {
    yield* tasks;
  }
  const pool = runDownloads(source(), {
    concurrency: Math.min(2, run.concurrency),
    slot: run.downloads.slot,
    signal: run.ctx.signal,
    checkpoint: () => poolCheckpoint(run),
    download: (task, url) => saveDownload(run, p, url, 'model', { path: task.path, mediaType: 'application/zip' }),
    refresh: async () => {
      const fresh = await client.getExports(p, iterationId, callOptions(run));
      return new Map(fresh.filter(isDownloadableExport).map((record) => [exportKey(record), record.downloadUri]));
    },
    onDone: (_task, record) => advance(run, 'models', 1, record.bytes),
    onFailed: (task, message) => {
      const model = task.id.replace('|', ' ').trim();
      addProblem(run, 'models', p, `Model ${model} of iteration ${iterationId}: ${message}`, mainText('modelFileFailed', { model, iteration: iterationId, detail: message }));
    },
  });
  void run.downloads.track(pool);
  return list.length;
}
