/**
 * Request-line size. Every API request's line is measured (stats `maxRequestLineBytes`, so
 * a test can prove a client kept its lines short); with the `url-limit` or `url-limit-414`
 * quirk an over-long line is refused before routing, as the web server in front of the
 * service would refuse it. A DeleteImages naming 256 ids is about 10 KB of request line.
 */
import type { IncomingMessage } from 'node:http';
import { hasQuirk, type QuirkName } from './quirks';
import type { Reply } from './wire';

/** Kestrel's default MaxRequestLineSize; `url-limit` uses the same figure. */
export const REQUEST_LINE_LIMIT = 8192;

/**
 * Request heads (line + headers) the server reads. Node's default, 16 KiB for line and
 * headers together, answers 431 to a 16 KB request line before the url-limit quirks or
 * the maxRequestLineBytes stat could see it.
 */
export const MAX_REQUEST_HEAD_BYTES = 32 * 1024;

/** `METHOD SP request-target SP HTTP/x.y` as sent (no CRLF), in bytes. */
export function requestLineBytes(req: IncomingMessage): number {
  // Node's parser refuses request targets with non-ASCII bytes, so a character is a byte.
  return Buffer.byteLength(`${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/${req.httpVersion}`, 'latin1');
}

/** IIS request filtering's detailed error page for an over-long query string (sub-status 404.15). */
function queryStringTooLongPage(): Reply {
  const html = [
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">',
    '<html xmlns="http://www.w3.org/1999/xhtml">',
    '<head>',
    '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"/>',
    '<title>IIS 10.0 Detailed Error - 404.15 - Not Found</title>',
    '</head>',
    '<body>',
    '<div id="content">',
    '<div class="content-container">',
    '<h3>HTTP Error 404.15 - Not Found</h3>',
    '<h4>The request filtering module is configured to deny a request where the query string is too long.</h4>',
    '</div>',
    '<div class="content-container"><fieldset><h4>Most likely causes:</h4>',
    '<ul><li>Request filtering is configured on the Web server to deny the request because the query string is too long.</li></ul>',
    '</fieldset></div>',
    '<div class="content-container"><fieldset><h4>Things you can try:</h4>',
    '<ul><li>Verify the configuration/system.webServer/security/requestFiltering/requestLimits@maxQueryString setting in the applicationhost.config or web.config file.</li></ul>',
    '</fieldset></div>',
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\r\n');
  return { status: 404, headers: { 'Content-Type': 'text/html' }, body: Buffer.from(html, 'latin1') };
}

/**
 * Kestrel's answer to RequestLineTooLong: 414, no body; it then closes the connection, as
 * it does after every request it rejects while parsing.
 */
function uriTooLongReply(): Reply {
  return { status: 414, headers: { Connection: 'close' }, body: Buffer.alloc(0) };
}

/**
 * The refusal for a request line of `bytes`, or undefined when it may pass. Kestrel looks
 * for the line's LF within its first MaxRequestLineSize bytes, so its CRLF counts: 8191
 * bytes of line are already refused. With both quirks on, url-limit-414 answers.
 */
export function requestLineRefusal(config: { readonly quirks: readonly QuirkName[] }, bytes: number): Reply | undefined {
  if (hasQuirk(config, 'url-limit-414') && bytes + 2 > REQUEST_LINE_LIMIT) return uriTooLongReply();
  if (hasQuirk(config, 'url-limit') && bytes > REQUEST_LINE_LIMIT) return queryStringTooLongPage();
  return undefined;
}
