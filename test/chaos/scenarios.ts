/**
 * The chaos matrix. `npm run chaos` runs the full one (an account of 1 500 images per
 * fault, 25 kills in all, and the network faults once more without kills: one run must
 * finish); `npm test` runs the short one (a few faults on a small account) so a
 * regression shows up in every CI run.
 */
import type { CleanupScenario } from './run-cleanup-scenario';
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

/**
 * Cleanups: each ends with the emulator's own record of what it deleted held against the
 * sealed plan. A tampered plan must be refused with nothing deleted; a run whose reads
 * prove nothing (gateway 404s) must end "could not verify", never verified.
 */
export const CLEANUP_FULL_MATRIX: CleanupScenario[] = [
  { fault: 'whole account, resets 10 %', images: 600, scope: 'all', faults: { resetRate: 0.1 }, kills: 3, seed: 'cleanup-all-reset' },
  { fault: 'untagged images, 5xx 10 %', images: 600, scope: 'untagged', faults: { failRate: 0.1 }, kills: 2, seed: 'cleanup-untagged-5xx' },
  {
    fault: 'all images, strict batches, 6 deleted elsewhere',
    images: 600,
    scope: 'images',
    faults: { quirks: ['strict-batch-ids'] },
    deletedElsewhere: 6,
    kills: 2,
    seed: 'cleanup-images-strict',
  },
  { fault: 'one iteration, 429 storm (3 calls/s)', images: 600, scope: 'iteration', faults: { tps: 3 }, kills: 1, seed: 'cleanup-iteration-429' },
  { fault: 'images with a tag, truncated bodies 10 %', images: 600, scope: 'tagged', faults: { truncateRate: 0.1 }, kills: 2, seed: 'cleanup-tagged-truncate' },
  {
    fault: 'untagged images, gateway 404s on GetImagesByIds',
    images: 600,
    scope: 'untagged',
    faults: { gateway404Operations: ['GetImagesByIds'] },
    expectUnverifiable: true,
    kills: 1,
    seed: 'cleanup-gateway',
  },
  { fault: 'tampered plan', images: 600, scope: 'images', faults: {}, tamper: true, kills: 0, seed: 'cleanup-tamper' },
  {
    fault: 'whole account, all faults at 5 %, strict batches, 4 deleted elsewhere',
    images: 600,
    scope: 'all',
    faults: { resetRate: 0.05, truncateRate: 0.05, failRate: 0.05, quirks: ['strict-batch-ids'] },
    deletedElsewhere: 4,
    kills: 3,
    seed: 'cleanup-all-mixed',
  },
];

export const CLEANUP_SHORT_MATRIX: CleanupScenario[] = [
  {
    fault: 'all images, strict batches, 3 deleted elsewhere',
    images: 150,
    scope: 'images',
    faults: { quirks: ['strict-batch-ids'], resetRate: 0.05 },
    deletedElsewhere: 3,
    kills: 1,
    seed: 'short-cleanup-strict',
  },
  { fault: 'tampered plan', images: 150, scope: 'images', faults: {}, tamper: true, kills: 0, seed: 'short-cleanup-tamper' },
  {
    fault: 'untagged images, gateway 404s on GetImagesByIds',
    images: 150,
    scope: 'untagged',
    faults: { gateway404Operations: ['GetImagesByIds'] },
    expectUnverifiable: true,
    kills: 0,
    seed: 'short-cleanup-gateway',
  },
];
