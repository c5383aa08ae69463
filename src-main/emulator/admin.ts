/**
 * `/__emulator/*`: no auth, never rate-limited or faulted. GET stats, DELETE stats (reset),
 * GET config, POST config (a partial RuntimeConfig as JSON; invalid → 400 with the reason;
 * `quirks` and `gateway404Operations` replace the whole list), GET/DELETE deletions (the
 * deletion record, cleared), POST delete-elsewhere (`{projectId, imageIds, allIterations,
 * predictionIds}`: another client deletes them).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorCore } from './core';
import { deleteElsewhere, ElsewhereError, elsewhereRequestSchema } from './elsewhere';
import { describeConfigIssues, partialRuntimeConfigSchema, type PartialRuntimeConfig, type RuntimeConfig } from './options';
import type { StatsCollector } from './stats';

export interface AdminEnv {
  core: EmulatorCore;
  stats: StatsCollector;
  config: () => RuntimeConfig;
  configure: (changes: PartialRuntimeConfig) => void;
}

function send(res: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(body.length), 'Cache-Control': 'no-store' });
  res.end(body);
}

/** The JSON body, or undefined after answering 400. */
function jsonOf(res: ServerResponse, body: Buffer): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(body.toString('utf8') || '{}') };
  } catch {
    send(res, 400, { error: 'Body must be JSON' });
    return undefined;
  }
}

function postConfig(env: AdminEnv, res: ServerResponse, body: Buffer): void {
  const parsed = jsonOf(res, body);
  if (!parsed) return;
  const result = partialRuntimeConfigSchema.strict().safeParse(parsed.value);
  if (!result.success) {
    send(res, 400, { error: describeConfigIssues(result.error) });
    return;
  }
  env.configure(result.data);
  send(res, 200, env.config());
}

function postDeleteElsewhere(env: AdminEnv, res: ServerResponse, body: Buffer): void {
  const parsed = jsonOf(res, body);
  if (!parsed) return;
  const request = elsewhereRequestSchema.safeParse(parsed.value);
  if (!request.success) {
    send(res, 400, { error: describeConfigIssues(request.error) });
    return;
  }
  const { projectId, imageIds, allIterations, predictionIds } = request.data;
  try {
    send(res, 200, deleteElsewhere(env.core, projectId, imageIds, { allIterations, predictionIds }));
  } catch (error) {
    if (!(error instanceof ElsewhereError)) throw error;
    send(res, error.status, { error: error.message });
  }
}

export function serveAdmin(env: AdminEnv, req: IncomingMessage, res: ServerResponse, path: string, body: Buffer): void {
  const route = `${req.method ?? 'GET'} ${path.replace(/\/+$/, '')}`;
  switch (route) {
    case 'GET /__emulator/stats':
      send(res, 200, env.stats.snapshot());
      return;
    case 'DELETE /__emulator/stats':
      env.stats.reset();
      send(res, 200, env.stats.snapshot());
      return;
    case 'GET /__emulator/config':
      send(res, 200, env.config());
      return;
    case 'POST /__emulator/config':
      postConfig(env, res, body);
      return;
    case 'GET /__emulator/deletions':
      send(res, 200, env.core.deletions.list());
      return;
    case 'DELETE /__emulator/deletions':
      env.core.deletions.clear();
      send(res, 200, []);
      return;
    case 'POST /__emulator/delete-elsewhere':
      postDeleteElsewhere(env, res, body);
      return;
    default:
      send(res, 404, { error: `Unknown emulator endpoint ${route}` });
  }
}
