/**
 * The HTTP server on 127.0.0.1: `/__blob/*` (SAS blob downloads), `/__emulator/*`
 * (stats, config, deletions) and the Training API under `/customvision/{v3.3|v3.4-preview}/training`
 * (a leading `//` is tolerated: Microsoft's recorded SDK traffic has it).
 * API pipeline: [url-limit quirks: over-long request line refused] → [network-rules quirk:
 * 403] → route → Training-Key (401) → [gateway404Operations: 404] → token bucket (429) →
 * faults → operation.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { serveAdmin, type AdminEnv } from './admin';
import { hasValidKey } from './auth';
import { serveBlob, type BlobEnv } from './blobs';
import type { ApiContext } from './core';
import { writeReply, type Cut, type ReplyHooks } from './deliver';
import { ApiError } from './errors';
import { isGateway404 } from './gateway-404';
import { hasQuirk } from './quirks';
import type { CallBucket } from './rate-limit';
import { matchRoute, parseApiPath, type ApiPath, type Route, type RouteMatch } from './router';
import { MAX_REQUEST_HEAD_BYTES, requestLineBytes, requestLineRefusal } from './request-line';
import { BLOB_PREFIX } from './sas';
import { apiHeaders, errorReply, gatewayReply, replyLength, RESOURCE_NOT_FOUND, trafficDeniedReply, UNAUTHORIZED_MESSAGE, type Reply } from './wire';

export interface ServerEnv extends BlobEnv, AdminEnv {
  key: string;
  routes: readonly Route[];
  calls: CallBucket;
}

/** Largest request body read (64 images × 6 MB plus multipart overhead). */
const MAX_BODY_BYTES = 400 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function queryMap(search: URLSearchParams): Map<string, string> {
  const map = new Map<string, string>();
  for (const [name, value] of search) if (!map.has(name.toLowerCase())) map.set(name.toLowerCase(), value);
  return map;
}

function rateLimitMessage(operationId: string, apiVersion: string, seconds: number): string {
  // Real text, quoted in a public report of a 429 (src-main/emulator/README.md, "Where each
  // behaviour comes from"), with our tier; the API name follows the path's version.
  const unit = seconds === 1 ? 'second' : 'seconds';
  return `Requests to the ${operationId} Operation under Custom_Vision_Training_${apiVersion.replace(/^v/, '')} have exceeded rate limit of your current Custom_Vision.Training S0 pricing tier. Please retry after ${seconds} ${unit}. To increase your rate limit switch to a paid tier.`;
}

async function runOperation(env: ServerEnv, ctx: ApiContext, route: Route): Promise<Reply> {
  try {
    return await route.handle(ctx);
  } catch (error) {
    if (error instanceof ApiError) return errorReply(error);
    process.stderr.write(`cv-emulator: ${route.operationId} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return errorReply(new ApiError(500, 'ErrorUnknown', 'An unexpected error occurred.'));
  }
}

/** Streams padded replies and GetArtifact blobs: bandwidth-paced and counted like blob downloads. */
function replyHooks(env: ServerEnv, reply: Reply): ReplyHooks | undefined {
  const owner = reply.blobOwner;
  const padded = reply.padding !== undefined;
  if (owner === undefined && !padded) return undefined;
  return {
    // Padded JSON is not a blob download: fixed chunks, no bandwidth pacing.
    chunkSize: () => (owner === undefined ? 65_536 : env.bandwidth.chunkSize()),
    ...(owner === undefined ? {} : { pace: (bytes: number) => env.bandwidth.take(bytes), onStart: () => env.stats.blobStarted(owner) }),
    onChunk: (bytes) => {
      if (owner !== undefined) env.stats.blobBytes(owner, bytes);
      if (padded) env.stats.paddedBytes(bytes);
    },
  };
}

interface Answer {
  reply: Reply;
  cut?: Cut | undefined;
}

/**
 * Behind the gateway: Training-Key (401) → gateway404Operations (404, no token used, never
 * faulted: the gateway answers, as for 401) → token bucket (429) → faults → operation.
 */
async function answerCall(env: ServerEnv, req: IncomingMessage, api: ApiPath, match: RouteMatch, search: URLSearchParams, body: Buffer): Promise<Answer> {
  const { route, params } = match;
  env.stats.request(route.operationId);
  const config = env.core.config;
  if (!hasValidKey(req.headers, env.key)) {
    env.stats.unauthorized();
    return { reply: gatewayReply(401, UNAUTHORIZED_MESSAGE) };
  }
  if (isGateway404(config, route.operationId)) {
    env.stats.gateway404();
    return { reply: gatewayReply(404, RESOURCE_NOT_FOUND) };
  }
  const taken = env.calls.take();
  if (!taken.ok) {
    env.stats.rateLimited();
    return {
      reply: gatewayReply(429, rateLimitMessage(route.operationId, api.apiVersion, taken.retryAfterSeconds), {
        'Retry-After': String(taken.retryAfterSeconds),
      }),
    };
  }
  let reply: Reply;
  let cut: Cut | undefined;
  const fault = env.faults.decide(config, 'api');
  if (fault.fail) {
    env.stats.fault('fail');
    reply =
      fault.fail === 500
        ? errorReply(new ApiError(500, 'ErrorUnknown', 'An unexpected error occurred.'))
        : gatewayReply(503, 'The service is temporarily unavailable. Please try again later.');
  } else {
    const ctx: ApiContext = {
      core: env.core,
      apiVersion: api.apiVersion,
      params,
      query: queryMap(search),
      body,
      contentType: req.headers['content-type'] ?? '',
    };
    reply = await runOperation(env, ctx, route);
  }
  if (fault.reset) cut = { mode: 'reset', fraction: fault.cutFraction };
  else if (fault.truncate && replyLength(reply) >= 2) cut = { mode: 'truncate', fraction: fault.cutFraction };
  if (cut) env.stats.fault(cut.mode);
  return { reply, cut };
}

interface ApiRequest {
  path: string;
  search: URLSearchParams;
  body: Buffer;
  requestId: string;
  lineBytes: number;
}

async function serveApi(env: ServerEnv, req: IncomingMessage, res: ServerResponse, request: ApiRequest): Promise<void> {
  const { path, search, body } = request;
  const headers = apiHeaders(request.requestId);
  const config = env.core.config;
  const api = parseApiPath(path);
  const match = api ? matchRoute(env.routes, req.method ?? 'GET', api.segments) : undefined;
  const refusal = requestLineRefusal(config, request.lineBytes);
  let answer: Answer;
  if (refusal) {
    // The web server refuses while reading the request line: nothing behind it sees the call.
    env.stats.requestLineRefused();
    answer = { reply: refusal };
  } else if (hasQuirk(config, 'network-rules')) {
    // The firewall answers before anything behind it: no key check, rate limit or fault.
    if (match) env.stats.request(match.route.operationId);
    env.stats.trafficDenied();
    answer = { reply: trafficDeniedReply() };
  } else if (!api || !match) {
    await writeReply(res, gatewayReply(404, RESOURCE_NOT_FOUND), headers);
    return;
  } else {
    answer = await answerCall(env, req, api, match, search, body);
  }
  if (config.latencyMs > 0) {
    env.stats.fault('latency');
    await sleep(config.latencyMs);
  }
  if (res.destroyed) return;
  await writeReply(res, answer.reply, headers, answer.cut, replyHooks(env, answer.reply));
}

async function handle(env: ServerEnv, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = randomUUID();
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  // Collapse a leading `//` (an endpoint with a trailing slash); URL() would read it as a host.
  const path = (q < 0 ? raw : raw.slice(0, q)).replace(/^\/{2,}/, '/');
  const search = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const blob = path === BLOB_PREFIX || path.startsWith(`${BLOB_PREFIX}/`);
  const admin = path.startsWith('/__emulator/');
  // Measured as received, before anything can refuse the request.
  const lineBytes = blob || admin ? 0 : requestLineBytes(req);
  if (!blob && !admin) env.stats.requestLine(lineBytes);
  const body = await readBody(req);
  if (body === undefined) {
    await writeReply(res, gatewayReply(413, 'Request entity too large'), apiHeaders(requestId));
    return;
  }
  if (blob) {
    let blobPath: string;
    try {
      blobPath = decodeURIComponent(path.slice(BLOB_PREFIX.length));
    } catch {
      blobPath = path.slice(BLOB_PREFIX.length);
    }
    await serveBlob(env, req, res, blobPath, search, requestId);
    return;
  }
  if (admin) {
    serveAdmin(env, req, res, path, body);
    return;
  }
  await serveApi(env, req, res, { path, search, body, requestId, lineBytes });
}

export function createEmulatorServer(env: ServerEnv): Server {
  const server = createServer({ maxHeaderSize: MAX_REQUEST_HEAD_BYTES }, (req, res) => {
    handle(env, req, res).catch((error: unknown) => {
      process.stderr.write(`cv-emulator: request failed: ${error instanceof Error ? error.message : String(error)}\n`);
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Length': '0' });
        res.end();
      } else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  return server;
}
