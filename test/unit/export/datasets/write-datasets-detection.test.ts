import { afterEach, describe, expect, it } from 'vitest';
import { writeDatasets } from '../../../../src-main/export/datasets';
import { GENERAL_DETECTION, makeTempDirs, MemorySink, writeProject, type ImageSpec, type ProjectSpec } from '../../../support/export/datasets/bundle-fixture';

const temp = makeTempDirs();
afterEach(() => temp.cleanup());

const PROJECT = 'bc3f7dad-5544-468c-8573-3ef04d55463e';
const CAT = 'b607964f-7bd6-4a3b-a869-6791fb6aab87'; // "tag 1" of the GetImages example
const DOG = 'a0000000-0000-4000-8000-00000000d0d0';
const NEG = 'c0000000-0000-4000-8000-0000000000ee';
const IMG1 = '4d6eb844-42ee-42bc-bd6f-c32455ef07c9';
const IMG2 = 'f1855a92-b873-47e7-b513-f07a667ceda1';
const NEGATIVE_IMG = '10000000-0000-4000-8000-000000000003';
const UNTAGGED_IMG = '10000000-0000-4000-8000-000000000004';
const ALL_SKIPPED_IMG = '10000000-0000-4000-8000-000000000005';
const NO_FILE_IMG = '10000000-0000-4000-8000-000000000006';
const TINY_IMG = '10000000-0000-4000-8000-000000000007';
const ROTATED_IMG = '10000000-0000-4000-8000-000000000008';

const images: ImageSpec[] = [
  { id: IMG1, width: 1095, height: 900, regions: [{ tagId: CAT, left: 0.1, top: 0.25, width: 0.5, height: 0.5 }, { tagId: DOG, left: 0, top: 0, width: 1, height: 1 }] },
  { id: IMG2, width: 900, height: 1531, regions: [{ tagId: CAT, left: 0.9, top: -0.2, width: 0.3, height: 0.4 }, { tagId: DOG, left: 0.5, top: 0.5, width: 0, height: 0.1 }] },
  { id: NEGATIVE_IMG, tags: [NEG] },
  { id: UNTAGGED_IMG },
  { id: ALL_SKIPPED_IMG, regions: [{ tagId: DOG, left: 1.2, top: 0.1, width: 0.1, height: 0.1 }] },
  { id: NO_FILE_IMG, file: false, regions: [{ tagId: DOG, left: 0.1, top: 0.1, width: 0.1, height: 0.1 }] },
  { id: TINY_IMG, width: 1, height: 1, regions: [{ tagId: CAT, left: 0, top: 0, width: 1, height: 1 }] },
  { id: ROTATED_IMG, width: 100, height: 50, file: { width: 50, height: 100 }, regions: [{ tagId: DOG, left: 0.5, top: 0.5, width: 0.5, height: 0.5 }] },
];

const tags = [
  { id: CAT, name: 'tag 1' },
  { id: DOG, name: 'dog' },
  { id: NEG, name: 'Negative', type: 'Negative' as const },
];

function spec(overrides: Partial<ProjectSpec> = {}): ProjectSpec {
  return {
    id: PROJECT,
    domainId: GENERAL_DETECTION,
    tags,
    images,
    extraLines: ['{"id":""}', '{"id":"NOT-AN-ID"}', JSON.stringify({ id: IMG1, width: 1, height: 1 })],
    ...overrides,
  };
}

async function run(projectSpec: ProjectSpec): Promise<{ sink: MemorySink; summary: Awaited<ReturnType<typeof writeDatasets>> }> {
  const bundle = temp.make();
  writeProject(bundle, projectSpec);
  const sink = new MemorySink();
  return { sink, summary: await writeDatasets(bundle, sink) };
}

interface Coco {
  images: Array<{ id: number; file_name: string; width: number; height: number; cv_image_id: string }>;
  annotations: Array<{ id: number; image_id: number; category_id: number; bbox: number[]; area: number; iscrowd: number }>;
  categories: Array<{ id: number; name: string; cv_tag_id: string }>;
}

const fileOf = (id: string): string => `projects/${PROJECT}/images/files/${id}.png`;

describe('writeDatasets — object detection', () => {
  it('counts what went in, what was clamped, skipped and left out', async () => {
    const { summary } = await run(spec());
    expect(summary.projects).toEqual([
      { projectId: PROJECT, kind: 'objectDetection', views: ['coco', 'yolo', 'voc'], images: 5, annotations: 5, skippedRegions: 2, clampedRegions: 1, excludedImages: 6, iterationOnlyImages: 0, iterationOnlyExcluded: 0 },
    ]);
  });

  it('writes standard COCO with pixel boxes, stable category ids and the Negative image as background', async () => {
    const { sink } = await run(spec());
    const coco = sink.json<Coco>(`datasets/coco/${PROJECT}/annotations.json`);
    // Sorted by tag id: dog (a000…) before "tag 1" (b607…); ids from 1.
    expect(coco.categories.map((c) => [c.id, c.name, c.cv_tag_id])).toEqual([
      [1, 'dog', DOG],
      [2, 'tag 1', CAT],
    ]);
    expect(coco.images.map((i) => i.cv_image_id)).toEqual([IMG1, IMG2, NEGATIVE_IMG, TINY_IMG, ROTATED_IMG]);
    expect(coco.images[0]).toEqual({ id: 1, file_name: fileOf(IMG1), width: 1095, height: 900, cv_image_id: IMG1 });
    const byImage = (n: number): Coco['annotations'] => coco.annotations.filter((a) => a.image_id === n);
    expect(byImage(1).map((a) => [a.category_id, a.bbox, a.area, a.iscrowd])).toEqual([
      [2, [109.5, 225, 547.5, 450], 246375, 0],
      [1, [0, 0, 1095, 900], 985500, 0],
    ]);
    // Clamped to the image: left 0.9 + 0.3 → 1, top -0.2 → 0.
    expect(byImage(2).map((a) => a.bbox)).toEqual([[810, 0, 90, 306.2]]);
    expect(byImage(3)).toEqual([]);
    expect(byImage(4).map((a) => a.bbox)).toEqual([[0, 0, 1, 1]]);
    expect(coco.annotations.map((a) => a.id)).toEqual([1, 2, 3, 4, 5]);
  });

  it('writes YOLO labels, an empty label for the background image and none for left-out images', async () => {
    const { sink } = await run(spec());
    const yolo = `datasets/yolo/${PROJECT}`;
    expect(sink.text(`${yolo}/labels/${IMG1}.txt`)).toBe('1 0.350000 0.500000 0.500000 0.500000\n0 0.500000 0.500000 1.000000 1.000000\n');
    expect(sink.text(`${yolo}/labels/${IMG2}.txt`)).toBe('1 0.950000 0.100000 0.100000 0.200000\n');
    expect(sink.text(`${yolo}/labels/${NEGATIVE_IMG}.txt`)).toBe('');
    expect(sink.text(`${yolo}/labels/${TINY_IMG}.txt`)).toBe('1 0.500000 0.500000 1.000000 1.000000\n');
    expect(sink.paths(`${yolo}/labels/`)).toHaveLength(5);
    expect(sink.text(`${yolo}/classes.txt`)).toBe('dog\ntag 1\n');
    expect(sink.text(`${yolo}/data.yaml`)).toContain(`nc: 2\nnames:\n  0: "dog"  # tag ${DOG}\n  1: "tag 1"  # tag ${CAT}\n`);
    expect(sink.text(`${yolo}/images.txt`).split('\n').filter(Boolean)).toEqual([IMG1, IMG2, NEGATIVE_IMG, TINY_IMG, ROTATED_IMG].map(fileOf));
  });

  it('writes Pascal VOC with 1-based pixel corners and marks clamped regions as truncated', async () => {
    const { sink } = await run(spec());
    const voc = (id: string): string => sink.text(`datasets/voc/${PROJECT}/Annotations/${id}.xml`);
    expect(voc(IMG1)).toContain(`<path>${fileOf(IMG1)}</path>`);
    expect(voc(IMG1)).toContain('<size><width>1095</width><height>900</height><depth>3</depth></size>');
    expect(voc(IMG1)).toContain('<name>tag 1</name>');
    expect(voc(IMG1)).toContain('<bndbox><xmin>111</xmin><ymin>226</ymin><xmax>657</xmax><ymax>675</ymax></bndbox>');
    expect(voc(IMG1)).toContain('<bndbox><xmin>1</xmin><ymin>1</ymin><xmax>1095</xmax><ymax>900</ymax></bndbox>');
    expect(voc(IMG2)).toContain('<truncated>1</truncated>');
    expect(voc(IMG2)).toContain('<bndbox><xmin>811</xmin><ymin>1</ymin><xmax>900</xmax><ymax>306</ymax></bndbox>');
    expect(voc(TINY_IMG)).toContain('<bndbox><xmin>1</xmin><ymin>1</ymin><xmax>1</xmax><ymax>1</ymax></bndbox>');
    expect(voc(NEGATIVE_IMG)).not.toContain('<object>');
    expect(sink.text(`datasets/voc/${PROJECT}/ImageSets/Main/trainval.txt`)).toBe(`${[IMG1, IMG2, NEGATIVE_IMG, TINY_IMG, ROTATED_IMG].join('\n')}\n`);
  });

  it('lists left-out images with their reason and explains everything in datasets/README.txt', async () => {
    const { sink } = await run(spec());
    const excluded = sink.text(`datasets/excluded/${PROJECT}/excluded.csv`).trim().split('\r\n');
    expect(excluded).toEqual([
      'image_id,reason,file,iteration_id',
      `${UNTAGGED_IMG},untagged,${fileOf(UNTAGGED_IMG)},`,
      `${ALL_SKIPPED_IMG},all-regions-skipped,${fileOf(ALL_SKIPPED_IMG)},`,
      `${NO_FILE_IMG},missing-file,,`,
      ',invalid-record,,',
      'NOT-AN-ID,invalid-id,,',
      `${IMG1},duplicate,,`,
    ]);
    const readme = sink.text('datasets/README.txt');
    expect(readme).toContain(`${PROJECT}: object detection, because its domain id is a public object-detection domain.`);
    expect(readme).toContain('Regions skipped: 2 (zero-size 1, outside-image 1).');
    expect(readme).toContain('Regions clamped into the image: 1.');
    expect(readme).toContain('Images left out: 6 (invalid-record 1, invalid-id 1, duplicate 1, missing-file 1, untagged 1, all-regions-skipped 1).');
    expect(readme).toContain(`Images whose file size in pixels differs from the record: 1 (e.g. ${ROTATED_IMG}).`);
    expect(readme).toContain('xmin = round(l*W) + 1');
  });

  it('gives the same class ids and bytes whatever the order of tags and image records', async () => {
    const first = await run(spec());
    const again = await run(spec());
    const shuffled = await run(spec({ tags: [...tags].reverse(), images: [...images].reverse() }));
    for (const file of first.sink.paths()) expect(again.sink.text(file), file).toBe(first.sink.text(file));
    const yolo = `datasets/yolo/${PROJECT}`;
    for (const file of [`${yolo}/classes.txt`, `${yolo}/data.yaml`, `${yolo}/labels/${IMG1}.txt`, `${yolo}/labels/${IMG2}.txt`]) {
      expect(shuffled.sink.text(file), file).toBe(first.sink.text(file));
    }
    const categories = (sink: MemorySink): unknown => sink.json<Coco>(`datasets/coco/${PROJECT}/annotations.json`).categories;
    expect(categories(shuffled.sink)).toEqual(categories(first.sink));
  });

  it('escapes hostile tag names in every format and keeps them exact where the format can', async () => {
    const XSS = '<img src=x onerror=alert(1)>';
    const { sink } = await run(
      spec({
        tags: [
          { id: CAT, name: XSS },
          { id: DOG, name: 'two\nlines: "🐱 猫"' },
        ],
        images: [images[0] as ImageSpec],
        extraLines: [],
      }),
    );
    const voc = sink.text(`datasets/voc/${PROJECT}/Annotations/${IMG1}.xml`);
    expect(voc).toContain('<name>&lt;img src=x onerror=alert(1)&gt;</name>');
    expect(voc).toContain('<name>two&#10;lines: &quot;🐱 猫&quot;</name>');
    expect(voc).not.toContain('<img');
    expect(sink.text(`datasets/yolo/${PROJECT}/classes.txt`)).toBe(`two lines: "🐱 猫"\n${XSS}\n`);
    expect(sink.text(`datasets/yolo/${PROJECT}/data.yaml`)).toContain('  0: "two\\nlines: \\"🐱 猫\\""');
    const coco = sink.json<Coco>(`datasets/coco/${PROJECT}/annotations.json`);
    expect(coco.categories.map((c) => c.name)).toEqual(['two\nlines: "🐱 猫"', XSS]);
  });
});
