/**
 * Pseudo evaluation results. There is no model, so each (iteration, image, tag) gets a
 * deterministic probability: high when the image carries the tag, low otherwise, with a
 * few confident mistakes so precision and recall are not all 1.0. Iteration performance is
 * then computed from those numbers at the requested threshold, so the figures are
 * internally consistent (and change with `threshold`, as the real ones do).
 */
import { unitFromString } from '../prng';
import { isObjectDetection } from './domains';
import type { ImageRec, IterationRec, TagRec } from './types';

export interface PseudoPrediction {
  tagId: string;
  tagName: string;
  probability: number;
  boundingBox: { left: number; top: number; width: number; height: number } | undefined;
}

function round(value: number, digits = 6): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function probabilityFor(iterationId: string, imageId: string, tagId: string, hasTag: boolean): number {
  const u = unitFromString(`${iterationId}|${imageId}|${tagId}`);
  const mistake = u < 0.08;
  if (hasTag) return round(mistake ? 0.15 + u * 3 : 0.62 + (u - 0.08) * 0.41);
  return round(mistake ? 0.55 + u * 4 : (u - 0.08) * 0.45);
}

function regularTags(iteration: IterationRec): TagRec[] {
  return (iteration.snapshot?.tags ?? []).filter((tag) => tag.type === 'Regular');
}

/** Predictions for one image, most probable first (as the service sorts them). */
export function predictImage(iteration: IterationRec, image: ImageRec): PseudoPrediction[] {
  const detection = isObjectDetection(iteration.domainId);
  const out: PseudoPrediction[] = [];
  for (const tag of regularTags(iteration)) {
    const hasTag = image.tags.some((t) => t.tagId === tag.id);
    const probability = probabilityFor(iteration.id, image.id, tag.id, hasTag);
    let boundingBox: PseudoPrediction['boundingBox'];
    if (detection) {
      const region = image.regions.find((r) => r.tagId === tag.id);
      const jitter = (unitFromString(`${image.id}|${tag.id}|box`) - 0.5) * 0.04;
      boundingBox = region
        ? {
            left: round(Math.max(0, region.left + jitter)),
            top: round(Math.max(0, region.top - jitter)),
            width: round(region.width),
            height: round(region.height),
          }
        : { left: 0.25, top: 0.25, width: 0.25, height: 0.25 };
    }
    out.push({ tagId: tag.id, tagName: tag.name, probability, boundingBox });
  }
  return out.sort((a, b) => b.probability - a.probability);
}

export interface TagPerformance {
  id: string;
  name: string;
  precision: number;
  precisionStdDeviation: number;
  recall: number;
  recallStdDeviation: number;
  averagePrecision: number;
}

export interface IterationPerformance {
  perTagPerformance: TagPerformance[];
  precision: number;
  precisionStdDeviation: number;
  recall: number;
  recallStdDeviation: number;
  averagePrecision: number;
}

function averagePrecision(scored: Array<{ p: number; positive: boolean }>): number {
  const positives = scored.filter((s) => s.positive).length;
  if (positives === 0) return 0;
  scored.sort((a, b) => b.p - a.p);
  let hits = 0;
  let sum = 0;
  scored.forEach((s, index) => {
    if (s.positive) {
      hits += 1;
      sum += hits / (index + 1);
    }
  });
  return sum / positives;
}

export function iterationPerformance(iteration: IterationRec, threshold: number): IterationPerformance {
  const images = iteration.snapshot?.images.all() ?? [];
  const perTag: TagPerformance[] = [];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const aps: number[] = [];
  for (const tag of regularTags(iteration)) {
    let tagTp = 0;
    let tagFp = 0;
    let tagFn = 0;
    const scored: Array<{ p: number; positive: boolean }> = [];
    for (const image of images) {
      const positive = image.tags.some((t) => t.tagId === tag.id);
      const p = probabilityFor(iteration.id, image.id, tag.id, positive);
      scored.push({ p, positive });
      if (p >= threshold && positive) tagTp += 1;
      else if (p >= threshold) tagFp += 1;
      else if (positive) tagFn += 1;
    }
    const ap = averagePrecision(scored);
    aps.push(ap);
    tp += tagTp;
    fp += tagFp;
    fn += tagFn;
    const spread = unitFromString(`${iteration.id}|${tag.id}|std`) * 0.05;
    perTag.push({
      id: tag.id,
      name: tag.name,
      precision: round(tagTp + tagFp === 0 ? 0 : tagTp / (tagTp + tagFp)),
      precisionStdDeviation: round(spread),
      recall: round(tagTp + tagFn === 0 ? 0 : tagTp / (tagTp + tagFn)),
      recallStdDeviation: round(spread * 1.3),
      averagePrecision: round(ap),
    });
  }
  const meanAp = aps.length === 0 ? 0 : aps.reduce((a, b) => a + b, 0) / aps.length;
  const spread = unitFromString(`${iteration.id}|std`) * 0.03;
  return {
    perTagPerformance: perTag,
    precision: round(tp + fp === 0 ? 0 : tp / (tp + fp)),
    precisionStdDeviation: round(spread),
    recall: round(tp + fn === 0 ? 0 : tp / (tp + fn)),
    recallStdDeviation: round(spread * 1.2),
    averagePrecision: round(meanAp),
  };
}
