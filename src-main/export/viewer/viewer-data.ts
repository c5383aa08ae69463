/**
 * The shapes of the viewer's data files (viewer/data/*.js), i.e. what app.js reads.
 * Only fixed words are object keys: API text (tag names, metadata keys…) always sits in
 * values, because the data files are JavaScript object literals, where a key such as
 * `__proto__` would change an object's prototype instead of being data.
 */

import type { Language } from '../../../shared/model/preferences';
import type { MAIN_CATALOGUES } from '../../i18n';

/** What app.js looks its words up in (same keys in every language; a test checks it). */
export type ViewerStrings = (typeof MAIN_CATALOGUES)['en']['viewer']['app'];

/** Ids we build file names from; anything else is refused (docs/bundle-format.md). */
export const ID_PATTERN = /^[0-9a-f-]{36}$/;

/** Records per gallery data file; the viewer shows 100 per screen. */
export const IMAGES_PER_FILE = 500;

/** Predictions kept per stored image, best first. */
export const TOP_PREDICTIONS = 5;

export type BundleStatus = 'complete' | 'partial' | 'unknown';

export interface ViewerProblem {
  category: string;
  projectId: string | null;
  message: string;
}

export interface ViewerCount {
  what: string;
  value: number;
}

export interface ViewerSummary {
  endpointHost: string | null;
  resourceName: string | null;
  region: string | null;
  displayName: string | null;
  keyFingerprint: string | null;
  apiVersion: string | null;
  exportedAt: string | null;
  updatedAt: string | null;
  status: BundleStatus;
  hasManifest: boolean;
  /** Tool that wrote the manifest (the export), when known. */
  exportedWith: string | null;
  categories: Array<{ category: string; items: number; bytes: number }>;
  problems: ViewerProblem[];
}

export interface ViewerReconciliation {
  what: string;
  api: number | null;
  exported: number | null;
  ok: boolean;
}

export interface ViewerTag {
  id: string;
  name: string;
  type: string;
  description: string | null;
  /** What the service said (workspace tags only). */
  imageCount: number | null;
  /** Images in this bundle carrying the tag. */
  inBundle: number;
}

export interface ViewerScore {
  name: string;
  precision: number | null;
  recall: number | null;
  averagePrecision: number | null;
}

export interface ViewerPerformance extends Omit<ViewerScore, 'name'> {
  perTag: ViewerScore[];
}

export interface ViewerExport {
  platform: string;
  flavor: string | null;
  status: string;
  newerVersionAvailable: boolean;
  /** Path relative to index.html, or null when the bundle holds no file for it. */
  file: string | null;
}

export interface ViewerIteration {
  id: string;
  name: string;
  status: string;
  publishName: string | null;
  created: string | null;
  trainedAt: string | null;
  trainingType: string | null;
  performance: ViewerPerformance | null;
  exports: ViewerExport[];
}

export type FilterKind = 'tag' | 'untagged' | 'iteration';

/** A gallery filter and where its images are: [file number, matching records in it]. */
export interface ViewerFilter {
  kind: FilterKind;
  name: string;
  count: number;
  files: Array<[number, number]>;
}

export interface ViewerImagesIndex {
  total: number;
  perFile: number;
  /** Data files images-<projectId>-1.js … -<files>.js. */
  files: number;
  /** Workspace images only, like the service's tagged/untagged counts. */
  tagged: number;
  untagged: number;
  onlyInIterations: number;
  missingFiles: number;
  filters: ViewerFilter[];
}

export interface ViewerProject {
  id: string;
  name: string;
  description: string | null;
  created: string | null;
  domain: { name: string; type: string } | null;
  classificationType: string | null;
  /** The manifest's counts when present, else counted from the bundle's records. */
  counts: ViewerCount[];
  reconciliation: ViewerReconciliation[];
  tags: ViewerTag[];
  iterations: ViewerIteration[];
  images: ViewerImagesIndex;
  predictions: { count: number };
}

export interface ViewerBundle {
  kind: 'bundle';
  viewerFormat: 1;
  tool: { name: string; version: string };
  /** The language the viewer speaks (chosen at export time); Intl formats for it too. */
  language: Language;
  /** The viewer's words in that language: the `app` part of the `viewer` catalogue. */
  strings: ViewerStrings;
  summary: ViewerSummary;
  projects: ViewerProject[];
}

export interface ViewerRegion {
  tag: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface ViewerImage {
  id: string;
  /** Path relative to index.html, or null when the bytes are not in the bundle. */
  file: string | null;
  width: number;
  height: number;
  tags: string[];
  regions: ViewerRegion[];
  metadata: Array<[string, string]>;
  created: string | null;
  onlyInIteration: boolean;
  /** For images only in iterations: which iterations (names) still hold them. */
  iterations: string[];
}

export interface ViewerImagesFile {
  kind: 'images';
  projectId: string;
  file: number;
  records: ViewerImage[];
}

export interface ViewerPrediction {
  id: string;
  file: string | null;
  created: string | null;
  iteration: string | null;
  predictions: Array<{ tag: string; probability: number; box: Omit<ViewerRegion, 'tag'> | null }>;
}

export interface ViewerPredictionsFile {
  kind: 'predictions';
  projectId: string;
  records: ViewerPrediction[];
}
