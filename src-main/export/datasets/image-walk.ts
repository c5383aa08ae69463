/**
 * The image loop every project view shares: stream the records, stop when cancelled, and
 * set aside (with a reason, listed in datasets/excluded/<projectId>/excluded.csv) records
 * that no dataset can reference: unreadable lines, ids unfit for paths, repeats, and images
 * whose original file is not in the bundle. The views add their own reasons (untagged…).
 */
import type { ClassList } from './classes';
import { ChunkedText } from './chunked-text';
import { csvRow } from './csv';
import { readImages } from './bundle-reader';
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
  private readonly rows = new ChunkedText();

  constructor() {
    this.rows.append(csvRow(['image_id', 'reason', 'file']));
  }

  add(imageId: string, reason: ExclusionReason, file = ''): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
    this.rows.append(csvRow([imageId, reason, file]));
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
}

export function fileName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

export async function writeExclusions(ctx: ProjectContext, exclusions: Exclusions): Promise<void> {
  await ctx.sink.writeFile(`datasets/excluded/${ctx.projectId}/excluded.csv`, exclusions.toBuffer(), 'text/csv');
}
