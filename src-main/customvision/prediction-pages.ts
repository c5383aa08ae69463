/**
 * Stored predictions (QueryPredictions) come in pages chained by a continuation token.
 * The page size is the token's `maxCount`; the spec declares no maximum, but the service
 * has an error code for asking too much (BadRequestPredictionResultsExceededCount). When
 * it answers that, the same page is asked again at half the size (256 → 128 → … → 1) and
 * the walk keeps the smaller size; below 1 the error passes through.
 */
import { isCustomVisionError } from './errors';
import type { PageSource } from './paging';
import type { PredictionQueryResult, PredictionQueryToken, StoredImagePrediction } from './wire-types';
import { expectArray } from './arguments';

export const PREDICTION_COUNT_REFUSED = 'BadRequestPredictionResultsExceededCount';

/** Sends one token and returns the service's answer (already checked to be a record). */
export type QueryPage = (token: PredictionQueryToken) => Promise<PredictionQueryResult>;

export function predictionPages(first: PredictionQueryToken, query: QueryPage): PageSource<StoredImagePrediction> {
  return async function* () {
    // Per walk: a second walk starts again from the caller's size.
    let size = first.maxCount ?? undefined;
    let token: PredictionQueryToken | undefined = first;
    while (token !== undefined) {
      const sent: PredictionQueryToken = size === undefined ? token : { ...token, maxCount: size };
      let result: PredictionQueryResult;
      try {
        result = await query(sent);
      } catch (error) {
        if (isCountRefusal(error) && size !== undefined && size > 1) {
          size = Math.floor(size / 2);
          continue;
        }
        throw error;
      }
      const items = result.results === null || result.results === undefined ? [] : expectArray<StoredImagePrediction>('QueryPredictions', result.results);
      yield items;
      token = nextToken(sent, result, items.length);
    }
  };
}

function isCountRefusal(error: unknown): boolean {
  return isCustomVisionError(error) && error.status === 400 && error.serviceCode === PREDICTION_COUNT_REFUSED;
}

/** null or "" ends the walk (both observed); so does a token that did not move on. */
function nextToken(sent: PredictionQueryToken, result: PredictionQueryResult, items: number): PredictionQueryToken | undefined {
  const continuation = result.token?.continuation;
  const more = typeof continuation === 'string' && continuation !== '' && !(items === 0 && continuation === sent.continuation);
  return more && result.token ? { ...sent, ...result.token } : undefined;
}
