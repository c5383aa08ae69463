/**
 * The Training API client (shape in training-client-types.ts): builds each operation's
 * path and query, checks arguments before anything is sent, and checks that lists are
 * lists and counts are counts. Id lists are sized to fit a request line real servers
 * accept (id-batches.ts): reads are split into as many calls as needed, deletes never
 * (an over-long one is refused). Sending, retrying and rate limiting are http-client.ts's;
 * all clients of one endpoint share one rate limiter (rate-limiter.ts). Cancel = CANCELLED
 * at once, never retried.
 */
import { systemClock } from './clock';
import { normalizeEndpoint } from './endpoint';
import { AppError } from '../errors/app-error';
import { createHttpClient, type ApiRequest, type QueryValue } from './http-client';
import { sharedRateLimiters } from './rate-limiter';
import {
  MAX_IMAGE_IDS,
  MAX_PREDICTION_IDS,
  MAX_TAG_IDS,
  expectArray,
  expectCount,
  expectObject,
  idList,
  idSegment as id,
  invalidArgument,
  pageSize,
} from './arguments';
import { ID_BATCH_CALLS, checkDeleteBatch, distinctIds, maxIdsPerCall } from './id-batches';
import { offsetPages, pagedList, type PagedList } from './paging';
import { predictionPages } from './prediction-pages';
import { downloadArtifact } from './artifact-download';
import { downloadFileLink } from './file-link';
import type { Image, ImagePerformance, PredictionQueryResult } from './wire-types';
import type { ApiVersion, DeleteResult, IdBatchOperation, IdBatchOptions, ImageListOptions, TrainingClient, TrainingClientOptions } from './training-client-types';

export type * from './training-client-types';

/**
 * Sent with GetIterationPerformance when the caller gives no threshold. The spec declares
 * no default, so what the service computes without one is undocumented; 0.5 is the
 * probability threshold the Custom Vision portal shows performance at by default.
 */
export const DEFAULT_PERFORMANCE_THRESHOLD = 0.5;

const API_ROOT: Record<ApiVersion, string> = {
  'v3.3': '/customvision/v3.3/training',
  'v3.4-preview': '/customvision/v3.4-preview/training',
};

export function createTrainingClient(options: TrainingClientOptions): TrainingClient {
  const endpoint = normalizeEndpoint(options.endpoint);
  const apiVersion = options.apiVersion ?? 'v3.3';
  if (!(apiVersion in API_ROOT)) throw invalidArgument(`apiVersion must be one of ${Object.keys(API_ROOT).join(', ')}.`);
  const limiterOptions = typeof options.rateLimit === 'number' ? { ratePerSecond: options.rateLimit } : (options.rateLimit ?? {});
  const clock = options.clock ?? systemClock;
  const http = createHttpClient({
    baseUrl: endpoint.baseUrl,
    apiRoot: API_ROOT[apiVersion],
    key: checkKey(options.key),
    limiter: (options.rateLimiters ?? sharedRateLimiters).forEndpoint(endpoint.baseUrl, { clock, ...limiterOptions }),
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    maxResponseBytes: options.maxResponseBytes,
    retry: { ...options.retry, ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }) },
    clock,
    requestLog: options.requestLog,
  });

  const call = (operation: string, method: ApiRequest['method'], path: string, query?: Record<string, QueryValue>, signal?: AbortSignal, body?: unknown) =>
    http.send({ operation, method, path, query, signal, body });
  const getList = async <T>(operation: string, path: string, query: Record<string, QueryValue> | undefined, signal: AbortSignal | undefined) =>
    expectArray<T>(operation, (await call(operation, 'GET', path, query, signal)).body);
  const getOne = async <T>(operation: string, path: string, query: Record<string, QueryValue> | undefined, signal: AbortSignal | undefined) =>
    expectObject<T>(operation, (await call(operation, 'GET', path, query, signal)).body);
  const getCount = async (operation: string, path: string, query: Record<string, QueryValue> | undefined, signal: AbortSignal | undefined) =>
    expectCount(operation, (await call(operation, 'GET', path, query, signal)).body);
  const remove = async (operation: string, path: string, query: Record<string, QueryValue> | undefined, signal: AbortSignal | undefined): Promise<DeleteResult> => {
    const response = await call(operation, 'DELETE', path, query, signal);
    return response.requestId === undefined ? { status: response.status } : { status: response.status, requestId: response.requestId };
  };
  const tagIdsParam = (tagIds: readonly string[] | undefined, max?: number) => (tagIds && tagIds.length > 0 ? idList('tagIds', tagIds, max ?? 10_000) : undefined);
  const optionalId = (name: string, value: string | undefined) => (value === undefined ? undefined : id(name, value));

  const p = (projectId: string) => `/projects/${id('projectId', projectId)}`;
  const it = (projectId: string, iterationId: string) => `${p(projectId)}/iterations/${id('iterationId', iterationId)}`;

  /** The extras of an id-batch call, checked: only what the call really sends. */
  const batchExtra = (extra: IdBatchOptions): IdBatchOptions => ({
    iterationId: optionalId('iterationId', extra.iterationId),
    allIterations: extra.allIterations === true ? true : undefined,
  });
  const batchPath = (operation: IdBatchOperation, projectId: string) => p(projectId) + ID_BATCH_CALLS[operation].suffix;

  function imageList(operation: string, path: string, options: ImageListOptions, extra: Record<string, QueryValue>): PagedList<Image> {
    const size = pageSize(options.pageSize);
    const query = { iterationId: optionalId('iterationId', options.iterationId), orderBy: options.orderBy ?? 'Oldest', ...extra };
    return pagedList(
      operation,
      offsetPages(size, (skip, take) => getList<Image>(operation, path, { ...query, take, skip }, options.signal), createdOf),
      createdOf,
    );
  }

  const client: TrainingClient = {
    endpoint,
    apiVersion,
    getDomains: (o = {}) => getList('GetDomains', '/domains', undefined, o.signal),
    getProjects: (o = {}) => getList('GetProjects', '/projects', undefined, o.signal),
    getProject: (projectId, o = {}) => getOne('GetProject', p(projectId), undefined, o.signal),
    deleteProject: (projectId, o = {}) => remove('DeleteProject', p(projectId), undefined, o.signal),
    exportProject: (projectId, o = {}) => getOne('ExportProject', `${p(projectId)}/export`, undefined, o.signal),
    getIterations: (projectId, o = {}) => getList('GetIterations', `${p(projectId)}/iterations`, undefined, o.signal),
    getIteration: (projectId, iterationId, o = {}) => getOne('GetIteration', it(projectId, iterationId), undefined, o.signal),
    deleteIteration: (projectId, iterationId, o = {}) => remove('DeleteIteration', it(projectId, iterationId), undefined, o.signal),
    unpublishIteration: (projectId, iterationId, o = {}) => remove('UnpublishIteration', `${it(projectId, iterationId)}/publish`, undefined, o.signal),
    getIterationPerformance: (projectId, iterationId, o = {}) =>
      getOne(
        'GetIterationPerformance',
        `${it(projectId, iterationId)}/performance`,
        { threshold: o.threshold ?? DEFAULT_PERFORMANCE_THRESHOLD, overlapThreshold: o.overlapThreshold },
        o.signal,
      ),
    getImagePerformanceCount: (projectId, iterationId, o = {}) =>
      getCount('GetImagePerformanceCount', `${it(projectId, iterationId)}/performance/images/count`, { tagIds: tagIdsParam(o.tagIds) }, o.signal),
    getExports: (projectId, iterationId, o = {}) => getList('GetExports', `${it(projectId, iterationId)}/export`, undefined, o.signal),
    getTags: (projectId, o = {}) => getList('GetTags', `${p(projectId)}/tags`, { iterationId: optionalId('iterationId', o.iterationId) }, o.signal),
    getTag: (projectId, tagId, o = {}) =>
      getOne('GetTag', `${p(projectId)}/tags/${id('tagId', tagId)}`, { iterationId: optionalId('iterationId', o.iterationId) }, o.signal),
    deleteTag: (projectId, tagId, o = {}) => remove('DeleteTag', `${p(projectId)}/tags/${id('tagId', tagId)}`, undefined, o.signal),
    getTaggedImageCount: (projectId, o = {}) =>
      getCount(
        'GetTaggedImageCount',
        `${p(projectId)}/images/tagged/count`,
        { iterationId: optionalId('iterationId', o.iterationId), tagIds: tagIdsParam(o.tagIds) },
        o.signal,
      ),
    getUntaggedImageCount: (projectId, o = {}) =>
      getCount('GetUntaggedImageCount', `${p(projectId)}/images/untagged/count`, { iterationId: optionalId('iterationId', o.iterationId) }, o.signal),
    getImageCount: (projectId, o = {}) =>
      getCount(
        'GetImageCount',
        `${p(projectId)}/images/count`,
        { iterationId: optionalId('iterationId', o.iterationId), taggingStatus: o.taggingStatus, $filter: o.filter, tagIds: tagIdsParam(o.tagIds) },
        o.signal,
      ),
    getImagesByIds: async (projectId, imageIds, o = {}) => {
      const ids = distinctIds(idList('imageIds', imageIds, Number.POSITIVE_INFINITY));
      const path = batchPath('GetImagesByIds', projectId);
      const extra = batchExtra({ iterationId: o.iterationId });
      // Without imageIds the service's behaviour is unspecified; an empty ask gets an empty answer.
      if (ids.length === 0) return [];
      // A read is safe to split, and its answer is not in request order anyway.
      const size = maxIdsPerCall(http, 'GetImagesByIds', p(projectId), extra);
      const images: Image[] = [];
      for (let start = 0; start < ids.length; start += size) {
        const query = ID_BATCH_CALLS.GetImagesByIds.query(ids.slice(start, start + size), extra);
        images.push(...(await getList<Image>('GetImagesByIds', path, query, o.signal)));
      }
      return images;
    },
    deleteImages: async (projectId, o) => {
      const ids = o.imageIds ? idList('imageIds', o.imageIds, MAX_IMAGE_IDS) : [];
      // A DELETE …/images with neither ids nor allImages has no documented meaning: refuse it.
      if (ids.length === 0 && o.allImages !== true) throw invalidArgument('deleteImages needs imageIds (1 to 256) or allImages: true.');
      if (ids.length > 0 && o.allImages === true) throw invalidArgument('deleteImages takes imageIds or allImages, not both.');
      const extra = batchExtra({ allIterations: o.allIterations });
      checkDeleteBatch(http, 'DeleteImages', p(projectId), ids, extra);
      return remove('DeleteImages', batchPath('DeleteImages', projectId), ID_BATCH_CALLS.DeleteImages.query(ids, { ...extra, allImages: o.allImages }), o.signal);
    },
    deletePredictions: async (projectId, predictionIds, o = {}) => {
      const ids = idList('predictionIds', predictionIds, MAX_PREDICTION_IDS);
      if (ids.length === 0) throw invalidArgument('deletePredictions needs 1 to 64 prediction ids.');
      checkDeleteBatch(http, 'DeletePrediction', p(projectId), ids, {});
      return remove('DeletePrediction', batchPath('DeletePrediction', projectId), ID_BATCH_CALLS.DeletePrediction.query(ids, {}), o.signal);
    },
    maxIdsPerCall: (operation, projectId, extra = {}) => maxIdsPerCall(http, operation, p(projectId), batchExtra(extra)),
    iterateImages: (projectId, o = {}) =>
      imageList('GetImages', `${p(projectId)}/images`, o, {
        taggingStatus: o.taggingStatus,
        $filter: o.filter,
        tagIds: tagIdsParam(o.tagIds, MAX_TAG_IDS),
      }),
    iterateTaggedImages: (projectId, o = {}) =>
      imageList('GetTaggedImages', `${p(projectId)}/images/tagged`, o, { tagIds: tagIdsParam(o.tagIds, MAX_TAG_IDS) }),
    iterateUntaggedImages: (projectId, o = {}) => imageList('GetUntaggedImages', `${p(projectId)}/images/untagged`, o, {}),
    iterateImagePerformances: (projectId, iterationId, o = {}) => {
      const size = pageSize(o.pageSize);
      const path = `${it(projectId, iterationId)}/performance/images`;
      const query = { tagIds: tagIdsParam(o.tagIds, MAX_TAG_IDS), orderBy: o.orderBy ?? 'Oldest' };
      return pagedList(
        'GetImagePerformances',
        offsetPages(size, (skip, take) => getList<ImagePerformance>('GetImagePerformances', path, { ...query, take, skip }, o.signal), createdOf),
        createdOf,
      );
    },
    iteratePredictions: (projectId, query = {}, o = {}) => {
      const path = `${p(projectId)}/predictions/query`;
      return pagedList(
        'QueryPredictions',
        predictionPages(query, async (token) => expectObject<PredictionQueryResult>('QueryPredictions', (await call('QueryPredictions', 'POST', path, undefined, o.signal, token)).body)),
      );
    },
    downloadArtifact: async (projectId, path, o = {}) => downloadArtifact(http, p(projectId), path, o),
    download: async (projectId, uri, o = {}) => downloadFileLink({ http, projectPath: p(projectId), fetch: options.fetch }, uri, o),
  };
  return Object.freeze(describeWithoutKey(client));
}

/** Image lists are ordered by `created` alone: the value paging must allow ties of (paging.ts, offsetPages). */
function createdOf(record: Image | ImagePerformance): string | undefined {
  const created: unknown = record.created;
  return typeof created === 'string' ? created : undefined;
}

function checkKey(key: string): string {
  const trimmed = typeof key === 'string' ? key.trim() : '';
  if (trimmed === '') throw new AppError('BAD_KEY', 'Enter the training key (Key 1 or Key 2 from the Azure portal → Keys and Endpoint).');
  // fetch would refuse such a header and quote it in the error; say it here without the key.
  if ([...trimmed].some((char) => char.charCodeAt(0) <= 0x20 || char.charCodeAt(0) >= 0x7f)) {
    throw new AppError('BAD_KEY', 'The training key contains spaces, line breaks or unusual characters. Copy it again from the Azure portal → Keys and Endpoint.');
  }
  return trimmed;
}

/** toString and console.log show the endpoint, never the key (which is not on the object). */
function describeWithoutKey(client: TrainingClient): TrainingClient {
  const label = `TrainingClient(${client.endpoint.baseUrl}, ${client.apiVersion})`;
  Object.defineProperty(client, 'toString', { value: () => label, enumerable: false });
  Object.defineProperty(client, Symbol.for('nodejs.util.inspect.custom'), { value: () => label, enumerable: false });
  return client;
}
