/**
 * What goes on the wire, as Microsoft's recorded SDK traffic shows the real service
 * sending it: indented JSON with CRLF line breaks, `application/json;
 * charset=utf-8`, `apim-request-id`/`Request-Id`, HSTS, nosniff; 204 with Content-Length 0
 * and no Content-Type. Handlers build a Reply; the server writes it (faults may cut it).
 */
import type { ApiError } from './errors';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /**
   * The body on the wire is `body` followed by `byte` up to `length` bytes in all, made
   * chunk by chunk while it is written (the huge-json and oversize-blobs quirks).
   */
  padding?: { length: number; byte: number };
  /** A blob served by the API (GetArtifact): counted in blobDownloads, paced by the bandwidth cap. */
  blobOwner?: string;
}

/** Bytes the reply announces in Content-Length. */
export function replyLength(reply: Reply): number {
  return reply.padding ? Math.max(reply.body.length, reply.padding.length) : reply.body.length;
}

/** The same reply, padded with `byte` up to `length` bytes (never shortened). */
export function paddedReply(reply: Reply, length: number, byte: number): Reply {
  return { ...reply, padding: { length: Math.max(reply.body.length, length), byte } };
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** 2-space indented JSON with CRLF line breaks (strings never hold raw newlines in JSON). */
export function serviceJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, '\r\n');
}

export function jsonReply(value: unknown, status = 200): Reply {
  return { status, headers: { 'Content-Type': JSON_TYPE }, body: Buffer.from(serviceJson(value), 'utf8') };
}

/** Count endpoints answer a bare JSON number (the v3.3 spec's example GetImageCount: `12`). */
export function countReply(count: number): Reply {
  return { status: 200, headers: { 'Content-Type': JSON_TYPE }, body: Buffer.from(String(count), 'utf8') };
}

/** 204 (or 202 for async DeleteImages): empty body, no Content-Type. */
export function emptyReply(status: 204 | 202 = 204): Reply {
  return { status, headers: {}, body: Buffer.alloc(0) };
}

export function binaryReply(body: Buffer, contentType: string): Reply {
  return { status: 200, headers: { 'Content-Type': contentType }, body };
}

/** The flat CustomVisionError body. */
export function errorReply(error: ApiError): Reply {
  return jsonReply({ code: error.code, message: error.message }, error.status);
}

/**
 * Gateway-level errors (API Management in front of the service) use another wrapper:
 * `{"error":{"code":"401","message":…}}`, compact (shape inferred from other Cognitive
 * Services behind the same gateway; the 429 text is quoted from a real answer).
 */
export function gatewayReply(status: number, message: string, headers: Record<string, string> = {}): Reply {
  const body = JSON.stringify({ error: { code: String(status), message } });
  return { status, headers: { 'Content-Type': 'application/json', ...headers }, body: Buffer.from(body, 'utf8') };
}

/** The gateway's 404 for an unknown path or method (and the gateway404Operations setting). */
export const RESOURCE_NOT_FOUND = 'Resource not found';

export const UNAUTHORIZED_MESSAGE =
  'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.';

/**
 * The gateway's answer when the resource's network rules refuse the caller (network-rules
 * quirk), as recorded from Azure OpenAI behind the same Cognitive Services gateway.
 */
export function trafficDeniedReply(): Reply {
  return gatewayReply(403, 'Access denied due to Virtual Network/Firewall rules.', { 'policy-id': 'ThrowExceptionDueToTrafficDenied' });
}

/** Headers every API response carries, with a fresh id per request. */
export function apiHeaders(requestId: string): Record<string, string> {
  return {
    'apim-request-id': requestId,
    'Request-Id': requestId,
    'Strict-Transport-Security': 'max-age=31536000; includeSubDomains; preload',
    'X-Content-Type-Options': 'nosniff',
  };
}
