/**
 * Sends one Training API call the careful way: through the endpoint's shared rate
 * limiter, with the key header, a per-attempt timeout joined to the caller's abort signal,
 * and the retry policy of retry.ts. Everything that goes wrong comes out as a
 * CustomVisionError; cancellation always wins and is never retried.
 *
 * The key lives only in this closure. It is never put in a URL, a log entry, an error
 * message or an error's cause; anything a server or the runtime echoes back is redacted.
 * Redirects are not followed: fetch would forward the Training-Key header to whatever host
 * the redirect names.
 */
import { allowManyWaiters } from './abort';
import { systemClock, sleep, type Clock } from './clock';
import {
  CustomVisionError,
  cancelledError,
  httpError,
  invalidResponseError,
  isCustomVisionError,
  requestIdFrom,
  timeoutError,
} from './errors';
import { networkError } from './network-errors';
import type { RateLimiter, RateLimitTicket } from './rate-limiter';
import { retryAfterFromHeaders, retryAfterFromText } from './retry-after';
import { backoffDelayMs, isRetryableError, retryPolicy, type RetryPolicy } from './retry';

export type QueryValue = string | number | boolean | readonly string[] | undefined;

export interface ApiRequest {
  /** The API operationId (GetTaggedImages…): used in logs and error messages. */
  operation: string;
  method: 'GET' | 'POST' | 'DELETE';
  /** Path below the API root, segments already encoded (`/projects/<id>/images`). */
  path: string;
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal;
}

export interface ApiResponse {
  status: number;
  requestId?: string;
  /** Parsed JSON, or undefined for an empty body (204, 202). */
  body: unknown;
}

/** One line per attempt, for journals, receipts and statistics. Never contains the key. */
export interface RequestLogEntry {
  operation: string;
  method: string;
  /** Path and query below the API root (ids only; no secrets are ever in a URL). */
  path: string;
  /** Epoch ms when the attempt was sent (after any rate-limit wait). */
  startedAt: number;
  durationMs: number;
  /** 1 for the first attempt of this call. */
  attempt: number;
  /** Time spent waiting for the rate limiter before this attempt. */
  waitedMs: number;
  status?: number;
  requestId?: string;
  outcome: 'success' | 'retry' | 'failed';
  errorCode?: string;
}

export interface HttpClientOptions {
  /** Endpoint origin, no trailing slash. */
  baseUrl: string;
  /** API root below the origin, e.g. `/customvision/v3.3/training`. */
  apiRoot: string;
  key: string;
  limiter: RateLimiter;
  fetch?: typeof fetch;
  /** Per attempt, from sending to the last body byte. Default 30 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  clock?: Clock;
  requestLog?: (entry: RequestLogEntry) => void;
}

export interface HttpClient {
  send(request: ApiRequest): Promise<ApiResponse>;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const key = options.key;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const policy = retryPolicy(options.retry);
  const { limiter } = options;
  if (!(timeoutMs > 0)) throw new RangeError('timeoutMs must be positive');

  const redact = (text: string): string => (key.length >= 4 ? text.split(key).join('[redacted]') : text);

  function log(entry: RequestLogEntry): void {
    try {
      options.requestLog?.(entry);
    } catch {
      // A failing journal hook must not turn a successful call into a failure.
    }
  }

  async function attemptOnce(request: ApiRequest, url: string): Promise<ApiResponse> {
    // One controller per attempt, fed by the timer and the caller's signal. (Not
    // AbortSignal.any: on Node 20 it can keep every composite alive as long as the job's
    // long-lived signal, one per request of a 100 000-image export.)
    const attemptAbort = new AbortController();
    let timedOut = false;
    const timer = clock.setTimeout(() => {
      timedOut = true;
      attemptAbort.abort();
    }, timeoutMs);
    const forwardAbort = (): void => attemptAbort.abort();
    request.signal?.addEventListener('abort', forwardAbort, { once: true });
    if (request.signal?.aborted) attemptAbort.abort();
    const signal = attemptAbort.signal;
    const headers: Record<string, string> = { 'Training-Key': key, Accept: 'application/json' };
    let body: string | undefined;
    if (request.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(request.body);
    }
    try {
      const response = await fetchImpl(url, { method: request.method, headers, body, signal, redirect: 'manual' });
      const bytes = new Uint8Array(await response.arrayBuffer());
      return interpret(request.operation, response, bytes);
    } catch (error) {
      if (request.signal?.aborted) throw cancelledError(request.operation);
      if (timedOut) throw timeoutError(request.operation, timeoutMs);
      if (isCustomVisionError(error)) throw error;
      throw networkError(request.operation, sanitize(error, key));
    } finally {
      clock.clearTimeout(timer);
      request.signal?.removeEventListener('abort', forwardAbort);
    }
  }

  function interpret(operation: string, response: Response, bytes: Uint8Array): ApiResponse {
    const { status, headers } = response;
    const requestId = requestIdFrom(headers);
    const text = redact(new TextDecoder().decode(bytes));
    if (status >= 300 && status < 400) {
      // Following it would send the key to another host; the endpoint is wrong instead.
      throw invalidResponseError(operation, `the endpoint answered with a redirect (HTTP ${status}); use the endpoint shown in the Azure portal`, {
        status,
        requestId,
      });
    }
    if (status < 200 || status >= 300) {
      const retryAfterMs = status === 429 ? (retryAfterFromHeaders(headers, clock.now()) ?? retryAfterFromText(text)) : undefined;
      throw httpError({ operation, status, headers, bodyText: text, retryAfterMs });
    }
    if (status === 204 || text.trim() === '') return { status, requestId, body: undefined };
    try {
      return { status, requestId, body: JSON.parse(text) as unknown };
    } catch (error) {
      if (looksTruncated(headers, bytes, error)) {
        throw new CustomVisionError(`${operation} failed: the answer was cut off before it was complete.`, {
          kind: 'network',
          code: 'CONNECTION_LOST',
          operation,
          status,
          requestId,
          retryable: true,
        });
      }
      throw invalidResponseError(operation, 'the body is not JSON', { status, requestId });
    }
  }

  async function send(request: ApiRequest): Promise<ApiResponse> {
    const pathAndQuery = request.path + queryString(request.query);
    const url = options.baseUrl + options.apiRoot + pathAndQuery;
    let attempt = 0;
    let failures = 0;
    let throttles = 0;
    allowManyWaiters(request.signal);
    for (;;) {
      attempt += 1;
      let ticket: RateLimitTicket;
      const queuedAt = clock.now();
      try {
        ticket = await limiter.acquire(request.signal);
      } catch {
        throw cancelledError(request.operation);
      }
      const startedAt = clock.now();
      const entry = { operation: request.operation, method: request.method, path: pathAndQuery, startedAt, attempt, waitedMs: startedAt - queuedAt };
      try {
        const response = await attemptOnce(request, url);
        limiter.onSuccess(ticket);
        log({ ...entry, durationMs: clock.now() - startedAt, status: response.status, requestId: response.requestId, outcome: 'success' });
        return response;
      } catch (caught) {
        const error = isCustomVisionError(caught) ? caught : networkError(request.operation, sanitize(caught, key));
        error.attempts = attempt;
        const finish = (outcome: 'retry' | 'failed'): void =>
          log({ ...entry, durationMs: clock.now() - startedAt, status: error.status, requestId: error.requestId, outcome, errorCode: error.code });
        if (error.code === 'CANCELLED') {
          finish('failed');
          throw error;
        }
        if (error.status === 429) {
          limiter.onThrottled(ticket, error.retryAfterMs);
          throttles += 1;
          const tooLong = (error.retryAfterMs ?? 0) > policy.maxRetryAfterMs;
          if (tooLong || throttles >= policy.maxThrottledAttempts) {
            finish('failed');
            throw error;
          }
          // The limiter now holds every caller until Retry-After; the next acquire waits.
          finish('retry');
          continue;
        }
        failures += 1;
        if (!isRetryableError(error) || failures >= policy.maxAttempts) {
          finish('failed');
          throw error;
        }
        finish('retry');
        try {
          await sleep(backoffDelayMs(failures, policy), { signal: request.signal, clock });
        } catch {
          throw cancelledError(request.operation);
        }
      }
    }
  }

  return { send };
}

/** `?a=1&ids=x,y` (csv arrays, as the spec's collectionFormat says; commas get %2C-encoded). */
export function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    params.append(name, typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : value.join(','));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** A body cut short: fewer bytes than Content-Length, or JSON that simply stops. */
function looksTruncated(headers: Headers, bytes: Uint8Array, parseError: unknown): boolean {
  const declared = Number(headers.get('content-length'));
  if (!headers.get('content-encoding') && Number.isFinite(declared) && declared > 0 && declared !== bytes.byteLength) return true;
  const message = parseError instanceof Error ? parseError.message : '';
  return /end of (?:JSON )?input|Unterminated/i.test(message);
}

/**
 * The runtime may quote a header value back in an error (undici does for an invalid
 * header). If the key appears anywhere in an error, keep only its codes.
 */
function sanitize(error: unknown, key: string): unknown {
  if (key.length < 4) return error;
  let text = '';
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    text += `${current.message}\n${current.stack ?? ''}\n`;
    current = current.cause;
  }
  if (!text.includes(key)) return error;
  const codes = (error as { code?: unknown; cause?: { code?: unknown } }) ?? {};
  const safe = new Error('network error (details withheld: they quoted the key)');
  const code = typeof codes.code === 'string' ? codes.code : typeof codes.cause?.code === 'string' ? codes.cause.code : undefined;
  if (code) Object.assign(safe, { code });
  return safe;
}
