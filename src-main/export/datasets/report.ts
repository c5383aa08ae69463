/** What writing one project's views found, for datasets/README.txt and the returned summary. */
import type { ExclusionReason } from './image-walk';
import type { ProjectKind } from './project-kind';
import type { RegionSkipReason } from './regions';

export interface ProjectReport {
  projectId: string;
  kind: ProjectKind;
  kindReason: string;
  classificationType: string;
  /** View names: coco, yolo, voc | csv, folders. */
  views: string[];
  classes: number;
  /** Images the views use (annotated or background). */
  images: number;
  /** Of those, images with no objects because they carry a Negative tag. */
  backgroundImages: number;
  /** Boxes (detection) or image–tag pairs (classification) written. */
  annotations: number;
  skippedRegions: Map<RegionSkipReason, number>;
  clampedRegions: number;
  excluded: Map<ExclusionReason, number>;
  /** Images in the views that survive only in a trained iteration (described by its record). */
  iterationOnlyImages: number;
  /** Images only in iterations that were left out (also counted in `excluded`). */
  iterationOnlyExcluded: number;
  /** Images whose file header disagrees with the record's width × height. */
  sizeMismatches: number;
  sizeMismatchExamples: string[];
  /** Classification: tags whose folder name differs from the tag name. */
  renamedFolders: number;
}

export function emptyReport(projectId: string, kind: ProjectKind, kindReason: string, classificationType: string): ProjectReport {
  return {
    projectId,
    kind,
    kindReason,
    classificationType,
    views: [],
    classes: 0,
    images: 0,
    backgroundImages: 0,
    annotations: 0,
    skippedRegions: new Map(),
    clampedRegions: 0,
    excluded: new Map(),
    iterationOnlyImages: 0,
    iterationOnlyExcluded: 0,
    sizeMismatches: 0,
    sizeMismatchExamples: [],
    renamedFolders: 0,
  };
}

export function total(counts: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const count of counts.values()) sum += count;
  return sum;
}

export function increment<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
