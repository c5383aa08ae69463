/**
 * One way of counting a project's images, said in the same words on every page (Inventory,
 * Export, Cleanup): "all images" are the images in the project's workspace (tagged and
 * untagged) plus the images kept only by trained iterations (deleted from the workspace,
 * still inside an iteration). The figures differ from page to page only if the words do.
 */
import type { ProjectCounts } from '../../shared/model/inventory';
import { i18n } from '../i18n';

export interface ImageCounts {
  /** Tagged + untagged: what the workspace holds now. */
  workspace: number;
  /** Kept only by trained iterations; null when the scan has not counted them. */
  onlyInIterations: number | null;
  all: number;
}

/** null when the scan has not counted the workspace. */
export function imageCounts({ taggedImages, untaggedImages, imagesOnlyInIterations }: ProjectCounts): ImageCounts | null {
  if (taggedImages === null && untaggedImages === null) return null;
  const workspace = (taggedImages ?? 0) + (untaggedImages ?? 0);
  return { workspace, onlyInIterations: imagesOnlyInIterations, all: workspace + (imagesOnlyInIterations ?? 0) };
}

/**
 * "110 images (104 in the workspace, 6 only inside trained iterations)"; "104 images" when
 * no iteration keeps images of its own; "104 images in the workspace" while those are not counted.
 * null when the workspace is not counted.
 */
export function imagesText(counts: ProjectCounts): string | null {
  const images = imageCounts(counts);
  if (images === null) return null;
  if (images.onlyInIterations === null) return i18n.t('counts.imagesInWorkspace', { count: images.workspace });
  if (images.onlyInIterations === 0) return i18n.t('counts.images', { count: images.all });
  return i18n.t('counts.imagesAll', { count: images.all, workspace: images.workspace, onlyInIterations: images.onlyInIterations });
}
