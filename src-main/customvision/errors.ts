/**
 * Every failure of a Training API call or blob download becomes one CustomVisionError:
 * a user-facing code and plain-language message (it is an AppError, so the IPC layer
 * passes it to the page as is), plus what a journal or a retry loop needs (kind, HTTP
 * status, service error code, request id, whether trying again can help).
 * Messages never contain the training key: the key is never part of a URL or body, and
 * the HTTP client redacts it from anything a server or runtime echoes back.
 */
import { AppError } from '../errors/app-error';

export type CustomVisionErrorKind = 'http' | 'network' | 'timeout' | 'aborted' | 'expired-link' | 'invalid-response' | 'too-large';

export type CustomVisionErrorCode =
  | 'WRONG_KEY'
  | 'FORBIDDEN'
  | 'NETWORK_RULES'
  | 'NOT_FOUND'
  | 'REQUEST_TOO_LONG'
  | 'CONFLICT'
  | 'THROTTLED'
  | 'SERVICE_ERROR'
  | 'BAD_REQUEST'
  | 'UNREACHABLE'
  | 'CONNECTION_LOST'
  | 'DNS_FAILURE'
  | 'TLS_ERROR'
  | 'TIMEOUT'
  | 'CANCELLED'
  | 'EXPIRED_LINK'
  | 'INVALID_RESPONSE'
  | 'RESPONSE_TOO_LARGE'
  | 'FILE_TOO_LARGE';

export interface CustomVisionErrorDetails {
  kind: CustomVisionErrorKind;
  code: CustomVisionErrorCode;
  /** The API operation (GetTaggedImages, DeleteImages, BlobDownload…). */
  operation: string;
  status?: number;
  /** The service's own code, e.g. NotFoundProject, or "401" from the gateway. */
  serviceCode?: string;
  /** The service's own message (already redacted). */
  serviceMessage?: string;
  /** apim-request-id / Request-Id / x-ms-request-id: quote it to Microsoft support. */
  requestId?: string;
  /** Whether sending the same request again may succeed. */
  retryable?: boolean;
  /** How long the service asked us to wait (429), in milliseconds. */
  retryAfterMs?: number;
  /** How many attempts were made before giving up (a DELETE retried after a lost answer may 404). */
  attempts?: number;
  cause?: unknown;
}

export class CustomVisionError extends AppError {
  declare readonly code: CustomVisionErrorCode;
  readonly kind: CustomVisionErrorKind;
  readonly operation: string;
  readonly status?: number;
  readonly serviceCode?: string;
  readonly serviceMessage?: string;
  readonly requestId?: string;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  attempts: number;

  constructor(message: string, details: CustomVisionErrorDetails) {
    super(details.code, message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'CustomVisionError';
    this.kind = details.kind;
    this.operation = details.operation;
    this.retryable = details.retryable ?? false;
    this.attempts = details.attempts ?? 1;
    // Only set what is known, so JSON.stringify(error) stays small and exact.
    if (details.status !== undefined) this.status = details.status;
    if (details.serviceCode !== undefined) this.serviceCode = details.serviceCode;
    if (details.serviceMessage !== undefined) this.serviceMessage = details.serviceMessage;
    if (details.requestId !== undefined) this.requestId = details.requestId;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }

  /** For journals and receipts: every field a person or support needs, never the cause. */
  toJSON(): Record<string, unknown> {
    const { name, code, message, kind, operation, status, serviceCode, serviceMessage, requestId, retryable, retryAfterMs, attempts } = this;
    return Object.fromEntries(
      Object.entries({ name, code, message, kind, operation, status, serviceCode, serviceMessage, requestId, retryable, retryAfterMs, attempts }).filter(
        ([, value]) => value !== undefined,
      ),
    );
  }
}

export function isCustomVisionError(error: unknown): error is CustomVisionError {
  return error instanceof CustomVisionError;
}

// ---- reading responses ---------------------------------------------------------------

/** The first request id the service or storage put on the response. */
export function requestIdFrom(headers: Headers): string | undefined {
  for (const name of ['apim-request-id', 'request-id', 'x-ms-request-id', 'x-request-id']) {
    const value = headers.get(name);
    if (value) return value.slice(0, 200);
  }
  return undefined;
}

export interface ParsedErrorBody {
  serviceCode?: string;
  serviceMessage?: string;
}

/**
 * Understands the flat service shape `{code, message}`, the gateway shape
 * `{error: {code, message}}` (401, 429) and storage's XML `<Error><Code>…`. Anything else
 * (an HTML page from a proxy, an empty body) yields nothing rather than an exception.
 */
export function parseErrorBody(text: string): ParsedErrorBody {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      const inner = isRecord(parsed) && isRecord(parsed.error) ? parsed.error : parsed;
      if (isRecord(inner)) {
        const code = inner.code ?? inner.Code;
        const message = inner.message ?? inner.Message;
        return clean({ serviceCode: scalarText(code), serviceMessage: scalarText(message) });
      }
    } catch {
      return {};
    }
    return {};
  }
  if (trimmed.startsWith('<')) {
    return clean({ serviceCode: xmlElement(trimmed, 'Code'), serviceMessage: xmlElement(trimmed, 'Message') });
  }
  return {};
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 1000);
  if (typeof value === 'number') return String(value);
  return undefined;
}

function xmlElement(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
  return match?.[1] ? scalarText(match[1]) : undefined;
}

function clean(body: ParsedErrorBody): ParsedErrorBody {
  const out: ParsedErrorBody = {};
  if (body.serviceCode) out.serviceCode = body.serviceCode;
  if (body.serviceMessage) out.serviceMessage = body.serviceMessage;
  return out;
}

// ---- HTTP status → user-facing error -------------------------------------------------

export function codeForStatus(status: number): CustomVisionErrorCode {
  if (status === 401) return 'WRONG_KEY';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404 || status === 410) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 429) return 'THROTTLED';
  if (status === 408) return 'TIMEOUT';
  if (status >= 500) return 'SERVICE_ERROR';
  return 'BAD_REQUEST';
}

export const STATUS_TEXT: Record<CustomVisionErrorCode, string> = {
  WRONG_KEY: 'the service refused the training key (check the key, and that it belongs to this endpoint\'s resource)',
  FORBIDDEN: 'the service refused access',
  NETWORK_RULES:
    "the resource's network rules (Azure portal → the resource → Networking) do not allow calls from this computer's network; allow it there, or run CV Steward inside the allowed network",
  NOT_FOUND: 'it does not exist (any more)',
  REQUEST_TOO_LONG: 'the server refused the request as too long (HTTP 414 / IIS 404.15)',
  CONFLICT: 'the item is busy or in a conflicting state',
  THROTTLED: 'the service is limiting how fast this resource may call it',
  SERVICE_ERROR: 'the service had an internal problem',
  BAD_REQUEST: 'the service rejected the request',
  UNREACHABLE: 'the server could not be reached',
  CONNECTION_LOST: 'the connection was interrupted',
  DNS_FAILURE: 'the server name could not be found',
  TLS_ERROR: 'a secure connection could not be set up',
  TIMEOUT: 'the service did not answer in time',
  CANCELLED: 'it was cancelled',
  EXPIRED_LINK: 'the download link has expired',
  INVALID_RESPONSE: 'the service sent an answer that could not be read',
  RESPONSE_TOO_LARGE: "the service's answer is larger than any answer of this call should be",
  FILE_TOO_LARGE: 'the file is larger than allowed',
};

export interface HttpErrorInput {
  operation: string;
  status: number;
  headers: Headers;
  bodyText: string;
  attempts?: number;
  retryAfterMs?: number;
}

/** The error for a non-success HTTP answer from the Training API. */
export function httpError(input: HttpErrorInput): CustomVisionError {
  const { serviceCode, serviceMessage } = parseErrorBody(input.bodyText);
  const code = isRequestTooLongRefusal(input.status, input.bodyText)
    ? 'REQUEST_TOO_LONG'
    : isNetworkRulesRefusal(input.status, input.headers, serviceMessage)
      ? 'NETWORK_RULES'
      : codeForStatus(input.status);
  const requestId = requestIdFrom(input.headers);
  // Azure often puts the status itself in the body's code ("401"): said once, not twice.
  const ownCode = serviceCode !== undefined && serviceCode !== String(input.status) ? serviceCode : undefined;
  const extra = [`HTTP ${input.status}`, ownCode, requestId ? `request id ${requestId}` : undefined].filter(Boolean).join(', ');
  const said = serviceMessage && serviceCode !== serviceMessage ? ` The service said: "${serviceMessage}"` : '';
  // The items were never looked at: the caller must not read this as "they are gone".
  const unknown = code === 'REQUEST_TOO_LONG' ? ' Nothing is known about the items it asked about; ask for fewer in one call.' : '';
  return new CustomVisionError(`${input.operation} failed: ${STATUS_TEXT[code]} (${extra}).${said}${unknown}`, {
    kind: 'http',
    code,
    operation: input.operation,
    status: input.status,
    serviceCode,
    serviceMessage,
    requestId,
    retryable: isRetryableStatus(input.status),
    retryAfterMs: input.retryAfterMs,
    attempts: input.attempts,
  });
}

/**
 * A 403 from the resource's firewall or virtual-network rules rather than from the key:
 * Azure's gateway marks it with `policy-id: ThrowExceptionDueToTrafficDenied` and says
 * "Access denied due to Virtual Network/Firewall rules."
 * (https://github.com/Azure-Samples/azure-sql-db-chatbot/issues/3), or, for a resource
 * reachable only through a private endpoint, "A Virtual Network is configured for this
 * resource. Please use the correct endpoint …"
 * (https://github.com/continuedev/continue/issues/12547). The user can fix neither with
 * another key: the fix is in the resource's Networking settings, or another network.
 */
export function isNetworkRulesRefusal(status: number, headers: Headers, serviceMessage: string | undefined): boolean {
  if (status !== 403) return false;
  if (/^ThrowExceptionDueToTrafficDenied$/i.test(headers.get('policy-id')?.trim() ?? '')) return true;
  return /Virtual Network\/Firewall rules|A Virtual Network is configured for this resource/i.test(serviceMessage ?? '');
}

/**
 * A front end refusing the request for its length, before the service saw it: 414 (URI
 * Too Long; Kestrel's answer to a line over MaxRequestLineSize), or IIS request
 * filtering's 404.15 "query string too long" (404.14: URL too long), which reaches the
 * client as a plain 404 with IIS's HTML error page ("HTTP Error 404.15 – Not Found: The
 * request filtering module is configured to deny a request where the query string is too
 * long", https://learn.microsoft.com/iis/application-frameworks/building-and-running-aspnet-applications/aspnet-20-breaking-changes-on-iis).
 * Such a 404 says nothing about the items asked for. A JSON body is the service's own
 * answer (or its gateway's), never this page.
 */
export function isRequestTooLongRefusal(status: number, bodyText: string): boolean {
  if (status === 414) return true;
  if (status !== 404) return false;
  const text = bodyText.trim();
  if (text.startsWith('{')) return false;
  return /\b404\.1[45]\b/.test(text) || /query string is too long/i.test(text) || (/request filtering/i.test(text) && /too long|length/i.test(text));
}

/** 408, 429 and 5xx may succeed later; other 4xx will not (501/505 are permanent). */
export function isRetryableStatus(status: number): boolean {
  if (status === 408 || status === 429) return true;
  return status >= 500 && status <= 599 && status !== 501 && status !== 505;
}

export function timeoutError(operation: string, timeoutMs: number, attempts = 1): CustomVisionError {
  return new CustomVisionError(`${operation} failed: the service did not answer within ${Math.round(timeoutMs / 1000)} s.`, {
    kind: 'timeout',
    code: 'TIMEOUT',
    operation,
    retryable: true,
    attempts,
  });
}

export function cancelledError(operation: string): CustomVisionError {
  return new CustomVisionError(`${operation} was cancelled.`, { kind: 'aborted', code: 'CANCELLED', operation });
}

export function invalidResponseError(operation: string, why: string, extra: { status?: number; requestId?: string; retryable?: boolean } = {}): CustomVisionError {
  return new CustomVisionError(`${operation} failed: ${STATUS_TEXT.INVALID_RESPONSE} (${why}).`, {
    kind: 'invalid-response',
    code: 'INVALID_RESPONSE',
    operation,
    status: extra.status,
    requestId: extra.requestId,
    retryable: extra.retryable ?? false,
  });
}

/**
 * An API answer over the client's cap (maxResponseBytes). Not retryable: the same request
 * would get the same answer; the rest of the body was not read.
 */
export function responseTooLargeError(operation: string, maxBytes: number, extra: { status?: number; requestId?: string } = {}): CustomVisionError {
  const ids = extra.requestId ? ` (request id ${extra.requestId})` : '';
  return new CustomVisionError(
    `${operation} failed: ${STATUS_TEXT.RESPONSE_TOO_LARGE} (more than ${formatSize(maxBytes)}); CV Steward stopped reading it${ids}.`,
    { kind: 'too-large', code: 'RESPONSE_TOO_LARGE', operation, status: extra.status, requestId: extra.requestId, retryable: false },
  );
}

/**
 * A downloaded file over the caller's cap (maxBytes). Not retryable: the file will not
 * shrink. `reason` says why the cap is what it is ("the service accepts training images
 * up to 6 MB").
 */
export function fileTooLargeError(operation: string, maxBytes: number, extra: { reason?: string; status?: number; requestId?: string } = {}): CustomVisionError {
  const why = extra.reason ? ` (${extra.reason})` : '';
  const ids = extra.requestId ? ` Request id ${extra.requestId}.` : '';
  return new CustomVisionError(`${operation} failed: the file is larger than ${formatSize(maxBytes)}${why}; the download was stopped and nothing was saved.${ids}`, {
    kind: 'too-large',
    code: 'FILE_TOO_LARGE',
    operation,
    status: extra.status,
    requestId: extra.requestId,
    retryable: false,
  });
}

/** "64 MB", "2 GB", "1.5 MB" (binary units, as the caps are written; shown the way people say them). */
export function formatSize(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (mib >= 1024) return `${trimNumber(mib / 1024)} GB`;
  if (mib >= 1) return `${trimNumber(mib)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

function trimNumber(value: number): string {
  return String(Math.round(value * 10) / 10);
}
