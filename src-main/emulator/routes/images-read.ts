/**
 * Image listings and counts, for the workspace or (with `iterationId`) an iteration's
 * snapshot, which keeps images deleted from the workspace without `allIterations`.
 * Quirks: `ties` (equal `created` in a fresh order per request), `huge-json` (the paged
 * lists padded to 1 GiB).
 */
import type { ApiContext } from '../core';
import { HUGE_JSON_BYTES, hasQuirk } from '../quirks';
import type { Route } from '../router';
import { countImages, imagesByIds, pageImages, type ImageFilter } from '../state/image-query';
import { parseMetadataFilter } from '../state/metadata-filter';
import type { ImageRec } from '../state/types';
import { tagNameLookup } from '../state/workspace';
import { countReply, jsonReply, paddedReply, type Reply } from '../wire';
import { enumQuery, imageScope, intQuery, projectOf, query, tieOrder, uuidList, type ImageScope } from './params';
import { renderImage } from './render';

function listReply(ctx: ApiContext, projectId: string, scope: ImageScope, images: readonly ImageRec[]): Reply {
  const tagName = tagNameLookup(scope.tags);
  return jsonReply(images.map((image) => renderImage(ctx, projectId, image, tagName)));
}

/** The paged lists (not GetImagesByIds): with huge-json, the page then whitespace to 1 GiB. */
function pagedListReply(ctx: ApiContext, projectId: string, scope: ImageScope, images: readonly ImageRec[]): Reply {
  const reply = listReply(ctx, projectId, scope, images);
  // Trailing whitespace keeps the body valid JSON: only its size is hostile.
  return hasQuirk(ctx.core.config, 'huge-json') ? paddedReply(reply, HUGE_JSON_BYTES, 0x20) : reply;
}

function page(ctx: ApiContext) {
  return {
    order: enumQuery(ctx, 'orderBy', ['Newest', 'Oldest'] as const) ?? 'Newest',
    take: intQuery(ctx, 'take', 50, 0, 256),
    skip: intQuery(ctx, 'skip', 0, 0),
  };
}

function tagFilter(ctx: ApiContext, max?: number): Set<string> | undefined {
  const ids = uuidList(ctx, 'tagIds', max);
  return ids && ids.length > 0 ? new Set(ids) : undefined;
}

/** GetImages/GetImageCount: taggingStatus (default All), $filter on metadata, tagIds. */
function generalFilter(ctx: ApiContext, maxTags?: number): ImageFilter {
  const status = enumQuery(ctx, 'taggingStatus', ['All', 'Tagged', 'Untagged'] as const) ?? 'All';
  const expression = query(ctx, '$filter');
  return {
    tagged: status === 'All' ? undefined : status === 'Tagged',
    tagIds: tagFilter(ctx, maxTags),
    metadata: expression === undefined ? undefined : parseMetadataFilter(expression),
  };
}

export const imageReadRoutes: Route[] = [
  {
    method: 'GET',
    path: 'projects/{projectId}/images/tagged',
    operationId: 'GetTaggedImages',
    handle: (ctx) => {
      const project = projectOf(ctx);
      const scope = imageScope(ctx, project);
      const filter = { tagged: true, tagIds: tagFilter(ctx, 20) };
      return pagedListReply(ctx, project.id, scope, pageImages(scope.table, filter, page(ctx), tieOrder(ctx)));
    },
  },
  {
    method: 'GET',
    path: 'projects/{projectId}/images/untagged',
    operationId: 'GetUntaggedImages',
    handle: (ctx) => {
      const project = projectOf(ctx);
      const scope = imageScope(ctx, project);
      return pagedListReply(ctx, project.id, scope, pageImages(scope.table, { tagged: false }, page(ctx), tieOrder(ctx)));
    },
  },
  {
    method: 'GET',
    path: 'projects/{projectId}/images/tagged/count',
    operationId: 'GetTaggedImageCount',
    handle: (ctx) => {
      const scope = imageScope(ctx, projectOf(ctx));
      return countReply(countImages(scope.table, { tagged: true, tagIds: tagFilter(ctx) }));
    },
  },
  {
    method: 'GET',
    path: 'projects/{projectId}/images/untagged/count',
    operationId: 'GetUntaggedImageCount',
    handle: (ctx) => {
      const scope = imageScope(ctx, projectOf(ctx));
      return countReply(countImages(scope.table, { tagged: false }));
    },
  },
  {
    method: 'GET',
    path: 'projects/{projectId}/images',
    operationId: 'GetImages',
    handle: (ctx) => {
      const project = projectOf(ctx);
      const scope = imageScope(ctx, project);
      const filter = generalFilter(ctx, 20);
      return pagedListReply(ctx, project.id, scope, pageImages(scope.table, filter, page(ctx), tieOrder(ctx)));
    },
  },
  {
    method: 'GET',
    path: 'projects/{projectId}/images/count',
    operationId: 'GetImageCount',
    handle: (ctx) => {
      const scope = imageScope(ctx, projectOf(ctx));
      return countReply(countImages(scope.table, generalFilter(ctx)));
    },
  },
  {
    method: 'GET',
    path: 'projects/{projectId}/images/id',
    operationId: 'GetImagesByIds',
    handle: (ctx) => {
      const project = projectOf(ctx);
      const scope = imageScope(ctx, project);
      const ids = uuidList(ctx, 'imageIds', 256) ?? [];
      return listReply(ctx, project.id, scope, imagesByIds(scope.table, ids, tieOrder(ctx)));
    },
  },
];
