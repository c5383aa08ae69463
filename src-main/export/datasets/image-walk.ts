/**
 * The image loop every project view shares: stream the records, stop when cancelled, and
 * set aside (with a reason, listed in datasets/excluded/<projectId>/excluded.csv) records
 * that no dataset can reference: unreadable lines, ids unfit for paths, repeats, and images
 * whose original file is not in the bundle. The views add their own reasons (untagged…).
 *
 * Workspace images come first (images/images.jsonl), then the images that survive only in
 * trained iterations (iterations/<id>/images.jsonl, newest iteration first): their bytes are
 * in the bundle like any other, so they are in the views too, described by the iteration's
 * record and marked with its id. An id already walked is not walked again.
 */
import type { ClassList } from './classes';
import { ChunkedText } from './chunked-text';
import { csvRow } from './csv';
import { listIterationsWithImages, readImages, readIterationImages } from './bundle-reader';
import { ID_PATTERN, type ImageRecord } from './records';
import type { BundleFileSink } from '../file-sink';

/** In the order they are checked; an image is listed once, with the first that applies. */
export const EXCLUSION_REASONS = [
  'invalid-record',
  'invalid-id',
  'duplicate',
  'missing-file',
  'untagged',
  'all-regions-skipped',
  'tagged-without-regions',
  'unknown-size',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export class Exclusions {
  readonly counts = new Map<ExclusionReason, number>();
  /** Of those, images that survive only in an iteration. */
  iterationOnly = 0;
  private readonly rows = new ChunkedText();

  constructor() {
    this.rows.append(csvRow(['image_id', 'reason', 'file', 'iteration_id']));
  }

  /** `iterationId`: set for an image that survives only in that iteration. */
  add(imageId: string, reason: ExclusionReason, file = '', iterationId = ''): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
    if (iterationId !== '') this.iterationOnly += 1;
    this.rows.append(csvRow([imageId, reason, file, iterationId]));
  }

  get total(): number {
    let sum = 0;
    for (const count of this.counts.values()) sum += count;
    return sum;
  }

  toBuffer(): Buffer {
    return this.rows.toBuffer();
  }
}

/** What a view writer gets for one project. */
export interface ProjectContext {
  folder: string;
  sink: BundleFileSink;
  signal: AbortSignal | undefined;
  projectId: string;
  classes: ClassList;
  /** Image id → bundle-relative path of the original file. */
  files: ReadonlyMap<string, string>;
}

export interface WalkedImage {
  image: ImageRecord;
  /** Bundle-relative path of the original, e.g. projects/<p>/images/files/<id>.jpg. */
  file: string;
  /** Set for an image no longer in the workspace: the iteration whose record describes it. */
  iterationId?: string;
}

export async function* walkImages(ctx: ProjectContext, exclusions: Exclusions): AsyncGenerator<WalkedImage> {
  const seen = new Set<string>();
  for await (const image of readImages(ctx.folder, ctx.projectId)) {
    ctx.signal?.throwIfAborted();
    if (!image) {
      exclusions.add('', 'invalid-record');
      continue;
    }
    if (!ID_PATTERN.test(image.id)) {
      exclusions.add(image.id, 'invalid-id');
      seen.add(image.id);
      continue;
    }
    if (seen.has(image.id)) {
      exclusions.add(image.id, 'duplicate');
      continue;
    }
    seen.add(image.id);
    const file = ctx.files.get(image.id);
    if (file === undefined) {
      exclusions.add(image.id, 'missing-file');
      continue;
    }
    yield { image, file };
  }
  for (const iterationId of await listIterationsWithImages(ctx.folder, ctx.projectId)) {
    for await (const image of readIterationImages(ctx.folder, ctx.projectId, iterationId)) {
      ctx.signal?.throwIfAborted();
      if (!image) {
        exclusions.add('', 'invalid-record', '', iterationId);
        continue;
      }
      // In the workspace or a newer iteration (or listed twice): that record describes it.
      if (seen.has(image.id)) continue;
      seen.add(image.id);
      if (!ID_PATTERN.test(image.id)) {
        exclusions.add(image.id, 'invalid-id', '', iterationId);
        continue;
      }
      const file = ctx.files.get(image.id);
      if (file === undefined) {
        exclusions.add(image.id, 'missing-file', '', iterationId);
        continue;
      }
      yield { image, file, iterationId };
    }
  }
}

export function fileName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

export async function writeExclusions(ctx: ProjectContext, exclusions: Exclusions): Promise<void> {
  await ctx.sink.writeFile(`datasets/excluded/${ctx.projectId}/excluded.csv`, exclusions.toBuffer(), 'text/csv');
}
