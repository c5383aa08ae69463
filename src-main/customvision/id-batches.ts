/**
 * The calls that carry a list of ids in one csv query parameter — GetImagesByIds,
 * DeleteImages, DeletePrediction — and how many ids one such call may carry: the API's
 * count limit (256 images, 64 predictions), and a request line within
 * MAX_REQUEST_LINE_BYTES (request-line.ts). Each GUID costs 39 bytes on the wire (36 and
 * a %2C), so 256 of them alone are 10 KB: the line, not the count, is the tighter limit
 * for images. The same table builds the real requests (training-client.ts) and sizes
 * them, so the two cannot drift apart.
 */
import { MAX_IMAGE_IDS, MAX_PREDICTION_IDS, invalidArgument } from './arguments';
import type { HttpClient, QueryValue } from './http-client';
import { MAX_REQUEST_LINE_BYTES, largestFitting } from './request-line';
import type { IdBatchOperation, IdBatchOptions } from './training-client-types';

interface IdBatchCall {
  method: 'GET' | 'DELETE';
  /** Below `/projects/{projectId}`. */
  suffix: string;
  /** The spec's maxItems for the id list. */
  limit: number;
  /** The whole query the call sends; `extra` holds already-checked values. */
  query(ids: readonly string[], extra: IdBatchOptions & { allImages?: boolean }): Record<string, QueryValue>;
}

export const ID_BATCH_CALLS: Readonly<Record<IdBatchOperation, IdBatchCall>> = Object.freeze({
  GetImagesByIds: {
    method: 'GET',
    suffix: '/images/id',
    limit: MAX_IMAGE_IDS,
    query: (ids, extra) => ({ imageIds: ids, iterationId: extra.iterationId }),
  },
  DeleteImages: {
    method: 'DELETE',
    suffix: '/images',
    limit: MAX_IMAGE_IDS,
    query: (ids, extra) => ({
      imageIds: ids.length > 0 ? ids : undefined,
      allImages: extra.allImages === true ? true : undefined,
      allIterations: extra.allIterations === true ? true : undefined,
    }),
  },
  DeletePrediction: {
    method: 'DELETE',
    suffix: '/predictions',
    limit: MAX_PREDICTION_IDS,
    query: (ids) => ({ ids }),
  },
});

/** Every id is a GUID (arguments.ts checks it): 36 bytes that need no encoding, whichever it is. */
const SAMPLE_ID = '00000000-0000-0000-0000-000000000000';

/**
 * The largest number of ids one `operation` call on `projectPath` may carry: within the
 * API's count limit and, with the rest of the call's query, within the request-line budget.
 */
export function maxIdsPerCall(http: HttpClient, operation: IdBatchOperation, projectPath: string, extra: IdBatchOptions): number {
  const call = callOf(operation);
  const ids = (n: number): string[] => new Array<string>(n).fill(SAMPLE_ID);
  return largestFitting(call.limit, (n) => lineBytes(http, call, projectPath, ids(n), extra) <= MAX_REQUEST_LINE_BYTES);
}

/**
 * Refuses a delete whose ids make the request line too long. Deletes are never split: the
 * outcome of one call must map to the caller's batch (its receipt, its proof).
 */
export function checkDeleteBatch(http: HttpClient, operation: IdBatchOperation, projectPath: string, ids: readonly string[], extra: IdBatchOptions): void {
  const call = callOf(operation);
  const bytes = lineBytes(http, call, projectPath, ids, extra);
  if (bytes <= MAX_REQUEST_LINE_BYTES) return;
  const allowed = maxIdsPerCall(http, operation, projectPath, extra);
  throw invalidArgument(
    `${operation}: ${ids.length} ids make a request line of ${bytes} bytes, over the ${MAX_REQUEST_LINE_BYTES} bytes servers accept ` +
      `(a longer one is refused with 414, or with a 404 that reads like "not found"); nothing was sent. ` +
      `Send at most ${allowed} ids per call: size batches with client.maxIdsPerCall('${operation}', projectId).`,
  );
}

/** The ids once each (GUIDs compared without case), in their first spelling and order. */
export function distinctIds(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  return ids.filter((id) => {
    const key = id.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function lineBytes(http: HttpClient, call: IdBatchCall, projectPath: string, ids: readonly string[], extra: IdBatchOptions): number {
  return http.requestLineBytes(call.method, projectPath + call.suffix, call.query(ids, extra));
}

function callOf(operation: IdBatchOperation): IdBatchCall {
  // The type allows only the three, but a caller in plain JS (or a cast) could pass another.
  if (!Object.hasOwn(ID_BATCH_CALLS, operation)) {
    throw invalidArgument(`maxIdsPerCall: operation must be one of ${Object.keys(ID_BATCH_CALLS).join(', ')}.`);
  }
  return ID_BATCH_CALLS[operation];
}
