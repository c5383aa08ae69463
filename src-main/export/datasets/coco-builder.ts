/**
 * Standard COCO detection JSON (cocodataset.org "format-data"): pixel bboxes
 * [x, y, width, height] from the top-left, area, iscrowd 0. Built image by image into
 * UTF-8 blocks: one object per line, images and annotations kept apart until the end.
 * Ids: images and annotations are numbered from 1 in walk order (images.jsonl oldest
 * first, then images only in iterations); category id = class position + 1. Custom
 * Vision's own ids ride along as cv_* fields (cv_iteration_id on images only in iterations).
 */
import type { DatasetClass } from './classes';
import { ChunkedText } from './chunked-text';
import { cocoBox, type Box } from './regions';

export interface CocoImage {
  cvImageId: string;
  /** Relative to the bundle root. */
  file: string;
  width: number;
  height: number;
  /** Set for an image that survives only in this iteration (written as cv_iteration_id). */
  iterationId?: string;
}

export class CocoBuilder {
  private readonly images = new ChunkedText();
  private readonly annotations = new ChunkedText();
  private imageCount = 0;
  private annotationCount = 0;

  addImage(image: CocoImage, boxes: readonly Box[]): void {
    this.imageCount += 1;
    const imageId = this.imageCount;
    const entry = {
      id: imageId,
      file_name: image.file,
      width: image.width,
      height: image.height,
      cv_image_id: image.cvImageId,
      ...(image.iterationId === undefined ? {} : { cv_iteration_id: image.iterationId }),
    };
    this.images.append(`${imageId === 1 ? '' : ',\n'}${JSON.stringify(entry)}`);
    for (const box of boxes) {
      this.annotationCount += 1;
      const { bbox, area } = cocoBox(box, image.width, image.height);
      const annotation = {
        id: this.annotationCount,
        image_id: imageId,
        category_id: box.classIndex + 1,
        bbox,
        area,
        iscrowd: 0,
        segmentation: [],
        cv_region_id: box.regionId,
      };
      this.annotations.append(`${this.annotationCount === 1 ? '' : ',\n'}${JSON.stringify(annotation)}`);
    }
  }

  /** The whole file. Deterministic: no timestamps, so re-running gives identical bytes. */
  finish(projectId: string, classes: readonly DatasetClass[]): Buffer {
    const out = new ChunkedText();
    const info = { description: `Azure Custom Vision project ${projectId}, exported by CV Steward`, version: '1' };
    out.append(`{"info":${JSON.stringify(info)},\n"licenses":[],\n"images":[\n`);
    this.images.moveTo(out);
    out.append('\n],\n"annotations":[\n');
    this.annotations.moveTo(out);
    out.append('\n],\n"categories":[\n');
    out.append(classes.map((c, i) => JSON.stringify({ id: i + 1, name: c.name, cv_tag_id: c.tagId, cv_tag_type: c.type })).join(',\n'));
    out.append('\n]}\n');
    return out.toBuffer();
  }
}
