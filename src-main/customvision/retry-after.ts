/**
 * How long a throttled caller must wait. Azure gateways send `Retry-After` (seconds or an
 * HTTP date) and sometimes `retry-after-ms`; Custom Vision's own 429 text says "Please
 * retry after 1 second." and may come without any header, so the text is read too.
 */

/** Milliseconds from the response headers, or undefined when none is usable. */
export function retryAfterFromHeaders(headers: Headers, now: number): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const ms = parseNumber(headers.get(name));
    if (ms !== undefined) return ms;
  }
  return parseRetryAfterValue(headers.get('retry-after'), now);
}

/** `Retry-After: 3`, `Retry-After: 0.5` or `Retry-After: Wed, 21 Oct 2015 07:28:00 GMT`. */
export function parseRetryAfterValue(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const seconds = parseNumber(value);
  if (seconds !== undefined) return Math.round(seconds * 1000);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

const RETRY_TEXT = /(?:retry|try again)\s+(?:after|in)\s+(\d+(?:\.\d+)?)\s*(milliseconds?|ms|seconds?|secs?|s|minutes?|mins?)\b/i;

/** "…Please retry after 3 seconds." → 3000. */
export function retryAfterFromText(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const match = RETRY_TEXT.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  const amount = Number(match[1]);
  const unit = match[2].toLowerCase();
  if (unit.startsWith('m') && unit !== 'ms' && !unit.startsWith('milli')) return Math.round(amount * 60_000);
  if (unit === 'ms' || unit.startsWith('milli')) return Math.round(amount);
  return Math.round(amount * 1000);
}

function parseNumber(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (!/^\d+(?:\.\d+)?$/.test(trimmed)) return undefined;
  return Number(trimmed);
}
