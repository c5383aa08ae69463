/**
 * What the client tests against scripted local servers share: servers started by a test
 * (closed after it), a client pointed at one without the shared rate limiter, and a way
 * to get the error a call fails with.
 */
import { afterEach, expect } from 'vitest';
import type { CustomVisionError } from '../../../src-main/customvision/errors';
import { RateLimiterRegistry } from '../../../src-main/customvision/rate-limiter';
import { createTrainingClient, type TrainingClientOptions } from '../../../src-main/customvision/training-client';
import { startLocalServer, type Handler, type LocalServer } from './local-server';

export const TEST_KEY = 'fedcba9876543210fedcba9876543210';

/** `serve(handler)` for this test file; every server it started is closed after each test. */
export function localServers(): (handler: Handler) => Promise<LocalServer> {
  const servers: LocalServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return async (handler) => {
    const server = await startLocalServer(handler);
    servers.push(server);
    return server;
  };
}

/** A client of `server` with its own limiter (fast) and quick retries. */
export function clientFor(server: LocalServer, extra: Partial<TrainingClientOptions> = {}) {
  return createTrainingClient({ endpoint: server.origin, key: TEST_KEY, rateLimiters: new RateLimiterRegistry(), rateLimit: 100, retry: { baseDelayMs: 5, maxDelayMs: 20 }, ...extra });
}

/** The error `promise` rejects with; a test fails if it resolves. */
export const failure = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('should have failed'), (error: unknown) => error as CustomVisionError);
