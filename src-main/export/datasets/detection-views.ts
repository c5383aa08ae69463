/**
 * Object-detection views of one project: COCO, YOLO and Pascal VOC, written in one pass
 * over the image records (the workspace's, then those only in iterations: image-walk.ts). Per-image files (YOLO labels, VOC XML) go to the sink one by one,
 * checking the signal between images; the COCO file and the lists are written at the end.
 *
 * Which images each view holds (same set for all three):
 *   - images with at least one usable region: their boxes;
 *   - images with no regions and a Negative tag: background images with no objects;
 *   - images only in iterations by the same rules, marked with the iteration in COCO
 *     (cv_iteration_id) and VOC (<source><annotation>);
 *   - everything else is left out and listed in datasets/excluded/<projectId>/excluded.csv:
 *     untagged images (not yet labelled — their objects are unknown, so they are not
 *     background), images whose regions were all skipped, images tagged without regions.
 */
import path from 'node:path';
import type { Box } from './regions';
import { normaliseRegion } from './regions';
import { CocoBuilder } from './coco-builder';
import { ChunkedText } from './chunked-text';
import { Exclusions, walkImages, writeExclusions, type ProjectContext, type WalkedImage } from './image-walk';
import { readImageSize } from './image-size';
import { increment, type ProjectReport } from './report';
import { vocXml } from './voc-format';
import { yoloClassesTxt, yoloDataYaml, yoloLabelFile } from './yolo-format';

const MAX_SIZE_EXAMPLES = 10;

type ImageStatus = { use: true; boxes: Box[]; background: boolean } | { use: false; reason: 'untagged' | 'all-regions-skipped' | 'tagged-without-regions' };

function classify(ctx: ProjectContext, { image }: WalkedImage, report: ProjectReport): ImageStatus {
  const boxes: Box[] = [];
  for (const region of image.regions) {
    const result = normaliseRegion(region, ctx.classes);
    if (!result.ok) increment(report.skippedRegions, result.reason);
    else {
      if (result.box.clamped) report.clampedRegions += 1;
      boxes.push(result.box);
    }
  }
  if (boxes.length > 0) return { use: true, boxes, background: false };
  if (image.regions.length > 0) return { use: false, reason: 'all-regions-skipped' };
  if (image.tags.some((tag) => ctx.classes.negativeTagIds.has(tag.tagId))) return { use: true, boxes, background: true };
  return { use: false, reason: image.tags.length === 0 ? 'untagged' : 'tagged-without-regions' };
}

/** The record's size, else the file header's; mismatches are counted for the README. */
async function imageSize(ctx: ProjectContext, walked: WalkedImage, report: ProjectReport): Promise<{ width: number; height: number; depth: number } | undefined> {
  const header = await readImageSize(path.join(ctx.folder, ...walked.file.split('/')));
  const { width, height } = walked.image;
  if (width > 0 && height > 0) {
    if (header && (header.width !== width || header.height !== height)) {
      report.sizeMismatches += 1;
      if (report.sizeMismatchExamples.length < MAX_SIZE_EXAMPLES) report.sizeMismatchExamples.push(walked.image.id);
    }
    return { width, height, depth: header?.channels ?? 3 };
  }
  return header ? { width: header.width, height: header.height, depth: header.channels ?? 3 } : undefined;
}

export async function writeDetectionViews(ctx: ProjectContext, report: ProjectReport): Promise<void> {
  const { sink, projectId, classes } = ctx;
  const exclusions = new Exclusions();
  const coco = new CocoBuilder();
  const imageList = new ChunkedText();
  const imageIds = new ChunkedText();
  for await (const walked of walkImages(ctx, exclusions)) {
    const status = classify(ctx, walked, report);
    const iterationId = walked.iterationId;
    if (!status.use) {
      exclusions.add(walked.image.id, status.reason, walked.file, iterationId);
      continue;
    }
    const size = await imageSize(ctx, walked, report);
    if (!size) {
      exclusions.add(walked.image.id, 'unknown-size', walked.file, iterationId);
      continue;
    }
    const id = walked.image.id;
    const fromIteration = iterationId === undefined ? {} : { iterationId };
    await sink.writeFile(`datasets/yolo/${projectId}/labels/${id}.txt`, yoloLabelFile(status.boxes), 'text/plain');
    await sink.writeFile(`datasets/voc/${projectId}/Annotations/${id}.xml`, vocXml({ projectId, file: walked.file, ...size, ...fromIteration }, status.boxes), 'application/xml');
    coco.addImage({ cvImageId: id, file: walked.file, width: size.width, height: size.height, ...fromIteration }, status.boxes);
    imageList.append(`${walked.file}\n`);
    imageIds.append(`${id}\n`);
    report.images += 1;
    if (iterationId !== undefined) report.iterationOnlyImages += 1;
    report.annotations += status.boxes.length;
    if (status.background) report.backgroundImages += 1;
  }
  await sink.writeFile(`datasets/coco/${projectId}/annotations.json`, coco.finish(projectId, classes.classes), 'application/json');
  await sink.writeFile(`datasets/yolo/${projectId}/images.txt`, imageList.toBuffer(), 'text/plain');
  await sink.writeFile(`datasets/yolo/${projectId}/classes.txt`, yoloClassesTxt(classes.classes), 'text/plain');
  await sink.writeFile(`datasets/yolo/${projectId}/data.yaml`, yoloDataYaml(projectId, classes.classes), 'application/yaml');
  await sink.writeFile(`datasets/voc/${projectId}/ImageSets/Main/trainval.txt`, imageIds.toBuffer(), 'text/plain');
  await writeExclusions(ctx, exclusions);
  report.excluded = exclusions.counts;
  report.iterationOnlyExcluded = exclusions.iterationOnly;
  report.classes = classes.classes.length;
  report.views = ['coco', 'yolo', 'voc'];
}
