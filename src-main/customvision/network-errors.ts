/**
 * Network failures as Node's fetch (undici) reports them: a TypeError("fetch failed")
 * whose cause chain carries the socket or TLS error code. The code decides what the user
 * is told (DNS, unreachable, TLS, timeout, lost connection) and whether to try again.
 */
import { CustomVisionError, STATUS_TEXT, type CustomVisionErrorCode } from './errors';

const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'HOSTNAME_MISMATCH',
  'EPROTO',
]);

interface NetworkClass {
  code: CustomVisionErrorCode;
  retryable: boolean;
  detail: string;
}

/** The `code`s found along an error's cause chain (fetch wraps the socket error). */
export function causeCodes(error: unknown): string[] {
  const codes: string[] = [];
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 10) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const record = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof record.code === 'string') codes.push(record.code);
    if (record.cause) queue.push(record.cause);
    if (Array.isArray(record.errors)) queue.push(...(record.errors as unknown[]));
  }
  return codes;
}

export function classifyNetworkError(error: unknown): NetworkClass {
  const codes = causeCodes(error);
  const has = (predicate: (code: string) => boolean): string | undefined => codes.find(predicate);
  let found: string | undefined;
  if ((found = has((c) => c === 'ENOTFOUND' || c === 'EAI_NONAME' || c === 'EAI_FAIL'))) {
    return { code: 'DNS_FAILURE', retryable: false, detail: found };
  }
  // EAI_AGAIN is a temporary resolver failure (network switching, resolver overloaded).
  if ((found = has((c) => c === 'EAI_AGAIN'))) return { code: 'DNS_FAILURE', retryable: true, detail: found };
  if ((found = has((c) => TLS_CODES.has(c) || c.startsWith('CERT_') || c.startsWith('ERR_TLS_') || c.startsWith('ERR_SSL_')))) {
    return { code: 'TLS_ERROR', retryable: false, detail: found };
  }
  // Refused means nothing listens there: trying again in a second will not change that.
  if ((found = has((c) => c === 'ECONNREFUSED'))) return { code: 'UNREACHABLE', retryable: false, detail: found };
  if ((found = has((c) => c === 'EHOSTUNREACH' || c === 'ENETUNREACH' || c === 'ENETDOWN' || c === 'EADDRNOTAVAIL'))) {
    return { code: 'UNREACHABLE', retryable: true, detail: found };
  }
  if ((found = has((c) => c === 'ETIMEDOUT' || c === 'UND_ERR_CONNECT_TIMEOUT' || c === 'UND_ERR_HEADERS_TIMEOUT' || c === 'UND_ERR_BODY_TIMEOUT'))) {
    return { code: 'TIMEOUT', retryable: true, detail: found };
  }
  if ((found = has((c) => ['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ERR_STREAM_PREMATURE_CLOSE'].includes(c)))) {
    return { code: 'CONNECTION_LOST', retryable: true, detail: found };
  }
  // fetch reports a connection closed mid-body as TypeError("terminated") with no code.
  const message = error instanceof Error ? error.message : '';
  if (/terminated|other side closed|socket hang up/i.test(message)) {
    return { code: 'CONNECTION_LOST', retryable: true, detail: 'connection closed' };
  }
  return { code: 'UNREACHABLE', retryable: true, detail: codes[0] ?? 'network error' };
}

const NETWORK_TEXT: Partial<Record<CustomVisionErrorCode, string>> = {
  DNS_FAILURE: 'the server name could not be found; check the endpoint for typos and that this computer is online',
  UNREACHABLE: 'the server could not be reached; check the endpoint, the network, and any proxy or firewall',
  TLS_ERROR: 'a secure (TLS) connection could not be set up; a proxy or antivirus that inspects HTTPS can cause this',
  TIMEOUT: 'the connection timed out',
  CONNECTION_LOST: 'the connection was interrupted before the answer arrived',
};

export function networkError(operation: string, error: unknown, attempts = 1): CustomVisionError {
  const cls = classifyNetworkError(error);
  const text = NETWORK_TEXT[cls.code] ?? STATUS_TEXT[cls.code];
  return new CustomVisionError(`${operation} failed: ${text} (${cls.detail}).`, {
    kind: cls.code === 'TIMEOUT' ? 'timeout' : 'network',
    code: cls.code,
    operation,
    retryable: cls.retryable,
    attempts,
    cause: error,
  });
}
