/**
 * Stored predictions (QueryPredictions results) → viewer/data/predictions-<projectId>.js:
 * each with its image file and its best predictions. Loaded only when the user opens a
 * project's predictions; the service keeps them 30 days, so they are few next to images.
 */
import type { BundleFileSink } from '../file-sink';
import { asArray, asObject, num, str, type BundleReader } from './bundle-reader';
import { toDataScript } from './data-script';
import { TOP_PREDICTIONS, type ViewerPrediction, type ViewerPredictionsFile } from './viewer-data';

export function predictionsFilePath(projectId: string): string {
  return `viewer/data/predictions-${projectId}.js`;
}

export interface PredictionsInput {
  reader: BundleReader;
  sink: BundleFileSink;
  projectId: string;
  tagNames: Map<string, string>;
  iterationNames: Map<string, string>;
  signal?: AbortSignal;
}

/** Writes the file and returns how many stored predictions it holds. */
export async function writePredictions(input: PredictionsInput): Promise<number> {
  const { reader, projectId } = input;
  const files = await reader.filesById(`projects/${projectId}/predictions/files`);
  const out: ViewerPrediction[] = [];
  for await (const raw of reader.records(`projects/${projectId}/predictions/predictions.jsonl`, projectId)) {
    const id = raw.id as string;
    const iteration = str(raw, 'iteration');
    const predictions = asArray(raw.predictions)
      .flatMap((item) => {
        const prediction = asObject(item);
        const probability = num(prediction, 'probability');
        if (!prediction || probability === null) return [];
        const box = asObject(prediction.boundingBox);
        const tagId = str(prediction, 'tagId') ?? '';
        return [{
          tag: str(prediction, 'tagName') ?? input.tagNames.get(tagId) ?? tagId,
          probability,
          box: box ? { left: num(box, 'left') ?? 0, top: num(box, 'top') ?? 0, width: num(box, 'width') ?? 0, height: num(box, 'height') ?? 0 } : null,
        }];
      })
      .sort((a, b) => b.probability - a.probability)
      .slice(0, TOP_PREDICTIONS);
    const fileName = files.get(id);
    out.push({
      id,
      file: fileName === undefined ? null : `projects/${projectId}/predictions/files/${fileName}`,
      created: str(raw, 'created'),
      iteration: iteration === null ? null : (input.iterationNames.get(iteration) ?? iteration),
      predictions,
    });
  }
  input.signal?.throwIfAborted();
  const payload: ViewerPredictionsFile = { kind: 'predictions', projectId, records: out };
  await input.sink.writeFile(predictionsFilePath(projectId), toDataScript(payload), 'text/javascript');
  return out.length;
}
