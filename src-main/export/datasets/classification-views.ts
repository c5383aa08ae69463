/**
 * Classification views of one project:
 *   datasets/csv/<projectId>/labels.csv — one row per image and tag ("long" format, so a
 *     multilabel image has several rows and no name is ever split on a separator):
 *     image_id, file, tag_id, tag_name, tag_type, iteration_id (set for an image that
 *     survives only in that iteration). Negative tags are rows with tag_type Negative;
 *     untagged images are not in it (see excluded.csv).
 *   datasets/folders/<projectId>/ — folder-per-tag (torchvision ImageFolder, Keras) as a
 *     manifest instead of copies, which would double the bundle: files.csv maps each
 *     target path (train/<folder>/<file>, negative/<file>, untagged/<file>) to the original
 *     in the bundle; folders.json gives every folder's exact tag name and id.
 */
import { assignFolderNames } from './folder-names';
import { ChunkedText } from './chunked-text';
import { csvRow } from './csv';
import { Exclusions, fileName, walkImages, writeExclusions, type ProjectContext } from './image-walk';
import type { ImageTagRecord } from './records';
import type { ProjectReport } from './report';

const FOLDERS_README = `Folder-per-tag view of one Custom Vision classification project (written by CV Steward).

Nothing here is a copy of an image: files.csv maps each path of the folder layout
(column "target") to the original image in this bundle (column "source", relative to the
bundle root). To build the folders, copy or link every source to its target.

  train/<folder>/<imageId>.<ext>   images with that tag (a multilabel image is listed under
                                   each of its tags; for multilabel training prefer
                                   datasets/csv/<projectId>/labels.csv)
  negative/<imageId>.<ext>         images tagged Negative, kept outside train/
  untagged/<imageId>.<ext>         images with no tag, kept outside train/

Folder names are tag names made safe for every file system (see datasets/README.txt);
folders.json gives each folder's exact tag name, tag id, tag type and image count.
`;

interface FolderCount {
  folder: string;
  tagId: string;
  tagName: string;
  tagType: string;
  images: number;
}

function uniqueTags(tags: readonly ImageTagRecord[]): ImageTagRecord[] {
  const seen = new Set<string>();
  return tags.filter((tag) => !seen.has(tag.tagId) && seen.add(tag.tagId));
}

export async function writeClassificationViews(ctx: ProjectContext, report: ProjectReport): Promise<void> {
  const { sink, projectId, classes } = ctx;
  const folderNames = assignFolderNames(classes.classes);
  const folders = new Map<string, FolderCount>(
    classes.classes.map((c) => [c.tagId, { folder: `train/${folderNames.get(c.tagId) ?? ''}`, tagId: c.tagId, tagName: c.name, tagType: c.type, images: 0 }]),
  );
  const tagNames = new Map(classes.classes.map((c) => [c.tagId, c.name]));
  let negativeImages = 0;
  let untaggedImages = 0;
  const exclusions = new Exclusions();
  const labels = new ChunkedText();
  const manifest = new ChunkedText();
  labels.append(csvRow(['image_id', 'file', 'tag_id', 'tag_name', 'tag_type', 'iteration_id']));
  manifest.append(csvRow(['target', 'source']));

  for await (const { image, file, iterationId = '' } of walkImages(ctx, exclusions)) {
    const tags = uniqueTags(image.tags);
    const name = fileName(file);
    if (tags.length === 0) {
      exclusions.add(image.id, 'untagged', file, iterationId);
      manifest.append(csvRow([`untagged/${name}`, file]));
      untaggedImages += 1;
      continue;
    }
    let negative = false;
    for (const tag of tags) {
      const isNegative = classes.negativeTagIds.has(tag.tagId);
      labels.append(
        csvRow([image.id, file, tag.tagId, tagNames.get(tag.tagId) ?? tag.tagName, isNegative ? 'Negative' : (folders.get(tag.tagId)?.tagType ?? 'Regular'), iterationId]),
      );
      report.annotations += 1;
      const folder = folders.get(tag.tagId);
      if (isNegative) negative = true;
      else if (folder) {
        folder.images += 1;
        manifest.append(csvRow([`${folder.folder}/${name}`, file]));
      }
    }
    if (negative) {
      manifest.append(csvRow([`negative/${name}`, file]));
      negativeImages += 1;
      report.backgroundImages += 1;
    }
    report.images += 1;
    if (iterationId !== '') report.iterationOnlyImages += 1;
  }

  const mapping = {
    projectId,
    classificationType: report.classificationType || null,
    folders: [
      ...folders.values(),
      { folder: 'negative', tagIds: [...classes.negativeTagIds].sort(), images: negativeImages },
      { folder: 'untagged', images: untaggedImages },
    ],
  };
  await sink.writeFile(`datasets/csv/${projectId}/labels.csv`, labels.toBuffer(), 'text/csv');
  await sink.writeFile(`datasets/folders/${projectId}/files.csv`, manifest.toBuffer(), 'text/csv');
  await sink.writeFile(`datasets/folders/${projectId}/folders.json`, `${JSON.stringify(mapping, null, 2)}\n`, 'application/json');
  await sink.writeFile(`datasets/folders/${projectId}/README.txt`, FOLDERS_README, 'text/plain');
  await writeExclusions(ctx, exclusions);
  report.excluded = exclusions.counts;
  report.iterationOnlyExcluded = exclusions.iterationOnly;
  report.classes = classes.classes.length;
  report.renamedFolders = classes.classes.filter((c) => folderNames.get(c.tagId) !== c.name).length;
  report.views = ['csv', 'folders'];
}
