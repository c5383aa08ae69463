/**
 * The in-memory account. Image records are immutable: a change replaces the record in
 * the workspace, so an iteration's snapshot can share the old one (copy-on-write keeps a
 * 100 000-image account cheap to train).
 */
import type { ImageFormat } from '../images';
import type { ImageTable } from './image-table';

export type TagType = 'Regular' | 'Negative' | 'GeneralProduct';
export type Classifier = 'Multiclass' | 'Multilabel';

export interface DomainRec {
  id: string;
  name: string;
  type: 'Classification' | 'ObjectDetection';
  exportable: boolean;
  enabled: boolean;
}

export interface TagRec {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly type: TagType;
}

/** Sub-millisecond part of a `created` date, in 100 ns units (0–9999). */
export interface Stamp {
  readonly ms: number;
  readonly tick: number;
}

export interface ImageTagRec {
  readonly tagId: string;
  readonly created: Stamp;
}

export interface RegionRec {
  readonly regionId: string;
  readonly tagId: string;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly created: Stamp;
}

export interface ImageRec {
  readonly id: string;
  /** Insertion order: the stable tie-break for equal `created`. */
  readonly seq: number;
  readonly created: Stamp;
  readonly width: number;
  readonly height: number;
  readonly format: ImageFormat;
  /** Generated images: bytes come from generateImage({seed,width,height,format,label}). */
  readonly seed: number;
  readonly label: string | undefined;
  /** Uploaded images keep their bytes. */
  readonly bytes: Buffer | undefined;
  readonly tags: readonly ImageTagRec[];
  readonly regions: readonly RegionRec[];
  readonly metadata: Readonly<Record<string, string>> | undefined;
}

export interface ExportRec {
  readonly platform: string;
  readonly flavor: string | null;
  status: 'Exporting' | 'Done' | 'Failed';
  /** When it finished (zip entry dates, blob Last-Modified). */
  doneMs: number | undefined;
}

export interface Snapshot {
  readonly images: ImageTable;
  /** Tags as they were at training time (deleting a workspace tag keeps them here). */
  readonly tags: readonly TagRec[];
}

export interface IterationRec {
  readonly id: string;
  readonly projectId: string;
  name: string;
  status: 'New' | 'Training' | 'Completed' | 'Failed';
  readonly createdMs: number;
  lastModifiedMs: number;
  trainedAtMs: number | undefined;
  readonly domainId: string | null;
  readonly classificationType: Classifier | null;
  readonly trainingType: 'Regular' | 'Advanced';
  readonly reservedBudgetInHours: number;
  trainingTimeInMinutes: number;
  publishName: string | null;
  publishResourceId: string | null;
  snapshot: Snapshot | undefined;
  /** Keyed by `${platform}|${flavor ?? ''}`. */
  readonly exports: Map<string, ExportRec>;
}

export interface PredictionResultRec {
  readonly tagId: string;
  readonly tagName: string;
  readonly probability: number;
  readonly boundingBox: { left: number; top: number; width: number; height: number } | undefined;
}

export interface PredictionRec {
  readonly id: string;
  readonly seq: number;
  readonly iterationId: string;
  readonly createdMs: number;
  readonly width: number;
  readonly height: number;
  readonly format: ImageFormat;
  readonly seed: number;
  readonly label: string | undefined;
  readonly predictions: readonly PredictionResultRec[];
}

export interface ProjectRec {
  readonly id: string;
  name: string;
  description: string | null;
  domainId: string;
  classificationType: Classifier | null;
  targetExportPlatforms: string[];
  readonly createdMs: number;
  lastModifiedMs: number;
  /** Workspace tags in creation order. */
  readonly tags: Map<string, TagRec>;
  readonly images: ImageTable;
  /** In creation order. */
  readonly iterations: Map<string, IterationRec>;
  readonly predictions: Map<string, PredictionRec>;
  /** Iterations ever created, for "Iteration N" names. */
  iterationCounter: number;
  /** Workspace changed since the last training (TrainProject answers TrainingNotNeeded). */
  dirty: boolean;
  /** sha256 of uploaded bytes → image id, for OKDuplicate. */
  readonly uploadHashes: Map<string, string>;
}
