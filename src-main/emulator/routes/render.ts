/**
 * Records → JSON exactly as the service writes them: key order from the examples and
 * recorded traffic, dates in their two formats, absent keys omitted where real responses
 * omit them (image `tags`/`regions`/`metadata` when empty or none, iteration `trainedAt`
 * until trained), other nulls emitted.
 */
import type { ApiContext } from '../core';
import { formatImageDate, formatZonedDate } from '../dates';
import { toHex } from '../ids';
import { hasQuirk } from '../quirks';
import { exportPlatforms } from '../state/domains';
import type { PseudoPrediction } from '../state/performance';
import { isExportable } from '../state/training';
import type { ExportRec, ImageRec, IterationRec, PredictionRec, ProjectRec, TagRec } from '../state/types';

type Json = Record<string, unknown>;
type TagName = (id: string) => string;

export function imageBlobPath(projectId: string, imageId: string, kind: 'i' | 't'): string {
  return `/i-${toHex(projectId)}/${kind}-${toHex(imageId)}`;
}

export function predictionBlobPath(projectId: string, predictionId: string, kind: 'o' | 't'): string {
  return `/predictionimages/${projectId}/${kind}-${toHex(predictionId)}`;
}

export function exportBlobPath(projectId: string, iterationId: string, exp: ExportRec): string {
  const flavor = exp.flavor ? `.${exp.flavor}` : '';
  return `/m-${toHex(projectId)}/${toHex(iterationId)}.${exp.platform}${flavor}.zip`;
}

/**
 * What a URI field holds: a SAS URL minted now, or with the relative-uris quirk the
 * `{container}/{blob}` path (no leading slash, no SAS) to pass to GetArtifact, as the spec
 * says for resources with the VNET feature (GetArtifact example `i-<hex>/t-<hex>`).
 */
export function blobUri(ctx: ApiContext, path: string): string {
  return hasQuirk(ctx.core.config, 'relative-uris') ? path.replace(/^\/+/, '') : ctx.core.sas.url(path);
}

function imageTags(image: ImageRec, tagName: TagName): Json[] {
  return image.tags.map((tag) => ({ tagId: tag.tagId, created: formatImageDate(tag.created.ms, tag.created.tick), tagName: tagName(tag.tagId) }));
}

function imageRegions(image: ImageRec, tagName: TagName): Json[] {
  return image.regions.map((r) => ({
    regionId: r.regionId,
    tagName: tagName(r.tagId),
    created: formatImageDate(r.created.ms, r.created.tick),
    tagId: r.tagId,
    left: r.left,
    top: r.top,
    width: r.width,
    height: r.height,
  }));
}

export function renderImage(ctx: ApiContext, projectId: string, image: ImageRec, tagName: TagName): Json {
  const original = blobUri(ctx, imageBlobPath(projectId, image.id, 'i'));
  const out: Json = {
    id: image.id,
    created: formatImageDate(image.created.ms, image.created.tick),
    width: image.width,
    height: image.height,
    resizedImageUri: original,
    thumbnailUri: blobUri(ctx, imageBlobPath(projectId, image.id, 't')),
    originalImageUri: original,
  };
  if (image.tags.length > 0) out.tags = imageTags(image, tagName);
  if (image.regions.length > 0) out.regions = imageRegions(image, tagName);
  if (image.metadata && Object.keys(image.metadata).length > 0) out.metadata = { ...image.metadata };
  return out;
}

function renderPredictions(predictions: readonly PseudoPrediction[]): Json[] {
  return predictions.map((p) => {
    const out: Json = { tagId: p.tagId, tagName: p.tagName, probability: p.probability };
    if (p.boundingBox) out.boundingBox = { ...p.boundingBox };
    return out;
  });
}

/** Key order of the v3.3 GetImagePerformances example; tags/regions always arrays there. */
export function renderImagePerformance(
  ctx: ApiContext,
  projectId: string,
  image: ImageRec,
  predictions: readonly PseudoPrediction[],
  tagName: TagName,
): Json {
  return {
    id: image.id,
    created: formatImageDate(image.created.ms, image.created.tick),
    predictions: renderPredictions(predictions),
    width: image.width,
    height: image.height,
    imageUri: blobUri(ctx, imageBlobPath(projectId, image.id, 'i')),
    thumbnailUri: blobUri(ctx, imageBlobPath(projectId, image.id, 't')),
    tags: imageTags(image, tagName),
    regions: imageRegions(image, tagName),
  };
}

export function renderTag(tag: TagRec, imageCount: number): Json {
  return { id: tag.id, name: tag.name, description: tag.description, type: tag.type, imageCount };
}

export function renderProject(ctx: ApiContext, project: ProjectRec): Json {
  const settings: Json = {
    domainId: project.domainId,
    classificationType: project.classificationType,
    targetExportPlatforms: [...project.targetExportPlatforms],
    useNegativeSet: true,
    detectionParameters: null,
    imageProcessingSettings: {
      augmentationMethods: {
        rotation: true,
        scaling: true,
        translation: true,
        'horizontal flip': true,
        equalize: true,
        solarize: true,
        padtosquare: true,
      },
    },
  };
  if (ctx.apiVersion === 'v3.4-preview') {
    settings.exportModelContainerUri = null;
    settings.notificationQueueUri = null;
  }
  // A new project has `thumbnailUri: null` (recorded); with images, the oldest image's
  // thumbnail stands in for the one the portal shows (inferred).
  const first = project.images.all()[0];
  return {
    id: project.id,
    name: project.name,
    description: project.description,
    settings,
    created: formatZonedDate(project.createdMs),
    lastModified: formatZonedDate(project.lastModifiedMs),
    thumbnailUri: first ? blobUri(ctx, imageBlobPath(project.id, first.id, 't')) : null,
    drModeEnabled: false,
    status: 'Succeeded',
  };
}

export function renderIteration(ctx: ApiContext, iteration: IterationRec): Json {
  const out: Json = {
    id: iteration.id,
    name: iteration.name,
    status: iteration.status,
    created: formatZonedDate(iteration.createdMs),
    lastModified: formatZonedDate(iteration.lastModifiedMs),
  };
  if (iteration.trainedAtMs !== undefined) out.trainedAt = formatZonedDate(iteration.trainedAtMs);
  const exportable = isExportable(iteration);
  Object.assign(out, {
    projectId: iteration.projectId,
    exportable,
    exportableTo: iteration.status === 'Training' ? null : exportable ? exportPlatforms(ctx.apiVersion) : [],
    domainId: iteration.domainId,
    classificationType: iteration.classificationType,
    trainingType: iteration.trainingType,
    reservedBudgetInHours: iteration.reservedBudgetInHours,
    trainingTimeInMinutes: iteration.trainingTimeInMinutes,
    publishName: iteration.publishName,
    originalPublishResourceId: iteration.publishResourceId,
  });
  if (ctx.apiVersion === 'v3.4-preview') {
    out.customBaseModelInfo = null;
    out.trainingErrorDetails = null;
  }
  return out;
}

/** Recorded key order: platform, status, downloadUri (null while exporting), flavor, newerVersionAvailable. */
export function renderExport(ctx: ApiContext, projectId: string, iterationId: string, exp: ExportRec): Json {
  return {
    platform: exp.platform,
    status: exp.status,
    downloadUri: exp.status === 'Done' ? blobUri(ctx, exportBlobPath(projectId, iterationId, exp)) : null,
    flavor: exp.flavor,
    newerVersionAvailable: false,
  };
}

/** Key order of the QueryPredictions example; resized == original as recorded. */
export function renderStoredPrediction(ctx: ApiContext, project: ProjectRec, prediction: PredictionRec): Json {
  const original = blobUri(ctx, predictionBlobPath(project.id, prediction.id, 'o'));
  return {
    id: prediction.id,
    project: project.id,
    iteration: prediction.iterationId,
    created: formatZonedDate(prediction.createdMs),
    predictions: renderPredictions(prediction.predictions),
    originalImageUri: original,
    thumbnailUri: blobUri(ctx, predictionBlobPath(project.id, prediction.id, 't')),
    resizedImageUri: original,
    domain: project.domainId,
  };
}
