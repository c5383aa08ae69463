/**
 * The chaos matrix. `npm run chaos` runs the full one (an account of 1 500 images per
 * fault, 25 kills in all, and the network faults once more without kills: one run must
 * finish); `npm test` runs the short one (a few faults on a small account) so a
 * regression shows up in every CI run.
 */
import type { Scenario } from './run-scenario';

const FULL_IMAGES = 1500;

export const FULL_MATRIX: Scenario[] = [
  // One run each, no kill: the network faults alone must not stop an export.
  { fault: 'connection resets 10 %, one run', images: FULL_IMAGES, batch: 1, faults: { resetRate: 0.1 }, kills: 0, seed: 'chaos-reset-once' },
  { fault: 'truncated bodies 10 %, one run', images: FULL_IMAGES, batch: 1, faults: { truncateRate: 0.1 }, kills: 0, seed: 'chaos-truncate-once' },
  { fault: 'none (kills only)', images: FULL_IMAGES, batch: 1, faults: {}, kills: 3, seed: 'chaos-none' },
  { fault: 'connection resets 10 %', images: FULL_IMAGES, batch: 1, faults: { resetRate: 0.1 }, kills: 3, seed: 'chaos-reset' },
  { fault: 'truncated bodies 10 %', images: FULL_IMAGES, batch: 1, faults: { truncateRate: 0.1 }, kills: 3, seed: 'chaos-truncate' },
  { fault: '5xx answers 10 %', images: FULL_IMAGES, batch: 1, faults: { failRate: 0.1 }, kills: 2, seed: 'chaos-5xx' },
  { fault: '429 storm (3 calls/s)', images: FULL_IMAGES, batch: 1, faults: { tps: 3 }, kills: 2, seed: 'chaos-429' },
  { fault: 'links expire after 2 s', images: FULL_IMAGES, batch: 1, faults: { sasTtlSeconds: 2, bandwidthKbps: 16_000 }, kills: 2, seed: 'chaos-expiry' },
  { fault: 'tied timestamps (batches of 50)', images: FULL_IMAGES, batch: 50, faults: { quirks: ['ties'] }, kills: 3, seed: 'chaos-ties' },
  { fault: 'disk full, then space freed', images: FULL_IMAGES, batch: 1, faults: {}, kills: 2, diskFullAfterBytes: 400_000, seed: 'chaos-disk' },
  { fault: 'private network (GetArtifact)', images: FULL_IMAGES, batch: 1, faults: { quirks: ['relative-uris'] }, kills: 2, seed: 'chaos-vnet' },
  {
    fault: 'all of them at 5 %, with ties',
    images: FULL_IMAGES,
    batch: 50,
    faults: { resetRate: 0.05, truncateRate: 0.05, failRate: 0.05, quirks: ['ties'] },
    kills: 3,
    seed: 'chaos-all',
  },
];

export const SHORT_MATRIX: Scenario[] = [
  { fault: 'connection resets 10 %', images: 150, batch: 1, faults: { resetRate: 0.1 }, kills: 2, seed: 'short-reset' },
  // Lists longer than a page, with runs of 50 equal timestamps across the page boundaries.
  { fault: 'truncated bodies 10 %, tied timestamps', images: 600, batch: 50, faults: { truncateRate: 0.1, quirks: ['ties'] }, kills: 1, seed: 'short-ties' },
  { fault: 'disk full, then space freed', images: 150, batch: 1, faults: {}, kills: 1, diskFullAfterBytes: 60_000, seed: 'short-disk' },
];
