/**
 * Writes the derived dataset views of an export bundle (docs/bundle-format.md, datasets/…)
 * from the canonical records already in the bundle folder, through the bundle's file sink,
 * so every file lands in the journal and manifest like any other.
 */
import type { BundleFileSink } from '../file-sink';
import { indexImageFiles, listIterationsWithImages, listProjectIds, readDomainTypes, readImages, readIterationImages, readProjectData } from './bundle-reader';
import { buildClassList, UnknownTagCollector } from './classes';
import { writeClassificationViews } from './classification-views';
import { writeDetectionViews } from './detection-views';
import type { ProjectContext } from './image-walk';
import { decideProjectKind, type ProjectKind } from './project-kind';
import { renderReadme } from './readme';
import { emptyReport, total, type ProjectReport } from './report';

export interface DatasetProjectSummary {
  projectId: string;
  kind: ProjectKind;
  /** coco, yolo, voc (object detection) | csv, folders (classification). */
  views: string[];
  /** Images in the views (annotated or Negative background). */
  images: number;
  /** Boxes (object detection) or image–tag rows (classification). */
  annotations: number;
  skippedRegions: number;
  clampedRegions: number;
  /** Images left out of the views (datasets/excluded/<projectId>/excluded.csv). */
  excludedImages: number;
  /** Images only in trained iterations: in the views, and left out (also in excludedImages). */
  iterationOnlyImages: number;
  iterationOnlyExcluded: number;
}

export interface DatasetSummary {
  projects: DatasetProjectSummary[];
}

export interface WriteDatasetsOptions {
  /** Checked between images; an abort rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Reads the image records once to learn what the class list and the project type depend
 * on: the workspace's, and those of images only in iterations (the views hold both). An
 * iteration's record of a workspace image is skipped, as in the views: a tag it had when
 * trained but has no longer must not become a class no image of the views carries.
 */
async function scanImages(folder: string, projectId: string, collector: UnknownTagCollector, signal: AbortSignal | undefined): Promise<boolean> {
  let anyRegions = false;
  const seen = new Set<string>();
  const sources = [readImages(folder, projectId), ...(await listIterationsWithImages(folder, projectId)).map((iterationId) => readIterationImages(folder, projectId, iterationId))];
  for (const [index, source] of sources.entries()) {
    for await (const image of source) {
      signal?.throwIfAborted();
      if (!image) continue;
      if (index > 0 && seen.has(image.id)) continue;
      seen.add(image.id);
      collector.add(image);
      if (image.regions.length > 0) anyRegions = true;
    }
  }
  return anyRegions;
}

async function writeProject(folder: string, sink: BundleFileSink, projectId: string, domainTypes: ReadonlyMap<string, string>, signal: AbortSignal | undefined): Promise<ProjectReport | undefined> {
  const data = await readProjectData(folder, projectId);
  if (!data) return undefined;
  const collector = new UnknownTagCollector(data.tags);
  const anyRegions = await scanImages(folder, projectId, collector, signal);
  const decision = decideProjectKind(data.project.domainId, domainTypes, anyRegions);
  const ctx: ProjectContext = {
    folder,
    sink,
    signal,
    projectId,
    classes: buildClassList(data.tags, collector.names),
    files: await indexImageFiles(folder, projectId),
  };
  const report = emptyReport(projectId, decision.kind, decision.reason, data.project.classificationType);
  if (decision.kind === 'objectDetection') await writeDetectionViews(ctx, report);
  else await writeClassificationViews(ctx, report);
  return report;
}

export async function writeDatasets(folder: string, sink: BundleFileSink, options: WriteDatasetsOptions = {}): Promise<DatasetSummary> {
  const { signal } = options;
  signal?.throwIfAborted();
  const domainTypes = await readDomainTypes(folder);
  const reports: ProjectReport[] = [];
  for (const projectId of await listProjectIds(folder)) {
    signal?.throwIfAborted();
    const report = await writeProject(folder, sink, projectId, domainTypes, signal);
    if (report) reports.push(report);
  }
  await sink.writeFile('datasets/README.txt', renderReadme(reports), 'text/plain');
  return {
    projects: reports.map((r) => ({
      projectId: r.projectId,
      kind: r.kind,
      views: r.views,
      images: r.images,
      annotations: r.annotations,
      skippedRegions: total(r.skippedRegions),
      clampedRegions: r.clampedRegions,
      excludedImages: total(r.excluded),
      iterationOnlyImages: r.iterationOnlyImages,
      iterationOnlyExcluded: r.iterationOnlyExcluded,
    })),
  };
}
