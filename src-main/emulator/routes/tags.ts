/** Tags: GetTags/GetTag (workspace or an iteration), CreateTag, DeleteTag. */
import { badRequest, notFound } from '../errors';
import { newUuid } from '../ids';
import type { Route } from '../router';
import { countImages, tagImageCounts } from '../state/image-query';
import type { TagType } from '../state/types';
import { deleteTag, touch } from '../state/workspace';
import { emptyReply, jsonReply } from '../wire';
import { enumQuery, imageScope, projectOf, query, uuidValue } from './params';
import { renderTag } from './render';

/** Tags per project on S0 (Microsoft's limits and quotas page). */
const MAX_TAGS = 500;

export const tagRoutes: Route[] = [
  {
    method: 'GET',
    path: 'projects/{projectId}/tags',
    operationId: 'GetTags',
    handle: (ctx) => {
      const scope = imageScope(ctx, projectOf(ctx));
      const counts = tagImageCounts(scope.table);
      return jsonReply(scope.tags.map((tag) => renderTag(tag, counts.get(tag.id) ?? 0)));
    },
  },
  {
    method: 'GET',
    path: 'projects/{projectId}/tags/{tagId}',
    operationId: 'GetTag',
    handle: (ctx) => {
      const project = projectOf(ctx);
      const tagId = uuidValue(ctx.params.tagId ?? '');
      const scope = imageScope(ctx, project);
      const tag = scope.tags.find((t) => t.id === tagId);
      if (!tag) throw notFound.tag();
      return jsonReply(renderTag(tag, countImages(scope.table, { tagIds: new Set([tag.id]) })));
    },
  },
  {
    method: 'POST',
    path: 'projects/{projectId}/tags',
    operationId: 'CreateTag',
    handle: (ctx) => {
      const project = projectOf(ctx);
      const name = query(ctx, 'name');
      if (name === undefined || name.trim() === '') throw badRequest('BadRequestTagName', 'Tag name is required.');
      const type: TagType = enumQuery<TagType>(ctx, 'type', ['Regular', 'Negative', 'GeneralProduct']) ?? 'Regular';
      const tags = [...project.tags.values()];
      if (tags.some((tag) => tag.name.toLowerCase() === name.toLowerCase())) {
        throw badRequest('BadRequestTagNameNotUnique', `A tag named '${name}' already exists.`);
      }
      if (type === 'Negative' && tags.some((tag) => tag.type === 'Negative')) {
        throw badRequest('BadRequestMultipleNegativeTag', 'The project already has a negative tag.');
      }
      if (type === 'GeneralProduct' && tags.some((tag) => tag.type === 'GeneralProduct')) {
        throw badRequest('BadRequestMultipleGeneralProductTag', 'The project already has a general product tag.');
      }
      if (tags.length >= MAX_TAGS) throw badRequest('BadRequestExceedTagPerProjectLimit', `Tag limit of ${MAX_TAGS} reached.`);
      // An empty description comes back as null (Microsoft's TagRetrieval test).
      const tag = { id: newUuid(), name, description: query(ctx, 'description') ?? null, type };
      project.tags.set(tag.id, tag);
      touch(project);
      return jsonReply(renderTag(tag, 0));
    },
  },
  {
    method: 'DELETE',
    path: 'projects/{projectId}/tags/{tagId}',
    operationId: 'DeleteTag',
    handle: (ctx) => {
      const project = projectOf(ctx);
      const tagId = uuidValue(ctx.params.tagId ?? '');
      if (!project.tags.has(tagId)) throw notFound.tag();
      deleteTag(project, tagId);
      ctx.core.deletions.record({ operation: 'DeleteTag', projectId: project.id, kind: 'tag', ids: [tagId] });
      return emptyReply();
    },
  },
];
