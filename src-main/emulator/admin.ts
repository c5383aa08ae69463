/**
 * `/__emulator/*`: no auth, never rate-limited or faulted. GET stats, DELETE stats (reset),
 * GET config, POST config (a partial RuntimeConfig as JSON; invalid → 400 with the reason;
 * `quirks` replaces the whole set).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeConfigIssues, partialRuntimeConfigSchema, type PartialRuntimeConfig, type RuntimeConfig } from './options';
import type { StatsCollector } from './stats';

export interface AdminEnv {
  stats: StatsCollector;
  config: () => RuntimeConfig;
  configure: (changes: PartialRuntimeConfig) => void;
}

function send(res: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(body.length), 'Cache-Control': 'no-store' });
  res.end(body);
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
    case 'POST /__emulator/config': {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8') || '{}');
      } catch {
        send(res, 400, { error: 'Body must be JSON' });
        return;
      }
      const result = partialRuntimeConfigSchema.strict().safeParse(parsed);
      if (!result.success) {
        send(res, 400, { error: describeConfigIssues(result.error) });
        return;
      }
      env.configure(result.data);
      send(res, 200, env.config());
      return;
    }
    default:
      send(res, 404, { error: `Unknown emulator endpoint ${route}` });
  }
}
