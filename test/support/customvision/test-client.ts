/**
 * A Training API client for unit tests: a fixed resource and key, the given fetch, a rate
 * limit no test reaches and retries a millisecond apart, so tests see the client's real
 * behaviour without waiting for it.
 */
import { RateLimiterRegistry } from '../../../src-main/customvision/rate-limiter';
import { createTrainingClient } from '../../../src-main/customvision/training-client';
import type { TrainingClientOptions } from '../../../src-main/customvision/training-client-types';

export const TEST_KEY = '0123456789abcdef0123456789abcdef';

export function testClient(fetch: typeof globalThis.fetch, extra: Partial<TrainingClientOptions> = {}) {
  return createTrainingClient({
    endpoint: 'https://myres.cognitiveservices.azure.com/',
    key: TEST_KEY,
    fetch,
    rateLimiters: new RateLimiterRegistry(),
    rateLimit: 1000,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    ...extra,
  });
}
