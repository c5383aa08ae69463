/**
 * The account row's "quotas". The Training API v3.x has no quota or account call
 * (GetAccountInfo existed only in v1.x), so these are the per-tier limits Microsoft
 * publishes on "Limits and quotas" for Custom Vision, copied as published. The UI labels
 * them "published limits": they say what a tier allows, not what this resource has used.
 * Each limit carries a catalogue code so the interface names it in the reader's language.
 */
import type { InventorySnapshot } from '../../shared/model/inventory';
import { mainText } from '../../shared/model/main-text';

export type PublishedLimit = InventorySnapshot['account']['quotas'][number];

export const PUBLISHED_LIMITS_SOURCE = 'https://learn.microsoft.com/azure/ai-services/custom-vision-service/limits-and-quotas';

export const PUBLISHED_LIMITS: readonly PublishedLimit[] = Object.freeze([
  { what: 'Projects', whatText: mainText('limitProjects'), free: '2', standard: '100' },
  { what: 'Training images per project', whatText: mainText('limitTrainingImages'), free: '5,000', standard: '100,000' },
  { what: 'Predictions per month', whatText: mainText('limitPredictionsPerMonth'), free: '10,000', standard: 'Unlimited' },
  { what: 'Tags per project', whatText: mainText('limitTags'), free: '50', standard: '500' },
  { what: 'Iterations per project', whatText: mainText('limitIterations'), free: '20', standard: '20' },
  { what: 'Days prediction images are stored', whatText: mainText('limitPredictionDays'), free: '30', standard: '30' },
  { what: 'Training calls per second (TrainProject)', whatText: mainText('limitTrainingCalls'), free: '2', standard: '10' },
  { what: 'Other API calls per second', whatText: mainText('limitOtherCalls'), free: '10', standard: '10' },
  { what: 'Max image size for training', whatText: mainText('limitTrainingImageSize'), free: '6 MB', standard: '6 MB' },
  { what: 'Max image size for prediction', whatText: mainText('limitPredictionImageSize'), free: '4 MB', standard: '4 MB' },
  { what: 'Max regions per image (object detection)', whatText: mainText('limitRegions'), free: '300', standard: '300' },
  { what: 'Max tags per image (classification)', whatText: mainText('limitTagsPerImage'), free: '100', standard: '100' },
]);
