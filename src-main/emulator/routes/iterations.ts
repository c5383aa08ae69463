/** Iterations: list/get/delete, TrainProject, PublishIteration and UnpublishIteration. */
import { alreadyPublished, badRequest } from '../errors';
import { newUuid } from '../ids';
import type { Route } from '../router';
import { imagesOnlyIn } from '../state/removal';
import { isPublished, startTraining } from '../state/training';
import { emptyReply, jsonReply } from '../wire';
import { boolQuery, enumQuery, intQuery, iterationOf, projectOf, query } from './params';
import { renderIteration } from './render';

/** The ARM id of a prediction resource, as recorded in `originalPublishResourceId`. */
const PREDICTION_RESOURCE = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.CognitiveServices\/accounts\/[^/]+$/i;

export const iterationRoutes: Route[] = [
  {
    method: 'GET',
    path: 'projects/{projectId}/iterations',
    operationId: 'GetIterations',
    handle: (ctx) => jsonReply([...projectOf(ctx).iterations.values()].map((iteration) => renderIteration(ctx, iteration))),
  },
  {
    method: 'GET',
    path: 'projects/{projectId}/iterations/{iterationId}',
    operationId: 'GetIteration',
    handle: (ctx) => jsonReply(renderIteration(ctx, iterationOf(ctx, projectOf(ctx)))),
  },
  {
    method: 'DELETE',
    path: 'projects/{projectId}/iterations/{iterationId}',
    operationId: 'DeleteIteration',
    handle: (ctx) => {
      const project = projectOf(ctx);
      const iteration = iterationOf(ctx, project);
      // Inferred: the service refuses, Microsoft's tests always unpublish first.
      if (isPublished(iteration)) throw alreadyPublished(iteration.publishName ?? '');
      // Snapshot, performance and exports go with it, and the images only its snapshot held.
      const implicitImageIds = imagesOnlyIn(project, iteration.id);
      project.iterations.delete(iteration.id);
      ctx.core.deletions.record({ operation: 'DeleteIteration', projectId: project.id, kind: 'iteration', ids: [iteration.id], implicitImageIds });
      return emptyReply();
    },
  },
  {
    method: 'POST',
    path: 'projects/{projectId}/train',
    operationId: 'TrainProject',
    handle: (ctx) => {
      const project = projectOf(ctx);
      const trainingType = enumQuery(ctx, 'trainingType', ['Regular', 'Advanced'] as const) ?? 'Regular';
      const reservedBudgetInHours = intQuery(ctx, 'reservedBudgetInHours', 0, 0);
      const forceTrain = boolQuery(ctx, 'forceTrain');
      const iteration = startTraining(ctx.core.state, project, ctx.core.scheduler, ctx.core.config.trainingDelayMs, {
        id: newUuid(),
        trainingType,
        reservedBudgetInHours,
        forceTrain,
      });
      return jsonReply(renderIteration(ctx, iteration));
    },
  },
  {
    method: 'POST',
    path: 'projects/{projectId}/iterations/{iterationId}/publish',
    operationId: 'PublishIteration',
    handle: (ctx) => {
      const project = projectOf(ctx);
      const iteration = iterationOf(ctx, project);
      const publishName = query(ctx, 'publishName');
      const predictionId = query(ctx, 'predictionId');
      const overwrite = boolQuery(ctx, 'overwrite');
      if (publishName === undefined) throw badRequest('BadRequestInvalidPublishName', 'publishName is required.');
      if (predictionId === undefined || !PREDICTION_RESOURCE.test(predictionId)) {
        throw badRequest('BadRequestInvalidPublishTarget', 'predictionId must be the resource id of a prediction resource.');
      }
      if (isPublished(iteration)) throw alreadyPublished(iteration.publishName ?? '');
      if (iteration.status !== 'Completed') throw badRequest('BadRequestIterationIsNotTrained', 'Iteration is not trained.');
      const holder = [...project.iterations.values()].find((other) => other.publishName === publishName);
      if (holder && !overwrite) {
        throw badRequest('BadRequestInvalidPublishName', `The publish name '${publishName}' is already in use.`);
      }
      if (holder) {
        holder.publishName = null;
        holder.publishResourceId = null;
      }
      iteration.publishName = publishName;
      iteration.publishResourceId = predictionId;
      iteration.lastModifiedMs = ctx.core.state.now();
      return jsonReply(true);
    },
  },
  {
    method: 'DELETE',
    path: 'projects/{projectId}/iterations/{iterationId}/publish',
    operationId: 'UnpublishIteration',
    handle: (ctx) => {
      const project = projectOf(ctx);
      const iteration = iterationOf(ctx, project);
      if (!isPublished(iteration)) throw badRequest('BadRequestIterationNotPublished', 'Iteration is not published.');
      const publishName = iteration.publishName ?? '';
      iteration.publishName = null;
      iteration.publishResourceId = null;
      iteration.lastModifiedMs = ctx.core.state.now();
      ctx.core.deletions.record({ operation: 'UnpublishIteration', projectId: project.id, kind: 'publication', ids: [iteration.id], publishName });
      return emptyReply();
    },
  },
];
