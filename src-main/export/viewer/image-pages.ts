/**
 * Streams a project's image records (workspace first, in the bundle's order, then images
 * that survive only in iterations) into gallery data files of IMAGES_PER_FILE records,
 * and builds the index the viewer pages with: for every filter, which files hold matching
 * images and how many. With that, showing page 800 of a 100 000-image project, filtered
 * or not, loads only the one or two files that page needs.
 */
import type { BundleFileSink } from '../file-sink';
import { asArray, asObject, num, str, type BundleReader, type Json } from './bundle-reader';
import { toDataScript } from './data-script';
import { IMAGES_PER_FILE, type FilterKind, type ViewerFilter, type ViewerImage, type ViewerImagesFile, type ViewerImagesIndex, type ViewerRegion } from './viewer-data';

export interface ImagePagesInput {
  reader: BundleReader;
  sink: BundleFileSink;
  projectId: string;
  /** Tag id → name, for records that carry only ids. */
  tagNames: Map<string, string>;
  /** Workspace tag names, so every tag is offered as a filter even with no images. */
  workspaceTags: string[];
  iterations: Array<{ id: string; name: string }>;
  signal?: AbortSignal;
}

/** Gallery file path relative to the bundle root (and to index.html, which sits there). */
export function imagesFilePath(projectId: string, file: number): string {
  return `viewer/data/images-${projectId}-${file}.js`;
}

/** The filters an image appears under; app.js applies the same rules when paging. */
function filterKeysOf(image: ViewerImage): Array<[FilterKind, string]> {
  const keys: Array<[FilterKind, string]> = image.tags.map((tag) => ['tag', tag]);
  if (image.tags.length === 0) keys.push(['untagged', '']);
  if (image.onlyInIteration) keys.push(['iteration', '']);
  return keys;
}

function unit(value: number | null): number {
  return value === null ? 0 : Math.min(1, Math.max(0, value));
}

export function toViewerImage(raw: Json, files: Map<string, string>, projectId: string, tagNames: Map<string, string>, iterations: string[] = []): ViewerImage {
  const id = str(raw, 'id') ?? '';
  const nameOf = (entry: Json | null): string => str(entry, 'tagName') ?? tagNames.get(str(entry, 'tagId') ?? '') ?? str(entry, 'tagId') ?? '?';
  const regions: ViewerRegion[] = asArray(raw.regions).flatMap((item) => {
    const region = asObject(item);
    if (!region) return [];
    return [{ tag: nameOf(region), left: unit(num(region, 'left')), top: unit(num(region, 'top')), width: unit(num(region, 'width')), height: unit(num(region, 'height')) }];
  });
  const tags = [...new Set([...asArray(raw.tags).map((item) => nameOf(asObject(item))), ...regions.map((region) => region.tag)])];
  const metadata = asObject(raw.metadata);
  const fileName = files.get(id);
  return {
    id,
    file: fileName === undefined ? null : `projects/${projectId}/images/files/${fileName}`,
    width: num(raw, 'width') ?? 0,
    height: num(raw, 'height') ?? 0,
    tags,
    regions,
    metadata: Object.keys(metadata ?? {}).map((key) => [key, String(metadata?.[key] ?? '')]),
    created: str(raw, 'created'),
    onlyInIteration: iterations.length > 0,
    iterations,
  };
}

class PageWriter {
  private buffer: ViewerImage[] = [];
  private readonly filters = new Map<string, ViewerFilter>();
  readonly index: ViewerImagesIndex = { total: 0, perFile: IMAGES_PER_FILE, files: 0, tagged: 0, untagged: 0, onlyInIterations: 0, missingFiles: 0, filters: [] };

  constructor(private readonly input: ImagePagesInput) {
    this.filter('untagged', '');
    this.filter('iteration', '');
    for (const name of input.workspaceTags) this.filter('tag', name);
  }

  private filter(kind: FilterKind, name: string): ViewerFilter {
    const key = `${kind}\u0000${name}`;
    let filter = this.filters.get(key);
    if (!filter) {
      filter = { kind, name, count: 0, files: [] };
      this.filters.set(key, filter);
    }
    return filter;
  }

  async add(image: ViewerImage): Promise<void> {
    this.buffer.push(image);
    this.index.total += 1;
    if (image.onlyInIteration) this.index.onlyInIterations += 1;
    else if (image.tags.length > 0) this.index.tagged += 1;
    else this.index.untagged += 1;
    if (image.file === null) this.index.missingFiles += 1;
    if (this.buffer.length >= IMAGES_PER_FILE) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    this.input.signal?.throwIfAborted();
    const file = this.index.files + 1;
    const counts = new Map<ViewerFilter, number>();
    for (const image of this.buffer) {
      for (const [kind, name] of filterKeysOf(image)) {
        const filter = this.filter(kind, name);
        counts.set(filter, (counts.get(filter) ?? 0) + 1);
      }
    }
    for (const [filter, count] of counts) {
      filter.count += count;
      filter.files.push([file, count]);
    }
    const payload: ViewerImagesFile = { kind: 'images', projectId: this.input.projectId, file, records: this.buffer };
    this.buffer = [];
    await this.input.sink.writeFile(imagesFilePath(this.input.projectId, file), toDataScript(payload), 'text/javascript');
    this.index.files = file;
  }

  /** Special filters first, then tags by name; filters nobody could ever match are dropped. */
  finish(): ViewerImagesIndex {
    const all = [...this.filters.values()].filter((filter) => filter.kind === 'tag' || filter.count > 0);
    const rank = (filter: ViewerFilter): number => (filter.kind === 'tag' ? 1 : 0);
    this.index.filters = all.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
    return this.index;
  }
}

export async function writeImagePages(input: ImagePagesInput): Promise<ViewerImagesIndex> {
  const { reader, projectId, tagNames } = input;
  const files = await reader.filesById(`projects/${projectId}/images/files`);
  const pages = new PageWriter(input);
  const workspace = new Set<string>();
  for await (const raw of reader.records(`projects/${projectId}/images/images.jsonl`, projectId)) {
    const image = toViewerImage(raw, files, projectId, tagNames);
    if (workspace.has(image.id)) continue;
    workspace.add(image.id);
    await pages.add(image);
  }
  // First pass: which iterations hold each image the workspace no longer has.
  const onlyIn = new Map<string, string[]>();
  for (const iteration of input.iterations) {
    for await (const raw of reader.records(`projects/${projectId}/iterations/${iteration.id}/images.jsonl`, projectId)) {
      const id = raw.id as string;
      if (workspace.has(id)) continue;
      const names = onlyIn.get(id) ?? [];
      if (!names.includes(iteration.name)) names.push(iteration.name);
      onlyIn.set(id, names);
    }
  }
  // Second pass: write each such image once, from the first iteration that has it.
  const written = new Set<string>();
  for (const iteration of input.iterations) {
    for await (const raw of reader.records(`projects/${projectId}/iterations/${iteration.id}/images.jsonl`, projectId)) {
      const id = raw.id as string;
      const names = onlyIn.get(id);
      if (!names || written.has(id)) continue;
      written.add(id);
      await pages.add(toViewerImage(raw, files, projectId, tagNames, names));
    }
  }
  await pages.flush();
  return pages.finish();
}
