/** DeleteImages, CreateImageRegions, CreateImageTags and UpdateImageMetadata. */
import { z } from 'zod';
import type { ApiContext } from '../core';
import { badRequest, notFound } from '../errors';
import { newUuid, parseUuid } from '../ids';
import type { Route } from '../router';
import { formatImageDate } from '../dates';
import type { ProjectRec } from '../state/types';
import { removeImages } from '../state/removal';
import { addImageTag, addRegion, mergeMetadata, METADATA_LIMITS } from '../state/workspace';
import { emptyReply, jsonReply } from '../wire';
import { boolQuery, jsonBody, projectOf, uuidList } from './params';
import { refuseUnknownImages } from './strict-batch';

const uuid = z.string().transform((text, issue) => {
  const id = parseUuid(text);
  if (!id) issue.addIssue({ code: 'custom', message: `invalid id ${text.slice(0, 40)}` });
  return id ?? '';
});
const coordinate = z.number().min(0).max(1);
const regionBatch = z.object({
  regions: z.array(z.object({ imageId: uuid, tagId: uuid, left: coordinate, top: coordinate, width: coordinate, height: coordinate })),
});
const tagBatch = z.object({ tags: z.array(z.object({ imageId: uuid, tagId: uuid })) });
const metadataBody = z.record(z.string(), z.string());

function parse<T>(schema: z.ZodType<T>, ctx: ApiContext, code: string): T {
  const result = schema.safeParse(jsonBody(ctx));
  if (!result.success) throw badRequest(code, `Invalid request body: ${result.error.issues[0]?.message ?? 'unknown problem'}`);
  return result.data;
}

function checkRefs(project: ProjectRec, imageId: string, tagId: string): void {
  if (!project.images.has(imageId)) throw notFound.image();
  if (!project.tags.has(tagId)) throw notFound.tag();
}

export const imageWriteRoutes: Route[] = [
  {
    method: 'DELETE',
    path: 'projects/{projectId}/images',
    operationId: 'DeleteImages',
    handle: (ctx) => {
      const project = projectOf(ctx);
      const ids = uuidList(ctx, 'imageIds', 256) ?? [];
      const allImages = boolQuery(ctx, 'allImages');
      const allIterations = boolQuery(ctx, 'allIterations');
      if (!allImages && ids.length === 0) {
        throw badRequest('BadRequestRequiredParamIsNull', 'Specify imageIds or allImages.');
      }
      if (!allImages) refuseUnknownImages(ctx, project, ids, allIterations);
      const record = (removed: string[]): void => {
        ctx.core.deletions.record({ operation: 'DeleteImages', projectId: project.id, kind: 'images', ids: removed });
      };
      if (!allImages && !allIterations) {
        record(removeImages(project, ids, false));
        return emptyReply(204);
      }
      // 202: "the images are being deleted"; counts lag until the background job ran, and
      // the deletion is recorded when it happens.
      ctx.core.scheduler.after(ctx.core.config.deleteDelayMs, () => {
        if (ctx.core.state.projects.get(project.id) !== project) return;
        record(removeImages(project, allImages ? 'all' : ids, allIterations));
      });
      return emptyReply(202);
    },
  },
  {
    method: 'POST',
    path: 'projects/{projectId}/images/regions',
    operationId: 'CreateImageRegions',
    handle: (ctx) => {
      const project = projectOf(ctx);
      const batch = parse(regionBatch, ctx, 'BadRequestImageRegions');
      if (batch.regions.length > 64) throw badRequest('BadRequestExceededBatchSize', 'Up to 64 regions per batch.');
      for (const entry of batch.regions) checkRefs(project, entry.imageId, entry.tagId);
      const created: unknown[] = [];
      const duplicated: unknown[] = [];
      const exceeded: unknown[] = [];
      for (const entry of batch.regions) {
        const stamp = ctx.core.state.stamp();
        const region = { regionId: newUuid(), tagId: entry.tagId, left: entry.left, top: entry.top, width: entry.width, height: entry.height, created: stamp };
        const outcome = addRegion(project, entry.imageId, region);
        if (outcome.result === 'created') {
          created.push({
            imageId: entry.imageId,
            regionId: region.regionId,
            tagName: project.tags.get(entry.tagId)?.name ?? '',
            created: formatImageDate(stamp.ms, stamp.tick),
            tagId: entry.tagId,
            left: entry.left,
            top: entry.top,
            width: entry.width,
            height: entry.height,
          });
        } else (outcome.result === 'duplicated' ? duplicated : exceeded).push(entry);
      }
      const complete = duplicated.length === 0 && exceeded.length === 0;
      return jsonReply(
        { created, duplicated: duplicated.length ? duplicated : null, exceeded: exceeded.length ? exceeded : null },
        complete ? 200 : 207,
      );
    },
  },
  {
    method: 'POST',
    path: 'projects/{projectId}/images/tags',
    operationId: 'CreateImageTags',
    handle: (ctx) => {
      const project = projectOf(ctx);
      const batch = parse(tagBatch, ctx, 'BadRequestImageTags');
      // "Limited to 128 tags per batch" (the v3.3 spec).
      if (batch.tags.length > 128) throw badRequest('BadRequestExceededBatchSize', 'Up to 128 tags per batch.');
      for (const entry of batch.tags) checkRefs(project, entry.imageId, entry.tagId);
      const created: unknown[] = [];
      const duplicated: unknown[] = [];
      const exceeded: unknown[] = [];
      for (const entry of batch.tags) {
        const result = addImageTag(project, entry.imageId, entry.tagId, ctx.core.state.stamp());
        (result === 'created' ? created : result === 'duplicated' ? duplicated : exceeded).push({ imageId: entry.imageId, tagId: entry.tagId });
      }
      return jsonReply({ created, duplicated: duplicated.length ? duplicated : null, exceeded: exceeded.length ? exceeded : null });
    },
  },
  {
    method: 'POST',
    path: 'projects/{projectId}/images/metadata',
    operationId: 'UpdateImageMetadata',
    handle: (ctx) => {
      const project = projectOf(ctx);
      // The v3.3 spec's description says 64 images per batch although its maxItems says 256.
      const ids = uuidList(ctx, 'imageIds', 64) ?? [];
      if (ids.length === 0) throw badRequest('BadRequestRequiredParamIsNull', 'imageIds is required.');
      const metadata = parse(metadataBody, ctx, 'BadRequest');
      for (const [key, value] of Object.entries(metadata)) {
        if (key.length === 0 || key.length > METADATA_LIMITS.keyLength) throw badRequest('BadRequestImageMetadataKey', `Invalid metadata key '${key.slice(0, 40)}'.`);
        if (value.length > METADATA_LIMITS.valueLength) throw badRequest('BadRequestImageMetadataValue', `Metadata value for '${key.slice(0, 40)}' is too long.`);
      }
      const images = ids.map((imageId) => {
        const outcome = mergeMetadata(project, imageId, metadata);
        return { imageId, status: outcome.status, metadata: outcome.metadata };
      });
      const ok = images.every((image) => image.status === 'OK');
      return jsonReply({ isBatchSuccessful: ok, images }, ok ? 200 : 207);
    },
  },
];
