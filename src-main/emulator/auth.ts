/**
 * The only credential the Training API takes: the `Training-Key` header (the v3.3 spec's
 * `securityDefinitions`).
 * Header names are case-insensitive (Node lower-cases them). `Ocp-Apim-Subscription-Key`
 * is deliberately NOT accepted: no source shows the Training API honouring it, and a
 * client that relied on it would fail against Azure.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export function hasValidKey(headers: IncomingHttpHeaders, key: string): boolean {
  const given = headers['training-key'];
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(key, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
