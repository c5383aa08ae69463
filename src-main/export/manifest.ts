/**
 * manifest.json (docs/bundle-format.md): the bundle's table of contents, rebuilt from the
 * journal and the walk's results at the end of every run (and as `partial` when a run is
 * cancelled or fails). Written as a stream: with 100 000 images the file list alone is
 * tens of MB, which need not exist as one string. Read back through a zod schema.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { EXPORT_CATEGORIES, ExportCategorySchema, type ExportCategory } from '../../shared/model/bundle';
import { AppError } from '../errors/app-error';
import type { BundleFileRecord } from './file-sink';
import { MANIFEST_PATH, categoryOfPath } from './bundle-paths';
import { MainTextSchema } from '../../shared/model/main-text';

export const MANIFEST_FORMAT = 'cv-steward-bundle';
export const MANIFEST_FORMAT_VERSION = 1;

const count = z.number().int().nonnegative();

export const ManifestProblemSchema = z.object({
  category: z.string(),
  projectId: z.string().optional(),
  message: z.string(),
  /** The message as a catalogue code and parameters, for the viewer's language (optional: older bundles have only `message`). */
  text: MainTextSchema.optional(),
});
export type ManifestProblem = z.infer<typeof ManifestProblemSchema>;

export const ReconciliationSchema = z.object({
  what: z.string(),
  /** Set for per-iteration checks (an addition to the doc's example; see bundle-format.md). */
  iterationId: z.string().optional(),
  api: count,
  exported: count,
  ok: z.boolean(),
});
export type Reconciliation = z.infer<typeof ReconciliationSchema>;

export const ProjectCountsSchema = z.object({
  taggedImages: count,
  untaggedImages: count,
  imagesOnlyInIterations: count,
  iterations: count,
  tags: count,
  exports: count,
  predictions: count,
});
export type ManifestProjectCounts = z.infer<typeof ProjectCountsSchema>;

export const ManifestProjectSchema = z.object({
  id: z.string(),
  name: z.string(),
  counts: ProjectCountsSchema,
  reconciliation: z.array(ReconciliationSchema),
});
export type ManifestProject = z.infer<typeof ManifestProjectSchema>;

export const ManifestFileSchema = z.object({
  path: z.string(),
  bytes: count,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mediaType: z.string(),
});

export const ManifestSelectionSchema = z.object({ projectIds: z.union([z.array(z.string()), z.literal('all')]), categories: z.array(ExportCategorySchema) });
export type ManifestSelection = z.infer<typeof ManifestSelectionSchema>;

/**
 * One export run into the bundle: what it was asked for and how it ended. `complete`: it
 * finished with no problem and every count matching; `partial`: it finished with gaps that
 * are named in `problems` or `reconciliation`; `stopped`: it did not finish (cancelled,
 * failed, killed, or still running), so what it would have saved may be missing unnamed.
 */
export const ManifestRunSchema = z.object({
  startedAt: z.string(),
  updatedAt: z.string(),
  selection: ManifestSelectionSchema,
  outcome: z.enum(['complete', 'partial', 'stopped']),
});
export type ManifestRun = z.infer<typeof ManifestRunSchema>;

export const ManifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  formatVersion: z.literal(MANIFEST_FORMAT_VERSION),
  tool: z.object({ name: z.string(), version: z.string() }),
  /** The offline viewer's language (optional; absent in bundles written before it existed). Any string reads, so a newer language never makes a bundle unreadable. */
  language: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  status: z.enum(['complete', 'partial']),
  source: z.object({ endpointHost: z.string(), resourceName: z.string().optional(), keyFingerprint: z.string() }),
  /** What all the runs into this bundle selected together (each run's own in `history`). */
  selection: ManifestSelectionSchema,
  /** Every run into this bundle, oldest first (optional: absent in bundles written before it existed). */
  history: z.array(ManifestRunSchema).optional(),
  projects: z.array(ManifestProjectSchema),
  counts: z.record(z.string(), z.object({ items: count, bytes: count })),
  problems: z.array(ManifestProblemSchema),
  files: z.array(ManifestFileSchema),
});
export type Manifest = z.infer<typeof ManifestSchema>;
export type ManifestHeader = Omit<Manifest, 'files'>;
export const ManifestHeaderSchema = ManifestSchema.omit({ files: true });

/** Per-category items (from the walk) and bytes (from the files, by where they live). */
export function manifestCounts(items: Record<ExportCategory, number>, files: Iterable<BundleFileRecord>): Manifest['counts'] {
  const counts = Object.fromEntries(EXPORT_CATEGORIES.map((category) => [category, { items: items[category], bytes: 0 }])) as Record<
    ExportCategory,
    { items: number; bytes: number }
  >;
  for (const file of files) {
    const category = categoryOfPath(file.path);
    if (category) counts[category].bytes += file.bytes;
  }
  return counts;
}

/**
 * The manifest as text, piece by piece: the header fields in the documented order, then
 * `files` one line per file, in the order given.
 */
export function* manifestChunks(header: ManifestHeader, files: Iterable<BundleFileRecord>): Generator<string> {
  const head = JSON.stringify(header, null, 2);
  yield `${head.slice(0, head.lastIndexOf('}')).trimEnd()},\n  "files": [`;
  let chunk = '';
  let first = true;
  for (const file of files) {
    const { path, bytes, sha256, mediaType } = file;
    chunk += `${first ? '' : ','}\n    ${JSON.stringify({ path, bytes, sha256, mediaType })}`;
    first = false;
    if (chunk.length >= 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}${first ? '' : '\n  '}]\n}\n`;
}

/** Reads and checks `<folder>/manifest.json`; BAD_MANIFEST (with the reason) if it is not one. */
export async function readManifest(folder: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(join(folder, MANIFEST_PATH), 'utf8');
  } catch {
    throw new AppError('BAD_MANIFEST', `There is no readable manifest.json in ${folder}; this folder is not a finished CV Steward bundle.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('BAD_MANIFEST', 'manifest.json is not valid JSON (it may have been edited or cut short).');
  }
  const parsed = ManifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') || 'top level' : 'top level';
    throw new AppError('BAD_MANIFEST', `manifest.json is not a CV Steward bundle manifest (format v1): ${where}: ${issue?.message ?? 'invalid'}.`);
  }
  return parsed.data;
}
