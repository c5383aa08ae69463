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
 *
 * Answers are read with a cap (maxResponseBytes): memory stays bounded whatever a server
 * sends. File bodies (GetArtifact) are not read here at all: `open` returns once a 2xx
 * has its headers, and the caller streams the body (artifact-download.ts).
 *
 * A request whose first line is longer than real front ends accept (request-line.ts) is
 * refused before it is sent: INVALID_ARGUMENT, not a 414 or a misleading 404.
 */
import { allowManyWaiters } from './abort';
import { readBoundedBody, readSome } from './body-reader';
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
import { checkRequestLine, requestLineBytes } from './request-line';
import { retryAfterFromHeaders, retryAfterFromText } from './retry-after';
import { backoffDelayMs, isRetryableError, retryPolicy, type RetryPolicy } from './retry';
import { startTransfer, type Transfer } from './transfer';

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

/** A GET whose answer is a file (GetArtifact): the body is streamed by the caller. */
export interface ApiStreamRequest {
  operation: string;
  /** Path below the API root, segments already encoded. */
  path: string;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Longest wait for the headers, then (by the caller's body stream) for each chunk. Default: the client's timeoutMs. */
  timeoutMs?: number;
}

/** A 2xx whose body has not been read: the caller streams `response.body` and owns `transfer`. */
export interface ApiStreamResponse {
  status: number;
  requestId?: string;
  response: Response;
  /** Abort, idle clock and error mapping for the body; close it when done with the body. */
  transfer: Transfer;
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
  /** Largest JSON answer read, in bytes; more → RESPONSE_TOO_LARGE. Default 64 MiB. */
  maxResponseBytes?: number;
  retry?: Partial<RetryPolicy>;
  clock?: Clock;
  requestLog?: (entry: RequestLogEntry) => void;
}

export interface HttpClient {
  send(request: ApiRequest): Promise<ApiResponse>;
  /**
   * Like send, for a GET answered with a file: the same key, limiter, retries and error
   * mapping until a 2xx's headers arrive, then the unread body is the caller's.
   */
  open(request: ApiStreamRequest): Promise<ApiStreamResponse>;
  /**
   * The bytes of the request line a call with this path and query would send
   * (request-line.ts); send and open refuse one over MAX_REQUEST_LINE_BYTES unsent.
   */
  requestLineBytes(method: ApiRequest['method'], path: string, query?: Record<string, QueryValue>): number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * The largest JSON answer read. A legitimate page is far smaller: 256 images with 300
 * regions, 100 tags and 50 metadata pairs each (the service's limits) is about 30 MB of
 * JSON. Twice that leaves room for what we do not foresee, while a server sending a
 * gigabyte cannot take the process (a worker with a capped heap) with it.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** Error answers are read only this far: the status decides, the text only explains. */
const ERROR_BODY_LIMIT = 64 * 1024;

/** Whatever an attempt returns that the journal records. */
interface Answered {
  status: number;
  requestId?: string;
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const key = options.key;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const policy = retryPolicy(options.retry);
  const { limiter } = options;
  if (!(timeoutMs > 0)) throw new RangeError('timeoutMs must be positive');
  if (!Number.isInteger(maxResponseBytes) || maxResponseBytes < 1) throw new RangeError('maxResponseBytes must be a whole number ≥ 1');

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
      if (!isSuccess(response.status)) throw failedAnswer(request.operation, response, await errorText(response));
      const bytes = await readBoundedBody(response, { operation: request.operation, maxBytes: maxResponseBytes, abort: () => attemptAbort.abort() });
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

  /** The start of an error answer's body, redacted; unreadable counts as empty (the status decides). */
  async function errorText(response: Response): Promise<string> {
    try {
      return redact(await readSome(response, ERROR_BODY_LIMIT));
    } catch {
      return '';
    }
  }

  /** The error for a non-2xx answer. */
  function failedAnswer(operation: string, response: Response, text: string): CustomVisionError {
    const { status, headers } = response;
    const requestId = requestIdFrom(headers);
    if (status >= 300 && status < 400) {
      // Following it would send the key to another host; the endpoint is wrong instead.
      return invalidResponseError(operation, `the endpoint answered with a redirect (HTTP ${status}); use the endpoint shown in the Azure portal`, {
        status,
        requestId,
      });
    }
    const retryAfterMs = status === 429 ? (retryAfterFromHeaders(headers, clock.now()) ?? retryAfterFromText(text)) : undefined;
    return httpError({ operation, status, headers, bodyText: text, retryAfterMs });
  }

  function interpret(operation: string, response: Response, bytes: Uint8Array): ApiResponse {
    const { status, headers } = response;
    const requestId = requestIdFrom(headers);
    const text = redact(new TextDecoder().decode(bytes));
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

  /** One attempt of a file GET: resolves at a 2xx's headers, the body unread. */
  async function openOnce(request: ApiStreamRequest, url: string): Promise<ApiStreamResponse> {
    const transfer = startTransfer({ operation: request.operation, timeoutMs: request.timeoutMs ?? timeoutMs, signal: request.signal, clock });
    // Any media type: the file's own, or JSON for an error.
    const headers = { 'Training-Key': key, Accept: '*/*' };
    let response: Response;
    transfer.waiting();
    try {
      response = await fetchImpl(url, { method: 'GET', headers, signal: transfer.signal, redirect: 'manual' });
    } catch (error) {
      const mapped = transfer.failure(sanitize(error, key));
      transfer.close();
      throw mapped;
    }
    transfer.resting();
    if (!isSuccess(response.status)) {
      transfer.waiting();
      const text = await errorText(response);
      const cancelled = request.signal?.aborted === true;
      transfer.close();
      throw cancelled ? cancelledError(request.operation) : failedAnswer(request.operation, response, text);
    }
    return { status: response.status, requestId: requestIdFrom(response.headers), response, transfer };
  }

  const urlOf = (pathAndQuery: string): string => options.baseUrl + options.apiRoot + pathAndQuery;

  function send(request: ApiRequest): Promise<ApiResponse> {
    const pathAndQuery = request.path + queryString(request.query);
    const url = urlOf(pathAndQuery);
    try {
      checkRequestLine(request.operation, request.method, url);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return withRetries(request, request.method, pathAndQuery, () => attemptOnce(request, url));
  }

  function open(request: ApiStreamRequest): Promise<ApiStreamResponse> {
    const pathAndQuery = request.path + queryString(request.query);
    const url = urlOf(pathAndQuery);
    try {
      checkRequestLine(request.operation, 'GET', url);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return withRetries(request, 'GET', pathAndQuery, () => openOnce(request, url));
  }

  /** The limiter, the journal and the retry policy around one call's attempts. */
  async function withRetries<T extends Answered>(
    request: { operation: string; signal?: AbortSignal },
    method: string,
    pathAndQuery: string,
    attemptOnce: () => Promise<T>,
  ): Promise<T> {
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
      const entry = { operation: request.operation, method, path: pathAndQuery, startedAt, attempt, waitedMs: startedAt - queuedAt };
      try {
        const response = await attemptOnce();
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

  return {
    send,
    open,
    requestLineBytes: (method, path, query) => requestLineBytes(method, urlOf(path + queryString(query))),
  };
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

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
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
