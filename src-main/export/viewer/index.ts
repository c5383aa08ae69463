/**
 * The offline viewer written into every export bundle (docs/bundle-format.md, "Viewer
 * data"): index.html, viewer/app.js, viewer/app.css and viewer/data/*.js, derived from the
 * canonical records already in the bundle folder and written through the bundle's sink
 * so each file is journaled and listed in the manifest like any other.
 */
import type { Language } from '../../../shared/model/preferences';
import { MAIN_CATALOGUES, mainTranslator } from '../../i18n';
import type { BundleFileSink } from '../file-sink';
import { APP_CSS, APP_JS, indexHtml } from './assets';
import { BundleReader } from './bundle-reader';
import { toDataScript } from './data-script';
import { writeImagePages } from './image-pages';
import { writePredictions } from './prediction-data';
import { readDomains, readProject } from './read-project';
import { readSummary, type ManifestProject } from './read-summary';
import { ID_PATTERN, type ViewerBundle, type ViewerCount, type ViewerImagesIndex, type ViewerProject } from './viewer-data';
import type { ProjectRead } from './read-project';

export { escapeForScript, toDataScript } from './data-script';
export { imagesFilePath } from './image-pages';
export { predictionsFilePath } from './prediction-data';
export { VIEWER_CSP } from './assets';
export { IMAGES_PER_FILE, type ViewerBundle, type ViewerStrings, type ViewerImage, type ViewerImagesFile, type ViewerPredictionsFile } from './viewer-data';

export interface WriteViewerOptions {
  toolVersion: string;
  /** The language of the page and its messages. Default 'en'. */
  language?: Language;
  signal?: AbortSignal;
}

export const BUNDLE_DATA_PATH = 'viewer/data/bundle.js';

/** Manifest project ids first (its order), then any other project folder in the bundle. */
async function projectIds(reader: BundleReader, manifestProjects: Map<string, ManifestProject>): Promise<string[]> {
  const ids = [...manifestProjects.keys()];
  for (const id of ids.filter((candidate) => !ID_PATTERN.test(candidate))) reader.problem(reader.t('problems.invalidProjectId', { id }));
  const folders = await reader.list('projects', 'folders');
  return [...new Set([...ids, ...folders])].filter((id) => ID_PATTERN.test(id));
}

/** The manifest's counts (what the export recorded), completed by counting the bundle's records. */
function countsOf(read: ProjectRead, images: ViewerImagesIndex, predictions: number, manifest: ManifestProject | undefined): ViewerCount[] {
  const counted: ViewerCount[] = [
    { what: 'taggedImages', value: images.tagged },
    { what: 'untaggedImages', value: images.untagged },
    { what: 'imagesOnlyInIterations', value: images.onlyInIterations },
    { what: 'iterations', value: read.iterations.length },
    { what: 'tags', value: read.tags.length },
    { what: 'exports', value: read.iterations.reduce((sum, iteration) => sum + iteration.exports.length, 0) },
    { what: 'predictions', value: predictions },
  ];
  const recorded = manifest?.counts ?? [];
  return [...recorded, ...counted.filter((count) => !recorded.some((entry) => entry.what === count.what))];
}

export async function writeViewer(folder: string, sink: BundleFileSink, options: WriteViewerOptions): Promise<void> {
  const { signal } = options;
  const language = options.language ?? 'en';
  signal?.throwIfAborted();
  const reader = new BundleReader(folder, mainTranslator(language, 'viewer'));
  const { summary, manifestProjects } = await readSummary(reader);
  const domains = await readDomains(reader);
  const projects: ViewerProject[] = [];
  for (const id of await projectIds(reader, manifestProjects)) {
    signal?.throwIfAborted();
    const manifest = manifestProjects.get(id);
    const read = await readProject(reader, id, manifest?.name ?? null);
    const iterations = read.iterations.map((iteration) => ({ id: iteration.id, name: iteration.name }));
    const images = await writeImagePages({ reader, sink, projectId: id, tagNames: read.tagNames, workspaceTags: read.tags.map((tag) => tag.name), iterations, signal });
    const iterationNames = new Map(iterations.map((iteration) => [iteration.id, iteration.name]));
    const predictions = await writePredictions({ reader, sink, projectId: id, tagNames: read.tagNames, iterationNames, signal });
    const inBundle = new Map(images.filters.filter((filter) => filter.kind === 'tag').map((filter) => [filter.name, filter.count]));
    projects.push({
      id,
      name: read.name,
      description: read.description,
      created: read.created,
      domain: read.domainId === null ? null : (domains.get(read.domainId) ?? null),
      classificationType: read.classificationType,
      counts: countsOf(read, images, predictions, manifest),
      reconciliation: manifest?.reconciliation ?? [],
      tags: read.tags.map((tag) => ({ ...tag, inBundle: inBundle.get(tag.name) ?? 0 })),
      iterations: read.iterations,
      images,
      predictions: { count: predictions },
    });
  }
  signal?.throwIfAborted();
  const bundle: ViewerBundle = {
    kind: 'bundle',
    viewerFormat: 1,
    tool: { name: 'CV Steward', version: options.toolVersion },
    language,
    strings: MAIN_CATALOGUES[language].viewer.app,
    summary: { ...summary, problems: [...summary.problems, ...reader.problems] },
    projects,
  };
  await sink.writeFile(BUNDLE_DATA_PATH, toDataScript(bundle), 'text/javascript');
  await sink.writeFile('viewer/app.js', APP_JS, 'text/javascript');
  await sink.writeFile('viewer/app.css', APP_CSS, 'text/css');
  // Last, so a bundle that has index.html has everything the page loads.
  await sink.writeFile('index.html', indexHtml(language), 'text/html');
}
