/**
 * The connection check every front end uses before it trusts an endpoint and key: one real,
 * cheap call (GetProjects), retried like every other call, with a short timeout so an
 * unreachable host fails fast.
 */
import { createTrainingClient } from '../customvision';
import type { ProbeAccount } from './accounts-service';

const PROBE_TIMEOUT_MS = 20_000;

/** `ratePerSecond`: the command line's --rate; the app's shared limiter otherwise. */
export const probeWithGetProjects = async (endpoint: string, key: string, signal?: AbortSignal, ratePerSecond?: number): Promise<void> => {
  const client = createTrainingClient({ endpoint, key, timeoutMs: PROBE_TIMEOUT_MS, ...(ratePerSecond === undefined ? {} : { rateLimit: ratePerSecond }) });
  await client.getProjects(signal ? { signal } : {});
};

// Checked here so the app's default probe keeps the shape AccountsService expects.
export const defaultProbe: ProbeAccount = probeWithGetProjects;
