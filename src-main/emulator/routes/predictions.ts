/**
 * Stored predictions: QueryPredictions with PredictionQueryToken paging (`maxCount`,
 * `continuation`, `session`) and DeletePrediction (≤ 64 ids).
 */
import { z } from 'zod';
import { badRequest } from '../errors';
import { parseUuid } from '../ids';
import { hasQuirk, SMALL_PREDICTION_PAGE } from '../quirks';
import type { Route } from '../router';
import { decodeContinuation, encodeContinuation } from '../state/prediction-sessions';
import { removePredictions } from '../state/removal';
import type { PredictionRec, ProjectRec } from '../state/types';
import { emptyReply, jsonReply } from '../wire';
import { jsonBody, projectOf, uuidList } from './params';
import { renderStoredPrediction } from './render';
import { refuseUnknownPredictions } from './strict-batch';

const tokenSchema = z.object({
  session: z.string().nullish(),
  continuation: z.string().nullish(),
  maxCount: z.number().int().nullish(),
  orderBy: z.string().nullish(),
  tags: z.array(z.object({ id: z.string(), minThreshold: z.number().nullish(), maxThreshold: z.number().nullish() })).nullish(),
  iterationId: z.string().nullish(),
  startTime: z.string().nullish(),
  endTime: z.string().nullish(),
  application: z.string().nullish(),
});
type Token = z.infer<typeof tokenSchema>;

/** maxCount 0 (what the SDK samples send) means the default page (inferred). */
const DEFAULT_PAGE = 50;
const MAX_PAGE = 256;

function matching(project: ProjectRec, token: Token): PredictionRec[] {
  const iterationId = token.iterationId ? parseUuid(token.iterationId) : undefined;
  if (token.iterationId && !iterationId) throw badRequest('BadRequestInvalidIds', 'Invalid iterationId.');
  const start = token.startTime ? Date.parse(token.startTime) : undefined;
  const end = token.endTime ? Date.parse(token.endTime) : undefined;
  const tags = (token.tags ?? []).map((tag) => ({ id: parseUuid(tag.id), min: tag.minThreshold ?? 0, max: tag.maxThreshold ?? 1 }));
  if (tags.length > 2) throw badRequest('BadRequestPredictionTagsExceededCount', 'Limited to combining 2 tags.');
  if (tags.some((tag) => !tag.id)) throw badRequest('BadRequestInvalidIds', 'Invalid tag id.');
  const list = [...project.predictions.values()].filter((p) => {
    if (iterationId && p.iterationId !== iterationId) return false;
    if (start !== undefined && p.createdMs < start) return false;
    if (end !== undefined && p.createdMs > end) return false;
    // Stored predictions here carry no application name.
    if (token.application) return false;
    return tags.every((tag) => {
      const probability = p.predictions.find((r) => r.tagId === tag.id)?.probability ?? 0;
      return probability >= tag.min && probability <= tag.max;
    });
  });
  list.sort((a, b) => a.createdMs - b.createdMs || a.seq - b.seq);
  return (token.orderBy ?? 'Newest').toLowerCase() === 'oldest' ? list : list.reverse();
}

export const predictionRoutes: Route[] = [
  {
    method: 'POST',
    path: 'projects/{projectId}/predictions/query',
    operationId: 'QueryPredictions',
    handle: (ctx) => {
      const project = projectOf(ctx);
      const parsed = tokenSchema.safeParse(jsonBody(ctx));
      if (!parsed.success) throw badRequest('BadRequestPredictionInvalidQueryParameters', 'Invalid prediction query.');
      const token = parsed.data;
      const orderBy = token.orderBy ?? 'Newest';
      if (!['newest', 'oldest', 'suggested'].includes(orderBy.toLowerCase())) {
        throw badRequest('BadRequestPredictionInvalidQueryParameters', `Invalid orderBy '${orderBy.slice(0, 20)}'.`);
      }
      const maxCount = token.maxCount ?? 0;
      // The spec declares no maximum; the prediction-count-limit quirk uses a smaller one.
      const maxPage = hasQuirk(ctx.core.config, 'prediction-count-limit') ? SMALL_PREDICTION_PAGE : MAX_PAGE;
      if (maxCount < 0 || maxCount > maxPage) {
        throw badRequest('BadRequestPredictionResultsExceededCount', `maxCount must be between 0 and ${maxPage}.`);
      }
      const sessions = ctx.core.predictionSessions;
      let session = token.session ?? undefined;
      let ids: readonly string[];
      let offset = 0;
      if (token.continuation) {
        const frozen = session ? sessions.get(session, project.id) : undefined;
        const decoded = decodeContinuation(token.continuation);
        if (!frozen || decoded === undefined) {
          throw badRequest('BadRequestPredictionInvalidQueryParameters', 'Invalid session or continuation token.');
        }
        ids = frozen;
        offset = decoded;
      } else {
        ids = matching(project, token).map((p) => p.id);
        session = sessions.open(project.id, ids);
      }
      const size = maxCount === 0 ? DEFAULT_PAGE : maxCount;
      const slice = ids.slice(offset, offset + size);
      const next = offset + size < ids.length ? encodeContinuation(offset + size) : null;
      const results = slice
        .map((id) => project.predictions.get(id))
        .filter((p): p is PredictionRec => p !== undefined)
        .map((p) => renderStoredPrediction(ctx, project, p));
      return jsonReply({
        token: {
          session,
          continuation: next,
          maxCount,
          orderBy,
          tags: token.tags ?? null,
          iterationId: token.iterationId ?? null,
          startTime: token.startTime ?? null,
          endTime: token.endTime ?? null,
          application: token.application ?? null,
        },
        results,
      });
    },
  },
  {
    method: 'DELETE',
    path: 'projects/{projectId}/predictions',
    operationId: 'DeletePrediction',
    handle: (ctx) => {
      const project = projectOf(ctx);
      const ids = uuidList(ctx, 'ids', 64, 'BadRequestPredictionIdsExceededCount');
      if (!ids || ids.length === 0) throw badRequest('BadRequestPredictionIdsMissing', 'Prediction ids are missing.');
      refuseUnknownPredictions(ctx, project, ids);
      ctx.core.deletions.record({ operation: 'DeletePrediction', projectId: project.id, kind: 'predictions', ids: removePredictions(project, ids) });
      return emptyReply();
    },
  },
];
