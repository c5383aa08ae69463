/**
 * Estimated sizes, without downloading anything. A scan never fetches image or model
 * bytes (a 100 000-image account would take hours), and listing image records just to
 * read their width and height would cost one call per 256 images, so every size here is
 * a count times a documented average. The UI shows these as estimates, with the basis.
 *
 * Averages and why:
 * - Images: ≈ 469 KB each (480 000 bytes) — a 1600 × 1200 photo as JPEG at about
 *   2 bits per pixel, typical camera/phone quality after the common downscale before upload. Uploads
 *   are capped at 6 MB and may be as small as a few KB; this is a middle, not a bound.
 *   Plus ≈ 1 KB for the image's JSON record (tags, regions, metadata).
 * - Stored predictions: the same image average (prediction uploads are capped at 4 MB)
 *   plus ≈ 1 KB for the prediction record.
 * - Exported models: ≈ 10 MB per export. Exports exist only for compact domains, whose
 *   MobileNet-sized models are a few MB to a few tens of MB depending on the platform
 *   (Docker bundles add the serving app).
 * - Metadata records (projects, iterations, tags, performance): the size of the JSON the
 *   API returns for them, rounded up.
 */
import type { InventoryCategory } from '../../shared/model/inventory';
import { mainText, type MainText } from '../../shared/model/main-text';

export const AVERAGE_IMAGE_BYTES = 480_000;
export const IMAGE_RECORD_BYTES = 1_024;
export const PREDICTION_RECORD_BYTES = 1_024;
export const AVERAGE_MODEL_BYTES = 10 * 1024 * 1024;
export const PROJECT_RECORD_BYTES = 2_048;
export const ITERATION_RECORD_BYTES = 1_024;
export const TAG_RECORD_BYTES = 256;
export const PERFORMANCE_RECORD_BYTES = 2_048;
/** One image's result inside a performance record: the image record plus per-tag predictions. */
export const IMAGE_PERFORMANCE_RECORD_BYTES = 1_536;

export interface CategoryTotals {
  projects: number | null;
  iterations: number | null;
  performance: number | null;
  imagePerformances: number | null;
  tags: number | null;
  images: number | null;
  models: number | null;
  predictions: number | null;
}

export interface SizeEstimate {
  bytes: number | null;
  basis?: string;
  /** The basis as a catalogue code with its sizes, for the interface's language. */
  basisText?: MainText;
}

const perItem = (count: number | null, bytes: number, basis: string, basisText: MainText): SizeEstimate =>
  count === null ? { bytes: null } : { bytes: count * bytes, basis, basisText };

/** The estimated size of one inventory row from its counts. */
export function estimateCategoryBytes(category: InventoryCategory, totals: CategoryTotals): SizeEstimate {
  switch (category) {
    case 'account':
      return { bytes: null };
    case 'projects':
      return perItem(totals.projects, PROJECT_RECORD_BYTES, 'about 2 KB of settings per project', mainText('sizeBasisProjects', { recordBytes: PROJECT_RECORD_BYTES }));
    case 'iterations':
      return perItem(totals.iterations, ITERATION_RECORD_BYTES, 'about 1 KB per iteration record', mainText('sizeBasisIterations', { recordBytes: ITERATION_RECORD_BYTES }));
    case 'performance': {
      if (totals.performance === null) return { bytes: null };
      const images = totals.imagePerformances ?? 0;
      return {
        bytes: totals.performance * PERFORMANCE_RECORD_BYTES + images * IMAGE_PERFORMANCE_RECORD_BYTES,
        basis: 'about 2 KB per performance record and 1.5 KB per per-image result',
        basisText: mainText('sizeBasisPerformance', { recordBytes: PERFORMANCE_RECORD_BYTES, imageResultBytes: IMAGE_PERFORMANCE_RECORD_BYTES }),
      };
    }
    case 'tags':
      return perItem(totals.tags, TAG_RECORD_BYTES, 'about 256 bytes per tag', mainText('sizeBasisTags', { recordBytes: TAG_RECORD_BYTES }));
    case 'images':
      return perItem(totals.images, AVERAGE_IMAGE_BYTES + IMAGE_RECORD_BYTES, 'about 470 KB per image (a 1600 × 1200 JPEG) plus its record', mainText('sizeBasisImages', { imageBytes: AVERAGE_IMAGE_BYTES }));
    case 'models':
      return perItem(totals.models, AVERAGE_MODEL_BYTES, 'about 10 MB per exported model', mainText('sizeBasisModels', { modelBytes: AVERAGE_MODEL_BYTES }));
    case 'predictions':
      return perItem(totals.predictions, AVERAGE_IMAGE_BYTES + PREDICTION_RECORD_BYTES, 'about 470 KB per stored prediction image plus its record', mainText('sizeBasisPredictions', { imageBytes: AVERAGE_IMAGE_BYTES }));
  }
}
