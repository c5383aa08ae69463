/**
 * YOLO (Ultralytics / Darknet TXT) files: one label file per image with
 * `class x_center y_center width height` lines normalised to 0..1; class = 0-based position
 * in classes.txt and data.yaml `names`.
 */
import type { DatasetClass } from './classes';
import { yoloLine, type Box } from './regions';
import { singleLine, yamlString } from './text-escape';

/** Empty for a background (Negative) image: an empty label file says "no objects" explicitly. */
export function yoloLabelFile(boxes: readonly Box[]): string {
  return boxes.map((box) => `${yoloLine(box)}\n`).join('');
}

/** Darknet's names list; a name with a line break is shown on one line (exact name: data.yaml). */
export function yoloClassesTxt(classes: readonly DatasetClass[]): string {
  return classes.map((c) => `${singleLine(c.name)}\n`).join('');
}

export function yoloDataYaml(projectId: string, classes: readonly DatasetClass[]): string {
  const lines = [
    `# YOLO dataset of Azure Custom Vision project ${projectId}, written by CV Steward.`,
    '# Class ids are positions in `names` (0-based), ordered by Custom Vision tag id.',
    '# images.txt lists the training images, relative to the bundle root; labels/<imageId>.txt',
    '# holds their boxes. Ultralytics finds labels by replacing /images/ with /labels/ in an',
    '# image path, so copy or link the listed files to images/<imageId>.<ext> beside labels/',
    '# before training with it (see datasets/README.txt).',
    `nc: ${classes.length}`,
    classes.length === 0 ? 'names: {}' : 'names:',
    ...classes.map((c, i) => `  ${i}: ${yamlString(c.name)}  # tag ${c.tagId.replace(/[^0-9A-Za-z-]/gu, '_')}`),
  ];
  return `${lines.join('\n')}\n`;
}
