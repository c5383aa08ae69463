/**
 * Pascal VOC XML, one file per image: <size> from the image record, one <object> per box
 * with 1-based inclusive pixel corners (regions.ts vocBox). <truncated> is 1 when the
 * region reached outside the image and was clamped; <difficult> is always 0 (Custom Vision
 * has no such flag). An image only in an iteration names it in <source><annotation>.
 */
import { vocBox, type Box } from './regions';
import { xmlText } from './text-escape';

export interface VocImage {
  projectId: string;
  /** Bundle-relative path of the original file. */
  file: string;
  width: number;
  height: number;
  depth: number;
  /** Set for an image that survives only in this iteration. */
  iterationId?: string;
}

export function vocXml(image: VocImage, boxes: readonly Box[]): string {
  const slash = image.file.lastIndexOf('/');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<annotation>',
    `  <folder>${xmlText(image.file.slice(0, slash))}</folder>`,
    `  <filename>${xmlText(image.file.slice(slash + 1))}</filename>`,
    `  <path>${xmlText(image.file)}</path>`,
    `  <source><database>Azure Custom Vision project ${xmlText(image.projectId)}</database>${
      image.iterationId === undefined ? '' : `<annotation>Custom Vision iteration ${xmlText(image.iterationId)}</annotation>`
    }</source>`,
    `  <size><width>${image.width}</width><height>${image.height}</height><depth>${image.depth}</depth></size>`,
    '  <segmented>0</segmented>',
  ];
  for (const box of boxes) {
    const { xmin, ymin, xmax, ymax } = vocBox(box, image.width, image.height);
    lines.push(
      '  <object>',
      `    <name>${xmlText(box.name)}</name>`,
      '    <pose>Unspecified</pose>',
      `    <truncated>${box.clamped ? 1 : 0}</truncated>`,
      '    <difficult>0</difficult>',
      `    <bndbox><xmin>${xmin}</xmin><ymin>${ymin}</ymin><xmax>${xmax}</xmax><ymax>${ymax}</ymax></bndbox>`,
      '  </object>',
    );
  }
  lines.push('</annotation>');
  return `${lines.join('\n')}\n`;
}
