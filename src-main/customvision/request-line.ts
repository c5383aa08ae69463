/**
 * How long a request's first line is, measured exactly as it goes on the wire, and the
 * budget it must fit. An id batch (DeleteImages, GetImagesByIds: up to 256 GUIDs in one
 * csv query parameter, 39 bytes each with its %2C) makes a line of about 10 KB, longer
 * than real front ends accept: they answer 414, or — IIS request filtering — 404.15, a
 * "Not Found" that says nothing about the images. So the client sizes such batches to fit
 * and refuses any other request over the budget before sending it.
 */
import { invalidArgument } from './arguments';

/**
 * The longest request line sent: `METHOD SP path-and-query SP HTTP/1.1 CRLF`. 8 KiB is
 * Kestrel's default MaxRequestLineSize ("Defaults to 8,192 bytes (8 KB)",
 * https://learn.microsoft.com/dotnet/api/microsoft.aspnetcore.server.kestrel.core.kestrelserverlimits.maxrequestlinesize),
 * which answers a longer line with 414, and the common default of HTTP front ends; a
 * line within it is one no such server refuses for its length. Kestrel counts the CRLF
 * (its MaxRequestLineSizeTests, dotnet/aspnetcore, refuse `GET / HTTP/1.1` under a limit
 * of `"GET / HTTP/1.1\r\n".Length - 1`), so it is counted here too.
 */
export const MAX_REQUEST_LINE_BYTES = 8192;

/** HTTP/1.1 sends the origin-form target (RFC 9112 §3.2.1): the host is in a header, not in this line. */
const HTTP_VERSION = 'HTTP/1.1';
const CRLF_BYTES = 2;

const encoder = new TextEncoder();

/** `DELETE /customvision/v3.3/training/projects/…/images?imageIds=… HTTP/1.1` for `url` as fetch sends it (without its CRLF). */
export function requestLine(method: string, url: string): string {
  // Parsed the way fetch parses it, so any normalisation fetch does is counted too.
  const parsed = new URL(url);
  return `${method} ${parsed.pathname}${parsed.search} ${HTTP_VERSION}`;
}

/** The bytes a server reads before the line ends: the line and its CRLF. */
export function requestLineBytes(method: string, url: string): number {
  return encoder.encode(requestLine(method, url)).byteLength + CRLF_BYTES;
}

/** Refuses a request whose line is over the budget: a caller's mistake, said before anything is sent. */
export function checkRequestLine(operation: string, method: string, url: string): void {
  const bytes = requestLineBytes(method, url);
  if (bytes > MAX_REQUEST_LINE_BYTES) {
    throw invalidArgument(
      `${operation}: the request would be ${bytes} bytes long in its first line, over the ${MAX_REQUEST_LINE_BYTES} bytes servers accept; ` +
        'it was not sent. Ask for less in one call (fewer ids or tags, a shorter filter).',
    );
  }
}

/**
 * The largest n in 1..max for which `fits(n)` holds, given that fitting only gets harder
 * as n grows (every id adds the same bytes); 0 when not even one fits.
 */
export function largestFitting(max: number, fits: (n: number) => boolean): number {
  let low = 0;
  let high = max;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}
