/**
 * The account row's "quotas". The Training API v3.x has no quota or account call
 * (GetAccountInfo existed only in v1.x), so these are the per-tier limits Microsoft
 * publishes on "Limits and quotas" for Custom Vision, copied as published. The UI labels
 * them "published limits": they say what a tier allows, not what this resource has used.
 */
import type { InventorySnapshot } from '../../shared/model/inventory';

export type PublishedLimit = InventorySnapshot['account']['quotas'][number];

export const PUBLISHED_LIMITS_SOURCE = 'https://learn.microsoft.com/azure/ai-services/custom-vision-service/limits-and-quotas';

export const PUBLISHED_LIMITS: readonly PublishedLimit[] = Object.freeze([
  { what: 'Projects', free: '2', standard: '100' },
  { what: 'Training images per project', free: '5,000', standard: '100,000' },
  { what: 'Predictions per month', free: '10,000', standard: 'Unlimited' },
  { what: 'Tags per project', free: '50', standard: '500' },
  { what: 'Iterations per project', free: '20', standard: '20' },
  { what: 'Days prediction images are stored', free: '30', standard: '30' },
  { what: 'Training calls per second (TrainProject)', free: '2', standard: '10' },
  { what: 'Other API calls per second', free: '10', standard: '10' },
  { what: 'Max image size for training', free: '6 MB', standard: '6 MB' },
  { what: 'Max image size for prediction', free: '4 MB', standard: '4 MB' },
  { what: 'Max regions per image (object detection)', free: '300', standard: '300' },
  { what: 'Max tags per image (classification)', free: '100', standard: '100' },
]);
