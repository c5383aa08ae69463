/**
 * CreateImagesFromData: multipart/form-data (what the SDK sends; one part per image, up to
 * 64) or a raw image body (`application/octet-stream`, what REST samples send), with an
 * optional `tagIds` query (≤ 20). Answers ImageCreateSummary with one result per image.
 */
import { createHash } from 'node:crypto';
import type { ApiContext } from '../core';
import { ApiError, badRequest, notFound } from '../errors';
import { newUuid } from '../ids';
import { sniffImage } from '../image-info';
import { boundaryOf, parseMultipart, type FormPart } from '../multipart';
import type { Route } from '../router';
import type { ImageRec, ProjectRec } from '../state/types';
import { addImage, tagNameLookup } from '../state/workspace';
import { jsonReply } from '../wire';
import { projectOf, uuidList } from './params';
import { renderImage } from './render';

const MAX_IMAGES_PER_BATCH = 64;
const MAX_IMAGE_BYTES = 6 * 1024 * 1024;
const MAX_SIDE = 10_240;
/** Training images per project on S0 (Microsoft's limits and quotas page). */
const MAX_IMAGES_PER_PROJECT = 100_000;

function filesOf(ctx: ApiContext): FormPart[] {
  const type = ctx.contentType.toLowerCase();
  if (type.startsWith('multipart/form-data')) {
    const boundary = boundaryOf(ctx.contentType);
    const parts = boundary ? parseMultipart(ctx.body, boundary) : undefined;
    if (!parts) throw badRequest('BadRequestImageStream', 'The multipart body could not be read.');
    return parts.filter((part) => part.data.length > 0 || part.rawFilename !== undefined);
  }
  if (type.startsWith('application/octet-stream') || type.startsWith('image/')) {
    return [{ name: undefined, rawFilename: undefined, contentType: type, data: ctx.body }];
  }
  throw new ApiError(415, 'UnsupportedMediaType', `Unsupported content type '${ctx.contentType.slice(0, 60)}'.`);
}

type Outcome = { status: string; image: ImageRec | undefined };

function store(ctx: ApiContext, project: ProjectRec, file: FormPart, tagIds: readonly string[]): Outcome {
  if (file.data.length > MAX_IMAGE_BYTES) return { status: 'ErrorImageSize', image: undefined };
  const info = sniffImage(file.data);
  if (!info) return { status: 'ErrorImageFormat', image: undefined };
  if (info.width < 1 || info.height < 1 || info.width > MAX_SIDE || info.height > MAX_SIDE) {
    return { status: 'ErrorImageSize', image: undefined };
  }
  const hash = createHash('sha256').update(file.data).digest('hex');
  const existing = project.uploadHashes.get(hash);
  const duplicate = existing === undefined ? undefined : project.images.get(existing);
  if (duplicate) return { status: 'OKDuplicate', image: duplicate };
  if (project.images.size >= MAX_IMAGES_PER_PROJECT) return { status: 'ErrorLimitExceed', image: undefined };
  const created = ctx.core.state.stamp();
  const image: ImageRec = {
    id: newUuid(),
    seq: ctx.core.state.nextSeq(),
    created,
    width: info.width,
    height: info.height,
    format: info.format,
    seed: 0,
    label: undefined,
    bytes: Buffer.from(file.data),
    tags: tagIds.map((tagId) => ({ tagId, created })),
    regions: [],
    metadata: undefined,
  };
  addImage(project, image);
  project.uploadHashes.set(hash, image.id);
  return { status: 'OK', image };
}

export const imageUploadRoutes: Route[] = [
  {
    method: 'POST',
    path: 'projects/{projectId}/images',
    operationId: 'CreateImagesFromData',
    handle: (ctx) => {
      const project = projectOf(ctx);
      const tagIds = uuidList(ctx, 'tagIds', 20) ?? [];
      for (const tagId of tagIds) if (!project.tags.has(tagId)) throw notFound.tag();
      const files = filesOf(ctx);
      if (files.length === 0) throw badRequest('BadRequestImageBatch', 'No image in the request.');
      if (files.length > MAX_IMAGES_PER_BATCH) {
        throw badRequest('BadRequestImageBatch', `Up to ${MAX_IMAGES_PER_BATCH} images per batch; ${files.length} given.`);
      }
      const tagName = tagNameLookup(project.tags.values());
      const images = files.map((file) => {
        const outcome = store(ctx, project, file, tagIds);
        return {
          // The filename as sent, quotes included (inferred from service behaviour).
          sourceUrl: file.rawFilename ?? '',
          status: outcome.status,
          image: outcome.image ? renderImage(ctx, project.id, outcome.image, tagName) : null,
        };
      });
      const ok = images.every((image) => image.status === 'OK');
      return jsonReply({ isBatchSuccessful: ok, images }, ok ? 200 : 207);
    },
  },
];
