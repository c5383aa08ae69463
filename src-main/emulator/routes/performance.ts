/** GetIterationPerformance, GetImagePerformances and GetImagePerformanceCount. */
import { notFound } from '../errors';
import { hasQuirk, OTHER_DEFAULT_THRESHOLD } from '../quirks';
import type { Route } from '../router';
import { countImages, pageImages } from '../state/image-query';
import { iterationPerformance, predictImage } from '../state/performance';
import type { IterationRec } from '../state/types';
import { tagNameLookup } from '../state/workspace';
import { countReply, jsonReply } from '../wire';
import { enumQuery, intQuery, iterationOf, numberQuery, projectOf, tieOrder, uuidList } from './params';
import { renderImagePerformance } from './render';

function trained(iteration: IterationRec): IterationRec & { snapshot: NonNullable<IterationRec['snapshot']> } {
  if (iteration.status !== 'Completed' || !iteration.snapshot) throw notFound.performance();
  return iteration as IterationRec & { snapshot: NonNullable<IterationRec['snapshot']> };
}

export const performanceRoutes: Route[] = [
  {
    method: 'GET',
    path: 'projects/{projectId}/iterations/{iterationId}/performance',
    operationId: 'GetIterationPerformance',
    handle: (ctx) => {
      const iteration = trained(iterationOf(ctx, projectOf(ctx)));
      // No default is declared; 0.5 is the portal's default probability threshold (inferred).
      // The other-default-threshold quirk uses 0.9 instead, which the spec equally allows.
      const fallback = hasQuirk(ctx.core.config, 'other-default-threshold') ? OTHER_DEFAULT_THRESHOLD : 0.5;
      const threshold = numberQuery(ctx, 'threshold') ?? fallback;
      numberQuery(ctx, 'overlapThreshold');
      return jsonReply(iterationPerformance(iteration, threshold));
    },
  },
  {
    method: 'GET',
    path: 'projects/{projectId}/iterations/{iterationId}/performance/images',
    operationId: 'GetImagePerformances',
    handle: (ctx) => {
      const project = projectOf(ctx);
      const iteration = trained(iterationOf(ctx, project));
      const tagIds = uuidList(ctx, 'tagIds', 20);
      const order = enumQuery(ctx, 'orderBy', ['Newest', 'Oldest'] as const) ?? 'Newest';
      const take = intQuery(ctx, 'take', 50, 0, 256);
      const skip = intQuery(ctx, 'skip', 0, 0);
      const images = pageImages(iteration.snapshot.images, { tagIds: tagIds ? new Set(tagIds) : undefined }, { order, take, skip }, tieOrder(ctx));
      const tagName = tagNameLookup(iteration.snapshot.tags);
      return jsonReply(images.map((image) => renderImagePerformance(ctx, project.id, image, predictImage(iteration, image), tagName)));
    },
  },
  {
    method: 'GET',
    path: 'projects/{projectId}/iterations/{iterationId}/performance/images/count',
    operationId: 'GetImagePerformanceCount',
    handle: (ctx) => {
      const iteration = trained(iterationOf(ctx, projectOf(ctx)));
      const tagIds = uuidList(ctx, 'tagIds');
      return countReply(countImages(iteration.snapshot.images, { tagIds: tagIds ? new Set(tagIds) : undefined }));
    },
  },
];
