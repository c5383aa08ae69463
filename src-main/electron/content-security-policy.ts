/**
 * The renderer's Content-Security-Policy (Electron security checklist, "define a CSP"):
 * scripts, styles and fonts only from the app's own origin (app://steward/, which serves
 * nothing but the built renderer folder), no inline script or style, no eval, no remote
 * origin of any kind, no plugins, frames, workers, forms or <base>.
 *
 * The app protocol sends it as a response header. src-renderer/index.html carries the
 * same directives in a meta tag, which is what the browser harness (and the packaged
 * page, as a second layer) sees; a unit test keeps the two in step. `frame-ancestors`
 * is ignored in a meta tag, so it lives in the header only.
 *
 * Free of Electron imports, so it is unit-tested in plain Node.
 */

/** The directives index.html's meta tag must carry, in this order. */
export const RENDERER_CSP_DIRECTIVES: readonly string[] = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** Directives a meta tag cannot carry: no other page, app or site may frame the renderer. */
export const HEADER_ONLY_CSP_DIRECTIVES: readonly string[] = ["frame-ancestors 'none'"];

export const RENDERER_CSP_HEADER = [...RENDERER_CSP_DIRECTIVES, ...HEADER_ONLY_CSP_DIRECTIVES].join('; ');

/** A copy of `response` with the renderer's CSP header (fetch responses' headers are immutable). */
export function withRendererCsp(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', RENDERER_CSP_HEADER);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
