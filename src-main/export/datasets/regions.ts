/**
 * Custom Vision regions → boxes, and boxes → each format's coordinates.
 * Regions are fractions of the image (0..1) from its top-left corner: left, top, width, height.
 *
 * Rules, applied identically for every view so their annotation counts agree:
 *   - a region without a tag, with a non-number coordinate, with width or height ≤ 0, on a
 *     Negative tag, or lying entirely outside the image is skipped and counted;
 *   - otherwise its edges are clamped into [0, 1] (left + width ≤ 1, as Microsoft's own
 *     COCO checker requires) and, if that changed anything by more than CLAMP_TOLERANCE,
 *     it is counted as clamped.
 */
import type { ClassList } from './classes';
import type { RegionRecord } from './records';

export type RegionSkipReason = 'missing-tag' | 'negative-tag' | 'invalid-coordinates' | 'zero-size' | 'outside-image';

export const REGION_SKIP_REASONS: readonly RegionSkipReason[] = ['missing-tag', 'negative-tag', 'invalid-coordinates', 'zero-size', 'outside-image'];

/** Floating-point noise (0.7 + 0.3 ≠ 1 in binary) is not a region outside the image. */
const CLAMP_TOLERANCE = 1e-9;

/** A region after the rules: normalised, inside [0, 1], positive size. */
export interface Box {
  classIndex: number;
  tagId: string;
  name: string;
  regionId: string;
  left: number;
  top: number;
  width: number;
  height: number;
  clamped: boolean;
}

export type RegionResult = { ok: true; box: Box } | { ok: false; reason: RegionSkipReason };

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** One axis: [start, start + size] clamped; the original size is kept when nothing moved. */
function axis(start: number, size: number): { start: number; size: number; clamped: boolean } | undefined {
  const lo = clamp01(start);
  const hi = clamp01(start + size);
  if (hi - lo <= 0) return undefined;
  const moved = lo !== start || hi !== start + size;
  const clamped = Math.abs(lo - start) > CLAMP_TOLERANCE || Math.abs(hi - (start + size)) > CLAMP_TOLERANCE;
  return { start: lo, size: moved ? hi - lo : size, clamped };
}

export function normaliseRegion(region: RegionRecord, classes: ClassList): RegionResult {
  if (region.tagId === '') return { ok: false, reason: 'missing-tag' };
  if (classes.negativeTagIds.has(region.tagId)) return { ok: false, reason: 'negative-tag' };
  const classIndex = classes.index.get(region.tagId);
  if (classIndex === undefined) return { ok: false, reason: 'missing-tag' };
  const { left, top, width, height } = region;
  if (![left, top, width, height].every(Number.isFinite)) return { ok: false, reason: 'invalid-coordinates' };
  if (width <= 0 || height <= 0) return { ok: false, reason: 'zero-size' };
  const x = axis(left, width);
  const y = axis(top, height);
  if (!x || !y) return { ok: false, reason: 'outside-image' };
  const name = classes.classes[classIndex]?.name ?? region.tagName;
  return {
    ok: true,
    box: { classIndex, tagId: region.tagId, name, regionId: region.regionId, left: x.start, top: y.start, width: x.size, height: y.size, clamped: x.clamped || y.clamped },
  };
}

/** Hides binary floating-point noise (109.50000000000001) without losing real precision. */
function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** COCO: absolute pixels [x, y, width, height] from the top-left, floats, and the box area. */
export function cocoBox(box: Box, imageWidth: number, imageHeight: number): { bbox: [number, number, number, number]; area: number } {
  const w = box.width * imageWidth;
  const h = box.height * imageHeight;
  return { bbox: [round6(box.left * imageWidth), round6(box.top * imageHeight), round6(w), round6(h)], area: round6(w * h) };
}

export interface VocBox {
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
}

function vocAxis(start: number, size: number, pixels: number): [number, number] {
  const limit = (value: number): number => Math.min(pixels, Math.max(1, value));
  const min = limit(Math.round(start * pixels) + 1);
  const max = limit(Math.round((start + size) * pixels));
  // A box thinner than a pixel can round to max < min; it then covers the one pixel it is in.
  return [min, Math.max(min, max)];
}

/**
 * Pascal VOC: 1-based integer pixels, both ends inclusive (py-faster-rcnn subtracts 1 on
 * load): xmin = round(l·W) + 1, xmax = round((l + w)·W), clamped to [1, W]; Math.round
 * rounds halves up.
 */
export function vocBox(box: Box, imageWidth: number, imageHeight: number): VocBox {
  const [xmin, xmax] = vocAxis(box.left, box.width, imageWidth);
  const [ymin, ymax] = vocAxis(box.top, box.height, imageHeight);
  return { xmin, ymin, xmax, ymax };
}

function fixed6(value: number): string {
  return value.toFixed(6);
}

/** YOLO: `class x_center y_center width height`, normalised to 0..1, six decimals. */
export function yoloLine(box: Box): string {
  const cx = box.left + box.width / 2;
  const cy = box.top + box.height / 2;
  return `${box.classIndex} ${fixed6(cx)} ${fixed6(cy)} ${fixed6(box.width)} ${fixed6(box.height)}`;
}
