/**
 * Export (a domain, docs/architecture.md, "Layers"): the bundle writer and journal, the engine, manifest,
 * verify, zip, and the derived datasets and offline viewer (docs/architecture.md,
 * "Export"; docs/bundle-format.md; src-main/export/README.md). May import the leaves and
 * the platform (customvision, jobs, fs, locks, i18n); never another domain, application/,
 * services.ts or a front end. Other main-process modules import from here only.
 */
export { runExport, exportJobCategories, type ExportAccount, type ExportOptions } from './export-engine';
export { verifyBundle, type VerifyOptions } from './verify-bundle';
export { zipBundle, type ZipOptions, type ZipResult } from './zip-bundle';
export {
  ManifestSchema,
  readManifest,
  MANIFEST_FORMAT,
  MANIFEST_FORMAT_VERSION,
  type Manifest,
  type ManifestProject,
  type ManifestProblem,
  type Reconciliation,
} from './manifest';
export { BundleWriter, type StreamWriteOptions, type BundleWriterOptions } from './bundle-writer';
export type { BundleFileRecord, BundleFileSink } from './file-sink';
export { readJsonl, toJsonlLine } from './jsonl';
export { sniffMediaType, type SniffedType } from './magic-bytes';
export { bundleId, isBundleId, checkBundlePath, projectPaths, iterationPaths, accountPaths, MANIFEST_PATH, JOURNAL_PATH } from './bundle-paths';
