/**
 * Images deleted from the workspace but kept by a trained iteration are in the bundle
 * (records in iterations/<id>/images.jsonl, bytes in images/files/): the dataset views
 * include them, marked with the iteration, or list them in excluded.csv — never neither.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeDatasets } from '../../../../src-main/export/datasets';
import { GENERAL_CLASSIFICATION, GENERAL_DETECTION, imageRecord, makeTempDirs, MemorySink, pngHeader, uid, writeProject, type ImageSpec, type TagSpec } from '../../../support/export/datasets/bundle-fixture';

const temp = makeTempDirs();
afterEach(() => temp.cleanup());

const PROJECT = uid(1, 'a');
const CAT = uid(1, 'c');
const DOG = uid(2, 'c');
const tags: TagSpec[] = [
  { id: CAT, name: 'cat' },
  { id: DOG, name: 'dog' },
];
const OLD_ITERATION = uid(1, 'e');
const NEW_ITERATION = uid(2, 'e');

const IN_WORKSPACE = uid(1);
const GONE_BOXED = uid(2);
const GONE_UNTAGGED = uid(3);
const GONE_WITHOUT_FILE = uid(4);

const file = (id: string): string => `projects/${PROJECT}/images/files/${id}.png`;

/** An iteration folder as the export writes it: iteration.json and the iteration's image records. */
function writeIteration(bundle: string, iterationId: string, trainedAt: string, images: ImageSpec[]): void {
  const dir = path.join(bundle, 'projects', PROJECT, 'iterations', iterationId);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'iteration.json'), JSON.stringify({ id: iterationId, status: 'Completed', created: trainedAt, trainedAt }));
  writeFileSync(path.join(dir, 'images.jsonl'), images.map((image) => `${JSON.stringify(imageRecord(image, tags))}\n`).join(''));
  for (const image of images) {
    if (image.file === false) continue;
    writeFileSync(path.join(bundle, 'projects', PROJECT, 'images', 'files', `${image.id}.png`), pngHeader(image.width ?? 1095, image.height ?? 900));
  }
}

async function bundleWith(domainId: string, workspace: ImageSpec[], iterations: Array<[string, string, ImageSpec[]]>): Promise<{ sink: MemorySink; summary: Awaited<ReturnType<typeof writeDatasets>> }> {
  const bundle = temp.make();
  writeProject(bundle, { id: PROJECT, domainId, classificationType: domainId === GENERAL_CLASSIFICATION ? 'Multiclass' : null, tags, images: workspace });
  for (const [iterationId, trainedAt, images] of iterations) writeIteration(bundle, iterationId, trainedAt, images);
  const sink = new MemorySink();
  return { sink, summary: await writeDatasets(bundle, sink) };
}

const box = (tagId: string) => ({ tagId, left: 0.1, top: 0.1, width: 0.5, height: 0.5 });

describe('dataset views of images only in iterations', () => {
  it('object detection: includes them with the newest iteration’s labels, marked, and lists the rest with their iteration', async () => {
    const { sink, summary } = await bundleWith(
      GENERAL_DETECTION,
      [{ id: IN_WORKSPACE, regions: [box(CAT)] }],
      [
        // The older iteration still has the workspace image and an older labelling of GONE_BOXED.
        [OLD_ITERATION, '2026-01-01T00:00:00Z', [{ id: IN_WORKSPACE, regions: [box(DOG)] }, { id: GONE_BOXED, regions: [box(CAT)] }, { id: GONE_UNTAGGED }, { id: GONE_WITHOUT_FILE, file: false, regions: [box(CAT)] }]],
        [NEW_ITERATION, '2026-02-01T00:00:00Z', [{ id: GONE_BOXED, regions: [box(DOG), box(CAT)] }]],
      ],
    );
    const coco = sink.json<{ images: Array<Record<string, unknown>>; annotations: Array<{ image_id: number }> }>(`datasets/coco/${PROJECT}/annotations.json`);
    expect(coco.images.map((image) => [image.cv_image_id, image.cv_iteration_id])).toEqual([
      [IN_WORKSPACE, undefined],
      [GONE_BOXED, NEW_ITERATION],
    ]);
    expect(coco.annotations.filter((annotation) => annotation.image_id === 2)).toHaveLength(2);
    expect(sink.text(`datasets/yolo/${PROJECT}/images.txt`)).toBe(`${file(IN_WORKSPACE)}\n${file(GONE_BOXED)}\n`);
    expect(sink.text(`datasets/yolo/${PROJECT}/labels/${GONE_BOXED}.txt`).trim().split('\n')).toHaveLength(2);
    expect(sink.text(`datasets/voc/${PROJECT}/Annotations/${GONE_BOXED}.xml`)).toContain(`<annotation>Custom Vision iteration ${NEW_ITERATION}</annotation>`);
    expect(sink.text(`datasets/voc/${PROJECT}/Annotations/${IN_WORKSPACE}.xml`)).not.toContain('iteration');

    expect(sink.text(`datasets/excluded/${PROJECT}/excluded.csv`).trim().split('\r\n')).toEqual([
      'image_id,reason,file,iteration_id',
      `${GONE_UNTAGGED},untagged,${file(GONE_UNTAGGED)},${OLD_ITERATION}`,
      `${GONE_WITHOUT_FILE},missing-file,,${OLD_ITERATION}`,
    ]);
    expect(summary.projects[0]).toMatchObject({ images: 2, annotations: 3, excludedImages: 2, iterationOnlyImages: 1, iterationOnlyExcluded: 2 });
    const readme = sink.text('datasets/README.txt');
    expect(readme).toContain('Images only in trained iterations: 1 in the views, 2 left out.');
    expect(readme).toContain('IMAGES ONLY IN ITERATIONS');
  });

  it('classification: rows of images only in iterations carry their iteration in labels.csv', async () => {
    const { sink, summary } = await bundleWith(GENERAL_CLASSIFICATION, [{ id: IN_WORKSPACE, tags: [CAT] }], [[OLD_ITERATION, '2026-01-01T00:00:00Z', [{ id: GONE_BOXED, tags: [DOG] }, { id: GONE_UNTAGGED }]]]);
    const rows = sink.text(`datasets/csv/${PROJECT}/labels.csv`).trim().split('\r\n');
    expect(rows).toEqual([
      'image_id,file,tag_id,tag_name,tag_type,iteration_id',
      `${IN_WORKSPACE},${file(IN_WORKSPACE)},${CAT},cat,Regular,`,
      `${GONE_BOXED},${file(GONE_BOXED)},${DOG},dog,Regular,${OLD_ITERATION}`,
    ]);
    expect(sink.text(`datasets/folders/${PROJECT}/files.csv`)).toContain(`train/dog/${GONE_BOXED}.png,${file(GONE_BOXED)}`);
    expect(sink.text(`datasets/excluded/${PROJECT}/excluded.csv`)).toContain(`${GONE_UNTAGGED},untagged,${file(GONE_UNTAGGED)},${OLD_ITERATION}`);
    expect(summary.projects[0]).toMatchObject({ images: 2, iterationOnlyImages: 1, iterationOnlyExcluded: 1 });
  });
});
